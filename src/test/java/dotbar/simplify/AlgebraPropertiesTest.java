package dotbar.simplify;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Evaluator;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Point;
import dotbar.testing.RandomExprs;

import java.util.Random;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * expand, factor, together and collect keep the value (compared with the Evaluator at random
 * points, with a tolerance relative to the largest intermediate value), expand gives a sum of
 * monomials without like terms and is idempotent, and factor(expand(p)) multiplies back out to
 * expand(p), exactly.
 */
class AlgebraPropertiesTest {
    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(4); }

    @Provide Arbitrary<Point> points() { return RandomExprs.points(); }

    /** A random polynomial-and-fraction expression in x, y, z with small integer coefficients: sums, products, quotients and powers up to 2, three levels deep. */
    static Expr rational(long seed, boolean divisions) {
        var r = new Random(seed);
        return build(r, 3, divisions);
    }

    private static Expr build(Random r, int depth, boolean divisions) {
        if (depth == 0 || r.nextInt(5) == 0) {
            return r.nextInt(3) == 0 ? num(r.nextInt(7) - 3) : sym(RandomExprs.SYMBOLS.get(r.nextInt(3)));
        }
        Expr a = build(r, depth - 1, divisions), b = build(r, depth - 1, divisions);
        return switch (r.nextInt(divisions ? 5 : 4)) {
            case 0 -> a.plus(b);
            case 1 -> a.minus(b);
            case 2 -> a.times(b);
            case 3 -> a.pow(r.nextInt(3));
            default -> a.div(b);
        };
    }

    /** e and its rewriting agree at p where e is finite, up to rounding relative to the largest intermediate. */
    private static void sameValue(Expr e, UnaryOperator<Expr> op, Point p) {
        double original = e.eval(p);
        Assume.that(Double.isFinite(original));
        var values = Evaluator.values(e, p.asMap()).values();
        double scale = values.stream().mapToDouble(Math::abs).max().orElse(1);
        Assume.that(scale < 1e12);
        // IEEE's −0 is the real 0, but atan2(0, ±0), 1/±0 and sign(±0) tell them apart, and x + (−2·x) is +0 where −x is −0
        Assume.that(values.stream().noneMatch(v -> v == 0));
        Expr r;
        try {
            r = op.apply(e);
        } catch (Budget.TooLarge refused) {
            // refused on purpose: over the term limit
            Assume.that(false);
            return;
        }
        // an exact coefficient beyond the double range cannot be evaluated in doubles: together clears the
        // denominator of 4.9e-324 = 49/10³²⁵ as SymPy does, x/(4.9e-324 + x) = 10³²⁵·x/(10³²⁵·x + 49), exact and ∞/∞ in doubles
        Assume.that(Graph.topologicalOrder(r).stream().noneMatch(n -> n instanceof Num c && c.isExact() && !Double.isFinite(c.value())));
        double rewritten = r.eval(p);
        double rScale = Evaluator.values(r, p.asMap()).values().stream().mapToDouble(Math::abs).filter(Double::isFinite).max().orElse(1);
        double tolerance = 1e-9 * Math.max(1, Math.max(scale, rScale));
        assertTrue(Math.abs(rewritten - original) <= tolerance, () -> e + " = " + original + " but " + r + " = " + rewritten + " at " + p);
    }

    @Property(tries = 300)
    void expandKeepsTheValue(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        sameValue(e, dotbar.DotBar::expand, p);
    }

    @Property(tries = 300)
    void togetherKeepsTheValue(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        sameValue(e, dotbar.DotBar::together, p);
    }

    @Property(tries = 300)
    void factorKeepsTheValue(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        sameValue(e, dotbar.DotBar::factor, p);
    }

    @Property(tries = 300)
    void collectKeepsTheValue(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        sameValue(e, x -> collect(x, "x"), p);
    }

    @Property(tries = 300)
    void rationalFunctionsKeepTheirValue(@ForAll long seed, @ForAll("points") Point p) {
        Expr e = rational(seed, true);
        sameValue(e, dotbar.DotBar::together, p);
        sameValue(e, dotbar.DotBar::factor, p);
        sameValue(e, dotbar.DotBar::expand, p);
    }

    @Property(tries = 300)
    void expandIsIdempotentWithNoLikeTerms(@ForAll long seed) {
        Expr e = rational(seed, false);
        Expr once = expand(e);
        assertSame(once, expand(once), () -> e + " → " + once + " → " + expand(once));
        var atoms = new Atoms();
        Poly p = new Expansion(atoms, Budget.user("test")).poly(once);
        // a sum of monomials: as many top-level terms as the polynomial has (no like terms, nothing left to multiply out)
        assertEquals(p.size() == 0 ? 1 : p.size(), AlgebraReferenceTest.topLevelTerms(once), once::toString);
        assertEquals(0, AlgebraReferenceTest.divisions(once) - divisionsByNumbers(once), once::toString);
    }

    @Property(tries = 300)
    void factorMultipliesBackToTheExpansion(@ForAll long seed) {
        Expr expanded;
        Expr factored;
        try {
            expanded = expand(rational(seed, false));
            factored = factor(expanded);
        } catch (Budget.TooLarge refused) {
            Assume.that(false);
            return;
        }
        var atoms = new Atoms();
        var reader = new Expansion(atoms, Budget.user("test"));
        Expr f = factored;
        assertEquals(reader.poly(expanded), reader.poly(factored), () -> expanded + " factored as " + f);
    }

    /** Divisions by a number (x/3) are coefficients, not denominators. */
    private static long divisionsByNumbers(Expr e) {
        return dotbar.expr.Graph.topologicalOrder(e).stream()
                .filter(n -> n instanceof dotbar.expr.Call c && c.op() == dotbar.expr.Op.DIV && c.args().get(1) instanceof dotbar.expr.Num)
                .count();
    }

}
