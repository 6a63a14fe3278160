package dotbar.plot;

/**
 * A map from data values on [lo, hi] to dot coordinates 0 … dots−1 of one canvas axis,
 * linear or logarithmic (base 10): d(v) = (f(v) − f(lo)) / (f(hi) − f(lo)) · (dots − 1) with
 * f = identity or log₁₀. A flipped scale runs the other way, as a screen's y axis does (hi at
 * the top row, dot 0).
 */
record Scale(double lo, double hi, boolean log, int dots, boolean flipped) {

    Scale {
        if (!(lo < hi)) throw new IllegalArgumentException("scale [" + lo + ", " + hi + "]");
        if (log && !(lo > 0)) throw new IllegalArgumentException("log scale from " + lo);
    }

    private double f(double v) { return log ? Math.log10(v) : v; }

    /** The dot coordinate of {@code v} (not rounded, may lie off the canvas); NaN for a value the scale cannot show. */
    double toDot(double v) {
        if (!Double.isFinite(v) || (log && v <= 0)) return Double.NaN;
        double span = f(hi) - f(lo);
        double u = (Double.isFinite(span) ? (f(v) - f(lo)) / span : (f(v) / 2 - f(lo) / 2) / (f(hi) / 2 - f(lo) / 2)) * (dots - 1);
        return flipped ? dots - 1 - u : u;
    }

    /** The data value at dot coordinate {@code d}: the inverse of {@link #toDot}. */
    double fromDot(double d) {
        double u = (flipped ? dots - 1 - d : d) / (dots - 1);
        if (log) return Math.pow(10, Math.log10(lo) + u * (Math.log10(hi) - Math.log10(lo)));
        return Double.isFinite(hi - lo) ? lo + u * (hi - lo) : lo * (1 - u) + hi * u;
    }

    /** True when {@code v} lies in [lo, hi]. */
    boolean contains(double v) { return v >= lo && v <= hi; }
}
