// 03-rmsprop — RMSProp forgets old gradients exponentially: eq. (8)–(12), the seed's erratum in
// (10)–(12) (the gradients must be squared), and 0.99¹⁰⁰ ≈ 0.37.
//
//   scripts/dotbar scripts/examples/03-rmsprop.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }

System.out.println("""
        03-rmsprop: forgetting old gradients, eq. (8)–(12)

        == The update, eq. (8)–(9) ==
          (8)  Δθ_t = −η ∇L(θ_t) / √w_t
          (9)  w_t  = ρ w_{t−1} + (1−ρ) ∇L(θ_t)²
        dotbar's rule (PyTorch's RMSprop; its "alpha" is the seed's ρ):""");
System.out.println(rmsprop());

System.out.println("""

        == Unrolling (9) from w_0 = 0, eq. (10)–(12) ==
        unroll(rmsprop(), "w", t) steps the rule symbolically with gradients g1, g2, … (g_s = ∇L(θ_s)):""");
for (int t = 1; t <= 3; t++) System.out.println("  (" + (9 + t) + ")  w_" + t + " = " + unroll(rmsprop(), "w", t));
Expr w3 = unroll(rmsprop(), "w", 3);
Expr seed12 = parse("ρ^2*(1-ρ)*g1 + ρ*(1-ρ)*g2 + (1-ρ)*g3");
System.out.println("""

        Erratum: the seed writes (10)–(12) without the squares, e.g.""");
System.out.println("  (12) as printed:  w_3 = " + seed12);
System.out.println("The hand-derived form with the squares is what the rule gives:");
System.out.println(check(w3, parse("ρ^2*(1-ρ)*g1^2 + ρ*(1-ρ)*g2^2 + (1-ρ)*g3^2")));
Point p = at("ρ=0.9, g1=1, g2=-2, g3=-3");
System.out.println("The printed form is not even a mean square: at " + p + " it is " + num(seed12.eval(p)) + " < 0 (√w undefined),");
System.out.println("while w_3 = " + num(w3.eval(p)) + " = 0.081·1 + 0.09·4 + 0.1·9.");

System.out.println("""

        == How fast the past is forgotten: 0.99¹⁰⁰ ≈ 0.37 ==
        In general w_t = (1−ρ) Σ_{s=1..t} ρ^(t−s) g_s²: k steps later an old term's weight is multiplied by ρ^k.""");
Expr w101 = unroll(rmsprop(), "w", 101);
Expr weight = simplify(diff(w101, "g1", 2).div(diff(w101, "g101", 2)));
System.out.println("In unroll(rmsprop(), \"w\", 101), (weight of g1²)/(weight of g101²) = " + weight);
double r100 = weight.eval(at("ρ=0.99"));
System.out.println("  at ρ = 0.99: " + num(r100) + "  (0.99^100 = " + num(Math.pow(0.99, 100)) + "; close to 1/e = " + num(Math.exp(-1))
        + " because (1 − 1/n)^n → 1/e)");

System.out.println("""

        The same forgetting in a run: L = 5·relu(1 − x) − 0.01·x is steep (gradient −5.01) left of x = 1
        and a gentle slope (gradient −0.01) right of it. RMSProp (η = 0.01, ρ = 0.99) from x = 0:""");
Expr cliff = parse("5*relu(1 - x) - 0.01*x");
Optimizer rp = rmsprop(cliff, at("x=0")).lr(0.01).rho(0.99);
while (rp.at().get("x") <= 1) rp.step();
long T = rp.t();
double wT = rp.state().get("w").get("x"), gg = 0.01 * 0.01;
System.out.println("it passes x = 1 at step T = " + T + " with w_T = " + num(wT) + ". From then on g² = 10⁻⁴ at every step, so");
System.out.println("(w_t − g²) = ρ^(t−T)·(w_T − g²): the wall's share of w decays geometrically.");
var decay = new TextTable("t − T", "x", "w_t", "(w_t − g²)/(w_T − g²)", "ρ^(t−T)", "step η·0.01/√w");
long done = 0;
for (long k : new long[]{0, 10, 50, 100, 200, 500}) {
    rp.step((int) (k - done));
    done = k;
    double w = rp.state().get("w").get("x");
    decay.row(k, rp.at().get("x"), w, (w - gg) / (wT - gg), Math.pow(0.99, k), 0.01 * 0.01 / Math.sqrt(w));
}
System.out.print(decay);
System.out.println("After 100 steps on the slope the wall's gradients count 0.366 times what they did, and the steps grow back");
System.out.println("towards η = 0.01 (AdaGrad keeps them small for good: see 02-adagrad).");
