package dotbar.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Draws function, loss and contour plots in braille: functions are sampled at every dot column
 * and consecutive finite samples joined by straight segments (a NaN or ±∞ sample leaves a
 * gap); contours are the marching-squares level sets of the function sampled at every dot;
 * paths are drawn cell by cell with their marker character, so they stand out from the lines
 * under them even without colour.
 */
final class TerminalPicture {
    private TerminalPicture() {}

    /** Cells between the markers that tell lines apart when there is no colour. */
    private static final int MARKER_SPACING = 8;
    private static final char LOWEST = '*';
    /** The longest label a legend line shows in full. */
    private static final int LEGEND_LABEL = 60;
    private static final char[] SHADES = {' ', '░', '▒', '▓', '█'};

    static String render(XyPlot p, int columns, int rows, Palette colours) {
        return render(p, p.xRange(), p.yRange(Plot.RANGE_SAMPLES), p.logY, p.curves(), p.series, null, columns, rows, colours);
    }

    static String render(ContourPlot p, int columns, int rows, Palette colours) {
        var f = p.field;
        return render(p, new double[]{f.x0(), f.x1()}, new double[]{f.y0(), f.y1()}, false, List.of(), p.paths, p, columns, rows, colours);
    }

    /** The picture over ranges {@code xr × yr}: the level sets of {@code field} (a contour plot, else null), then curves and series. */
    private static String render(Plot p, double[] xr, double[] yr, boolean logY, List<FunctionPlot.Curve> curves, List<Plot.Series> series,
                                 ContourPlot field, int columns, int rows, Palette colours) {
        boolean contour = field != null;
        List<Double> yTicks = logY ? Ticks.log(yr[0], yr[1], Math.max(2, rows / 3)) : Ticks.linear(yr[0], yr[1], Math.max(2, rows / 3));
        List<String> yLabels = Ticks.labels(yTicks, logY);
        int width = columns - Frame.margin(yLabels) - 2;
        var canvas = new BrailleCanvas(width, rows);
        var sx = new Scale(xr[0], xr[1], false, canvas.dotWidth(), false);
        var sy = new Scale(yr[0], yr[1], logY, canvas.dotHeight(), true);
        var legend = new ArrayList<String>();

        if (contour) drawField(field, canvas, sx, sy, legend, colours);
        int lines = 0;
        boolean markLines = colours == null && curves.size() + series.stream().filter(s -> !s.path()).count() > 1;
        for (int k = 0; k < curves.size(); k++) {
            FunctionPlot.Curve c = curves.get(k);
            double[] xs = new double[canvas.dotWidth()], ys = new double[xs.length];
            int finite = 0;
            for (int px = 0; px < xs.length; px++) {
                xs[px] = sx.fromDot(px);
                ys[px] = c.sampler().at(xs[px]);
                if (Double.isFinite(ys[px])) finite++;
            }
            drawLine(canvas, sx, sy, xs, ys, lines, markLines);
            if (curves.size() > 1 || markLines) legend.add(entry(lines, c.label(), colours));
            if (finite == 0) legend.add("(" + c.label() + " has no finite value on [" + Format.number(xr[0], 6) + ", " + Format.number(xr[1], 6) + "])");
            else if (finite < xs.length) legend.add("(" + c.label() + " is NaN or infinite on part of the range: gaps)");
            lines++;
        }
        for (Plot.Series s : series) {
            int style = lines++;
            if (s.path()) {
                drawPath(canvas, sx, sy, s, style);
                legend.add(entry(style, s.label(), colours) + ": " + Summaries.describePath(s, p.xName, contour ? p.yName : null));
            } else {
                drawLine(canvas, sx, sy, s.xs(), s.ys(), style, markLines);
                legend.add(entry(style, s.label(), colours) + (logY ? ": " + Summaries.describeLoss(s, p instanceof LossPlot && !p.xName.isEmpty() ? p.xName : "step") : ""));
                if (logY && Summaries.hasNonPositive(s.ys())) legend.add("(" + s.label() + " has values ≤ 0, not shown on the log scale)");
            }
        }

        var leftLabels = new HashMap<Integer, String>();
        for (int k = 0; k < yTicks.size(); k++) {
            int row = (int) Math.round(sy.toDot(yTicks.get(k))) / 4;
            leftLabels.putIfAbsent(Math.max(0, Math.min(rows - 1, row)), yLabels.get(k));
        }
        List<Double> xTicks = Ticks.linear(xr[0], xr[1], Math.max(2, width / 8));
        var tickColumns = new ArrayList<Integer>();
        for (double t : xTicks) tickColumns.add((int) Math.round(sx.toDot(t)) / 2);
        return new Frame(p.title, p.yName, canvas.rows(colours), width, leftLabels, tickColumns,
                Ticks.labels(xTicks, false), p.xName, legend).render();
    }

