package dotbar.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;

/** Independent oracles for the derivative tests: Commons Math's finite differences. */
final class Oracles {
    private Oracles() {}

    /** ∂e/∂v at p by Commons Math's 5-point central differences with step h (evaluation only, no derivative rule). */
    static double centralDifference(Expr e, Point p, String v, double h) {
        UnivariateDifferentiableFunction f = new FiniteDifferencesDifferentiator(5, h)
                .differentiate((double t) -> e.eval(p.with(v, t)));
        return f.value(new DerivativeStructure(1, 1, 0, p.get(v))).getPartialDerivative(1);
    }

    /** |actual − expected| ≤ tol·max(1, |expected|). */
    static boolean close(double expected, double actual, double tol) {
        return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertTrue(close(expected, actual, tol), what + ": expected " + expected + ", got " + actual);
    }
}
