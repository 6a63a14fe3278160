package dotbar.diff;

import static dotbar.DotBar.*;
import static dotbar.diff.Oracles.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Point;
import dotbar.testing.CentralDifference;
import dotbar.testing.RandomExprs;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On random expressions at points where they are smooth: symbolic, forward, reverse and finite
 * differences agree; the operation counts of the traces are the cost report's; the Hessian is
 * symmetric and equals the symbolic second derivatives.
 */
class DiffPropertiesTest {
    static final Fn DEFINED = def("h(u, v) = u*sin(v) + v^2");

    @Provide
    Arbitrary<RandomExprs.Sample> smooth() {
        return RandomExprs.smooth(RandomExprs.exprs(4, List.of(DEFINED)));
    }

    @Property(tries = 250)
    void symbolicForwardReverseAndFiniteDifferencesAgree(@ForAll("smooth") RandomExprs.Sample s) {
        Expr e = s.expr();
        Point p = s.point();
        Grad g = grad(e, p);
        SymbolicTrace symbolicReverse = reverse(e);
        for (String v : e.vars()) {
            double symbolic = diff(e, v).eval(p);
            Trace f = forward(e, p, v);
            assertTrue(close(symbolic, f.derivative(), 1e-9), v + ": forward " + f.derivative() + " vs symbolic " + symbolic);
            assertTrue(close(symbolic, g.get(v), 1e-9), v + ": reverse " + g.get(v) + " vs symbolic " + symbolic);
            assertTrue(close(symbolic, symbolicReverse.gradient().get(v).eval(p), 1e-9), v + ": symbolic reverse");
            assertTrue(close(symbolic, forward(e, v).derivative().eval(p), 1e-9), v + ": symbolic forward");
            assertEquals(cost(e).forwardOps(v), f.ops());
            var numeric = CentralDifference.of(e, p, v);
            if (numeric.reliable(1e-8)) {
                assertTrue(close(numeric.value(), symbolic, 1e-6), v + ": central differences " + numeric + " vs " + symbolic);
            }
        }
        assertEquals(cost(e).reverseOps(), reverse(e, p).ops());
    }

    @Property(tries = 150)
    void hessianIsSymmetricAndEqualsTheSymbolicSecondDerivatives(@ForAll("smooth") RandomExprs.Sample s) {
        Expr e = s.expr();
        Point p = s.point();
        Hessian h = hessian(e, p);
        for (String u : e.vars()) {
            for (String v : e.vars()) {
                double symbolic = diff(diff(e, u), v).eval(p);
                Assume.that(Double.isFinite(symbolic));
                assertTrue(close(symbolic, h.get(u, v), 1e-8), u + v + ": hessian " + h.get(u, v) + " vs symbolic " + symbolic);
                assertTrue(close(h.get(v, u), h.get(u, v), 1e-8), u + v + ": not symmetric " + h);
            }
        }
    }
}
