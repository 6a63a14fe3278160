// 05-forward-reverse — forward and reverse mode on the seed's graph L(φ(w(a, b, c), c)): eq. (24)–(30)
// symbolically (abstract functions) and numerically (concrete ones), the erratum of (29) — c̄ has two
// contributions — and what each mode costs.
//
//   scripts/dotbar scripts/examples/05-forward-reverse.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }
String factor(double v) { return v < 0 ? "(" + num(v) + ")" : num(v); }

System.out.println("""
        05-forward-reverse: automatic differentiation both ways, eq. (24)–(30)

        == The seed's graph, with abstract functions ==
        w = w(a, b, c), φ = φ(w, c), L = L(φ): only names and arities, no bodies.""");
declare("w(a, b, c)");
declare("φ(w, c)");
declare("L(φ)");
Expr graph = parse("L(φ(w(a, b, c), c))");
System.out.println("L = " + graph);

System.out.println("""

        == Forward mode, eq. (24)–(26) ==
        Tangents (dots) flow with the evaluation; to differentiate by a, seed (ȧ, ḃ, ċ) = (1, 0, 0):""");
System.out.println(forward(graph, "a"));
System.out.println("Each input needs a sweep of its own; seeded with ċ = 1 both terms of (25) live:");
System.out.println(forward(graph, "c"));

System.out.println("""
        == Reverse mode, eq. (27)–(30), and the erratum of (29) ==
        Adjoints (bars) flow back from L̄ = 1; one sweep gives ā, b̄ and c̄ together:""");
System.out.println(reverse(graph));
System.out.println("""
        (27) L̄ = 1, (28) φ̄ = ∂L/∂φ·L̄, (29) w̄ = ∂φ/∂w·φ̄, (30) ā = ∂w/∂a·w̄ are the rows above. Erratum: c reaches L
        by two paths, through w and directly through φ(w, c), so its adjoint has two contributions,
          c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄,
        not ∂w/∂c·w̄ alone as (29)–(30) would suggest. The symbolic derivative agrees:""");
System.out.println("  ∂L/∂c = " + diff(graph, "c"));

System.out.println("""

        == The same graph with bodies ==""");
def("w(a, b, c) = a*b + c");
def("φ(w, c) = σ(w)*c");
def("L(φ) = (φ - 1)^2");
Expr concrete = parse("L(φ(w(a, b, c), c))");
System.out.println("w(a, b, c) = a·b + c,  φ(w, c) = σ(w)·c,  L(φ) = (φ − 1)²;  L = " + concrete + " = " + inline(concrete));
Point p = at("a=0.5, b=-1.2, c=0.3");
System.out.println();
Trace fwd = forward(concrete, p, "a");
System.out.println(fwd);
Trace rev = reverse(concrete, p);
System.out.println(rev);
double h = 1e-6;
var agree = new TextTable("", "forward (one sweep each)", "reverse (one sweep)", "central difference");
for (String x : List.of("a", "b", "c")) {
    double fd = (concrete.eval(p.with(x, p.get(x) + h)) - concrete.eval(p.with(x, p.get(x) - h))) / (2 * h);
    agree.row("∂L/∂" + x, forward(concrete, p, x).derivative(), rev.gradient().get(x), fd);
}
System.out.print(agree);
double wBar = rev.row("w").derivative(), phiBar = rev.row("φ").derivative();
double sigma = 1 / (1 + Math.exp(-rev.row("w").value()));
System.out.println("\nThe two contributions to c̄ here: ∂w/∂c·w̄ = 1·" + factor(wBar) + " and ∂φ/∂c·φ̄ = σ(w)·φ̄ = " + num(sigma) + "·"
        + factor(phiBar) + " = " + num(sigma * phiBar) + ";");
System.out.println("their sum is c̄ = " + num(wBar + sigma * phiBar) + ". (29)–(30) read literally give c̄ = ∂w/∂c·w̄ = " + num(wBar)
        + ", which is wrong.");

System.out.println("""

        == What each mode costs ==
        Forward mode gets one derivative per sweep, reverse mode all of them from one sweep back (after one
        value sweep): the seed's reason why networks, with far more parameters than outputs, use reverse mode.""");
System.out.print(cost(concrete));
System.out.println("\nA neuron with n weights, L = (σ(Σ_k k·a_k) − 1)²:");
var scaling = new TextTable("n", "forward sweeps", "forward ops", "reverse sweeps", "reverse ops", "forward/reverse");
for (int n : new int[]{3, 10, 30, 100, 300}) {
    var sum = new StringJoiner(" + ");
    for (int k = 1; k <= n; k++) sum.add(k + "*a" + k);
    Cost c = cost(parse("(σ(" + sum + ") - 1)^2"));
    scaling.row(n, c.forwardSweeps(), c.forwardOps(), c.reverseSweeps(), c.reverseOps(), TextTable.number((double) c.forwardOps() / c.reverseOps(), 3));
}
System.out.print(scaling);
System.out.println("Forward mode's work grows like n², reverse mode's like n.");
