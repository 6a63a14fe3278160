package dotbar.diff;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import org.junit.jupiter.api.Test;

/** Deep graphs without recursion, and no adjoint surviving from one call to the next. */
class ReverseModeRobustnessTest {
    @Test
    void twentyThousandDeepChain() {
        // e₀ = x, eₖ₊₁ = eₖ·h + x·y at h = 1/2: ∂e/∂x = y·Σ hᵏ = 2y(1 − 2⁻ⁿ), ∂e/∂y = 2x(1 − 2⁻ⁿ).
        // h is a symbol, not the number 1/2: eₖ/2 + x·y would be collected at construction into
        // two terms (c·x + d·x·y), and the chain would not be 20 000 deep
        Expr x = sym("x"), y = sym("y"), h = sym("h"), e = x;
        int n = 20_000;
        for (int i = 0; i < n; i++) e = e.times(h).plus(x.times(y));
        Point p = at("x=0.3, y=-1.1, h=0.5");
        Grad g = grad(e, p);
        assertEquals(2 * -1.1, g.get("x"), 1e-12);
        assertEquals(2 * 0.3, g.get("y"), 1e-12);
        Trace t = reverse(e, p);
        assertEquals(g, t.gradient());
        assertEquals(2 * -1.1, forward(e, p, "x").derivative(), 1e-12);
        assertTrue(t.rows().size() > 2 * n);
        SymbolicTrace s = reverse(e);
        assertEquals(2 * -1.1, s.gradient().get("x").eval(p), 1e-12);
        assertEquals(4.0, hessian(e, p).get("x", "y") * 2, 1e-9);  // ∂²e/∂x∂y = 2(1 − 2⁻ⁿ)
    }

    @Test
    void repeatedCallsNeverAccumulateStaleAdjoints() {
        // micrograd's classic bug: calling backward() twice doubles the gradient. Here every
        // sweep starts from fresh adjoints, also when the graph shares nodes (x is used three times).
        Expr x = sym("x"), y = sym("y");
        Expr shared = x.times(y);
        Expr e = shared.times(shared).plus(sin(x)).plus(x);
        Point p = at("x=1.5, y=0.5"), q = at("x=-2, y=3");
        double[] first = grad(e, p).values();
        for (int i = 0; i < 3; i++) assertArrayEquals(first, grad(e, p).values(), 0.0);
        grad(e, q);
        reverse(e, q);
        assertArrayEquals(first, reverse(e, p).gradient().values(), 0.0);
        // and against the hand derivative: ∂/∂x (x²y² + sin x + x) = 2xy² + cos x + 1
        assertEquals(2 * 1.5 * 0.25 + Math.cos(1.5) + 1, first[0], 1e-15);
    }
}
