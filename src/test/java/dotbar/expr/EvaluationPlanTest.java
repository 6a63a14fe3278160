package dotbar.expr;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dotbar.base.DotbarException;
import dotbar.testing.RandomExprs;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The checker's indexed evaluation gives Evaluator's values bit for bit, node by node. */
class EvaluationPlanTest {
    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(6); }

    @Provide Arbitrary<Point> points() { return RandomExprs.points(); }

    @Property(tries = 500)
    void everyNodeAsTheEvaluatorHasIt(@ForAll("anyExpr") Expr e, @ForAll("points") Point p) {
        List<Expr> order = Graph.topologicalOrder(e);
        var expected = Evaluator.values(order, p.asMap());
        double[] got = new EvaluationPlan(e).values(p.asMap());
        assertEquals(order.size(), got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(Double.doubleToLongBits(expected.get(order.get(i))), Double.doubleToLongBits(got[i]), order.get(i) + " in " + e);
        }
    }

    @Test
    void namedFunctionsAndErrors() {
        def("evplanf(u, v) = u*sin(v) + v");
        Expr e = parse("evplanf(x, y)^2 + evplanf(y, x)");
        var p = at("x=0.3, y=-1.7");
        double[] v = new EvaluationPlan(e).values(p.asMap());
        double f1 = 0.3 * Math.sin(-1.7) - 1.7, f2 = -1.7 * Math.sin(0.3) + 0.3;
        assertEquals(f1 * f1 + f2, v[v.length - 1], 1e-15);
        assertThrows(DotbarException.class, () -> new EvaluationPlan(e).values(at("x=1").asMap()), "a missing value");
        declare("evplang(u)");
        assertThrows(DotbarException.class, () -> new EvaluationPlan(parse("evplang(x)")).values(p.asMap()), "an abstract function");
    }
}
