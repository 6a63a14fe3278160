package dotbar.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions a reader can add up: multiples of 1, 2 or 5 × 10ᵏ on a linear axis, powers of
 * ten on a logarithmic one (every second, third … power when there are many decades).
 */
final class Ticks {
    private Ticks() {}

    /** The step 1, 2 or 5 × 10ᵏ that puts at most {@code maxCount} ticks (and as many as it can) on [lo, hi]. */
    static double step(double lo, double hi, int maxCount) {
        double raw = (hi - lo) / Math.max(1, maxCount);
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) {
            double step = m * decade;
            if (count(lo, hi, step) <= maxCount) return step;
        }
        return 10 * decade;
    }

    private static long count(double lo, double hi, double step) {
        return (long) (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9)) + 1;
    }

    /** Multiples of {@link #step} inside [lo, hi]. */
    static List<Double> linear(double lo, double hi, int maxCount) {
        double step = step(lo, hi, maxCount);
        var ticks = new ArrayList<Double>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            ticks.add(k == 0 ? 0.0 : k * step);
        }
        return ticks;
    }

    /**
     * Powers of ten inside [lo, hi] (0 < lo), thinned to at most {@code maxCount}; when the range
     * holds fewer than two powers of ten, linear ticks inside it instead.
     */
    static List<Double> log(double lo, double hi, int maxCount) {
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9), last = (int) Math.floor(Math.log10(hi) + 1e-9);
        if (last - first < 1) return linear(lo, hi, maxCount);
        int every = Math.max(1, (int) Math.ceil((last - first + 1) / (double) Math.max(1, maxCount)));
        var ticks = new ArrayList<Double>();
        for (int k = first; k <= last; k++) if (Math.floorMod(k, every) == 0) ticks.add(Double.parseDouble("1e" + k));
        return ticks;
    }

    /** The label of each tick, formatted alike. */
    static List<String> labels(List<Double> ticks, boolean log) {
        double step = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(ticks.get(0));
        var labels = new ArrayList<String>();
        for (double t : ticks) labels.add(log ? Format.number(t, 3) : Format.tick(t, step == 0 ? 1 : step));
        return labels;
    }
}
