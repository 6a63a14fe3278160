package dotbar.plot;

import dotbar.base.DotbarException;

import java.util.List;

/** Losses against step on a logarithmic scale: one curve per optimizer or per array of losses. */
final class LossPlot extends XyPlot {
    LossPlot() {
        this("step", "loss");
        logY = true;
    }

    /** An empty plot of data against {@code xName}, its y axis {@code yName}, linear. */
    LossPlot(String xName, String yName) {
        super(xName, yName, Double.NaN, Double.NaN);
    }

    /** See {@link Plot#losses(Trajectory...)}. */
    static LossPlot create(Trajectory... trajectories) {
        if (trajectories.length == 0) throw new DotbarException("losses: give at least one optimizer");
        var p = new LossPlot();
        // against the recorded steps, not the row index: a long run's history keeps only every 2ᵏ-th step
        for (Trajectory t : trajectories) p.series(t.label(), t.steps(), t.losses());
        return p;
    }

    @Override
    public Plot lossCurve(String label, double[] losses) {
        if (losses.length == 0) throw new DotbarException("lossCurve: '" + label + "' has no values");
        double[] steps = new double[losses.length];
        for (int t = 0; t < steps.length; t++) steps[t] = t;
        series.add(new Series(label, steps, losses.clone(), false));
        return this;
    }

    @Override
    List<FunctionPlot.Curve> curves() {
        return List.of();
    }

    @Override
    String describe() {
        return "a loss plot";
    }
}
