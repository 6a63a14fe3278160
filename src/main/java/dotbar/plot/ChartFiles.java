package dotbar.plot;

import dotbar.base.DotbarException;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves a {@link Plot} as SVG (JFreeSVG: text stays text, so titles and legends can be read and
 * searched) or PNG, drawn by JFreeChart from the same data as the terminal picture: the same
 * ranges ({@link Plot#xRange}, {@link Plot#yRange}, {@link BarPicture#range}), the same contour
 * levels ({@link Plot#levels}) and level sets ({@link Contours}), the same series and colours
 * ({@link Palette}). Java's AWT runs headless ({@code java.awt.headless=true}).
 */
final class ChartFiles {
    private ChartFiles() {}

    /** The file types {@link #save} writes. */
    private static final List<String> TYPES = List.of("svg", "png");
    /** Samples per function in a file: a smooth line at any size. */
    private static final int FUNCTION_SAMPLES = 600;
    /** Grid of a contour in a file. */
    private static final int CONTOUR_GRID = 201;
    /** Point markers on a path in a file, at most; its line still runs through every point. */
    static final int PATH_MARKERS = 50;

    static Path save(Plot p, String file, int width, int height) {
        Path target = target(file);
        String type = extension(target);
        requireSize("save", width, height);
        JFreeChart chart = chart(p);
        Path temp = null;
        try {
            // not Files.createTempFile: its owner-only permissions would stay with the saved file
            temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(chart, type, width, height, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new DotbarException("save: could not write " + target + ": " + reason(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed; either way the error (if any) is reported above
                }
            }
        }
    }

    /**
     * The picture as the bytes {@link #save} would write to a {@code .svg} or {@code .png} file
     * ({@code type}), for a notebook to show inline.
     */
    static byte[] bytes(Plot p, String type, int width, int height) {
        requireSize(type, width, height);
        var out = new java.io.ByteArrayOutputStream();
        try {
            write(chart(p), type, width, height, out);
        } catch (IOException e) {
            throw new DotbarException(type + ": could not draw the picture: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void requireSize(String what, int width, int height) {
        if (width < 16 || height < 16 || width > 10_000 || height > 10_000) {
            throw new DotbarException(what + ": a picture of " + width + "×" + height + " pixels; give 16 to 10000 each way");
        }
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** One place that turns a chart into file bytes: PNG, or SVG with its XML declaration. */
    private static void write(JFreeChart chart, String type, int width, int height, OutputStream out) throws IOException {
        if (type.equals("png")) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } else {
            var g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Why a write failed, in words: a file-system error's message is often only a path — and here
     * the path of the temporary file beside the target — so say what kind of failure it was.
     */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "the folder does not accept new files";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    /** The absolute path to write; its folder must exist. */
    private static Path target(String file) {
        if (file == null || file.isBlank()) throw new DotbarException("save: no file name");
        Path target;
        try {
            target = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new DotbarException("save: '" + file + "' is not a valid path: " + e.getReason());
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DotbarException("save: the folder " + folder + " does not exist (saving " + file + ")");
        }
        if (Files.isDirectory(target)) throw new DotbarException("save: " + file + " is a folder; give a file name ending in .svg or .png");
        return target;
    }

    private static String extension(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TYPES.contains(ext)) {
            throw new DotbarException("save: unknown file type " + (ext.isEmpty() ? "(no extension)" : "'." + ext + "'")
                    + " in " + name + "; use .svg or .png");
        }
        return ext;
    }

    static JFreeChart chart(Plot p) {
        JFreeChart chart = switch (p) {
            case XyPlot xy -> xyChart(xy);
            case ContourPlot c -> contourChart(c);
            case BarChart b -> barChart(b);
        };
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart xyChart(XyPlot p) {
        double[] xr = p.xRange();
        double[] yr = p.yRange(Plot.RANGE_SAMPLES);
        var data = new XYSeriesCollection();
        var renderer = lineRenderer(false);
        int style = 0;
        for (FunctionPlot.Curve c : p.curves()) {
            var s = new XYSeries(unique(data, c.label()), false, true);
            for (int i = 0; i < FUNCTION_SAMPLES; i++) {
                double x = Ranges.at(xr[0], xr[1], i, FUNCTION_SAMPLES - 1);
                s.add(x, shown(c.sampler().at(x), p.logY));
            }
            add(data, renderer, s, style++, false);
        }
        for (Plot.Series d : p.series) {
            var s = new XYSeries(unique(data, d.label()), false, true);
            for (int i = 0; i < d.xs().length; i++) s.add(d.xs()[i], shown(d.ys()[i], p.logY));
            add(data, renderer, s, style++, d.path());
        }
        var plot = new XYPlot(data, numberAxis(p.xName, xr), valueAxis(p.yName, yr, p.logY), renderer);
        return styled(new JFreeChart(p.title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1 || !p.series.isEmpty()), plot);
    }

    private static JFreeChart contourChart(ContourPlot p) {
        ContourPlot.Field f = p.field;
        var lines = new XYSeriesCollection();
        var lineRenderer = lineRenderer(false);
        Levels levels = p.levels();
        Grid grid = Grid.sample(f, CONTOUR_GRID, CONTOUR_GRID);
        double dx = (f.x1() - f.x0()) / (CONTOUR_GRID - 1), dy = (f.y1() - f.y0()) / (CONTOUR_GRID - 1);
        if (!Double.isFinite(dx)) dx = (f.x1() / 2 - f.x0() / 2) / (CONTOUR_GRID - 1) * 2;  // −1e308 to 1e308
        if (!Double.isFinite(dy)) dy = (f.y1() / 2 - f.y0() / 2) / (CONTOUR_GRID - 1) * 2;
        double[] values = levels.values();
        for (int k = 0; k < values.length; k++) {
            var s = new XYSeries("level " + Format.number(values[k], 3), false, true);
            // grid index (i, j) is the point (x0 + i·dx, y1 − j·dy); NaN between segments breaks the line
            for (double[] seg : Contours.segments(grid.z(), values[k])) {
                s.add(f.x0() + seg[0] * dx, f.y1() - seg[1] * dy);
                s.add(f.x0() + seg[2] * dx, f.y1() - seg[3] * dy);
                s.add(f.x0() + seg[2] * dx, Double.NaN);
            }
            lines.addSeries(s);
            int series = lines.getSeriesCount() - 1;
            lineRenderer.setSeriesPaint(series, levelColour(k, values.length));
            lineRenderer.setSeriesStroke(series, new BasicStroke(1f));
            lineRenderer.setSeriesVisibleInLegend(series, false);
        }
        var paths = new XYSeriesCollection();
        var pathRenderer = lineRenderer(true);
        int style = 0;
        for (Plot.Series d : p.paths) {
            var s = new XYSeries(unique(paths, d.label()), false, true);
            for (int i = 0; i < d.xs().length; i++) s.add(d.xs()[i], d.ys()[i]);
            add(paths, pathRenderer, s, style++, true);
        }
        double[] low = p.lowest();
        if (low != null) {
            var s = new XYSeries("lowest sample " + Format.number(low[2], 4), false, true);
            s.add(low[0], low[1]);
            paths.addSeries(s);
            int series = paths.getSeriesCount() - 1;
            pathRenderer.setSeriesPaint(series, Color.BLACK);
            pathRenderer.setSeriesShape(series, new Ellipse2D.Double(-5, -5, 10, 10));
            pathRenderer.setSeriesShapesFilled(series, false);
        }
        var plot = new XYPlot(paths, numberAxis(f.x(), new double[]{f.x0(), f.x1()}), numberAxis(f.y(), new double[]{f.y0(), f.y1()}), pathRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        var chart = styled(new JFreeChart(p.title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), plot);
        chart.addSubtitle(new TextTitle("levels" + (levels.log() ? " (log)" : "") + ": " + String.join("  ", levels.labels())));
        return chart;
    }

    private static JFreeChart barChart(BarChart p) {
        var data = new DefaultCategoryDataset();
        var names = new java.util.HashSet<String>();
        for (BarChart.BarSeries s : p.bars) {
            String name = s.name().isEmpty() ? "value" : s.name();
            for (int k = 2; !names.add(name); k++) name = (s.name().isEmpty() ? "value" : s.name()) + " (" + k + ")";
            for (int i = 0; i < p.labels.size(); i++) {
                double v = s.values()[i];
                data.addValue(Double.isFinite(v) && (!p.logY || v > 0) ? Double.valueOf(v) : null, name, p.labels.get(i));
            }
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int k = 0; k < p.bars.size(); k++) renderer.setSeriesPaint(k, Palette.awt(k));
        double[] range = BarPicture.range(p);
        if (p.logY) renderer.setBase(range[0]);
        var plot = new CategoryPlot(data, new CategoryAxis(p.xName), valueAxis(p.yName, range, p.logY), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(p.title, JFreeChart.DEFAULT_TITLE_FONT, plot, p.bars.size() > 1 || !p.bars.get(0).name().isEmpty());
    }

    /** Lines drawn as one SVG path per series (a NaN starts a new piece of it), with or without point shapes. */
    private static PathRenderer lineRenderer(boolean shapes) {
        var r = new PathRenderer(shapes);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /**
     * Draws a path's markers on at most {@link #PATH_MARKERS} of its points, evenly spaced by step and
     * always on the first and the last: a marker on every step of a 2000-step optimizer run made SVG
     * files of tens of megabytes, and showed no more than the line through the points does.
     */
    private static final class PathRenderer extends XYLineAndShapeRenderer {
        private final Map<Integer, Integer> points = new HashMap<>();

        PathRenderer(boolean shapes) {
            super(true, shapes);
        }

        /** Series {@code series} is a path of {@code n} points. */
        void path(int series, int n) {
            points.put(series, n);
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            if (!super.getItemShapeVisible(series, item)) return false;
            int n = points.getOrDefault(series, 0);
            if (n <= PATH_MARKERS) return true;
            int stride = (n - 2) / (PATH_MARKERS - 1) + 1;  // markers at 0, stride, 2·stride, … < n, and n − 1
            return item % stride == 0 || item == n - 1;
        }
    }

    private static void add(XYSeriesCollection data, PathRenderer renderer, XYSeries s, int style, boolean shapes) {
        data.addSeries(s);
        int k = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(k, Palette.awt(style));
        renderer.setSeriesStroke(k, new BasicStroke(shapes ? 1.2f : 2f));
        renderer.setSeriesShapesVisible(k, shapes);
        if (shapes) {
            renderer.setSeriesShape(k, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            renderer.path(k, s.getItemCount());
        }
    }

    /** {@code label}, or {@code label (2)}, {@code (3)} … when the chart has a series of that name already (its key). */
    private static String unique(XYSeriesCollection data, String label) {
        String key = label;
        for (int k = 2; data.getSeriesIndex(key) >= 0; k++) key = label + " (" + k + ")";
        return key;
    }

    /** A value as the file shows it: NaN (a gap) where the terminal picture leaves a gap too. */
    private static double shown(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0) ? v : Double.NaN;
    }

    private static NumberAxis numberAxis(String name, double[] range) {
        var axis = new NumberAxis(name);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(range[0], range[1]);
        return axis;
    }

    private static ValueAxis valueAxis(String name, double[] range, boolean log) {
        if (!log) return numberAxis(name, range);
        var axis = new LogAxis(name);
        axis.setRange(range[0], range[1]);
        double decades = Math.log10(range[1] / range[0]);
        if (decades >= 2) axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 10))));
        return axis;
    }

    private static JFreeChart styled(JFreeChart chart, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** Level k of n from light to dark grey, as the terminal's bands go from light to dark; paths keep the colours. */
    private static Color levelColour(int k, int n) {
        double t = n <= 1 ? 1 : (double) k / (n - 1);
        int grey = (int) (190 - 130 * t);
        return new Color(grey, grey, grey);
    }
}
