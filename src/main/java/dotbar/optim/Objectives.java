package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import dotbar.expr.Flat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The two objectives: a whole loss, and the minibatch mean of a per-sample loss over data. */
final class Objectives {
    private Objectives() {}

    /** The loss over exactly the parameters of {@code start}. */
    static Objective full(Expr loss, Point start) {
        List<String> params = parameters(loss, start, List.of());
        return new Full(params, Differentiable.of(loss, params, params.size()), List.of(), null, 0);
    }

    /**
     * The loss over the parameters of {@code start}, its other symbols held at the values of
     * {@code inputs} (data, targets: nothing the optimizer trains), which {@link Objective#inputs}
     * replaces between steps. Together the two points give exactly the loss's symbols.
     */
    static Objective full(Expr loss, Point start, Point inputs) {
        List<String> held = names(inputs), given = names(start);
        Set<String> vars = new HashSet<>(loss.vars()), trained = new HashSet<>(given), fixed = new HashSet<>(held);
        for (String h : held) {
            if (trained.contains(h)) throw new DotbarException(h + " is given both in the start point (trained) and in the inputs (held); give it in one");
            if (!vars.contains(h)) throw new DotbarException("the inputs name " + h + ", which the loss does not contain");
        }
        var missing = loss.vars().stream().filter(v -> !trained.contains(v) && !fixed.contains(v)).toList();
        if (!missing.isEmpty()) {
            throw new DotbarException("the loss needs " + Point.listed(missing) + ", given neither in the start point (" + Point.listed(given)
                    + ") nor in the inputs (" + Point.listed(held) + ")");
        }
        List<String> params = parameters(loss, start, held);
        var both = new ArrayList<>(params);
        both.addAll(held);
        Flat layout = Flat.of(both);
        int n = Flat.of(params).size();
        double[] x = new double[layout.size()];
        System.arraycopy(Flat.of(held).flatten(inputs), 0, x, n, x.length - n);
        return new Full(params, Differentiable.of(loss, both, params.size()), held, x, n);
    }

    /** A point's names as the flat layout orders them: its scalars, then its arrays. */
    private static List<String> names(Point p) {
        return Stream.concat(p.names().stream(), p.arrayNames().stream()).map(Rule::symbolName).toList();
    }

    /**
     * The mean of {@code perSample} over minibatches of {@code data}; the parameters are start's
     * names. The loss's data symbols ({@link Binding}: scalar columns, and vectors over columns
     * x1 … xk) follow the parameters among the tape's inputs, each flattened row-major, so a row
     * of the data is one contiguous run of the input array after θ.
     */
    static Objective minibatch(Expr perSample, Dataset data, Point start) {
        Binding bound = Binding.of(perSample, data, names(start));
        List<String> params = parameters(perSample, start, bound.readable(data));
        var inputs = new ArrayList<>(params);
        inputs.addAll(bound.symbols());
        return new Minibatch(params, Flat.of(params).size(), Differentiable.of(perSample, inputs, params.size()), bound.rows(data));
    }

    /**
     * The parameters: {@code start}'s names, which must be exactly the loss's symbols that are not
     * data columns (or held inputs). Errors name what is missing or extra.
     */
    private static List<String> parameters(Expr loss, Point start, List<String> columnList) {
        // hash indexes: set-up is linear in the number of parameters (10⁵ of them)
        List<String> varList = loss.vars();
        Set<String> vars = new HashSet<>(varList), columns = new HashSet<>(columnList);
        List<String> params = names(start);  // scalars, then tensors, each in the order given: the flat layout θ takes
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

    /** The whole loss; with held inputs, x is θ (its first n entries, copied in per call) then the inputs. */
    private record Full(List<String> parameters, Differentiable loss, List<String> held, double[] x, int n) implements Objective {
        @Override public double next(double[] theta, double[] g) { return full(theta, g); }

        @Override public double full(double[] theta, double[] g) {
            if (x == null) return loss.valueAndGradient(theta, g);
            System.arraycopy(theta, 0, x, 0, n);
            return loss.valueAndGradient(x, g);
        }

        @Override public void inputs(Point values) {
            if (held.isEmpty()) throw new DotbarException("inputs(…): this loss holds no inputs; give them when it is made: rule.on(loss, start, inputs)");
            var given = names(values);
            if (!new HashSet<>(given).equals(new HashSet<>(held))) {
                throw new DotbarException("inputs(…) gives " + Point.listed(given) + " but the loss holds " + Point.listed(held)
                        + "; give exactly those");
            }
            double[] v = Flat.of(held).flatten(values);  // shapes checked before anything changes
            System.arraycopy(v, 0, x, n, v.length);
        }
        @Override public boolean stochastic() { return false; }
        @Override public void restart() { }
        @Override public void batch(int k) { throw noData("batch"); }
        @Override public void seed(long s) { throw noData("seed"); }
        @Override public void order(int[][] epochs) { throw noData("order"); }

        private static DotbarException noData(String what) {
            return new DotbarException(what + "(…) needs data: use sgd(loss, data, start) or rule.on(loss, data, start)");
        }
    }
}
