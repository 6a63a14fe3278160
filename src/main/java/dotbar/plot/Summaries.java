package dotbar.plot;

/** The one-line summaries legends give of a path or a loss curve. */
final class Summaries {
    private Summaries() {}

    /** {@code (x=-1.5, y=2) → (x=0.98, y=0.96) in 500 steps}; {@code yName} null for a path along a function. */
    static String describePath(Plot.Series s, String xName, String yName) {
        int n = s.xs().length - 1;
        return at(s, 0, xName, yName) + " → " + at(s, n, xName, yName) + " in " + n + (n == 1 ? " step" : " steps");
    }

    private static String at(Plot.Series s, int i, String xName, String yName) {
        return "(" + xName + "=" + Format.number(s.xs()[i], 4)
                + (yName == null ? "" : ", " + yName + "=" + Format.number(s.ys()[i], 4)) + ")";
    }

    /** {@code 5.4 → 0.00031 after 500 steps, lowest 0.0002 at step 480}. */
    static String describeLoss(Plot.Series s, String unit) {
        double[] y = s.ys();
        int best = -1;
        for (int i = 0; i < y.length; i++) if (Double.isFinite(y[i]) && (best < 0 || y[i] < y[best])) best = i;
        String text = Format.number(y[0], 4) + " → " + Format.number(y[y.length - 1], 4) + " after " + Format.number(s.xs()[y.length - 1], 6) + " " + unit + "s";
        return best >= 0 && best != y.length - 1 ? text + ", lowest " + Format.number(y[best], 4) + " at " + unit + " " + Format.number(s.xs()[best], 6) : text;
    }

    static boolean hasNonPositive(double[] ys) {
        for (double v : ys) if (v <= 0) return true;
        return false;
    }
}
