// A runnable form of dsl.md: every contract name called once, with the types it promises.
// Run with `scripts/dotbar ../shared/contract-smoke.jsh`; it ends with "CONTRACT OK" or stops
// (exit 1) at the first broken promise. Values are checked against facts computed by hand.
// dotbar's copy: the value of x^2*y + exp(y) at (2, 0) is 2²·0 + e⁰ = 1, not 5 as the shared copy
// says (four checks: eval at both kinds of point, the forward trace's value, the compiled value);
// its derivatives are as given.
void expect(boolean ok, String what) { if (!ok) throw new AssertionError("contract: " + what); }
boolean near(double a, double b) { return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)); }

// Expressions
Expr e = parse("x^2*y + exp(y)");
Sym x = sym("x");
expect(sym("x") == x, "sym is interned");
expect(parse("x*y").equals(x.times(sym("y"))), "parse and builder give equal nodes");
Expr built = x.pow(2).times(sin(x)).plus(1).minus(x.div(2)).neg();
expect(Double.isFinite(built.eval(at("x=0.5"))), "builder evaluates");
Point p = at("x=2, y=0");
expect(near(e.eval(p), 1.0), "eval x^2*y + exp(y) at (2, 0) = 1");
expect(near(e.eval(at("x", 2.0, "y", 0.0)), 1.0), "at(Object...)");
expect(near(p.with("y", 1.0).get("y"), 1.0) && near(p.get("y"), 0.0), "Point.with copies");
expect(e.vars().size() == 2, "vars");
Expr tower = x.plus(1);
for (int i = 0; i < 30; i++) tower = tower.times(tower).plus(1);
expect(tower.size() <= 100, "size counts shared nodes once (a tree would have 2^30)");
expect(near(e.subs("y", parse("x")).eval(at("x=1")), 1 + Math.E), "subs");
expect(!latex(e).isBlank(), "latex");
expect(near(parse("-x^2").eval(at("x=3")), -9) && near(parse("2^3^2").eval(at("x=0")), 512), "precedence");
expect(parse(e.toString()).equals(e), "round trip");

// Functions
Fn sq = def("sq(u) = u^2");
expect(near(parse("sq(x) + 1").eval(at("x=3")), 10), "def");
expect(near(sq.apply(x).eval(at("x=4")), 16), "Fn.apply");
expect(inline(parse("sq(x)")).equals(parse("x^2")), "inline");
Fn f = declare("f(u, v)");
String chain = diff(parse("f(x, y)"), "x").toString();
expect(chain.contains("∂f/∂x"), "abstract partial prints ∂f/∂x: " + chain);

// Differentiation
expect(near(diff(e, "x").eval(p), 0.0) && near(diff(e, "y").eval(p), 5.0), "diff");
expect(near(diff(parse("x^3"), "x", 2).eval(at("x=2")), 12), "diff n-th");
Grad g = grad(e, p);
expect(near(g.get("y"), 5.0) && near(g.norm(), 5.0), "grad");
Hessian h = hessian(e, p);
expect(near(h.get("x", "y"), 4.0) && near(h.get("y", "x"), 4.0) && near(h.get("y", "y"), 1.0), "hessian");
Trace ft = forward(e, p, "y");
expect(near(ft.value(), 1.0) && near(ft.derivative(), 5.0) && ft.ops() > 0, "forward trace");
Trace rt = reverse(e, p);
expect(near(rt.gradient().get("y"), 5.0) && !rt.toString().isBlank(), "reverse trace");
expect(forward(e, "y") != null && reverse(e) != null, "symbolic sweeps");
expect(check("d/dx x^3 = 3*x^2").holds() && !check("d/dx x^3 = 3*x").holds(), "check");
expect(check(parse("2*x"), parse("x+x")).holds(), "check(lhs, rhs)");
expect(simplify(parse("x + x")).equals(parse("2*x")), "simplify collects like terms");

// Compiled evaluation
Compiled c = compile(e, "x", "y");
double[] gr = new double[2];
expect(near(c.value(new double[]{2, 0}), 1) && near(c.gradient(new double[]{2, 0}, gr), 1) && near(gr[1], 5), "compile");

