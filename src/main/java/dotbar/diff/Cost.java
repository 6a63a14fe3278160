package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.sweep.Dag;
import dotbar.sweep.Walk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gradient of an expression costs in forward and in reverse mode, counted as
 * {@link Trace#ops()} counts (elementary operations of the value sweep plus one multiply-add per
 * chain-rule term performed). Forward mode (eq. 24–26) yields one derivative per sweep, so the
 * gradient needs one sweep per input, each with its own value sweep; reverse mode (eq. 27–30)
 * yields every derivative from one value sweep and one adjoint sweep — the seed's reason why
 * reverse mode trains networks with far more parameters than outputs.
 */
public final class Cost {
    private final List<String> inputs;
    private final int nodes;
    private final int valueOps;
    private final Map<String, Integer> forward;
    private final int reverse;

    private Cost(List<String> inputs, int nodes, int valueOps, Map<String, Integer> forward, int reverse) {
        this.inputs = inputs;
        this.nodes = nodes;
        this.valueOps = valueOps;
        this.forward = Collections.unmodifiableMap(forward);
        this.reverse = reverse;
    }

    /** The counts for {@code e}; no point is needed (the counts do not depend on the values). */
    public static Cost of(Expr e) {
        var dag = new Dag(e);
        int valueOps = Ops.valueOps(dag);
        var forward = new LinkedHashMap<String, Integer>();
        for (String x : e.vars()) {
            var terms = new Ops.Terms();
            Walk.forward(dag, dag.symbols(s -> s.name().equals(x)), terms);
            forward.put(x, valueOps + terms.count);
        }
        var terms = new Ops.Terms();
        Walk.reverse(dag, dag.size() - 1, dag.dependsOn(dag.symbols(s -> true)), Walk.Order.PUSH, terms);
        return new Cost(e.vars(), dag.size(), valueOps, forward, valueOps + terms.count);
    }

    /** The inputs (free symbols), sorted by name. */
    public List<String> inputs() {
        return inputs;
    }

    /** Sweeps forward mode needs for the whole gradient: one per input. */
    public int forwardSweeps() {
        return inputs.size();
    }

    /** Sweeps reverse mode needs for the whole gradient: one (after one value sweep). */
    public int reverseSweeps() {
        return inputs.isEmpty() ? 0 : 1;
    }

    /** Operations of the forward sweep seeded with ẋ = 1 (its value sweep included). */
    public int forwardOps(String x) {
        Integer ops = forward.get(x);
        if (ops == null) throw new DotbarException("no input " + x + "; the inputs are " + String.join(", ", inputs));
        return ops;
    }

    /** Operations of all the forward sweeps together. */
    public int forwardOps() {
        return forward.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Operations of reverse mode: one value sweep and one adjoint sweep. */
    public int reverseOps() {
        return reverse;
    }

    /** Operations of one evaluation of the expression. */
    public int valueOps() {
        return valueOps;
    }

    /** The number of distinct nodes of the expression's DAG. */
    public int nodes() {
        return nodes;
    }

    /** The counts as a table ({@link Rendering}). */
    @Override
    public String toString() {
        return Rendering.get().text(this);
    }
}
