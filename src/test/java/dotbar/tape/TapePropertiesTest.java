package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.diff.SymbolicDiff;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.ArrayList;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The tape against the other routes on random DAGs: Evaluator, symbolic diff + eval, finite differences. */
class TapePropertiesTest {

    @Property(tries = 300)
    void tapeAgreesWithEvaluationSymbolicDiffAndFiniteDifferences(@ForAll long seed) {
        var random = new Random(seed);
        Expr e = LocalRandomExprs.dag(random, List.of("x", "y", "z"), 1 + random.nextInt(14));
        var params = new ArrayList<>(e.vars());
        Collections.shuffle(params, random);  // any parameter order
        Compiled c = Tapes.compile(e, params);
        double[] x = new double[params.size()];
        var point = Point.empty();
        for (int k = 0; k < x.length; k++) {
            x[k] = -2 + 4 * random.nextDouble();
            point = point.with(params.get(k), x[k]);
        }

        double value = c.value(x);
        // the same Op.apply on the same nodes in the same order: equal to the last bit
        assertEquals(Double.doubleToLongBits(e.eval(point)), Double.doubleToLongBits(value), e::toString);
        double[] g = new double[x.length];
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(c.gradient(x, g)));

        for (int k = 0; k < x.length; k++) {
            String name = params.get(k);
            double symbolic = SymbolicDiff.diff(e, name).eval(point);
            assertClose(symbolic, g[k], 1e-9, "symbolic ∂/∂" + name + " of " + e);
            assertClose(finiteDifference(c, x, k), g[k], 1e-6, "finite-difference ∂/∂" + name + " of " + e);
        }
    }

    /** ∂f/∂xₖ by Commons Math's 7-point finite differences: an oracle that shares no code with dotbar. */
    static double finiteDifference(Compiled c, double[] x, int k) {
        double[] shifted = x.clone();
        UnivariateFunction along = t -> {
            shifted[k] = t;
            return c.value(shifted);
        };
        var d = new FiniteDifferencesDifferentiator(7, 1e-6 * Math.max(1, Math.abs(x[k]))).differentiate(along);
        return d.value(new DerivativeStructure(1, 1, 0, x[k])).getPartialDerivative(1);
    }

    static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= relative * (1 + Math.abs(expected)),
                () -> what + ": expected " + expected + ", tape " + actual);
    }
}
