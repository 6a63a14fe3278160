// 01-momentum — momentum as a particle with friction: the seed's eq. (1)–(4), and its erratum
// (the seed's "EMA" momentum is torch's heavy ball only as SGD(lr = η(1−α), momentum = α)).
//
//   scripts/dotbar scripts/examples/01-momentum.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }
String pair(Point p) { return "(" + TextTable.number(p.get("x"), 4) + ", " + TextTable.number(p.get("y"), 4) + ")"; }
// Differences at the level of rounding are printed as such, not digit by digit.
String gap(double d) { return d == 0 ? "0 (identical)" : d < 1e-12 ? "< 1e-12 (rounding only)" : num(d); }
double distance(Point p, Point q) { return Math.max(Math.abs(p.get("x") - q.get("x")), Math.abs(p.get("y") - q.get("y"))); }

System.out.println("""
        01-momentum: momentum as a particle with friction, eq. (1)–(4)

        == Momentum, eq. (1)–(2) ==
          (1)  Δθ_t = η v_t
          (2)  v_t  = −(1−α) ∇L(θ_t) + α v_{t−1}
        dotbar's built-in rule is exactly this:""");
System.out.println(momentum());

System.out.println("""

        == A particle with friction, eq. (3)–(4) ==
        Newton with friction γ, discretised with time step Δt (momentum P, mass m, potential U):
          P_t = (1 − γΔt) P_{t−1} − Δt ∇U(X_t),   ΔX_t = Δt P_t/m
        divided by m this is the seed's
          (3)  ΔX_t  = Δt P_t/m
          (4)  P_t/m = −(Δt/m) ∇U(X_t) + α P_{t−1}/m,   α = 1 − γΔt
        The same equations as a dotbar rule, in the letters of physics:""");
double Δt = 0.05, m = 0.5, γ = 2;
Rule particle = rule("particle", "P = (1 - γ*Δt)*P - Δt*g", "θ = θ + Δt*P/m").set("Δt", Δt).set("m", m).set("γ", γ);
System.out.println(particle);
double η = Δt, α = 1 - γ * Δt;
System.out.println("\nThe mapping θ ↔ X, L ↔ U, v ↔ P/m, η ↔ Δt, 1−α ↔ Δt/m (and α ↔ 1 − γΔt):");
System.out.println("  this particle (Δt = " + num(Δt) + ", m = " + num(m) + ", γ = " + num(γ) + ") is momentum with η = Δt = " + num(η)
        + " and α = 1 − γΔt = " + num(α));
System.out.println("  and indeed Δt/m = " + num(Δt / m) + " = 1 − α");

Expr U = parse("x^2/2 + 5*y^2");
Point start = at("x=2, y=1");
System.out.println("\nStepping both on L = U = " + U + " from " + start + ":");
Optimizer mo = momentum(U, start).lr(η).alpha(α);
Optimizer pa = particle.on(U, start);
var side = new TextTable("t", "θ_t (momentum)", "X_t (particle)", "v_t", "P_t/m");
double worstX = 0, worstV = 0;
for (int t = 1; t <= 200; t++) {
    mo.step();
    pa.step();
    Point v = mo.state().get("v"), P = pa.state().get("P");
    Point Pm = at("x", P.get("x") / m, "y", P.get("y") / m);
    worstX = Math.max(worstX, distance(mo.at(), pa.at()));
    worstV = Math.max(worstV, distance(v, Pm));
    if (t <= 5 || t == 50) side.row(t, pair(mo.at()), pair(pa.at()), pair(v), pair(Pm));
}
System.out.print(side);
System.out.println("largest |θ_t − X_t| over 200 steps: " + gap(worstX));
System.out.println("largest |v_t − P_t/m| over 200 steps: " + gap(worstV));

System.out.println("""

        == Inertia rolls over ripples ==
        The seed: with inertia the parameters roll smoothly over a sudden drop or a jagged surface.
        Gradient descent and momentum with the same η on a bowl with ripples:""");
Expr ripples = parse("x^2/2 + 0.4*sin(5*x)^2");
System.out.println("  L = " + ripples + ", η = " + num(η) + ", 300 steps (the global minimum is L = 0 at x = 0)");
var roll = new TextTable("start", "gd: x", "gd: L", "momentum: x", "momentum: L");
for (double x0 : new double[]{2.5, 3}) {
    Optimizer g = gd(ripples, at("x", x0)).lr(η).step(300);
    Optimizer mr = momentum(ripples, at("x", x0)).lr(η).alpha(α).step(300);
    roll.row("x = " + num(x0), g.at().get("x"), g.loss(), mr.at().get("x"), mr.loss());
}
System.out.print(roll.digits(4));
System.out.println("gd stops in the first dip deep enough to hold it (its gradient is 0 there); momentum carries on,");
System.out.println("from x = 3 all the way to the global minimum, from x = 2.5 to a lower ripple.");

System.out.println("""

        == Erratum: the seed's momentum is not PyTorch's ==
        torch.optim.SGD with momentum μ is the "heavy ball" (dampening 0):""");
System.out.println(sgd().set("μ", α));
System.out.println("""
        With b = −v/(1−α) the seed's eq. (2) becomes b_t = α b_{t−1} + g_t and eq. (1) becomes
        Δθ_t = −η(1−α) b_t: the seed's momentum(η, α) is SGD(lr = η(1−α), momentum = α), not SGD(lr = η, momentum = α).""");
Optimizer seed = momentum(U, start).lr(η).alpha(α);
Optimizer heavy = sgd(U, start).lr(η * (1 - α)).momentum(α);
Optimizer naive = sgd(U, start).lr(η).momentum(α);
var torch = new TextTable("t", "momentum(η=" + num(η) + ", α=" + num(α) + ")", "SGD(lr=" + num(η * (1 - α)) + ", μ=" + num(α) + ")",
        "SGD(lr=" + num(η) + ", μ=" + num(α) + ")");
double worstHeavy = 0;
for (int t = 1; t <= 200; t++) {
    seed.step();
    heavy.step();
    naive.step();
    worstHeavy = Math.max(worstHeavy, distance(seed.at(), heavy.at()));
    if (t <= 4 || t == 20) torch.row(t, pair(seed.at()), pair(heavy.at()), pair(naive.at()));
}
System.out.print(torch);
System.out.println("largest |θ_t(momentum) − θ_t(SGD, lr = η(1−α))| over 200 steps: " + gap(worstHeavy));
System.out.println("SGD(lr = η, μ = α) is another optimizer, with steps 1/(1−α) = " + num(1 / (1 - α)) + " times larger (see t = 1).");
