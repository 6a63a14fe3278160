package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.testing.SmallStack;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Depth through definitions is depth: {@code dg0(u) = u}, {@code dgk(u) = sin(dg{k-1}(u))} for
 * k = 1 … 10 000, so {@code dg10000(x)} is a 10 000-fold sine reached only through the bodies of
 * named functions. Every route (eval, diff of first and second order, grad, hessian, numeric and
 * symbolic traces, inline, compile, an optimizer step, check, printing) runs on a 256 KiB stack
 * ({@link SmallStack}), and the numbers are checked against the recurrences of the chain rule
 * carried along here in plain doubles.
 */
class DeepDefinitionsTest {
    private static final int N = 10_000;
    private static final double X = 0.6, Y = 1.7;
    private static final Point P = at("x", X, "y", Y);
    private static Expr deep;        // dgN(x)
    private static Expr loss;        // dgN(x)·y
    private static double value, slope, curvature;

    @BeforeAll
    static void define() {
        def("dg0(u) = u");
        for (int k = 1; k <= N; k++) def("dg" + k + "(u) = sin(dg" + (k - 1) + "(u))");
        deep = parse("dg" + N + "(x)");
        loss = parse("dg" + N + "(x)*y");
        // v ← sin v, v' ← cos(v)·v', v'' ← −sin(v)·v'² + cos(v)·v''
        double v = X, d = 1, s = 0;
        for (int k = 0; k < N; k++) {
            double c = Math.cos(v), sn = Math.sin(v);
            s = -sn * d * d + c * s;
            d = c * d;
            v = sn;
        }
        value = v;
        slope = d;
        curvature = s;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * {@code fk(u) = f{k-1}(f{k-1}(u))}: the tree of calls under f40(x) has 2⁴⁰ leaves, but only
     * 81 distinct applications at x = 1 (each fk at ±1), each evaluated once. Without that this
     * runs for hours, so a deadline of a minute (generous by a factor of thousands) tells them apart.
     */
    @Test
    void anExponentialTreeOfCallsIsEvaluatedOncePerDistinctApplication() {
        def("fe0(u) = -u");
        for (int k = 1; k <= 40; k++) def("fe" + k + "(u) = fe" + (k - 1) + "(fe" + (k - 1) + "(u))");
        Expr f40 = parse("fe40(x)");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals(0.3, f40.eval(at("x=0.3")), "2⁴⁰ negations, an even number");
            assertEquals(1, diff(f40, "x").eval(at("x=1")));
            assertEquals(1, forward(f40, at("x=2"), "x").derivative());
            assertEquals(0, hessian(f40, at("x=2")).get("x", "x"));
            assertTrue(check(f40, parse("x")).holds());
        });
    }

    @Test
    void evaluates() {
        close(value, SmallStack.call(() -> deep.eval(P)), "eval");
        close(value * Y, SmallStack.call(() -> loss.eval(P)), "eval of the product");
    }

    @Test
    void differentiatesSymbolicallyTwice() {
        close(slope, SmallStack.call(() -> diff(deep, "x").eval(P)), "d/dx");
        close(curvature, SmallStack.call(() -> diff(deep, "x", 2).eval(P)), "d²/dx²");
    }

    @Test
    void gradientAndHessian() {
        var g = SmallStack.call(() -> grad(loss, P));
        close(slope * Y, g.get("x"), "∂/∂x");
        close(value, g.get("y"), "∂/∂y");
        var h = SmallStack.call(() -> hessian(loss, P));
        close(curvature * Y, h.get("x", "x"), "H_xx");
        close(slope, h.get("x", "y"), "H_xy");
        close(slope, h.get("y", "x"), "H_yx");
        close(0, h.get("y", "y"), "H_yy");
    }

    @Test
    void numericTraces() {
        var f = SmallStack.call(() -> forward(loss, P, "x"));
        close(slope * Y, f.derivative(), "forward");
        assertTrue(SmallStack.call(f::toString).contains("dg" + N + "(x)"));
        var r = SmallStack.call(() -> reverse(loss, P));
        close(slope * Y, r.gradient().get("x"), "reverse");
        assertTrue(SmallStack.call(r::toString).contains("dg" + N + "(x)"));
        assertTrue(SmallStack.call(r::latex).contains("dg"));
        assertTrue(SmallStack.call(() -> cost(loss)).toString().length() > 0);
    }

    @Test
    void symbolicTraces() {
        var f = SmallStack.call(() -> forward(loss, "x"));
        assertTrue(SmallStack.call(f::toString).length() > 0);
        var r = SmallStack.call(() -> reverse(loss));
        assertTrue(SmallStack.call(r::toString).length() > 0);
    }

    @Test
    void inlinesAndCompiles() {
        Expr flat = SmallStack.call(() -> inline(deep));
        assertEquals(N + 1, flat.size(), "x under 10 000 sines");
        close(value, SmallStack.call(() -> flat.eval(P)), "inlined");
        var c = SmallStack.call(() -> compile(loss, "x", "y"));
        double[] g = new double[2];
        close(value * Y, SmallStack.call(() -> c.gradient(new double[] {X, Y}, g)), "compiled value");
        close(slope * Y, g[0], "compiled ∂/∂x");
    }

    @Test
    void stepsAnOptimizer() {
        var opt = SmallStack.call(() -> gd(loss, P).lr(0.5).step());
        close(X - 0.5 * slope * Y, opt.at().get("x"), "θ − η·g");
        close(Y - 0.5 * value, opt.at().get("y"), "θ − η·g");
        assertTrue(SmallStack.call(opt::toString).contains("x"));
    }

    @Test
    void checksAndPrints() {
        var check = SmallStack.call(() -> check(diff(deep, "x"), diff(inline(deep), "x")));
        assertTrue(check.holds(), check::toString);
        assertTrue(SmallStack.call(check::toString).length() > 0);
        assertEquals("dg" + N + "(x)·y", SmallStack.call(loss::toString));
        String printed = SmallStack.call(() -> diff(deep, "x").toString());
        assertTrue(printed.contains("cos(dg" + (N - 1) + "(x))"), () -> printed.substring(0, 200));
        assertTrue(SmallStack.call(() -> latex(diff(deep, "x"))).length() > N);
        assertTrue(SmallStack.call(() -> simplify(diff(deep, "x"))).size() > 0);
    }
}