    /** Level sets (or shaded bands) of the contour's function, and a {@code *} at its lowest sample. */
    private static void drawField(ContourPlot p, BrailleCanvas canvas, Scale sx, Scale sy, List<String> legend, Palette colours) {
        Levels levels = p.levels();
        if (p.shaded) {
            int n = levels.values().length;
            for (int r = 0; r < canvas.height(); r++) {
                for (int c = 0; c < canvas.width(); c++) {
                    int band = levels.band(p.field.sampler().at(sx.fromDot(2 * c + 0.5), sy.fromDot(4 * r + 1.5)));
                    if (band >= 0) canvas.mark(c, r, SHADES[n == 0 ? 0 : band * (SHADES.length - 1) / n], Palette.MUTED);
                }
            }
        } else {
            double[] xs = new double[canvas.dotWidth()], ys = new double[canvas.dotHeight()];
            for (int i = 0; i < xs.length; i++) xs[i] = sx.fromDot(i);
            for (int j = 0; j < ys.length; j++) ys[j] = sy.fromDot(j);
            // grid indices are dot coordinates: column i is dot i, row j is dot row j from the top
            double[][] z = Grid.sample(p.field, xs, ys).z();
            for (double level : levels.values()) {
                for (double[] seg : Contours.segments(z, level)) {
                    canvas.line((int) Math.round(seg[0]), (int) Math.round(seg[1]), (int) Math.round(seg[2]), (int) Math.round(seg[3]), Palette.MUTED);
                }
            }
        }
        legend.add((p.shaded ? "bands ░▒▓█ between levels" : "levels") + (levels.log() ? " (log)" : "") + ": "
                + (levels.values().length == 0 ? "none (the function is constant or not finite here)" : String.join(" ", levels.labels())));
        double[] low = p.lowest();
        if (low != null) {
            int c = (int) Math.round(sx.toDot(low[0])) / 2, r = (int) Math.round(sy.toDot(low[1])) / 4;
            canvas.mark(c, r, LOWEST, Palette.MUTED);
            legend.add(paint(LOWEST, Palette.MUTED, colours) + " lowest sample " + Format.number(low[2], 4) + " at ("
                    + p.xName + "=" + Format.number(low[0], 4) + ", " + p.yName + "=" + Format.number(low[1], 4) + ")");
        }
    }

    /**
     * Joins consecutive finite points by straight segments, clipped to the canvas; a point that
     * is not finite (or not positive on a log scale) breaks the line. With {@code markers}, the
     * line's marker character replaces it every {@value #MARKER_SPACING} cells (offset by style).
     */
    private static void drawLine(BrailleCanvas canvas, Scale sx, Scale sy, double[] xs, double[] ys, int style, boolean markers) {
        var firstRowInColumn = new HashMap<Integer, Integer>();
        BrailleCanvas.DotVisitor plot = (px, py) -> {
            canvas.dot(px, py, style);
            if (px >= 0 && py >= 0 && px < canvas.dotWidth() && py < canvas.dotHeight()) firstRowInColumn.putIfAbsent(px / 2, py / 4);
        };
        double prevX = Double.NaN, prevY = Double.NaN;
        for (int i = 0; i < xs.length; i++) {
            double dx = sx.toDot(xs[i]), dy = sy.toDot(ys[i]);
            boolean ok = !Double.isNaN(dx) && !Double.isNaN(dy);
            boolean isolated = ok && Double.isNaN(prevX) && (i + 1 == xs.length || Double.isNaN(sy.toDot(ys[i + 1])) || Double.isNaN(sx.toDot(xs[i + 1])));
            if (ok && (!Double.isNaN(prevX) || isolated)) {
                double[] seg = Clip.segment(isolated ? dx : prevX, isolated ? dy : prevY, dx, dy,
                        -0.5, canvas.dotWidth() - 0.5, -0.5, canvas.dotHeight() - 0.5);
                if (seg != null) BrailleCanvas.walk(round(seg[0]), round(seg[1]), round(seg[2]), round(seg[3]), plot);
            }
            prevX = ok ? dx : Double.NaN;
            prevY = ok ? dy : Double.NaN;
        }
        if (markers) {
            for (var e : firstRowInColumn.entrySet()) {
                if (Math.floorMod(e.getKey() - 3 * style, MARKER_SPACING) == 0) canvas.mark(e.getKey(), e.getValue(), Palette.marker(style), style);
            }
        }
    }

    /** Marks every cell the path passes through (its points and the segments between them) with its marker. */
    private static void drawPath(BrailleCanvas canvas, Scale sx, Scale sy, Plot.Series s, int style) {
        char m = Palette.marker(style);
        BrailleCanvas.DotVisitor mark = (px, py) -> canvas.mark(Math.floorDiv(px, 2), Math.floorDiv(py, 4), m, style);
        double[] xs = s.xs(), ys = s.ys();
        for (int i = 0; i < xs.length; i++) {
            double x0 = sx.toDot(xs[Math.max(0, i - 1)]), y0 = sy.toDot(ys[Math.max(0, i - 1)]);
            double x1 = sx.toDot(xs[i]), y1 = sy.toDot(ys[i]);
            double[] seg = Clip.segment(x0, y0, x1, y1, -0.5, canvas.dotWidth() - 0.5, -0.5, canvas.dotHeight() - 0.5);
            if (seg != null) BrailleCanvas.walk(round(seg[0]), round(seg[1]), round(seg[2]), round(seg[3]), mark);
        }
    }

    private static int round(double d) {
        return (int) Math.round(d);
    }

    /** A legend entry: the series' marker (in its colour) and label, cut to fit a terminal line. */
    static String entry(int style, String label, Palette colours) {
        return paint(Palette.marker(style), style, colours) + " " + Format.fit(label, LEGEND_LABEL);
    }

    static String paint(char c, int style, Palette colours) {
        return colours == null ? String.valueOf(c) : colours.ansi(style) + c + Palette.RESET;
    }
}
