package dotbar.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relative comparison for the derivative tests. */
final class Oracles {
    private Oracles() {}

    /** |actual − expected| ≤ tol·max(1, |expected|). */
    static boolean close(double expected, double actual, double tol) {
        return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertTrue(close(expected, actual, tol), what + ": expected " + expected + ", got " + actual);
    }
}
