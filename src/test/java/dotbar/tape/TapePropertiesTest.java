package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.diff.SymbolicDiff;
import dotbar.expr.Evaluator;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.testing.CentralDifference;
import dotbar.testing.RandomExprs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;

/**
 * The tape against the other routes on the shared random expressions (every op, and named
 * functions that the tape inlines): evaluation, symbolic diff + eval, central differences.
 */
class TapePropertiesTest {
    private static final List<Fn> FUNCTIONS = List.of(
            Functions.register(Fn.defined("tsq", List.of("u"), Exprs.sym("u").pow(2))),
            Functions.register(Fn.defined("tw", List.of("a", "b"),
                    Exprs.sym("a").times(Exprs.sym("b")).plus(dotbar.DotBar.sin(Exprs.sym("a"))))));

    @Provide
    Arbitrary<RandomExprs.Sample> smooth() {
        return RandomExprs.smooth(RandomExprs.exprs(6, FUNCTIONS));
    }

    @Property(tries = 300)
    void tapeAgreesWithEvaluationSymbolicDiffAndFiniteDifferences(@ForAll("smooth") RandomExprs.Sample s, @ForAll long seed) {
        Expr e = s.expr();
        var params = new ArrayList<>(e.vars());
        Collections.shuffle(params, new Random(seed));  // any parameter order
        Compiled c = Tapes.compile(e, params);
        double[] x = s.point().values(params);

        double value = c.value(x);
        // the same Op.apply on the same nodes: equal to the last bit (named functions inlined first)
        assertEquals(Double.doubleToLongBits(Graph.inline(e).eval(s.point())), Double.doubleToLongBits(value), s::toString);
        // evaluating applications without inlining skips construction folding (x·0 → 0), so a
        // NaN inside a body, such as (0/0)²·0, is only seen there; elsewhere the two agree
        // the two are different formulas, so they agree up to rounding of their largest intermediate (sin of
        // tsq(tsq(x − y)·5^y·tsq(9.1)) loses to the argument's size what the result's size does not show)
        double unfolded = e.eval(s.point());
        double largest = 0;
        for (double v : Evaluator.values(e, s.point().asMap()).values()) if (Double.isFinite(v)) largest = Math.max(largest, Math.abs(v));
        if (Double.isFinite(unfolded)) assertEquals(unfolded, value, 1e-13 * Math.max(Math.max(1, largest), Math.abs(value)), s::toString);
        double[] g = new double[x.length];
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(c.gradient(x, g)));

        for (int k = 0; k < x.length; k++) {
            String name = params.get(k);
            // the tape computes the inlined expression; so does this (see above for why it matters at NaNs)
            double symbolic = SymbolicDiff.diff(Graph.inline(e), name).eval(s.point());
            assertClose(symbolic, g[k], 1e-9, "symbolic ∂/∂" + name + " of " + s);
            var numeric = CentralDifference.of(e, s.point(), name);
            if (numeric.reliable(1e-8)) assertClose(numeric.value(), g[k], 1e-6, "finite-difference ∂/∂" + name + " of " + s);
        }
    }

    @Property(tries = 200)
    void sharedSubexpressionsAccumulateTheirAdjoints(@ForAll("smooth") RandomExprs.Sample s) {
        // e·e + e and sin(e)·e: every node of e has several users, so its adjoint accumulates
        Expr e = s.expr();
        for (Expr f : List.of(e.times(e).plus(e), dotbar.DotBar.sin(e).times(e))) {
            Compiled c = Tapes.compile(f, f.vars());
            double[] x = s.point().values(c.params());
            double[] g = c.gradient(x);
            Assume.that(Double.isFinite(c.value(x)));
            for (int k = 0; k < g.length; k++) {
                double symbolic = SymbolicDiff.diff(Graph.inline(f), c.params().get(k)).eval(s.point());
                assertClose(symbolic, g[k], 1e-9, "∂/∂" + c.params().get(k) + " of " + f);
            }
        }
    }

    /** ∂f/∂xₖ of a tape by Commons Math's 7-point finite differences: an oracle that shares no code with dotbar. */
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
