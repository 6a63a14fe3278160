package dotbar.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.testing.RandomExprs;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The light simplification {@link Exprs} applies at construction (constant folding, x+0, x·1,
 * x·0, x¹, x⁰, −(−x), (−1)·x, …) keeps the value: a random tree evaluated op by op, as generated,
 * equals the expression built from it.
 */
class ConstructionSimplificationTest {

    @Provide Arbitrary<RandomExprs.Tree> trees() { return RandomExprs.trees(5); }

    @Provide Arbitrary<Point> points() { return RandomExprs.points(); }

    /**
     * Exact equality (with −0 = 0): folding computes the same {@code Op.apply} on the same
     * numbers, and the rewrites are exact in IEEE arithmetic as long as no intermediate value is
     * infinite or NaN (x·0 → 0 is not, for x = ∞: the usual algebraic choice, as in SymPy).
     */
    @Property(tries = 500)
    void simplifiedExpressionHasTheValueOfTheTreeAsGenerated(@ForAll("trees") RandomExprs.Tree tree, @ForAll("points") Point p) {
        List<Double> values = tree.values(p.asMap());
        Assume.that(values.stream().allMatch(Double::isFinite));
        double expected = values.get(values.size() - 1);
        Expr built = tree.build();
        double actual = built.eval(p);
        assertTrue(actual == expected, () -> tree + " = " + expected + " as a tree, but " + built + " = " + actual);
    }
}
