package dotbar.plot;

import dotbar.base.DotbarException;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture over an x and a y axis: a {@link FunctionPlot} or a {@link LossPlot}. Holds the
 * lines drawn through data ({@link #series}), the paths overlaid on them, and the y axis: linear
 * or logarithmic, from the data or fixed by {@link #ylim}.
 */
abstract sealed class XyPlot extends Plot permits FunctionPlot, LossPlot {
    final double xLo, xHi;   // NaN when the data decide
    final List<Series> series = new ArrayList<>();
    boolean logY;
    double yLo = Double.NaN, yHi = Double.NaN;

    XyPlot(String xName, String yName, double xLo, double xHi) {
        super(xName, yName);
        this.xLo = xLo;
        this.xHi = xHi;
    }

    /** The functions drawn as lines; none on a loss plot. */
    abstract List<FunctionPlot.Curve> curves();

    @Override
    public Plot series(String label, double[] xs, double[] ys) {
        if (xs.length != ys.length) throw new DotbarException("series '" + label + "': " + xs.length + " x values but " + ys.length + " y values");
        if (xs.length == 0) throw new DotbarException("series '" + label + "' has no points");
        series.add(new Series(label, xs.clone(), ys.clone(), false));
        return this;
    }

    @Override
    public Plot path(String label, double[] xs, double[] ys) {
        if (xs.length == 0) throw new DotbarException("path '" + label + "' has no points");
        if (ys == null) {
            ys = along(label, xs);
        } else if (ys.length != xs.length) {
            throw new DotbarException("path '" + label + "': " + xs.length + " x values but " + ys.length + " y values");
        }
        series.add(new Series(label, xs.clone(), ys.clone(), true));
        return this;
    }

    /** The heights of a path given by its x values only: on the first function, where there is one. */
    double[] along(String label, double[] xs) {
        throw new DotbarException("path '" + label + "': needs y values on " + describe());
    }

    @Override
    public Plot logScale(boolean on) {
        if (on && yLo <= 0) throw new DotbarException("logScale: the y axis is fixed to [" + Format.number(yLo, 6) + ", " + Format.number(yHi, 6) + "]; a log scale needs lo > 0");
        logY = on;
        return this;
    }

    @Override
    public Plot ylim(double lo, double hi) {
        Ranges.check("ylim", "y", lo, hi);
        if (logY && lo <= 0) throw new DotbarException("ylim: a log scale needs lo > 0, got " + Format.number(lo, 6));
        yLo = lo;
        yHi = hi;
        return this;
    }

    @Override
    String draw(int columns, int rows, Palette colours) {
        return TerminalPicture.render(this, columns, rows, colours);
    }

    /** The horizontal range: the functions', else the data's. */
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

    /** The vertical range: {@link #ylim} or the data's, functions sampled {@code samples} times. */
    double[] yRange(int samples) {
        if (!Double.isNaN(yLo)) return new double[]{yLo, yHi};
        double[] x = xRange();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (FunctionPlot.Curve c : curves()) {
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
}
