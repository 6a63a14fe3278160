package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The two objectives: a whole loss, and the minibatch mean of a per-sample loss over data. */
final class Objectives {
    private Objectives() {}

    /** The loss over exactly the parameters of {@code start}. */
    static Objective full(Expr loss, Point start) {
        List<String> params = parameters(loss, start, List.of());
        return new Full(params, Differentiable.of(loss, params, params.size()));
    }

    /**
     * The mean of {@code perSample} over minibatches of {@code data}; the parameters are start's
     * names. The loss's data symbols ({@link Binding}: scalar columns, and vectors over columns
     * x1 … xk) follow the parameters among the tape's inputs, each flattened row-major, so a row
     * of the data is one contiguous run of the input array after θ.
     */
    static Objective minibatch(Expr perSample, Dataset data, Point start) {
        Binding bound = Binding.of(perSample, data, Flat.names(start));
        List<String> params = parameters(perSample, start, bound.readable(data));
        var inputs = new ArrayList<>(params);
        inputs.addAll(bound.symbols());
        return new Minibatch(params, Flat.size(params), Differentiable.of(perSample, inputs, params.size()), bound.rows(data));
    }

    /**
     * The parameters: {@code start}'s names, which must be exactly the loss's symbols that are not
     * data columns. Errors name what is missing or extra.
     */
    private static List<String> parameters(Expr loss, Point start, List<String> columnList) {
        // hash indexes: set-up is linear in the number of parameters (10⁵ of them)
        List<String> varList = loss.vars();
        Set<String> vars = new HashSet<>(varList), columns = new HashSet<>(columnList);
        List<String> params = Flat.names(start).stream().map(Rule::symbolName).toList();
        Set<String> given = new HashSet<>(params);
        List<String> needed = varList.stream().filter(v -> !columns.contains(v)).toList();
        for (String p : params) {
            if (columns.contains(p)) {
                throw new DotbarException("the start point gives " + p + ", which is a column of the data (read from each row), "
                        + "not a parameter; remove it from the start point");
            }
            if (!vars.contains(p)) {
                throw new DotbarException("the start point names " + p + ", which the loss does not contain; "
                        + (needed.isEmpty() ? "it has no parameters" : "its parameters are " + Point.listed(needed)));
            }
        }
        var missing = needed.stream().filter(v -> !given.contains(v)).toList();
        if (!missing.isEmpty()) {
            String which = Point.listed(missing);
            throw new DotbarException(columns.isEmpty()
                    ? "the start point has no value for " + which + " (the loss's parameters are " + Point.listed(needed) + ")"
                    : "the loss needs " + which + ", which " + (missing.size() == 1 ? "is" : "are") + " neither a column of the data ("
                    + Point.listed(columnList) + ") nor given in the start point" + (params.isEmpty() ? "" : " (" + Point.listed(params) + ")"));
        }
        if (params.isEmpty()) throw new DotbarException("the loss " + loss + " has no parameters to optimize");
        return params;
    }

    private record Full(List<String> parameters, Differentiable loss) implements Objective {
        @Override public double next(double[] theta, double[] g) { return loss.valueAndGradient(theta, g); }
        @Override public double full(double[] theta, double[] g) { return loss.valueAndGradient(theta, g); }
        @Override public boolean stochastic() { return false; }
        @Override public void restart() { }
        @Override public void batch(int k) { throw noData("batch"); }
        @Override public void seed(long s) { throw noData("seed"); }

        private static DotbarException noData(String what) {
            return new DotbarException(what + "(…) needs data: use sgd(loss, data, start) or rule.on(loss, data, start)");
        }
    }
}
