package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Point;

/**
 * A learning-rate schedule as {@code torch.optim.lr_scheduler} defines it: the learning rate
 * η_e of epoch e = 0, 1, 2, … from the base rate η (the optimizer's {@code lr}). An optimizer with
 * a schedule takes step t (from 1) with η_{t−1}, as a PyTorch loop that calls
 * {@code optimizer.step()} and then {@code scheduler.step()} once per step does: the schedule
 * counts optimizer steps, and with data a step is one minibatch (call it an iteration schedule;
 * for a whole loss a step and an epoch are the same).
 *
 * <p>Written in closed form; PyTorch's {@code get_lr} uses recursive forms with the same values
 * (they agree to a few ulps, held to 1e-12 against torch by {@code TorchSchedulesTest}).
 * Immutable; a bad argument is a {@link DotbarException}.
 */
public abstract sealed class Schedule {
    private Schedule() {}

    /** η_e for base rate {@code base} at epoch {@code e ≥ 0}. */
    public abstract double lr(double base, long e);

    /** {@code StepLR(step_size, gamma)}: η·γ^⌊e / step_size⌋. */
    public static Schedule step(int stepSize, double gamma) {
        if (stepSize < 1) throw new DotbarException("stepLR: step_size must be at least 1, got " + stepSize);
        positive("stepLR", "gamma", gamma);
        return new Step(stepSize, gamma);
    }

    /** {@code ExponentialLR(gamma)}: η·γ^e. */
    public static Schedule exponential(double gamma) {
        positive("exponentialLR", "gamma", gamma);
        return new Exponential(gamma);
    }

    /**
     * {@code CosineAnnealingLR(T_max, eta_min)}: η_min + (η − η_min)·(1 + cos(π·e/T_max))/2, which
     * reaches η_min at e = T_max and, as PyTorch's, climbs back after it (period 2·T_max).
     */
    public static Schedule cosine(int tMax, double etaMin) {
        if (tMax < 1) throw new DotbarException("cosine: T_max must be at least 1, got " + tMax);
        if (!Double.isFinite(etaMin) || etaMin < 0) {
            throw new DotbarException("cosine: eta_min must be a finite number ≥ 0, got " + Point.formatNumber(etaMin));
        }
        return new Cosine(tMax, etaMin);
    }

    /**
     * {@code LinearLR(start_factor, end_factor, total_iters)}: η·(s + (f − s)·min(e, n)/n), a
     * linear warm-up from s·η to f·η over n epochs, then f·η. PyTorch's ranges: 0 < s ≤ 1,
     * 0 ≤ f ≤ 1; and n ≥ 1.
     */
    public static Schedule linear(double startFactor, double endFactor, int totalIters) {
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new DotbarException("linearLR: start_factor must be in (0, 1], got " + Point.formatNumber(startFactor));
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new DotbarException("linearLR: end_factor must be in [0, 1], got " + Point.formatNumber(endFactor));
        }
        if (totalIters < 1) throw new DotbarException("linearLR: total_iters must be at least 1, got " + totalIters);
        return new Linear(startFactor, endFactor, totalIters);
    }

    private static void positive(String schedule, String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new DotbarException(schedule + ": " + name + " must be a finite number > 0, got " + Point.formatNumber(value));
        }
    }

    private static final class Step extends Schedule {
        private final int size;
        private final double gamma;
        Step(int size, double gamma) { this.size = size; this.gamma = gamma; }
        @Override public double lr(double base, long e) { return base * Math.pow(gamma, e / size); }
        @Override public String toString() { return "stepLR(" + size + ", " + Format.exact(gamma) + ")"; }
    }

    private static final class Exponential extends Schedule {
        private final double gamma;
        Exponential(double gamma) { this.gamma = gamma; }
        @Override public double lr(double base, long e) { return base * Math.pow(gamma, e); }
        @Override public String toString() { return "exponentialLR(" + Format.exact(gamma) + ")"; }
    }

    private static final class Cosine extends Schedule {
        private final int tMax;
        private final double etaMin;
        Cosine(int tMax, double etaMin) { this.tMax = tMax; this.etaMin = etaMin; }
        @Override public double lr(double base, long e) {
            return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2;
        }
        @Override public String toString() { return "cosine(" + tMax + ", " + Format.exact(etaMin) + ")"; }
    }

    private static final class Linear extends Schedule {
        private final double start, end;
        private final int total;
        Linear(double start, double end, int total) { this.start = start; this.end = end; this.total = total; }
        @Override public double lr(double base, long e) {
            return base * (start + (end - start) * Math.min(e, total) / total);
        }
        @Override public String toString() {
            return "linearLR(" + Format.exact(start) + ", " + Format.exact(end) + ", " + total + ")";
        }
    }
}
