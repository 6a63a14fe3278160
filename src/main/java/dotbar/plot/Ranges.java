package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.expr.Exprs;

/** Checks of the ranges a plot is asked for, and the widening of ranges the data give. */
final class Ranges {
    private Ranges() {}

    /** [a, b] must be finite with a < b; the error names the call and the variable. */
    static void check(String what, String variable, double a, double b) {
        Exprs.sym(variable);  // a valid symbol name, or the core's error saying why not
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new DotbarException(what + ": the range of " + variable + " [" + Format.number(a, 6) + ", "
                    + Format.number(b, 6) + "] is not finite");
        }
        if (a == b) {
            throw new DotbarException(what + ": the range of " + variable + " [" + Format.number(a, 6) + ", "
                    + Format.number(b, 6) + "] is empty; give two different ends");
        }
        if (a > b) {
            throw new DotbarException(what + ": the range of " + variable + " [" + Format.number(a, 6) + ", "
                    + Format.number(b, 6) + "] is reversed; give the smaller end first");
        }
    }

    /**
     * The range [lo, hi] of data values made drawable: a single value is widened around itself
     * (by ±1, or ±10% of it, or half a decade each way on a log scale); no value at all gives
     * [−1, 1] (log: [0.1, 10]).
     */
    static double[] widen(double lo, double hi, boolean log) {
        if (lo > hi) return log ? new double[]{0.1, 10} : new double[]{-1, 1};
        if (lo < hi) return new double[]{lo, hi};
        if (log) {
            // kept inside (0, largest double]: a subnormal or a huge value still gets a decade
            double a = Math.max(lo / Math.sqrt(10), Double.MIN_VALUE), b = Math.min(lo * Math.sqrt(10), Double.MAX_VALUE);
            return a < b ? new double[]{a, b} : new double[]{lo / 10, lo};
        }
        double d = lo == 0 ? 1 : Math.max(Math.abs(lo) / 10, 4 * Math.ulp(lo));  // a subnormal's tenth would be 0
        if (lo + d == Double.POSITIVE_INFINITY) return new double[]{lo - 2 * d, lo};
        if (lo - d == Double.NEGATIVE_INFINITY) return new double[]{lo, lo + 2 * d};
        return new double[]{lo - d, lo + d};
    }

    /**
     * The point {@code i/n} of the way from lo to hi: lo + (hi − lo)·i/n, also when hi − lo
     * overflows (lo = −1e308, hi = 1e308) — then as lo·(1 − t) + hi·t.
     */
    static double at(double lo, double hi, int i, int n) {
        double span = hi - lo;
        if (Double.isFinite(span)) return lo + span * i / n;
        double t = i / (double) n;
        return lo * (1 - t) + hi * t;
    }
}
