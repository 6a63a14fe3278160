package dotbar.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Draws a bar chart across the terminal: one row per label and series, the bar's length in
 * eighths of a cell ({@code ▏▎▍▌▋▊▉█}), its value written after it. On a linear scale bars grow
 * from 0 (to the left for negative values); on a log scale from the power of ten below the
 * smallest positive value, so |∂L/∂a| ≈ 10⁻¹² and 10⁻¹ both show. A value the scale cannot show
 * (NaN, ±∞, or ≤ 0 on a log scale) gets no bar, only its value.
 */
final class BarPicture {
    private BarPicture() {}

    private static final String EIGHTHS = " ▏▎▍▌▋▊▉";
    /** Without colour, series after the first are told apart by their fill. */
    private static final char[] FILLS = {'█', '▒', '░', '▓'};

    static String render(BarChart p, int columns, Palette colours) {
        List<String> labels = p.labels;
        var valueTexts = new ArrayList<String>();
        for (BarChart.BarSeries s : p.bars) for (double v : s.values()) valueTexts.add(Format.number(v, 3));
        int textWidth = valueTexts.stream().mapToInt(Frame::width).max().orElse(1) + 1;
        int width = columns - Frame.margin(labels) - 2;
        int area = Math.max(4, width - textWidth);
        double[] range = range(p);
        var scale = new Scale(range[0], range[1], p.logY, area * 8 + 1, false);
        // a bar starts at 0 on a linear scale and at the bottom of the axis on a log one
        int origin = p.logY ? 0 : (int) Math.round(scale.toDot(0));

        var body = new ArrayList<String>();
        var leftLabels = new HashMap<Integer, String>();
        for (int i = 0; i < labels.size(); i++) {
            for (int k = 0; k < p.bars.size(); k++) {
                if (k == 0) leftLabels.put(body.size(), labels.get(i));
                double v = p.bars.get(k).values()[i];
                double d = scale.toDot(v);
                char fill = colours != null ? '█' : FILLS[k % FILLS.length];
                String bar = Double.isNaN(d) ? "" : bar(origin, (int) Math.round(d), fill);
                String text = Format.number(v, 3);
                String row = colours != null && !bar.isBlank() ? colours.ansi(k) + bar + Palette.RESET : bar;
                body.add(row + " ".repeat(Math.max(1, area - Frame.width(bar) + 1)) + text);  // values in one column
            }
        }
        List<Double> ticks = p.logY ? Ticks.log(range[0], range[1], Math.max(2, area / 8)) : Ticks.linear(range[0], range[1], Math.max(2, area / 8));
        var tickColumns = new ArrayList<Integer>();
        for (double t : ticks) tickColumns.add((int) Math.round(scale.toDot(t)) / 8);
        var legend = new ArrayList<String>();
        if (p.bars.size() > 1 || !p.bars.get(0).name().isEmpty()) {
            for (int k = 0; k < p.bars.size(); k++) {
                char fill = colours != null ? '█' : FILLS[k % FILLS.length];
                legend.add(TerminalPicture.paint(fill, k, colours) + " " + p.bars.get(k).name());
            }
        }
        if (p.logY) legend.add("(log scale" + (hasUnshown(p) ? "; values ≤ 0 have no bar" : "") + ")");
        return new Frame(p.title, "", body, width, leftLabels, tickColumns, Ticks.labels(ticks, p.logY), p.xName, legend).render();
    }

    /**
     * The bar between eighth-cell positions {@code from} and {@code to}, padded on the left to
     * start at column from/8. Growing right it ends in a partial block; growing left it is whole
     * cells (Unicode has no right-aligned eighths).
     */
    private static String bar(int from, int to, char fill) {
        var sb = new StringBuilder();
        if (to >= from) {
            sb.append(" ".repeat(from / 8));
            int eighths = to - from;
            sb.append(String.valueOf(fill).repeat(eighths / 8));
            if (eighths % 8 != 0) sb.append(fill == '█' ? EIGHTHS.charAt(eighths % 8) : fill);
        } else {
            int start = to / 8, end = (from + 7) / 8;
            sb.append(" ".repeat(start)).append(String.valueOf(fill).repeat(Math.max(1, end - start)));
        }
        return sb.toString();
    }

    /** The value axis: from 0 (or the smallest value) to the largest; log: whole decades around the positive values. */
    static double[] range(BarChart p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (BarChart.BarSeries s : p.bars) {
            for (double v : s.values()) {
                if (Double.isFinite(v) && (!p.logY || v > 0)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        if (p.logY) {
            if (lo > hi) return new double[]{0.1, 10};
            // whole decades, kept inside (0, largest double]: 10⁻³²⁴ underflows and 10³⁰⁹ overflows
            double a = Math.max(Math.pow(10, Math.floor(Math.log10(lo))), Double.MIN_VALUE);
            double b = Math.min(Math.pow(10, Math.ceil(Math.log10(hi))), Double.MAX_VALUE);
            return b > a ? new double[]{a, b} : a * 10 <= Double.MAX_VALUE ? new double[]{a, a * 10} : new double[]{a / 10, a};
        }
        if (lo > hi) return new double[]{0, 1};
        lo = Math.min(0, lo);
        hi = Math.max(0, hi);
        return lo < hi ? new double[]{lo, hi} : new double[]{0, 1};
    }

    private static boolean hasUnshown(BarChart p) {
        for (BarChart.BarSeries s : p.bars) if (Summaries.hasNonPositive(s.values())) return true;
        return false;
    }
}
