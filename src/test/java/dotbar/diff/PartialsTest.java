package dotbar.diff;

import static dotbar.DotBar.diff;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Point;
import dotbar.testing.RandomExprs;
import dotbar.testing.SmallStack;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@code grad(e)}: every partial as an expression from one symbolic reverse sweep. */
class PartialsTest {

    @Test
    void theContractExample() {
        // ∂/∂a (a·b + sin(c)²) = b, ∂/∂b = a, ∂/∂c = 2·sin(c)·cos(c), worked out by hand
        var g = grad(parse("a*b + sin(c)^2"));
        assertEquals(List.of("a", "b", "c"), g.names());
        assertEquals(parse("b"), g.get("a"));
        assertEquals(parse("a"), g.get("b"));
        assertEquals(2 * Math.sin(0.3) * Math.cos(0.3), g.get("c").eval(dotbar.DotBar.at("c=0.3")), 1e-15);
        assertEquals("∇ = (∂/∂a: b, ∂/∂b: a, ∂/∂c: 2·sin(c)·cos(c))", g.toString());
        var e = assertThrows(DotbarException.class, () -> g.get("d"));
        assertEquals("the gradient has no component d; the variables are a, b, c", e.getMessage());
        assertEquals(0, grad(parse("2 + 3")).size());
    }

    @Property(tries = 60)
    void everyPartialHasTheValueOfDiff(@ForAll("samples") RandomExprs.Sample s) {
        var g = grad(s.expr());
        assertEquals(s.expr().vars(), g.names());
        for (String x : g.names()) {
            double want = diff(s.expr(), x).eval(s.point()), got = g.get(x).eval(s.point());
            assertEquals(want, got, 1e-9 * (1 + Math.abs(want)), () -> "∂/∂" + x + " of " + s);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<RandomExprs.Sample> samples() {
        return RandomExprs.smooth(6);
    }

    @Test
    void allPartialsOfTheExtendedRosenbrockFunctionShareOneGraph() {
        int n = 1000;
        var text = new StringBuilder("0");
        for (int i = 0; i < n; i += 2) text.append(" + 100*(x").append(i + 1).append(" - x").append(i).append("^2)^2 + (1 - x").append(i).append(")^2");
        Expr f = parse(text.toString());
        var g = grad(f);
        assertEquals(n, g.size());
        // the partials' graphs together are a few nodes per variable, not one graph per partial
        int shared = Graph.topologicalOrder(g.values()).size();
        assertTrue(shared < 20 * n, "the 1000 partials have " + shared + " distinct nodes");
        var p = new java.util.LinkedHashMap<String, Double>();
        for (int i = 0; i < n; i++) p.put("x" + i, i % 2 == 0 ? -1.2 + i * 1e-3 : 1 - i * 1e-3);
        Point at = Point.of(p);
        for (int i = 0; i < n; i += 2) {
            double a = p.get("x" + i), b = p.get("x" + (i + 1)), d = b - a * a, e = 1 - a;
            assertEquals(-400 * a * d - 2 * e, g.get("x" + i).eval(at), 1e-9);
            assertEquals(200 * d, g.get("x" + (i + 1)).eval(at), 1e-9);
        }
    }

    @Test
    void deepExpressionsNeedNoDeepStack() {
        // h a symbol (evaluated at 0.5): chain·0.5 + y would be collected at construction into x·0.5ⁿ + c·y, not 20 000 deep
        Expr x = Exprs.sym("x"), y = Exprs.sym("y"), h = Exprs.sym("h");
        Expr chain = x;
        for (int i = 0; i < 20_000; i++) chain = Exprs.add(Exprs.mul(chain, h), y);
        Expr deep = chain;
        var p = dotbar.DotBar.at("x=1, y=2, h=0.5");
        double dx = SmallStack.call(() -> grad(deep).get("x").eval(p));
        assertEquals(0.0, dx, 0.0);  // 0.5^20000 underflows to 0, as diff's value does
        assertEquals(diff(deep, "y").eval(p), SmallStack.call(() -> grad(deep).get("y").eval(p)), 1e-12);
    }
}
