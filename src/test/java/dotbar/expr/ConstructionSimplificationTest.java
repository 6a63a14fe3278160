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
 * What {@link Exprs} does at construction (constant folding, x+0, x·1, x·0, x¹, x⁰, −(−x), and
 * the canonical form of sums and products) keeps the value: a random tree evaluated op by op, as generated,
 * equals the expression built from it.
 */
class ConstructionSimplificationTest {

    @Provide Arbitrary<RandomExprs.Tree> trees() { return RandomExprs.trees(5); }

    @Provide Arbitrary<Point> points() { return RandomExprs.points(); }

    /**
     * Equality up to the rounding of reassociation: the canonical form collects like terms and
     * factors (x + x → 2·x, (x·2)·3 → 6·x), which rounds differently from the tree's op-by-op
     * order, so the values agree to 1e-12 of the largest intermediate value — as long as no
     * intermediate value is infinite or NaN (x·0 → 0 is not, for x = ∞: the usual algebraic
     * choice, as in SymPy). Exact where no term or factor is collected: same ops, same numbers.
     */
    @Property(tries = 500)
    void simplifiedExpressionHasTheValueOfTheTreeAsGenerated(@ForAll("trees") RandomExprs.Tree tree, @ForAll("points") Point p) {
        List<Double> values = tree.values(p.asMap());
        Assume.that(values.stream().allMatch(Double::isFinite));
        double expected = values.get(values.size() - 1);
        double scale = values.stream().mapToDouble(Math::abs).max().orElse(0);
        Expr built = tree.build();
        double actual = built.eval(p);
        assertTrue(actual == expected || Math.abs(actual - expected) <= 1e-12 * scale,
                () -> tree + " = " + expected + " as a tree, but " + built + " = " + actual);
    }
}
