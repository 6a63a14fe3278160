// 02-adagrad — AdaGrad: a learning rate per coordinate, eq. (5)–(7), and its weakness: large
// early gradients shrink the steps for good.
//
//   scripts/dotbar scripts/examples/02-adagrad.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }
// The learning rate η/√w_t an AdaGrad or RMSProp optimizer of the one parameter x now has.
double rate(Optimizer o) { return o.get("η") / Math.sqrt(o.state().get("w").get("x")); }

System.out.println("""
        02-adagrad: per-coordinate learning rates, eq. (5)–(7)

        == The update, eq. (5)–(7) ==
          (5)  Δθ_t = −η ∇L(θ_t) / √(Σ_{s≤t} ∇L(θ_s)²)
          (6)  Δθ_t = −η ∇L(θ_t) / √w_t
          (7)  w_t  = w_{t−1} + ∇L(θ_t)²
        (squares and roots per coordinate). dotbar's rule, with PyTorch's ε added to √w:""");
System.out.println(adagrad());
System.out.println("\nThe recurrence (7) sums the squared gradients of (5): unroll(adagrad(), \"w\", 3) =");
System.out.println("  " + unroll(adagrad(), "w", 3));
System.out.println("and two steps of (6) from θ0 are (5) written out: unroll(adagrad(), \"θ\", 2) =");
System.out.println("  " + unroll(adagrad(), "θ", 2));

System.out.println("""

        == A rate per coordinate ==
        The seed: directions that saw large gradients get smaller rates, the others larger ones.""");
Expr valley = parse("x^2 + 100*y^2");
double η = 0.1;
System.out.println("L = " + valley + " from (1, 1): ∂L/∂y is 100 times ∂L/∂x. AdaGrad with η = " + num(η) + ":");
Optimizer ada = adagrad(valley, at("x=1, y=1")).lr(η);
var rates = new TextTable("t", "x", "y", "η/√w_x", "η/√w_y");
for (int t = 1; t <= 5; t++) {
    ada.step();
    Point w = ada.state().get("w");
    rates.row(t, ada.at().get("x"), ada.at().get("y"), η / Math.sqrt(w.get("x")), η / Math.sqrt(w.get("y")));
}
System.out.print(rates);
System.out.println("The first step is −η·g/|g| = −η in every coordinate, whatever the gradient's size; y's rate is 100 times");
System.out.println("smaller than x's, so both coordinates move alike (here exactly alike: the gradients keep the ratio 1 : 100).");
Optimizer fast = gd(valley, at("x=1, y=1")).lr(η).step(10);
System.out.println("Plain gd multiplies y by 1 − 200η each step: with the same η = " + num(η) + " it diverges, y_10 = (−19)^10 = "
        + num(fast.at().get("y")) + ";");
Optimizer slow = gd(valley, at("x=1, y=1")).lr(0.009).step(5);
System.out.println("with η = 0.009, just below its limit 1/100, it crawls along x: x_5 = (1 − 2η)^5 = " + num(slow.at().get("x"))
        + " (AdaGrad: " + num(ada.at().get("x")) + ").");

System.out.println("""

        == The weakness: early gradients are never forgotten ==
        L = 10·e^(−x) − 0.01·x: a steep wall at x = 0, then a long gentle slope (gradient → −0.01).""");
Expr wall = parse("10*exp(-x) - 0.01*x");
Optimizer fromWall = adagrad(wall, at("x=0")).lr(η);
Optimizer onSlope = adagrad(wall, at("x=8")).lr(η);
Optimizer forgets = rmsprop(wall, at("x=0")).lr(η);
var race = new TextTable("t", "AdaGrad from 0: x", "η/√w", "AdaGrad from 8: x", "η/√w", "RMSProp from 0: x", "η/√w");
int done = 0;
for (int t : new int[]{1, 10, 100, 1000, 3000}) {
    fromWall.step(t - done);
    onSlope.step(t - done);
    forgets.step(t - done);
    done = t;
    race.row(t, fromWall.at().get("x"), rate(fromWall), onSlope.at().get("x"), rate(onSlope), forgets.at().get("x"), rate(forgets));
}
System.out.print(race.digits(4));
System.out.println("The wall's gradients (∇L(0) = " + num(diff(wall, "x").eval(at("x=0"))) + ") fill AdaGrad's sum w in its first steps, and the sum never");
System.out.println("shrinks: after 3000 steps its rate is " + TextTable.number(rate(onSlope) / rate(fromWall), 2)
        + " times smaller than that of an AdaGrad started on the slope at x = 8, and");
System.out.println(TextTable.number(rate(forgets) / rate(fromWall), 2) + " times smaller than RMSProp's, which forgets the wall (03-rmsprop): RMSProp is at x = "
        + TextTable.number(forgets.at().get("x"), 4) + ", AdaGrad at " + TextTable.number(fromWall.at().get("x"), 4) + ".");
