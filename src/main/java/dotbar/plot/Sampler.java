package dotbar.plot;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Evaluator;
import dotbar.expr.Expr;
import dotbar.expr.FunctionValues;
import dotbar.expr.Graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an expression at many points of a plot's variables: the DAG's topological order is
 * computed once and each sample reuses it (each distinct node evaluated once per sample, as in
 * {@link Evaluator}). A value that is NaN or ±∞ is returned as such: plots leave a gap there.
 */
final class Sampler {
    private final List<Expr> order;
    private final List<String> names;
    private final Map<String, Double> symbols = new HashMap<>();
    private final Map<Expr, Double> values = new IdentityHashMap<>();
    private final FunctionValues calls = new FunctionValues();
    private long steps;

    /**
     * @param e     the expression to sample
     * @param names the plot's variables; any other free symbol is an error naming it
     * @param what  how the error names the call, e.g. {@code plot}
     */
    Sampler(Expr e, List<String> names, String what) {
        var others = new ArrayList<>(e.vars());
        others.removeAll(names);
        if (!others.isEmpty()) {
            throw new DotbarException(what + ": " + Format.expression(e) + " has the free symbol" + (others.size() > 1 ? "s " : " ")
                    + String.join(", ", others) + " besides " + String.join(" and ", names)
                    + "; give " + (others.size() > 1 ? "them" : "it") + " a value first, e.g. e.subs(\"" + others.get(0) + "\", 1)");
        }
        this.order = Graph.topologicalOrder(e);
        this.names = List.copyOf(names);
    }

    /** The value at the given coordinates, in the order of the plot's variables. */
    double at(double... coordinates) {
        for (int i = 0; i < names.size(); i++) symbols.put(names.get(i), coordinates[i]);
        values.clear();
        for (Expr n : order) {
            Interrupted.poll(++steps);
            values.put(n, Evaluator.node(n, symbols, values, calls));
        }
        return values.get(order.get(order.size() - 1));
    }
}
