package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The level sets of f(x, y) on a rectangle (marching squares), or the bands between them, with
 * trajectories overlaid and the lowest sample marked. The levels are chosen once from a 101×101
 * overview of the function, so the terminal picture and the files share them.
 */
final class ContourPlot extends Plot {
    /** A function of two variables whose level sets a contour plot draws. */
    record Field(Expr e, String x, double x0, double x1, String y, double y0, double y1, Sampler sampler) {}

    final Field field;
    /** The paths overlaid, each drawn with its marker. */
    final List<Series> paths = new ArrayList<>();
    private int levelCount = Levels.DEFAULT_COUNT;
    private double[] levelValues;     // explicit levels, or null
    private Boolean logLevels;        // null: automatic
    boolean shaded;
    private Levels levelsCache;
    private Grid overviewCache;

    private ContourPlot(Field field) {
        super(field.x(), field.y());
        this.field = field;
    }

    /** See {@link Plot#contour}. */
    static ContourPlot create(Expr e, String x, double x0, double x1, String y, double y0, double y1) {
        Ranges.check("contour", x, x0, x1);
        Ranges.check("contour", y, y0, y1);
        if (x.equals(y)) throw new DotbarException("contour: both axes are " + x + "; give two different variables");
        var p = new ContourPlot(new Field(e, x, x0, x1, y, y0, y1, new Sampler(e, List.of(x, y), "contour")));
        p.title = Format.expression(e);
        return p;
    }

    /** Each point needs the values of both variables. */
    @Override
    public Plot path(String label, List<Point> points) {
        if (points.isEmpty()) throw new DotbarException("path '" + label + "' has no points");
        double[] xs = new double[points.size()], ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = coordinate(label, i, points.get(i), xName);
            ys[i] = coordinate(label, i, points.get(i), yName);
        }
        return path(label, xs, ys);
    }

    @Override
    public Plot path(String label, double[] xs, double[] ys) {
        if (xs.length == 0) throw new DotbarException("path '" + label + "' has no points");
        if (ys == null) throw new DotbarException("path '" + label + "': needs y values on " + describe());
        if (ys.length != xs.length) throw new DotbarException("path '" + label + "': " + xs.length + " x values but " + ys.length + " y values");
        paths.add(new Series(label, xs.clone(), ys.clone(), true));
        return this;
    }

    @Override
    public Plot levels(int n) {
        if (n < 1 || n > 50) throw new DotbarException("levels: " + n + " levels; give 1 to 50");
        levelCount = n;
        levelValues = null;
        levelsCache = null;
        return this;
    }

    @Override
    public Plot levels(double... values) {
        if (values.length == 0) throw new DotbarException("levels: no values");
        for (double v : values) if (!Double.isFinite(v)) throw new DotbarException("levels: " + v + " is not a finite number");
        levelValues = Arrays.stream(values).sorted().distinct().toArray();
        levelsCache = null;
        return this;
    }

    @Override
    public Plot logLevels() {
        logLevels = true;
        levelsCache = null;
        return this;
    }

    @Override
    public Plot linearLevels() {
        logLevels = false;
        levelsCache = null;
        return this;
    }

    @Override
    public Plot shaded() {
        shaded = true;
        return this;
    }

    @Override
    String draw(int columns, int rows, Palette colours) {
        return TerminalPicture.render(this, columns, rows, colours);
    }

    @Override
    String describe() {
        return "a contour plot of " + Format.expression(field.e());
    }

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

    /** The function on a 101×101 grid, sampled once: independent of any picture's size. */
    private Grid overview() {
        if (overviewCache == null) overviewCache = Grid.sample(field, 101, 101);
        return overviewCache;
    }
}
