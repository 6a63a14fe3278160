// 04-adam — Adam = momentum + RMSProp, and its bias correction: eq. (13)–(23), numerically and by
// unroll, with the seed's errata in (13) (the sign) and (16)/(20) (the summation index).
//
//   scripts/dotbar scripts/examples/04-adam.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }
String holds(Check c) { return c.holds() ? "holds" : "does NOT hold"; }
double mean(Point p) { return p.asMap().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow(); }

System.out.println("""
        04-adam: momentum and RMSProp together, with bias correction, eq. (13)–(23)

        == The update, eq. (13)–(15) ==
          (13) Δθ_t = η v̂_t / √ŵ_t           (the seed: −η v̂_i/√ŵ_t, see the erratum below)
          (14) v_t  = −(1−α) ∇L(θ_t) + α v_{t−1}
          (15) w_t  = ρ w_{t−1} + (1−ρ) ∇L(θ_t)²
        with the bias corrections v̂_t = v_t/(1−α^t), ŵ_t = w_t/(1−ρ^t) of (19), (22) and PyTorch's ε:""");
System.out.println(adam());

System.out.println("""

        == Erratum in (13): the sign ==
        v already carries the minus sign of the descent (14), so (13) must read Δθ_t = +η v̂_t/√ŵ_t; the seed's
        −η v̂/√ŵ (and its index i for t) climbs uphill. (13) as printed, as a rule:""");
Rule asPrinted = rule("adam, (13) as printed", "v = α*v - (1-α)*g", "w = ρ*w + (1-ρ)*g^2", "v̂ = v/(1-α^t)", "ŵ = w/(1-ρ^t)",
        "θ = θ - η*v̂/(sqrt(ŵ) + ε)").set("α", 0.9).set("ρ", 0.999).set("ε", 1e-8).set("η", 0.1);
System.out.println(asPrinted);
Expr bowl = parse("(x-1)^2 + 10*(y+2)^2");
Point start = at("x=0, y=0");
Optimizer right = adam(bowl, start).lr(0.1);
Optimizer wrong = asPrinted.on(bowl, start);
System.out.println("On L = " + bowl + " from " + start + ", η = 0.1:");
var signs = new TextTable("t", "L (adam)", "L ((13) as printed)");
signs.row(0, right.loss(), wrong.loss());
long done = 0;
for (long t : new long[]{1, 2, 3, 10, 100}) {
    right.step((int) (t - done));
    wrong.step((int) (t - done));
    done = t;
    signs.row(t, right.loss(), wrong.loss());
}
System.out.print(signs);

System.out.println("""

        == Unrolled: the general terms (16) and (20), and their erratum ==
        unroll(adam(), state, 3) with gradients g1, g2, g3 (g_s = ∇L(θ_s)):""");
Expr v3 = unroll(adam(), "v", 3), w3 = unroll(adam(), "w", 3);
System.out.println("  v_3 = " + v3);
System.out.println("  w_3 = " + w3);
System.out.println("(20) v_t = −(1−α) Σ_{s=1..t} α^(t−s) g_s  and  (16) w_t = (1−ρ) Σ_{s=1..t} ρ^(t−s) g_s², summed over s:");
System.out.println("  v_3 = −(1−α)·(α²·g1 + α·g2 + g3):     " + holds(check(v3, parse("-(1-α)*(α^2*g1 + α*g2 + g3)"))));
System.out.println("  w_3 = (1−ρ)·(ρ²·g1² + ρ·g2² + g3²):   " + holds(check(w3, parse("(1-ρ)*(ρ^2*g1^2 + ρ*g2^2 + g3^2)"))));
System.out.println("The seed sums ∇L(θ_t), the index of the last step, instead of ∇L(θ_s): that keeps only the newest gradient,");
Expr printed16 = parse("(1-ρ)*(ρ^2 + ρ + 1)*g3^2"), printed20 = parse("-(1-α)*(α^2 + α + 1)*g3");
System.out.println("  w_3 = (1−ρ)·(ρ² + ρ + 1)·g3² = (1−ρ³)·g3²: " + holds(check(w3, printed16)));
System.out.println("  v_3 = −(1−α)·(α² + α + 1)·g3 = −(1−α³)·g3: " + holds(check(v3, printed20)));
Point p = at("α=0.9, ρ=0.9, g1=1, g2=2, g3=3");
System.out.println("  at " + p + ": w_3 = " + num(w3.eval(p)) + " but the printed (16) gives " + num(printed16.eval(p))
        + "; v_3 = " + num(v3.eval(p)) + ", printed (20) " + num(printed20.eval(p)));

System.out.println("""

        == Bias correction, (17)–(22) ==
        v and w start at 0, so early on they are too small: with gradients of constant statistics
          (19) E[w_t] = E[g²]·(1−ρ^t)    (21) E[v_t] = −E[g]·(1−α^t)
        and dividing by 1−ρ^t and 1−α^t, (22), removes the bias. For a constant gradient g it is exact:""");
