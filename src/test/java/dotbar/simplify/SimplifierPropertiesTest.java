package dotbar.simplify;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Evaluator;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.testing.RandomExprs;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** simplify never changes a value where the original is defined, and a simplified expression is a fixed point. */
class SimplifierPropertiesTest {
    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(5); }

    @Provide Arbitrary<Point> points() { return RandomExprs.points(); }

    @Provide Arbitrary<RandomExprs.Sample> smooth() { return RandomExprs.smooth(5); }

    /**
     * Where the original is finite the simplified value agrees up to rounding. Rounding is
     * relative to the largest intermediate value (a sum reassociated around 10⁶ may lose 10⁻¹⁰),
     * so the tolerance scales with it.
     */
    @Property(tries = 400)
    void valueNeverChangesWhereDefined(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        double original = e.eval(p);
        Assume.that(Double.isFinite(original));
        double scale = Evaluator.values(e, p.asMap()).values().stream().mapToDouble(Math::abs).max().orElse(1);
        Assume.that(scale < 1e12);
        double simplified = simplify(e).eval(p);
        assertTrue(Math.abs(simplified - original) <= 1e-9 * Math.max(1, scale),
                () -> e + " = " + original + " but simplified " + simplify(e) + " = " + simplified + " at " + p);
    }

    @Property(tries = 300)
    void valueNeverChangesAtSmoothPoints(@ForAll("smooth") RandomExprs.Sample s) {
        double original = s.expr().eval(s.point()), simplified = simplify(s.expr()).eval(s.point());
        assertTrue(Math.abs(simplified - original) <= 1e-10 * Math.max(1, Math.abs(original)) + 1e-12,
                () -> s + ": " + original + " but simplified " + simplify(s.expr()) + " = " + simplified);
    }

    @Property(tries = 300)
    void simplifiedExpressionsAreFixedPoints(@ForAll("anyExpr") Expr e) {
        Expr once = simplify(e);
        assertSame(once, simplify(once), () -> e + " → " + once + " → " + simplify(once));
    }
}
