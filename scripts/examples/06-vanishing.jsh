// 06-vanishing — vanishing gradients, eq. (31): the chain rule through m sigmoid layers multiplies m
// factors σ' ≤ 1/4; through ReLUs the factors are 1.
//
//   scripts/dotbar scripts/examples/06-vanishing.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }

System.out.println("""
        06-vanishing: vanishing gradients, eq. (31)

        == Eq. (31), symbolically ==
        Two layers, as the seed writes them: L = L(φ2), φ2 = φ2(w2), w2 = w2(φ1), φ1 = φ1(w1, c), w1 = w1(a, b, c),
        all abstract. Reverse mode multiplies one factor per edge on the way from L back to a:""");
for (String f : List.of("L(φ2)", "φ2(w2)", "w2(φ1)", "φ1(w1, c)", "w1(a, b, c)")) declare(f);
Expr net = parse("L(φ2(w2(φ1(w1(a, b, c), c))))");
System.out.println("  L = " + net);
System.out.println("  (31) ā = ∂L/∂a = " + diff(net, "a"));

System.out.println("""

        == Why sigmoids shrink it ==""");
Sym x = sym("x");
Check square = check(diff(sigmoid(x), "x"), parse("1/4 - (σ(x) - 1/2)^2"));
System.out.println("σ'(x) = " + diff(sigmoid(x), "x") + ", and σ(1 − σ) = 1/4 − (σ − 1/2)² ("
        + (square.holds() ? "holds" : "does NOT hold") + " at " + square.points() + " random points),");
System.out.println("so σ' ≤ 1/4, with equality only at x = 0 (σ'(0) = " + num(diff(sigmoid(x), "x").eval(at("x=0")))
        + "). A ReLU's derivative is " + diff(relu(x), "x") + ": 1 wherever the unit is on.");

System.out.println("""

        == m layers ==
        The chain w_1 = a, φ_k = f(w_k), w_(k+1) = φ_k, L = φ_m (weights 1, no biases) at a = 0.5, so that
        ∂L/∂a = f'(w_1)·f'(w_2)···f'(w_m). For f = σ each factor is at most 1/4; for f = relu each is 1.""");
Sym a = sym("a");
Point at05 = at("a=0.5");
int M = 20;
double[] sigmoidGrad = new double[M], reluGrad = new double[M], bound = new double[M];
var depth = new TextTable("m", "|∂L/∂a| sigmoid", "hand product Π σ(w_k)(1−σ(w_k))", "(1/4)^m", "ratio to bound", "|∂L/∂a| relu");
Expr s = a, r = a;
double product = 1, w = 0.5;
for (int m = 1; m <= M; m++) {
    s = sigmoid(s);
    r = relu(r);
    double sw = 1 / (1 + Math.exp(-w));
    product *= sw * (1 - sw);
    w = sw;
    sigmoidGrad[m - 1] = Math.abs(grad(s, at05).get("a"));
    reluGrad[m - 1] = Math.abs(grad(r, at05).get("a"));
    bound[m - 1] = Math.pow(0.25, m);
    depth.row(m, sigmoidGrad[m - 1], product, bound[m - 1], sigmoidGrad[m - 1] / bound[m - 1], reluGrad[m - 1]);
}
System.out.print(depth.digits(4));
System.out.println("""
        The sigmoid chain's input settles where σ(w) = w ≈ 0.659, where σ' ≈ 0.225: close to the bound, so the
        gradient loses about 0.65 decades per layer and 13 decades over 20 layers, while the ReLU chain passes it on unchanged.
        """);
List<String> labels = new ArrayList<>();
double[] sEven = new double[M / 2], bEven = new double[M / 2], rEven = new double[M / 2];
for (int m = 2; m <= M; m += 2) {
    labels.add("m=" + m);
    sEven[m / 2 - 1] = sigmoidGrad[m - 1];
    bEven[m / 2 - 1] = bound[m - 1];
    rEven[m / 2 - 1] = reluGrad[m - 1];
}
System.out.println(bars(labels, "sigmoid |∂L/∂a|", sEven).bars("(1/4)^m", bEven).bars("relu |∂L/∂a|", rEven)
        .logScale().title("|∂L/∂a| through m layers"));
