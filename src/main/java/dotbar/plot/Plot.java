package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.nio.file.Path;
import java.util.List;

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
 * <p>One class per kind, all of them {@code Plot}s (the DSL's type): a function plot
 * ({@link FunctionPlot}), a loss plot ({@link LossPlot}; both {@link XyPlot}s, pictures over an x
 * and a y axis), a contour plot ({@link ContourPlot}) and a bar chart ({@link BarChart}). Options
 * that belong to some kinds only are declared here, so that every chain of calls keeps the type
 * {@code Plot}, and refuse the other kinds with a message naming the plot. Builder methods change
 * this plot and return it; each checks its input before changing anything.
 *
 * <p>The terminal a picture is drawn for is passed in: {@link #render(Terminal)}. Printing a
 * plot ({@link #toString()}) draws it for the session's terminal ({@link #session()}: width,
 * height, colour and charset, set by the REPL; 80 columns without colour otherwise); a plot's own
 * {@link #size} overrides width and height. Narrower than {@value #MIN_COLUMNS} columns a plot
 * says so instead of drawing.
 */
public abstract sealed class Plot permits XyPlot, ContourPlot, BarChart {
    /** The narrowest terminal a plot draws in. */
    public static final int MIN_COLUMNS = 30;
    static final int DEFAULT_FILE_WIDTH = 800;
    static final int DEFAULT_FILE_HEIGHT = 600;
    /** Samples per function when finding the y range, the same for every picture of a plot. */
    static final int RANGE_SAMPLES = 1001;

    /** The terminal printed plots are drawn for; one immutable value, replaced as a whole. */
    private static volatile Terminal session = Terminal.DEFAULT;

    /** Data points, drawn as a braille line or (a path) as marker characters cell by cell. */
    record Series(String label, double[] xs, double[] ys, boolean path) {}

    String title = "";
    final String xName;
    final String yName;
    int fixedColumns, fixedRows;  // 0: from the terminal

    Plot(String xName, String yName) {
        this.xName = xName;
        this.yName = yName;
    }

    // ---- the kinds of plot ------------------------------------------------------------

    /**
     * y = f(x) for each expression of {@code functions} on [a, b], sampled at every braille dot
     * column. Where a function is NaN or ±∞ the line has a gap. The expressions may use no free
     * symbol but {@code x}.
     */
    public static Plot of(List<? extends Expr> functions, String x, double a, double b) {
        return FunctionPlot.create(functions, x, a, b);
    }

    /**
     * The level sets of f(x, y) on [x0, x1] × [y0, y1] (marching squares). Levels are chosen
     * from the samples: logarithmic when most of the picture is low ground, as for Rosenbrock's
     * and Beale's functions, linear otherwise; {@link #levels(double...)} sets them. The lowest
     * sampled point is marked {@code *}.
     */
    public static Plot contour(Expr e, String x, double x0, double x1, String y, double y0, double y1) {
        return ContourPlot.create(e, x, x0, x1, y, y0, y1);
    }

    /** Loss against step on a logarithmic scale: {@code losses[t]} at step t = 0, 1, 2, …. */
    public static Plot losses(String label, double[] losses) {
        return new LossPlot().lossCurve(label, losses);
    }

    /** The losses of one or more optimizers against step, on a logarithmic scale. */
    public static Plot losses(Trajectory... trajectories) {
        return LossPlot.create(trajectories);
    }

    /**
     * An empty picture of lines through data, x named {@code xName} and y {@code yName}, on a
     * linear scale: {@code curves("epoch", "test accuracy").series("adam", epochs, accuracy)};
     * {@link #logScale()} makes the y axis logarithmic.
     */
    public static Plot curves(String xName, String yName) {
        return new LossPlot(xName == null ? "" : xName, yName == null ? "" : yName);
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
        return BarChart.create(labels, name, values);
    }

    // ---- adding to a plot (each kind takes what it can draw) ----------------------------

    /** Adds a series of bars (one value per label), shown under its name in the legend (bar charts). */
    public Plot bars(String name, double[] values) {
        throw new DotbarException("bars(name, values): not for " + describe());
    }

    /** Adds a loss curve: {@code losses[t]} at step t = 0, 1, 2, …; values ≤ 0 or not finite leave gaps on the log scale (loss plots). */
    public Plot lossCurve(String label, double[] losses) {
        throw new DotbarException("lossCurve: adds to a loss plot (Plot.losses), not to " + describe());
    }

    /** Adds a line through data points (xᵢ, yᵢ); a NaN coordinate leaves a gap (function and loss plots). */
    public Plot series(String label, double[] xs, double[] ys) {
        throw new DotbarException("series: adds to a function or loss plot, not to " + describe());
    }

    /**
     * Overlays a trajectory, e.g. an optimizer's parameters step by step. On a contour plot each
     * point needs the values of both variables; on a function plot it needs x, and the path runs
     * along the first function (y = f(x)). Each path gets its own marker and colour.
     */
    public Plot path(String label, List<Point> points) {
        if (points.isEmpty()) throw new DotbarException("path '" + label + "' has no points");
        double[] xs = new double[points.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = coordinate(label, i, points.get(i), xName);
        return path(label, xs, null);
    }

    /** Overlays the paths of one or more optimizers (any {@link Trajectory}), each with its own marker. */
    public Plot path(Trajectory... trajectories) {
        if (trajectories.length == 0) throw new DotbarException("path: give at least one optimizer");
        for (Trajectory t : trajectories) path(t.label(), t.points());
        return this;
    }

    /** Overlays a trajectory given as coordinate arrays; on a function plot {@code ys} may be null (y = f(x)). */
    public Plot path(String label, double[] xs, double[] ys) {
        throw new DotbarException("path: draws on a function or contour plot, not on " + describe());
    }

    /** The value of {@code name} at the i-th point of a path, which must have one. */
    static double coordinate(String label, int i, Point p, String name) {
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

    /** Turns the logarithmic value axis on or off (function and loss plots, bar charts). */
    public Plot logScale(boolean on) {
        throw new DotbarException("logScale: a contour plot has no value axis; use logLevels()");
    }

    /** Fixes the y axis to [lo, hi] instead of the data's range; values outside are clipped (function and loss plots). */
    public Plot ylim(double lo, double hi) {
        throw new DotbarException("ylim: sets the y axis of a function or loss plot, not of " + describe());
    }

    /** About {@code n} levels, chosen from the samples (contour plots). */
    public Plot levels(int n) {
        throw notContour("levels");
    }

    /** Exactly these levels (contour plots); finite, in any order. */
    public Plot levels(double... values) {
        throw notContour("levels");
    }

    /** Logarithmically spaced levels (contour plots), for losses whose minimum lies far below their walls. */
    public Plot logLevels() {
        throw notContour("logLevels");
    }

    /** Evenly spaced levels (contour plots). */
    public Plot linearLevels() {
        throw notContour("linearLevels");
    }

    /** Shades the bands between levels with block characters ░▒▓█ instead of drawing lines (contour plots, terminal). */
    public Plot shaded() {
        throw notContour("shaded");
    }

    private DotbarException notContour(String what) {
        return new DotbarException(what + ": sets contour levels, but this is " + describe());
    }

    /** This plot's terminal size, overriding the terminal's: {@code columns} wide, a body {@code rows} high. */
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

    /** The terminal picture for {@code terminal} (its width and height unless this plot has a {@link #size}). */
    public String render(Terminal terminal) {
        int cols = fixedColumns > 0 ? fixedColumns : terminal.columns();
        if (cols < MIN_COLUMNS) {
            return "(the terminal is " + cols + " columns wide; a plot needs at least " + MIN_COLUMNS + ")\n";
        }
        if (!terminal.showsBraille()) {
            return "(the terminal's charset " + terminal.charset().name() + " has no braille; a plot needs UTF-8; save(\"plot.svg\") writes a file)\n";
        }
        Palette colours = terminal.colorShown() ? Palette.INSTANCE : null;
        return draw(cols, fixedRows > 0 ? fixedRows : terminal.bodyRows(cols), colours);
    }

    /** The terminal picture for the session's terminal ({@link #session()}). */
    public String render() {
        return render(session);
    }

    /** The terminal picture: printing a plot in the REPL draws it. */
    @Override
    public String toString() {
        return render();
    }

    /** Draws this kind of picture, {@code columns} wide with a body {@code rows} high; {@code colours} null for none. */
    abstract String draw(int columns, int rows, Palette colours);

    /** What the plot is, for messages: {@code a contour plot of x² + y²}. */
    abstract String describe();

    // ---- the session's terminal ---------------------------------------------------------

    /** The terminal printed plots are drawn for. */
    public static Terminal session() {
        return session;
    }

    /** Draws printed plots for {@code terminal} from now on (the REPL calls this when it starts). */
    public static void session(Terminal terminal) {
        if (terminal == null) throw new DotbarException("session: terminal is null");
        session = terminal;
    }

    /** The session terminal's width in columns, used by every plot without its own {@link #size}. */
    public static void setColumns(int n) {
        if (n < 1) throw new DotbarException("setColumns: " + n + " columns");
        session = session.withColumns(n);
    }

    /** The width printed plots are drawn for. */
    public static int columns() {
        return session.columns();
    }

    /** The session terminal's height in rows (0: unknown); a plot's body then fits on one screen. */
    public static void setRows(int n) {
        if (n < 0) throw new DotbarException("setRows: " + n + " rows");
        session = session.withRows(n);
    }

    /** Turns ANSI colours of printed plots on or off; they stay off while {@code NO_COLOR} is set. */
    public static void setColor(boolean on) {
        session = session.withColor(on);
    }

    /** True when printed plots are drawn with ANSI colours: switched on and {@code NO_COLOR} not set. */
    public static boolean colorEnabled() {
        return session.colorShown();
    }
}
