package dotbar.bench;

/** Before timing anything: every gradient a benchmark compares must be the same vector. */
final class Agreement {
    private Agreement() {}

    static void check(String what, double[] expected, double[] actual) {
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(expected[k] - actual[k]) <= 1e-9 * (1 + Math.abs(expected[k])))) {
                throw new IllegalStateException(what + ": component " + k + " is " + actual[k] + ", expected " + expected[k]);
            }
        }
    }
}
