package dotbar.plot;

import dotbar.base.DotbarException;

import java.util.ArrayList;
import java.util.List;

/** Bars across the terminal, one row per label and series; a linear or logarithmic value axis. */
final class BarChart extends Plot {
    /** A named row of bar lengths, one per label. */
    record BarSeries(String name, double[] values) {}

    final List<String> labels;
    final List<BarSeries> bars = new ArrayList<>();
    boolean logY;

    private BarChart(List<String> labels) {
        super("", "");
        this.labels = List.copyOf(labels);
    }

    /** See {@link Plot#bars(List, String, double[])}. */
    static BarChart create(List<String> labels, String name, double[] values) {
        if (labels.isEmpty()) throw new DotbarException("bars: no labels");
        var p = new BarChart(labels);
        p.bars(name, values);
        return p;
    }

    @Override
    public Plot bars(String name, double[] values) {
        if (values.length != labels.size()) {
            throw new DotbarException("bars: " + values.length + " values for " + labels.size() + " labels");
        }
        bars.add(new BarSeries(name, values.clone()));
        return this;
    }

    @Override
    public Plot logScale(boolean on) {
        logY = on;
        return this;
    }

    @Override
    String draw(int columns, int rows, Palette colours) {
        return BarPicture.render(this, columns, colours);
    }

    @Override
    String describe() {
        return "a bar chart";
    }
}
