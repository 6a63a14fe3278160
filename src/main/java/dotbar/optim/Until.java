package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Point;

/**
 * A reason for {@link Optimizer#stepUntil} to stop: the loss or ‖g‖ at or below a tolerance, or a
 * number of steps or epochs taken. {@code opt.stepUntil(gradNorm(1e-6), steps(10000))} stops at
 * whichever comes first.
 *
 * <p>The tolerances read what {@link History} records after each step: for a whole loss, L(θ_t)
 * and ‖∇L(θ_t)‖; with data, the loss and ‖g‖ of the minibatch the step used. An epoch is one step
 * for a whole loss and ⌈rows / batch⌉ steps with data.
 */
public final class Until {
    enum Kind { LOSS, GRADIENT_NORM, STEPS, EPOCHS }

    final Kind kind;
    final double tolerance;
    final int count;

    private Until(Kind kind, double tolerance, int count) {
        this.kind = kind;
        this.tolerance = tolerance;
        this.count = count;
    }

    /** Stop once the loss is ≤ {@code tolerance}. */
    public static Until loss(double tolerance) {
        return new Until(Kind.LOSS, finite("lossBelow", tolerance), 0);
    }

    /** Stop once ‖g‖ is ≤ {@code tolerance} (≥ 0). */
    public static Until gradientNorm(double tolerance) {
        double tol = finite("gradNorm", tolerance);
        if (tol < 0) throw new DotbarException("gradNorm: the tolerance must be ≥ 0, got " + Point.formatNumber(tol));
        return new Until(Kind.GRADIENT_NORM, tol, 0);
    }

    /** Stop after {@code n ≥ 0} more steps. */
    public static Until steps(int n) {
        if (n < 0) throw new DotbarException("steps(n) needs n ≥ 0, got " + n);
        return new Until(Kind.STEPS, 0, n);
    }

    /** Stop after {@code n ≥ 0} more epochs. */
    public static Until epochs(int n) {
        if (n < 0) throw new DotbarException("epochs(n) needs n ≥ 0, got " + n);
        return new Until(Kind.EPOCHS, 0, n);
    }

    private static double finite(String what, double tolerance) {
        if (!Double.isFinite(tolerance)) throw new DotbarException(what + ": the tolerance " + tolerance + " is not a finite number");
        return tolerance;
    }

    /** The reason this condition holds for the last row, or null when it does not. */
    String met(double loss, double gradientNorm, long t) {
        return switch (kind) {
            case LOSS -> loss <= tolerance ? "loss = " + Format.brief(loss) + " ≤ " + Format.brief(tolerance) + " at t = " + t : null;
            case GRADIENT_NORM -> gradientNorm <= tolerance
                    ? "‖g‖ = " + Format.brief(gradientNorm) + " ≤ " + Format.brief(tolerance) + " at t = " + t : null;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LOSS -> "lossBelow(" + Format.exact(tolerance) + ")";
            case GRADIENT_NORM -> "gradNorm(" + Format.exact(tolerance) + ")";
            case STEPS -> "steps(" + count + ")";
            case EPOCHS -> "epochs(" + count + ")";
        };
    }
}
