package dotbar.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The values at which a contour plot draws level sets, chosen from the function's samples.
 *
 * <p>Linear levels are {@link Ticks} steps strictly between the lowest and highest sample.
 * Logarithmic levels suit losses such as Rosenbrock's, whose valley floor sits orders of
 * magnitude below its walls: with base b = min(0, zmin), they are b + d for d in the
 * 1–3–10 sequence (1, 3, 10, 30, …; only powers of ten when that gives enough) between a low
 * quantile of z − b and zmax − b. Automatic choice: logarithmic when zmin ≥ 0 and the
 * median of z − zmin is below a fifth of the span (most of the picture is low ground).
 */
record Levels(double[] values, boolean log) {

    /** How many levels to aim for by default. */
    static final int DEFAULT_COUNT = 10;

    /** Levels for the finite samples {@code z}; {@code log} null chooses automatically. */
    static Levels choose(double[] z, int count, Boolean log) {
        double[] s = Arrays.stream(z).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return new Levels(new double[0], false);
        double lo = s[0], hi = s[s.length - 1];
        if (!(hi > lo)) return new Levels(new double[0], false);
        boolean useLog = log != null ? log : lo >= 0 && s[s.length / 2] - lo < (hi - lo) / 5;
        return new Levels(useLog ? logLevels(s, count) : linearLevels(lo, hi, count), useLog);
    }

    private static double[] linearLevels(double lo, double hi, int count) {
        var ticks = Ticks.linear(lo, hi, count + 1);
        return ticks.stream().mapToDouble(Double::doubleValue).filter(v -> v > lo && v < hi).toArray();  // ends excluded: one more tick fits
    }

    private static double[] logLevels(double[] sorted, int count) {
        double base = Math.min(0, sorted[0]);
        double top = sorted[sorted.length - 1] - base;
        // the 1% quantile of the positive heights, but no more than six decades below the top
        double floor = top * 1e-6;
        for (int k = sorted.length / 100; k < sorted.length; k++) {
            if (sorted[k] - base > floor) { floor = Math.max(floor, sorted[k] - base); break; }
        }
        var levels = new TreeSet<Double>();
        for (double m : count >= 2 * decades(floor, top) ? new double[]{1, 3} : new double[]{1}) {
            for (int k = (int) Math.floor(Math.log10(floor)); k <= (int) Math.ceil(Math.log10(top)); k++) {
                double d = m * Double.parseDouble("1e" + k);
                if (d >= floor && d < top) levels.add(base + d);
            }
        }
        double[] all = levels.stream().mapToDouble(Double::doubleValue).toArray();
        if (all.length <= count) return all;
        double[] thinned = new double[Math.max(1, count)];  // evenly spaced picks, lowest and highest kept
        for (int k = 0; k < thinned.length; k++) {
            thinned[k] = all[thinned.length == 1 ? 0 : (int) Math.round(k * (all.length - 1.0) / (thinned.length - 1))];
        }
        return thinned;
    }

    private static int decades(double lo, double hi) {
        return Math.max(1, (int) Math.ceil(Math.log10(hi / lo)));
    }

    /** The band of {@code v}: how many levels lie at or below it (0 … values.length); −1 when v is not finite. */
    int band(double v) {
        if (!Double.isFinite(v)) return -1;
        int k = Arrays.binarySearch(values, v);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** The levels as a legend writes them. */
    List<String> labels() {
        var out = new ArrayList<String>();
        for (double v : values) out.add(Format.number(v, 3));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Levels l && l.log == log && Arrays.equals(l.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Boolean.hashCode(log);
    }

    @Override
    public String toString() {
        return (log ? "log " : "") + labels();
    }
}
