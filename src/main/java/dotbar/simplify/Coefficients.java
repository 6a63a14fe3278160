package dotbar.simplify;

/** Numeric coefficients written as people write them. */
final class Coefficients {
    private static final int LARGEST_DENOMINATOR = 1000;

    private Coefficients() {}

    /**
     * {p, q} with p/q == c exactly in double arithmetic and q ≤ 1000 the smallest such, so that
     * x/3 stays x/3 instead of 0.333…·x; null when c (≥ 0) is no such fraction.
     */
    static long[] fraction(double c) {
        if (!Double.isFinite(c) || c >= 1e15) return null;
        for (long q = 1; q <= LARGEST_DENOMINATOR; q++) {
            double p = c * q;
            if (p == Math.rint(p) && p < 1e15 && p / q == c) return new long[]{(long) p, q};
        }
        return null;
    }
}
