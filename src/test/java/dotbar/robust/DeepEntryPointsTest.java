package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.HessianVector;
import dotbar.testing.SmallStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public entry point on 20 000-deep chains of three shapes, each call on a thread with a
 * 256 KiB stack ({@link SmallStack}, where 20 000 nested calls overflow): parse, toString, latex,
 * eval, diff (first and second order), grad (numeric and symbolic), hessian, the numeric and
 * symbolic forward and reverse traces, simplify, check, compile, the tape's second tier, H·v, an
 * optimizer step, cost and inline. The numbers are checked against values carried along the
 * same chain here in plain doubles (value, gradient and Hessian by the chain rule as recurrences),
 * independent of dotbar; the texts against strings built here. Speed is not asserted: that is
 * {@code scripts/bench scaling}'s job ({@code dotbar.bench.DepthScaling}).
 *
 * <p>The shapes: {@code sin(sin(…sin(x)…))}; a left-deep sum/product mix
 * {@code ((x·a + x)·a + x)·a + …} (Horner's form of x·(1 + a + … + aᴺ)); and a chain through one
 * defined function {@code dch(u, w) = sin(u) + w}, {@code dch(dch(…dch(x, y)…, y), y)}.
 */
class DeepEntryPointsTest {
    private static final int N = 20_000;

    /** A chain with its variables (sorted), a point, and what the chain rule gives there. */
    record Shape(String name, Expr e, String text, List<String> vars, Point p, double value, double[] grad, double[][] hessian) {
        double gradOf(String v) { return grad[vars.indexOf(v)]; }
        double hessianOf(String u, String v) { return hessian[vars.indexOf(u)][vars.indexOf(v)]; }
        String first() { return vars.get(vars.size() - 1); }   // the variable diff and forward take
    }

    // ---- the shapes and their oracles ------------------------------------------------------

    /** sin applied N times to x; v ← sin v, v' ← cos v·v', v'' ← −sin v·v'² + cos v·v''. */
    static Shape sines() {
        double x = 0.7, v = x, d = 1, s = 0;
        Expr e = sym("x");
        for (int k = 0; k < N; k++) {
            e = sin(e);
            double c = Math.cos(v), sn = Math.sin(v);
            s = -sn * d * d + c * s;
            d = c * d;
            v = sn;
        }
        String text = "sin(".repeat(N) + "x" + ")".repeat(N);
        return new Shape("sin(sin(…x…))", e, text, List.of("x"), at("x", x), v, new double[] {d}, new double[][] {{s}});
    }

    /**
     * e₀ = x, eₖ = eₖ₋₁·a + x (left-deep). With (v, ∂ₐ, ∂ₓ, ∂ₐₐ, ∂ₐₓ, ∂ₓₓ) carried along:
     * v ← v·a + x, vₐ ← vₐ·a + v, vₓ ← vₓ·a + 1, vₐₐ ← vₐₐ·a + 2vₐ, vₐₓ ← vₐₓ·a + vₓ, vₓₓ ← vₓₓ·a.
     */
    static Shape horner() {
        double x = 0.8, a = 0.999;
        double v = x, va = 0, vx = 1, vaa = 0, vax = 0, vxx = 0;
        Expr e = sym("x");
        for (int k = 0; k < N; k++) {
            e = e.times(sym("a")).plus(sym("x"));
            vaa = vaa * a + 2 * va;
            vax = vax * a + vx;
            vxx = vxx * a;
            va = va * a + v;
            vx = vx * a + 1;
            v = v * a + x;
        }
        String text = "(".repeat(N - 1) + "x·a + x" + ")·a + x".repeat(N - 1);
        return new Shape("left-deep (…(x·a + x)·a + …)", e, text, List.of("a", "x"), at("a", a, "x", x), v,
                new double[] {va, vx}, new double[][] {{vaa, vax}, {vax, vxx}});
    }

    /**
     * e₀ = x, eₖ = dch(eₖ₋₁, y) with dch(u, w) = sin(u) + w. With (v, ∂ₓ, ∂ᵧ) = (v, p, q):
     * v ← sin v + y, p ← cos v·p, q ← cos v·q + 1, and each second derivative h_{uv} ← −sin v·(∂ᵤ)(∂ᵥ) + cos v·h_{uv}.
     */
    static Shape definedChain() {
        var dch = def("dch(u, w) = sin(u) + w");
        double x = 0.7, y = 0.0;
        double v = x, p = 1, q = 0, pp = 0, pq = 0, qq = 0;
        Expr e = sym("x");
        for (int k = 0; k < N; k++) {
            e = dch.apply(e, sym("y"));
            double c = Math.cos(v), sn = Math.sin(v);
            pp = -sn * p * p + c * pp;
            pq = -sn * p * q + c * pq;
            qq = -sn * q * q + c * qq;
            p = c * p;
            q = c * q + 1;
            v = sn + y;
        }
        String text = "dch(".repeat(N) + "x" + ", y)".repeat(N);
        return new Shape("dch(dch(…x…, y), y)", e, text, List.of("x", "y"), at("x", x, "y", y), v,
                new double[] {p, q}, new double[][] {{pp, pq}, {pq, qq}});
    }

    static List<Shape> shapes() {
        return List.of(sines(), horner(), definedChain());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-8 * Math.max(1, Math.abs(expected)), what);
    }

    private static void gradientIs(Shape s, Map<String, Double> g, String what) {
        for (String v : s.vars()) close(s.gradOf(v), g.get(v), what + " ∂/∂" + v);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }

    // ---- the entry points ------------------------------------------------------------------

    /** Each entry point as a check on one shape; all run on the small stack. */
    static Map<String, Consumer<Shape>> entryPoints() {
        var m = new java.util.LinkedHashMap<String, Consumer<Shape>>();
        m.put("parse", s -> assertSame(s.e(), parse(s.text()), "parses to the same node"));
        m.put("toString", s -> assertEquals(s.text(), s.e().toString()));
        m.put("latex", s -> {
            String tex = latex(s.e());
            String mark = s.text().startsWith("sin") ? "\\sin" : s.text().startsWith("dch") ? "dch" : "a";
            assertEquals(N, count(tex.replace("\\cdot", "").replace("\\left", "").replace("\\right", ""), mark), "one " + mark + " per level");
        });
        m.put("eval", s -> close(s.value(), s.e().eval(s.p()), "eval"));
        m.put("diff", s -> close(s.gradOf(s.first()), diff(s.e(), s.first()).eval(s.p()), "diff"));
        m.put("diff, 2nd order", s -> close(s.hessianOf(s.first(), s.first()), diff(s.e(), s.first(), 2).eval(s.p()), "diff(e, x, 2)"));
        m.put("grad(e, p)", s -> gradientIs(s, grad(s.e(), s.p()).asMap(), "grad"));
        m.put("grad(e)", s -> {
            var partials = grad(s.e());
            for (String v : s.vars()) close(s.gradOf(v), partials.get(v).eval(s.p()), "grad(e) ∂/∂" + v);
        });
        m.put("hessian", s -> {
            var h = hessian(s.e(), s.p());
            for (String u : s.vars()) for (String v : s.vars()) close(s.hessianOf(u, v), h.get(u, v), "H " + u + v);
        });
        m.put("forward(e, p, x)", s -> {
            var t = forward(s.e(), s.p(), s.first());
            close(s.value(), t.value(), "value");
            close(s.gradOf(s.first()), t.derivative(), "tangent");
            assertTrue(t.rows().size() > N, t.rows().size() + " rows");
            assertTrue(t.toString().length() > N && t.latex().length() > N);
        });
        m.put("reverse(e, p)", s -> {
            var t = reverse(s.e(), s.p());
            gradientIs(s, t.gradient().asMap(), "reverse");
            assertTrue(t.rows().size() > N, t.rows().size() + " rows");
            assertTrue(t.toString().length() > N && t.latex().length() > N);
        });
        m.put("forward(e, x)", s -> {
            var t = forward(s.e(), s.first());
            close(s.gradOf(s.first()), t.derivative().eval(s.p()), "symbolic tangent");
            assertTrue(t.toString().length() > N && t.latex().length() > N);
        });
        m.put("reverse(e)", s -> {
            var t = reverse(s.e());
            for (String v : s.vars()) close(s.gradOf(v), t.gradient().get(v).eval(s.p()), "symbolic adjoint of " + v);
            assertTrue(t.toString().length() > N && t.latex().length() > N);
        });
        m.put("simplify", s -> close(s.value(), simplify(s.e()).eval(s.p()), "simplified"));
        m.put("check", s -> {
            var holds = check(s.e().plus(s.e()), s.e().times(2));
            assertTrue(holds.holds(), holds::toString);
            var fails = check(s.e(), s.e().plus(1));
            assertFalse(fails.holds(), fails::toString);
            assertTrue(fails.toString().length() > 0);
        });
        m.put("compile", s -> {
            Compiled c = compile(s.e());
            assertEquals(s.vars(), c.params());
            double[] x = s.p().values(s.vars()), g = new double[x.length];
            close(s.value(), c.value(x), "tape value");
            close(s.value(), c.gradient(x, g), "tape value with gradient");
            for (int i = 0; i < g.length; i++) close(s.grad()[i], g[i], "tape ∂/∂" + s.vars().get(i));
        });
        m.put("compile, second tier", s -> {
            Compiled c = dotbar.tape.Tapes.compile(s.e(), s.vars());   // a tape of its own: the cached one stays as it is
            assertTrue(c.generate(), c::toString);
            double[] x = s.p().values(s.vars()), g = new double[x.length];
            close(s.value(), c.value(x), "generated value");
            close(s.value(), c.gradient(x, g), "generated value with gradient");
            for (int i = 0; i < g.length; i++) close(s.grad()[i], g[i], "generated ∂/∂" + s.vars().get(i));
        });
        m.put("HessianVector", s -> {
            var hv = HessianVector.of(s.e(), s.vars().toArray(String[]::new));
            int n = s.vars().size();
            double[] x = s.p().values(s.vars()), out = new double[n];
            for (int j = 0; j < n; j++) {
                double[] v = new double[n];
                v[j] = 1;
                hv.apply(x, v, out);
                for (int i = 0; i < n; i++) close(s.hessian()[i][j], out[i], "H·e" + j + " [" + i + "]");
            }
        });
        m.put("optimizer step", s -> {
            double lr = 1e-7;
            var opt = gd(s.e(), s.p()).lr(lr).step();
            for (String v : s.vars()) close(s.p().get(v) - lr * s.gradOf(v), opt.at().get(v), "θ − η·g for " + v);
            assertTrue(opt.toString().length() > 0);
        });
        m.put("cost", s -> assertTrue(cost(s.e()).toString().length() > 0));
        m.put("inline", s -> close(s.value(), inline(s.e()).eval(s.p()), "inlined"));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyEntryPointOnEveryDeepShape() {
        List<Shape> shapes = shapes();
        var tests = new ArrayList<DynamicTest>();
        entryPoints().forEach((name, check) -> {
            for (Shape s : shapes) {
                tests.add(dynamicTest(name + " on " + s.name(), () -> {
                    SmallStack.call(() -> {
                        check.accept(s);
                        return null;
                    });
                }));
            }
        });
        return tests.stream();
    }
}
