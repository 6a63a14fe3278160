package dotbar.bench;

/** Before timing anything: every gradient a benchmark compares must be the same vector. */
final class Agreement {
    private Agreement() {}

    /**
     * Runs {@code call} for about a second: long enough for the JIT to compile a generated
     * tape's many methods, which JMH's short warmup would otherwise partly measure.
     */
    static void warm(java.util.function.DoubleSupplier call) {
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) for (int i = 0; i < 100; i++) call.getAsDouble();
    }

    static void check(String what, double[] expected, double[] actual) {
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(expected[k] - actual[k]) <= 1e-9 * (1 + Math.abs(expected[k])))) {
                throw new IllegalStateException(what + ": component " + k + " is " + actual[k] + ", expected " + expected[k]);
            }
        }
    }
}
