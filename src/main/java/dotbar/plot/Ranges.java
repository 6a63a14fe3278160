package dotbar.plot;

import dotbar.DotbarException;
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
        if (log) return new double[]{lo / Math.sqrt(10), lo * Math.sqrt(10)};
        double d = lo == 0 ? 1 : Math.abs(lo) / 10;
        return new double[]{lo - d, lo + d};
    }
}
