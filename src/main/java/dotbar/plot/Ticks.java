package dotbar.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions a reader can add up: multiples of 1, 2 or 5 × 10ᵏ on a linear axis, powers of
 * ten on a logarithmic one (every second, third … power when there are many decades).
 */
final class Ticks {
    private Ticks() {}

    /**
     * The step 1, 2 or 5 × 10ᵏ that puts at most {@code maxCount} ticks (and as many as it can) on
     * [lo, hi]. Robust at the ends of double: the width may overflow (−1e308 to 1e308), and the
     * step never goes below an ulp of the ends (so k·step tells neighbouring ticks apart, and a
     * subnormal range cannot give a step of 0); where no 1-2-5 step fits (the decade itself
     * underflows or overflows) the step is the plain width per tick.
     */
    static double step(double lo, double hi, int maxCount) {
        int n = Math.max(1, maxCount);
        double span = hi - lo;
        double floor = Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        double raw = Math.min(Math.max(Double.isFinite(span) ? span / n : hi / n - lo / n, floor), Double.MAX_VALUE);
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        if (decade > 0 && Double.isFinite(decade)) {
            for (double m : new double[]{1, 2, 5, 10}) {
                double step = m * decade;
                if (Double.isFinite(step) && step >= floor && count(lo, hi, step) <= maxCount) return step;
            }
        }
        return raw;
    }

    private static long count(double lo, double hi, double step) {
        return (long) (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9)) + 1;
    }

    /** Multiples of {@link #step} inside [lo, hi] (at most maxCount + 1; none for a range that is not finite and ordered). */
    static List<Double> linear(double lo, double hi, int maxCount) {
        var ticks = new ArrayList<Double>();
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) return ticks;
        double step = step(lo, hi, maxCount);
        for (long k = (long) Math.ceil(lo / step - 1e-9); ticks.size() <= maxCount; k++) {
            double t = k * step;
            if (!Double.isFinite(t) || t > hi && t - hi > step * 1e-9) break;  // hi + tolerance may round to ∞
            ticks.add(k == 0 ? 0.0 : t);
        }
        return ticks;
    }

    /**
     * Powers of ten inside [lo, hi] (0 < lo), thinned to at most {@code maxCount}; when the range
     * holds fewer than two powers of ten, linear ticks inside it instead.
     */
    static List<Double> log(double lo, double hi, int maxCount) {
        if (!(lo > 0 && lo <= hi) || !Double.isFinite(hi)) return new ArrayList<>();
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9), last = (int) Math.floor(Math.log10(hi) + 1e-9);
        if (last - first < 1) return linear(lo, hi, maxCount);
        int every = Math.max(1, (int) Math.ceil((last - first + 1) / (double) Math.max(1, maxCount)));
        var ticks = new ArrayList<Double>();
        for (int k = first; k <= last; k++) if (Math.floorMod(k, every) == 0) ticks.add(Double.parseDouble("1e" + k));
        return ticks;
    }

    /** The label of each tick, formatted alike. */
    static List<String> labels(List<Double> ticks, boolean log) {
        if (ticks.isEmpty()) return List.of();
        double step = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(ticks.get(0));
        var labels = new ArrayList<String>();
        for (double t : ticks) labels.add(log ? Format.number(t, 3) : Format.tick(t, step == 0 ? 1 : step));
        return labels;
    }
}
