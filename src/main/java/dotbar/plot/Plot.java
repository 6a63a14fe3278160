package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A picture of functions, level sets, trajectories, loss curves or bars, drawn in the terminal
 * with Unicode braille (2×4 dots per character cell) when printed, and saved to SVG or PNG with
 * {@link #save}. Both pictures come from the same data: the same ranges, levels and series.
 *
 * <pre>{@code
 * plot(x.pow(2), "x", -2, 2)                                   // y = x² on [−2, 2]
 * contour(rosenbrock, "x", -2, 2, "y", -1, 3).path("adam", points).save("race.svg")
 * Plot.losses("adam", losses).lossCurve("sgd", other)          // loss against step, log scale
 * Plot.bars(List.of("1", "2", "3"), new double[]{0.25, 0.0625, 0.0156}).logScale()
 * }</pre>
 *
 * <p>Terminal settings are shared by all plots (the REPL sets them): the width in columns
 * ({@link #setColumns}, default 80; narrower than {@value #MIN_COLUMNS} columns the plot says so
 * instead of drawing) and ANSI colours ({@link #setColor}, off by default and whenever the
 * {@code NO_COLOR} environment variable is set). Builder methods change this plot and return it;
 * each checks its input before changing anything.
 */
public final class Plot {
    /** The narrowest terminal a plot draws in. */
    public static final int MIN_COLUMNS = 30;
    static final int DEFAULT_FILE_WIDTH = 800;
    static final int DEFAULT_FILE_HEIGHT = 600;
    /** Samples per function when finding the y range, the same for every picture of a plot. */
    static final int RANGE_SAMPLES = 1001;

    private static volatile int columns = 80;
    private static volatile int terminalRows = 0;
    private static volatile boolean color = false;
    /** The environment as the colour switch reads it; tests replace it. */
    static volatile UnaryOperator<String> environment = System::getenv;

    enum Kind { XY, CONTOUR, BARS }

    /** A function of the horizontal variable, drawn as a line. */
    record Curve(String label, Expr e, Sampler sampler) {}

    /** Data points, drawn as a braille line or (a path) as marker characters cell by cell. */
    record Series(String label, double[] xs, double[] ys, boolean path) {}

    /** A function of two variables whose level sets a contour plot draws. */
    record Field(Expr e, String x, double x0, double x1, String y, double y0, double y1, Sampler sampler) {}

    /** A named row of bar lengths, one per label. */
    record BarSeries(String name, double[] values) {}

    final Kind kind;
    String title = "";
    final String xName;
    String yName;
    final double xLo, xHi;   // NaN when the data decide
    final List<Curve> curves = new ArrayList<>();
    final List<Series> series = new ArrayList<>();
    boolean logY;
    double yLo = Double.NaN, yHi = Double.NaN;
    final Field field;
    int levelCount = Levels.DEFAULT_COUNT;
    double[] levelValues;     // explicit levels, or null
    Boolean logLevels;        // null: automatic
    boolean shaded;
    private Levels levelsCache;
    private Grid overviewCache;
    final List<String> barLabels;
    final List<BarSeries> bars = new ArrayList<>();
    int fixedColumns, fixedRows;  // 0: from the terminal settings

    private Plot(Kind kind, String xName, String yName, double xLo, double xHi, Field field, List<String> barLabels) {
        this.kind = kind;
        this.xName = xName;
        this.yName = yName;
        this.xLo = xLo;
        this.xHi = xHi;
        this.field = field;
        this.barLabels = barLabels;
    }

    // ---- the kinds of plot ------------------------------------------------------------

    /**
     * y = f(x) for each expression of {@code functions} on [a, b], sampled at every braille dot
     * column. Where a function is NaN or ±∞ the line has a gap. The expressions may use no free
     * symbol but {@code x}.
     */
    public static Plot of(List<? extends Expr> functions, String x, double a, double b) {
        if (functions.isEmpty()) throw new DotbarException("plot: no function to draw");
        Ranges.check("plot", x, a, b);
        var p = new Plot(Kind.XY, x, "", a, b, null, null);
        for (Expr e : functions) p.curves.add(new Curve(Format.expression(e), e, new Sampler(e, List.of(x), "plot")));
        if (functions.size() == 1) p.title = "y = " + p.curves.get(0).label();
        return p;
    }

    /**
     * The level sets of f(x, y) on [x0, x1] × [y0, y1] (marching squares). Levels are chosen
     * from the samples: logarithmic when most of the picture is low ground, as for Rosenbrock's
     * and Beale's functions, linear otherwise; {@link #levels(double...)} sets them. The lowest
     * sampled point is marked {@code *}.
     */
    public static Plot contour(Expr e, String x, double x0, double x1, String y, double y0, double y1) {
        Ranges.check("contour", x, x0, x1);
        Ranges.check("contour", y, y0, y1);
        if (x.equals(y)) throw new DotbarException("contour: both axes are " + x + "; give two different variables");
        var field = new Field(e, x, x0, x1, y, y0, y1, new Sampler(e, List.of(x, y), "contour"));
        var p = new Plot(Kind.CONTOUR, x, y, x0, x1, field, null);
        p.title = Format.expression(e);
        return p;
    }

    /** Loss against step on a logarithmic scale: {@code losses[t]} at step t = 0, 1, 2, …. */
    public static Plot losses(String label, double[] losses) {
        return emptyLossPlot().lossCurve(label, losses);
    }

    private static Plot emptyLossPlot() {
        var p = new Plot(Kind.XY, "step", "loss", Double.NaN, Double.NaN, null, null);
        p.logY = true;
        return p;
    }

    /** The losses of one or more optimizers against step, on a logarithmic scale. */
    public static Plot losses(Trajectory... trajectories) {
        if (trajectories.length == 0) throw new DotbarException("losses: give at least one optimizer");
        Plot p = emptyLossPlot();
        // against the recorded steps, not the row index: a long run's history keeps only every 2ᵏ-th step
        for (Trajectory t : trajectories) p.series(t.label(), t.steps(), t.losses());
        return p;
    }

    /** A bar chart, one bar per label (drawn across, label on the left); {@link #logScale()} for a log scale. */
    public static Plot bars(List<String> labels, double[] values) {
        return bars(labels, "", values);
    }

    /**
     * A bar chart whose first series has a name, shown in the legend as the names of the series
     * added with {@link #bars(String, double[])} are: {@code bars(labels, "sigmoid", s).bars("relu", r)}.
     */
    public static Plot bars(List<String> labels, String name, double[] values) {
        if (labels.isEmpty()) throw new DotbarException("bars: no labels");
        var p = new Plot(Kind.BARS, "", "", Double.NaN, Double.NaN, null, List.copyOf(labels));
        return p.bars(name, values);
    }

    // ---- adding to a plot ---------------------------------------------------------------

    /** Adds a series of bars (one value per label), shown under its name in the legend. */
    public Plot bars(String name, double[] values) {
        require(Kind.BARS, "bars(name, values)");
        if (values.length != barLabels.size()) {
            throw new DotbarException("bars: " + values.length + " values for " + barLabels.size() + " labels");
        }
        bars.add(new BarSeries(name, values.clone()));
        return this;
    }

    /** Adds a loss curve: {@code losses[t]} at step t = 0, 1, 2, …; values ≤ 0 or not finite leave gaps on the log scale. */
    public Plot lossCurve(String label, double[] losses) {
        if (kind != Kind.XY || !curves.isEmpty()) throw new DotbarException("lossCurve: adds to a loss plot (Plot.losses), not to " + describe());
        if (losses.length == 0) throw new DotbarException("lossCurve: '" + label + "' has no values");
        double[] steps = new double[losses.length];
        for (int t = 0; t < steps.length; t++) steps[t] = t;
        series.add(new Series(label, steps, losses.clone(), false));
        return this;
    }

    /** Adds a line through data points (xᵢ, yᵢ); a NaN coordinate leaves a gap. */
    public Plot series(String label, double[] xs, double[] ys) {
        if (kind != Kind.XY) throw new DotbarException("series: adds to a function or loss plot, not to " + describe());
        if (xs.length != ys.length) throw new DotbarException("series '" + label + "': " + xs.length + " x values but " + ys.length + " y values");
        if (xs.length == 0) throw new DotbarException("series '" + label + "' has no points");
        series.add(new Series(label, xs.clone(), ys.clone(), false));
        return this;
    }

    /**
     * Overlays a trajectory, e.g. an optimizer's parameters step by step. On a contour plot each
     * point needs the values of both variables; on a function plot it needs x, and the path runs
     * along the first function (y = f(x)). Each path gets its own marker and colour.
     */
    public Plot path(String label, List<Point> points) {
        if (points.isEmpty()) throw new DotbarException("path '" + label + "' has no points");
        double[] xs = new double[points.size()], ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            Point p = points.get(i);
            xs[i] = coordinate(label, i, p, xName);
            if (kind == Kind.CONTOUR) ys[i] = coordinate(label, i, p, yName);
        }
        return path(label, xs, kind == Kind.CONTOUR ? ys : null);
    }

    /** Overlays the paths of one or more optimizers (any {@link Trajectory}), each with its own marker. */
    public Plot path(Trajectory... trajectories) {
        if (trajectories.length == 0) throw new DotbarException("path: give at least one optimizer");
        for (Trajectory t : trajectories) path(t.label(), t.points());
        return this;
    }

    /** Overlays a trajectory given as coordinate arrays; on a function plot {@code ys} may be null (y = f(x)). */
    public Plot path(String label, double[] xs, double[] ys) {
        if (kind == Kind.BARS) throw new DotbarException("path: draws on a function or contour plot, not on " + describe());
        if (xs.length == 0) throw new DotbarException("path '" + label + "' has no points");
        if (ys == null) {
            if (kind != Kind.XY || curves.isEmpty()) throw new DotbarException("path '" + label + "': needs y values on " + describe());
            ys = new double[xs.length];
            Sampler f = curves.get(0).sampler();
            for (int i = 0; i < xs.length; i++) ys[i] = f.at(xs[i]);
        } else if (ys.length != xs.length) {
            throw new DotbarException("path '" + label + "': " + xs.length + " x values but " + ys.length + " y values");
        }
        series.add(new Series(label, xs.clone(), ys.clone(), true));
        return this;
    }

    private double coordinate(String label, int i, Point p, String name) {
        if (!p.has(name)) throw new DotbarException("path '" + label + "': point " + i + " " + p + " has no value for " + name);
        return p.get(name);
    }

    // ---- options ------------------------------------------------------------------------

    /** The title line. */
    public Plot title(String text) {
        title = text == null ? "" : text;
        return this;
    }

    /** A logarithmic y axis (function and loss plots) or bar axis (bar charts). */
    public Plot logScale() {
        return logScale(true);
    }

    /** Turns the logarithmic value axis on or off. */
    public Plot logScale(boolean on) {
        if (kind == Kind.CONTOUR) throw new DotbarException("logScale: a contour plot has no value axis; use logLevels()");
        if (on && yLo <= 0) throw new DotbarException("logScale: the y axis is fixed to [" + Format.number(yLo, 6) + ", " + Format.number(yHi, 6) + "]; a log scale needs lo > 0");
        logY = on;
        return this;
    }

    /** Fixes the y axis to [lo, hi] instead of the data's range (values outside are clipped). */
    public Plot ylim(double lo, double hi) {
        if (kind != Kind.XY) throw new DotbarException("ylim: sets the y axis of a function or loss plot, not of " + describe());
        Ranges.check("ylim", "y", lo, hi);
        if (logY && lo <= 0) throw new DotbarException("ylim: a log scale needs lo > 0, got " + Format.number(lo, 6));
        yLo = lo;
        yHi = hi;
        return this;
    }

    /** About {@code n} levels, chosen from the samples (contour plots). */
    public Plot levels(int n) {
        requireContour("levels");
        if (n < 1 || n > 50) throw new DotbarException("levels: " + n + " levels; give 1 to 50");
        levelCount = n;
        levelValues = null;
        levelsCache = null;
        return this;
    }

    /** Exactly these levels (contour plots); finite, in any order. */
    public Plot levels(double... values) {
        requireContour("levels");
        if (values.length == 0) throw new DotbarException("levels: no values");
        for (double v : values) if (!Double.isFinite(v)) throw new DotbarException("levels: " + v + " is not a finite number");
        levelValues = Arrays.stream(values).sorted().distinct().toArray();
        levelsCache = null;
        return this;
    }

    /** Logarithmically spaced levels (contour plots), for losses whose minimum lies far below their walls. */
    public Plot logLevels() {
        requireContour("logLevels");
        logLevels = true;
        levelsCache = null;
        return this;
    }

    /** Evenly spaced levels (contour plots). */
    public Plot linearLevels() {
        requireContour("linearLevels");
        logLevels = false;
        levelsCache = null;
        return this;
    }

    /** Shades the bands between levels with block characters ░▒▓█ instead of drawing lines (contour plots, terminal). */
    public Plot shaded() {
        requireContour("shaded");
        shaded = true;
        return this;
    }

    /** This plot's terminal size, overriding the shared setting: {@code columns} wide, a body {@code rows} high. */
    public Plot size(int columns, int rows) {
        if (columns < MIN_COLUMNS) throw new DotbarException("size: " + columns + " columns is too narrow; a plot needs at least " + MIN_COLUMNS);
        if (rows < 3 || rows > 200) throw new DotbarException("size: " + rows + " rows; give 3 to 200");
        fixedColumns = columns;
        fixedRows = rows;
        return this;
    }

    // ---- output -------------------------------------------------------------------------

    /**
     * Saves the picture as {@code .svg} or {@code .png} (800×600), chosen by the extension;
     * returns the file's absolute path. The folder must exist. The file appears whole or not at all.
     */
    public Path save(String file) {
        return save(file, DEFAULT_FILE_WIDTH, DEFAULT_FILE_HEIGHT);
    }

    /** Saves the picture {@code width × height} pixels large (see {@link #save(String)}). */
    public Path save(String file, int width, int height) {
        return ChartFiles.save(this, file, width, height);
    }

    /** The picture as SVG text, {@code width × height} pixels: what {@code save("….svg", width, height)} writes. */
    public String svg(int width, int height) {
        return new String(ChartFiles.bytes(this, "svg", width, height), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The picture as PNG bytes, {@code width × height} pixels: what {@code save("….png", width, height)} writes. */
    public byte[] png(int width, int height) {
        return ChartFiles.bytes(this, "png", width, height);
    }

    /** The terminal picture at the current settings. */
    public String render() {
        int cols = fixedColumns > 0 ? fixedColumns : columns;
        if (cols < MIN_COLUMNS) {
            return "(the terminal is " + cols + " columns wide; a plot needs at least " + MIN_COLUMNS + ")\n";
        }
        Palette colours = colorEnabled() ? Palette.INSTANCE : null;
        int rows = fixedRows > 0 ? fixedRows : defaultRows(cols);
        return kind == Kind.BARS ? BarPicture.render(this, cols, colours) : TerminalPicture.render(this, cols, rows, colours);
    }

    /** The terminal picture: printing a plot in the REPL draws it. */
    @Override
    public String toString() {
        return render();
    }

    // ---- shared settings ----------------------------------------------------------------

    /** The terminal's width in columns, used by every plot without its own {@link #size}. */
    public static void setColumns(int n) {
        if (n < 1) throw new DotbarException("setColumns: " + n + " columns");
        columns = n;
    }

    /** The terminal width plots draw for. */
    public static int columns() {
        return columns;
    }

    /** The terminal's height in rows (0: unknown); a plot's body then fits on one screen. */
    public static void setRows(int n) {
        if (n < 0) throw new DotbarException("setRows: " + n + " rows");
        terminalRows = n;
    }

    /** Turns ANSI colours on or off; they stay off while {@code NO_COLOR} is set. */
    public static void setColor(boolean on) {
        color = on;
    }

    /** True when plots are drawn with ANSI colours: switched on and {@code NO_COLOR} not set. */
    public static boolean colorEnabled() {
        String noColor = environment.apply("NO_COLOR");
        return color && (noColor == null || noColor.isEmpty());
    }

    private static int defaultRows(int cols) {
        int rows = Math.max(8, Math.min(16, cols / 5));
        return terminalRows > 0 ? Math.max(6, Math.min(rows, terminalRows - 10)) : rows;
    }

    // ---- shared by the terminal and file pictures ---------------------------------------

    /** The levels drawn, chosen once from the {@link #overview} so that both pictures share them. */
    Levels levels() {
        if (levelsCache == null) {
            levelsCache = levelValues != null ? new Levels(levelValues.clone(), Boolean.TRUE.equals(logLevels))
                    : Levels.choose(overview().flat(), levelCount, logLevels);
        }
        return levelsCache;
    }

    /** The lowest sample of the {@link #overview} as {x, y, z}, or null when no sample is finite. */
    double[] lowest() {
        return overview().lowest();
    }

    /** The contour's function on a 101×101 grid, sampled once: independent of any picture's size. */
    private Grid overview() {
        if (overviewCache == null) overviewCache = Grid.sample(field, 101, 101);
        return overviewCache;
    }

    /** The horizontal range: the functions' or contour's, else the data's. */
    double[] xRange() {
        if (!Double.isNaN(xLo)) return new double[]{xLo, xHi};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.xs()) {
                if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        return Ranges.widen(lo, hi, false);
    }

    /** The vertical range of a function or loss plot: {@link #ylim} or the data's, functions sampled {@code samples} times. */
    double[] yRange(int samples) {
        if (!Double.isNaN(yLo)) return new double[]{yLo, yHi};
        double[] x = xRange();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (int i = 0; i < samples; i++) {
                double v = c.sampler().at(Ranges.at(x[0], x[1], i, samples - 1));
                if (Double.isFinite(v) && (!logY || v > 0)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        for (Series s : series) {
            for (int i = 0; i < s.ys().length; i++) {
                double v = s.ys()[i];
                if (Double.isFinite(v) && (!logY || v > 0) && s.xs()[i] >= x[0] && s.xs()[i] <= x[1]) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Ranges.widen(lo, hi, logY);
    }

    String describe() {
        return switch (kind) {
            case XY -> curves.isEmpty() ? "a loss plot" : "a plot of " + curves.get(0).label();
            case CONTOUR -> "a contour plot of " + Format.expression(field.e());
            case BARS -> "a bar chart";
        };
    }

    private void require(Kind k, String what) {
        if (kind != k) throw new DotbarException(what + ": not for " + describe());
    }

    private void requireContour(String what) {
        if (kind != Kind.CONTOUR) throw new DotbarException(what + ": sets contour levels, but this is " + describe());
    }
}
