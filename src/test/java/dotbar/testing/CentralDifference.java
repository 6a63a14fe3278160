package dotbar.testing;

import dotbar.expr.Expr;
import dotbar.expr.Point;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;

/**
 * A numeric derivative to test other derivatives against: Commons Math's five-point central
 * difference, with an estimate of its own error.
 *
 * <p>The five-point rule's truncation error is O(h⁴): halving the step divides it by about 16,
 * so |D(h) − D(h/2)| estimates the error of D(h) (and bounds that of D(h/2), which is returned),
 * rounding included. Where the estimate is large (strong curvature near a pole, such as
 * sin(1/z) at z = 0.05) the difference quotient says little, and a test should skip the point
 * rather than widen its tolerance for every point.
 *
 * <pre>{@code
 * var d = CentralDifference.of(e, point, "x");
 * Assume.that(d.reliable(1e-8));
 * assertEquals(d.value(), diff(e, "x").eval(point), 1e-6 * Math.max(1, Math.abs(d.value())));
 * }</pre>
 */
public final class CentralDifference {
    /** The larger of the two steps. */
    public static final double STEP = 1e-3;

    private static final FiniteDifferencesDifferentiator COARSE = new FiniteDifferencesDifferentiator(5, STEP);
    private static final FiniteDifferencesDifferentiator FINE = new FiniteDifferencesDifferentiator(5, STEP / 2);

    private CentralDifference() {}

    /** The derivative estimate {@code value} and the size of its likely {@code error}. */
    public record Estimate(double value, double error) {
        /** True when the error estimate is at most {@code relative} of max(1, |value|). */
        public boolean reliable(double relative) {
            return error <= relative * Math.max(1, Math.abs(value));
        }
    }

    /** ∂e/∂v at {@code p}, by central differences in {@code v} (the other symbols held at {@code p}). */
    public static Estimate of(Expr e, Point p, String v) {
        UnivariateFunction f = t -> e.eval(p.with(v, t));
        double coarse = derivative(COARSE, f, p.get(v));
        double fine = derivative(FINE, f, p.get(v));
        return new Estimate(fine, Math.abs(coarse - fine));
    }

    private static double derivative(FiniteDifferencesDifferentiator d, UnivariateFunction f, double at) {
        return d.differentiate(f).value(new DerivativeStructure(1, 1, 0, at)).getPartialDerivative(1);
    }
}
