package dotbar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Op;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shared generator does what its Javadoc promises. */
class RandomExprsTest {

    @Test
    void everyOpOccurs() {
        Set<Op> seen = EnumSet.noneOf(Op.class);
        RandomExprs.exprs().sampleStream().limit(2000)
                .forEach(e -> Graph.topologicalOrder(e).forEach(n -> { if (n instanceof Call c) seen.add(c.op()); }));
        var scalarOps = EnumSet.allOf(Op.class);
        scalarOps.removeIf(dotbar.expr.Tensors::isTensorOp);
        assertEquals(scalarOps, seen);
    }

    @Test
    void smoothSamplesAreFoundOften() {
        long found = RandomExprs.smooth(5).sampleStream().limit(300).count();
        assertEquals(300, found);
    }

    @Provide Arbitrary<RandomExprs.Sample> smooth() { return RandomExprs.smooth(5); }

    @Property(tries = 200)
    void smoothSamplesAreFiniteAndInsideDomains(@ForAll("smooth") RandomExprs.Sample s) {
        double v = s.expr().eval(s.point());
        assertTrue(Math.abs(v) <= RandomExprs.BOUND, s::toString);
        assertTrue(RandomExprs.isSmoothAt(s.expr(), s.point()));
    }

    @Test
    void logAtANegativeNumberIsNotSmoothButASquareIs() {
        var x = dotbar.expr.Exprs.sym("x");
        assertTrue(!RandomExprs.isSmoothAt(dotbar.DotBar.log(x), dotbar.expr.Point.of("x", -1.0)));
        assertTrue(RandomExprs.isSmoothAt(x.pow(2), dotbar.expr.Point.of("x", -1.0)));
    }

    @Test
    void aKinkHiddenByInliningStillCounts() {
        // h(x, 0) inlines to 0, which folds (x + x/sin(x))·h(x, 0) to 0; the DAG that is differentiated keeps x/sin(x)
        var h = dotbar.expr.Fn.defined("h", java.util.List.of("u", "v"), dotbar.DotBar.parse("u*sin(v) + v^2"));
        var x = dotbar.expr.Exprs.sym("x");
        var e = x.plus(x.div(dotbar.DotBar.sin(x))).times(h.apply(x, dotbar.expr.Exprs.num(0)));
        assertTrue(!RandomExprs.isSmoothAt(e, dotbar.expr.Point.of("x", 0.0)));
        assertTrue(RandomExprs.isSmoothAt(e, dotbar.expr.Point.of("x", 0.5)));
    }
}