Map<String, Expr> constant = Map.of("g1", sym("g"), "g2", sym("g"), "g3", sym("g"));
Expr vHat3 = unroll(adam(), "v̂", 3), wHat3 = unroll(adam(), "ŵ", 3);
System.out.println("  v̂_3 = " + vHat3);
System.out.println("  with g1 = g2 = g3 = g:  v_3 = −(1−α³)·g: " + holds(check(v3.subs(constant), parse("-(1-α^3)*g")))
        + ";  v̂_3 = −g: " + holds(check(vHat3.subs(constant), parse("-g")))
        + ";  ŵ_3 = g²: " + holds(check(wHat3.subs(constant), parse("g^2"))));

int K = 100, T = 1500;
System.out.println("\nWith noisy gradients: " + K + " runs of Adam (α = 0.9, ρ = 0.999, η = 0.01) on L = Σ_k u_k·x_k, the sample u_k");
System.out.println("of run k drawn afresh at every step, so that g = u. At each step the " + K + " gradients have mean E[g] = 1 and");
System.out.println("mean square E[g²] = 5 exactly (standardised normal draws); averages over the runs are the expectations:");
var random = new Random(2023);
double[][] rows = new double[T][K];
for (double[] row : rows) {
    double s = 0, ss = 0;
    for (int k = 0; k < K; k++) { row[k] = random.nextGaussian(); s += row[k]; }
    double m = s / K;
    for (int k = 0; k < K; k++) ss += (row[k] - m) * (row[k] - m);
    double sd = Math.sqrt(ss / K);
    for (int k = 0; k < K; k++) row[k] = 1 + 2 * (row[k] - m) / sd;
}
var columns = new StringJoiner(" ");
var terms = new StringJoiner(" + ");
var zero = new LinkedHashMap<String, Double>();
for (int k = 1; k <= K; k++) { columns.add("u" + k); terms.add("u" + k + "*x" + k); zero.put("x" + k, 0.0); }
Optimizer runs = adam().on(parse(terms.toString()), data(columns.toString(), rows), Point.of(zero)).lr(0.01);
var bias = new TextTable("t", "mean w_t", "5·(1−ρ^t)", "mean ŵ_t", "mean v_t", "−(1−α^t)", "mean v̂_t");
done = 0;
for (long t : new long[]{1, 2, 10, 100, 1000}) {
    runs.step((int) (t - done));
    done = t;
    var s = runs.state();
    bias.row(t, mean(s.get("w")), 5 * (1 - Math.pow(0.999, t)), mean(s.get("ŵ")), mean(s.get("v")), -(1 - Math.pow(0.9, t)), mean(s.get("v̂")));
}
System.out.print(bias);
System.out.println("Without the correction Adam's early steps would be (1−α^t)/√(1−ρ^t) times the corrected ones:");
var factor = new TextTable("t", "1−α^t", "1−ρ^t", "(1−α^t)/√(1−ρ^t)");
for (int t : new int[]{1, 10, 100, 1000, 10000}) {
    double a = 1 - Math.pow(0.9, t), r = 1 - Math.pow(0.999, t);
    factor.row(t, a, r, a / Math.sqrt(r));
}
System.out.print(factor);

System.out.println("""

        == The first step has size η ==
        With the correction, v̂_1 = −g1 and ŵ_1 = g1², so the first step is −η·g1/|g1| in every coordinate:""");
System.out.println("  simplify(unroll(adam(), \"θ\", 1)) = " + simplify(unroll(adam(), "θ", 1)));
Expr steep = parse("(x-1)^2 + 1000*(y+2)^2");
Optimizer first = adam(steep, start).lr(0.1).step();
System.out.println("  on L = " + steep + " from " + start + " (gradient " + grad(steep, start) + ") with η = 0.1:");
System.out.println("  θ_1 = (" + TextTable.number(first.at().get("x"), 8) + ", " + TextTable.number(first.at().get("y"), 8)
        + "): both coordinates move by η = 0.1 (less ε's share), though their gradients differ 2000-fold.");

System.out.println("""

        == Far from the start, (23) ==
          (23) Δθ ≈ −η E[g]/√E[g²]   for t ≫ 1""");
Point before = runs.at();
runs.step(500);
Point after = runs.at();
double meanStep = 0;
for (String x : after.names()) meanStep += (after.get(x) - before.get(x)) / 500 / K;
System.out.println("In the " + K + " runs above, the mean step over t = 1001…1500 is Δθ/η = " + TextTable.number(meanStep / 0.01, 4)
        + ", against −E[g]/√E[g²] = −1/√5 = " + TextTable.number(-1 / Math.sqrt(5), 4) + ".");
