package dotbar.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Ticks from any finite ordered range: at most maxCount + 1 of them, finite, strictly
 * increasing, inside the range; the range widened from one value is finite and ordered.
 */
class TicksAtAnyScaleTest {
    private static final double[] ENDS = {0, 4.9e-324, -4.9e-324, 1e-323, 2.2250738585072014e-308, 1e-300, 1, 1 + Math.ulp(1.0),
        710, 1e300, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, 3.5, -123.25, 1e16};

    @Test
    void linearAndLogTicksAreFewFiniteIncreasingAndInside() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("TicksAtAnyScaleTest seed " + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double a = r.nextBoolean() ? ENDS[r.nextInt(ENDS.length)] : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(600) - 300);
            double b = r.nextBoolean() ? ENDS[r.nextInt(ENDS.length)] : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(600) - 300);
            double lo = Math.min(a, b), hi = Math.max(a, b);
            int max = 1 + r.nextInt(12);
            String what = "[" + lo + ", " + hi + "] max " + max + " (seed " + seed + ")";
            if (lo < hi) check(Ticks.linear(lo, hi, max), lo, hi, max, Ticks.step(lo, hi, max), what);
            if (lo > 0 && lo < hi) check(Ticks.log(lo, hi, max), lo, hi, Math.max(max, 64), Ticks.step(lo, hi, max), what + " log");
            double[] w = Ranges.widen(lo, lo, false);
            assertTrue(Double.isFinite(w[0]) && Double.isFinite(w[1]) && w[0] < w[1], what + " widened " + w[0] + ", " + w[1]);
            if (lo > 0) {
                double[] l = Ranges.widen(lo, lo, true);
                assertTrue(l[0] > 0 && Double.isFinite(l[1]) && l[0] < l[1], what + " log-widened " + l[0] + ", " + l[1]);
            }
        }
        assertEquals(List.of(), Ticks.labels(List.of(), false), "no ticks, no labels");
    }

    /** Ticks within 10⁻⁹ of a step beyond an end count as on it (rounding of k·step). */
    private static void check(List<Double> ticks, double lo, double hi, int max, double step, String what) {
        assertTrue(step > 0 && Double.isFinite(step), what + ": step " + step);
        assertTrue(ticks.size() <= max + 1, what + ": " + ticks.size() + " ticks");
        double tolerance = Math.max(Math.ulp(hi), Math.ulp(lo)) + 1e-9 * step;
        for (int k = 0; k < ticks.size(); k++) {
            double t = ticks.get(k);
            assertTrue(Double.isFinite(t), what + ": " + ticks);
            assertTrue(t >= lo - tolerance && t <= hi + tolerance, what + ": " + t + " outside");
            if (k > 0) assertTrue(t > ticks.get(k - 1), what + ": " + ticks);
        }
        assertEquals(ticks.size(), Ticks.labels(ticks, false).size());
    }
}
