package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;

import java.util.ArrayList;
import java.util.List;

/** y = f(x) for one or more functions on [a, b], each line sampled at every braille dot column. */
final class FunctionPlot extends XyPlot {
    /** A function of the horizontal variable, drawn as a line. */
    record Curve(String label, Expr e, Sampler sampler) {}

    private final List<Curve> curves = new ArrayList<>();

    private FunctionPlot(String x, double a, double b) {
        super(x, "", a, b);
    }

    /** See {@link Plot#of}. */
    static FunctionPlot create(List<? extends Expr> functions, String x, double a, double b) {
        if (functions.isEmpty()) throw new DotbarException("plot: no function to draw");
        Ranges.check("plot", x, a, b);
        var p = new FunctionPlot(x, a, b);
        for (Expr e : functions) p.curves.add(new Curve(Format.expression(e), e, new Sampler(e, List.of(x), "plot")));
        if (functions.size() == 1) p.title = "y = " + p.curves.get(0).label();
        return p;
    }

    @Override
    List<Curve> curves() {
        return curves;
    }

    /** A path given by x values runs along the first function. */
    @Override
    double[] along(String label, double[] xs) {
        double[] ys = new double[xs.length];
        Sampler f = curves.get(0).sampler();
        for (int i = 0; i < xs.length; i++) ys[i] = f.at(xs[i]);
        return ys;
    }

    @Override
    String describe() {
        return "a plot of " + curves.get(0).label();
    }
}