// Optimizers
Expr bowl = parse("(x-1)^2 + 10*(y+2)^2");
Optimizer o = gd(bowl, at("x=0, y=0")).lr(0.01);
o.step();
expect(o.t() == 1 && near(o.at().get("x"), 0.02) && near(o.at().get("y"), -0.4), "gd step");
o.step(2000);
expect(Math.abs(o.at().get("x") - 1) < 1e-6 && o.loss() < 1e-9, "gd converges");
for (Optimizer q : new Optimizer[]{momentum(bowl, at("x=0, y=0")), nesterov(bowl, at("x=0, y=0")), adagrad(bowl, at("x=0, y=0")).lr(0.5),
        rmsprop(bowl, at("x=0, y=0")), adam(bowl, at("x=0, y=0")).lr(0.01).betas(0.9, 0.999).eps(1e-8), adamw(bowl, at("x=0, y=0")).lr(0.01)}) {
    q.step(5000);
    expect(q.loss() < 1e-2, "converges: " + q);
}
expect(near(rmsprop(bowl, at("x=0, y=0")).rho(0.9).step().at().get("x"), 0.01 / (Math.sqrt(0.1 * 4) + 1e-8) * 2 * 1), "rmsprop first step with ρ");
expect(o.history().size() >= 1 && o.state() != null, "history and state");
Rule r = rule("heavy", "v = α*v - g", "θ = θ + η*v").set("α", 0.5).set("η", 0.01);
Optimizer ho = r.on(bowl, at("x=0, y=0"));
ho.step(2);
expect(near(ho.at().get("x"), 0.02 + 0.01 * (0.5 * 2 + 2 * (1 - 0.02))), "custom rule steps: " + ho.at());
expect(near(unroll(rmsprop(), "w", 2).eval(at("ρ=0.5, g1=2, g2=4")), 0.5 * 0.5 * 4 + 0.5 * 16), "unroll");
Dataset d = data("u v", new double[][]{{0, 1}, {1, 3}, {2, 5}});
Optimizer so = sgd(parse("(m*u + b - v)^2"), d, at("m=0, b=0")).lr(0.05).batch(3).seed(7);
so.step(3000);
expect(Math.abs(so.at().get("m") - 2) < 1e-3 && Math.abs(so.at().get("b") - 1) < 1e-3, "sgd on data");

// Tensors
matrix("Wc", 2, 2); vector("xc", 2); vector("yc", 2);
Expr Lc = parse("sum((Wc·xc - yc)^2)/2");
expect(Lc.shape()[0] == 1 && Lc.shape()[1] == 1, "a tensor loss is a scalar");
Point pc = at("Wc", new double[][]{{1, 2}, {3, 4}}, "xc", new double[]{1, -1}, "yc", new double[]{0, 1});
// Wc·xc − yc = (−1, −2): L = 5/2 and ∂L/∂Wc = (Wc·xc − yc)·xcᵀ = [[−1, 1], [−2, 2]], by hand
expect(near(Lc.eval(pc), 2.5), "a tensor loss evaluates");
double[][] gW = grad(Lc, pc).array("Wc");
expect(near(gW[0][0], -1) && near(gW[0][1], 1) && near(gW[1][0], -2) && near(gW[1][1], 2), "grad(L, p).array");
expect(diff(Lc, "Wc").toString().contains("ᵀ"), "∂L/∂W in matrix notation: " + diff(Lc, "Wc"));
expect(check("∂/∂Wc (sum((Wc·xc - yc)^2)/2) = (Wc·xc - yc)·xcᵀ").holds(), "a matrix derivation holds");
expect(!check("∂/∂Wc (sum((Wc·xc - yc)^2)/2) = Wc·xc·xcᵀ").holds(), "a wrong one is refuted");
Dataset dc = data("xc:2 yc:2", new double[][]{{1, 0, 1, 3}, {0, 1, 2, 4}, {1, 1, 3, 7}, {2, -1, 0, 2}});
Optimizer tc = adam().lr(0.05).on(Lc, dc, at("Wc", new double[][]{{0, 0}, {0, 0}})).batch(4);
tc.step(4000);
double[][] Wt = tc.at().array("Wc");
expect(Math.abs(Wt[0][0] - 1) < 1e-3 && Math.abs(Wt[0][1] - 2) < 1e-3 && Math.abs(Wt[1][0] - 3) < 1e-3 && Math.abs(Wt[1][1] - 4) < 1e-3, "adam on a tensor parameter over data: " + java.util.Arrays.deepToString(Wt));

// Plots
Plot pl = plot(parse("x^2"), "x", -1, 1);
expect(pl.toString().lines().count() >= 5, "terminal plot");
expect(contour(bowl, "x", -1, 2, "y", -3, 1).path(o) != null, "contour with a path");

// Errors
try { parse("x +"); expect(false, "parse error expected"); } catch (DotbarException ex) { expect(ex.getMessage().contains("column"), "parse error names the column"); }
try { parse("x + y").eval(at("x=1")); expect(false, "missing value expected"); } catch (DotbarException ex) { expect(ex.getMessage().contains("y"), "missing value names y"); }
System.out.println("CONTRACT OK");
