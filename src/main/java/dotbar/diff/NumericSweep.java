package dotbar.diff;

import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Evaluator;
import dotbar.expr.NaturalOrder;
import dotbar.expr.Expr;
import dotbar.expr.FunctionValues;
import dotbar.expr.Graph;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import dotbar.sweep.Accumulator;
import dotbar.sweep.Dag;
import dotbar.sweep.LocalPartials;
import dotbar.sweep.Walk;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Numeric forward and reverse sweeps over a {@link Dag} at a point: the {@link Walk}s with
 * doubles as values. The value sweep runs once; tangent and adjoint sweeps start from fresh
 * arrays on every call, so nothing accumulates from one call to the next (micrograd's
 * {@code backward()} twice bug cannot happen). The local partials are the op table's numeric
 * partials ({@link dotbar.expr.Op#partial}); a defined function's are its body's symbolic
 * partials evaluated at the arguments: no derivative rule is written here.
 */
final class NumericSweep {
    /** A tangent or adjoint sweep's result: one derivative per node, and the chain-rule terms performed. */
    record Sweep(double[] derivative, int terms) {}

    final Dag dag;
    final Point point;
    final double[] value;
    private final double[][] partials;
    private final FunctionValues calls = new FunctionValues();  // named functions, each distinct application once
    private final Map<Map<String, Double>, Map<Expr, Double>> bodyValues = new HashMap<>();  // body partials' nodes, per binding

    /**
     * The value sweep. Every free symbol needs a value (an error names all that are missing;
     * extra values are ignored); an application of an abstract function is an error naming it.
     */
    NumericSweep(Dag dag, Point point) {
        this.dag = dag;
        this.point = point;
        var missing = new TreeSet<String>(NaturalOrder.INSTANCE);
        for (Expr n : dag.nodes()) if (n instanceof Sym s && !point.has(s.name())) missing.add(s.name());
        if (!missing.isEmpty()) throw Point.missingValues(List.copyOf(missing));
        value = new double[dag.size()];
        partials = new double[dag.size()][];
        var byNode = new IdentityHashMap<Expr, Double>();
        for (int i = 0; i < value.length; i++) {
            Interrupted.poll(i + 1);
            Expr n = dag.node(i);
            value[i] = Evaluator.node(n, point.asMap(), byNode, calls);
            byNode.put(n, value[i]);
        }
    }

    /** The point with only the values of {@code names}, for printing what a result depends on. */
    static Point restrict(Point point, List<String> names) {
        var used = new LinkedHashMap<String, Double>();
        for (String v : names) used.put(v, point.get(v));
        return Point.of(used);
    }

    /** The numbers ∂n/∂uᵢ for node i at this point, computed once per node. */
    double[] partials(int i) {
        if (partials[i] == null) {
            Expr n = dag.node(i);
            int[] u = dag.operands(i);
            partials[i] = switch (n) {
                case Call c -> {
                    double a = value[u[0]], b = u.length > 1 ? value[u[1]] : 0;
                    double[] p = new double[u.length];
                    for (int k = 0; k < p.length; k++) p[k] = c.op().partial(k, a, b, value[i]);
                    yield p;
                }
                case Apply a -> bodyPartialsAt(a, u);
                default -> new double[0];
            };
        }
        return partials[i];
    }

    /** A defined function's partials: the derivatives of its body, evaluated at the arguments. */
    private double[] bodyPartialsAt(Apply a, int[] operands) {
        var binding = new HashMap<String, Double>();
        for (int k = 0; k < operands.length; k++) binding.put(a.fn().params().get(k), value[operands[k]]);
        List<Expr> d = LocalPartials.bodyPartials(a.fn());
        double[] r = new double[d.size()];
        // shared by the partials, which share nodes, and by every function applied to the same
        // numbers: the partials of nested definitions contain each other
        var values = bodyValues.computeIfAbsent(binding, b -> new IdentityHashMap<>());
        for (int k = 0; k < r.length; k++) {
            for (Expr n : Graph.topologicalOrder(List.of(d.get(k)), values::containsKey)) {
                values.put(n, Evaluator.node(n, binding, values, calls));
            }
            r[k] = values.get(d.get(k));
        }
        return r;
    }

    /**
     * Forward mode (eq. 24–26), the forward {@link Walk}: ṅ = Σᵢ ∂n/∂uᵢ·u̇ᵢ in topological
     * order, seeded with ẋ = 1 for the symbol {@code x} and 0 for every other input; only
     * operands that depend on x have terms.
     */
    Sweep tangents(String x) {
        double[] dot = new double[value.length];
        var acc = new Numbers(dot, false);
        Walk.forward(dag, dag.symbols(s -> s.name().equals(x)), acc);
        return new Sweep(dot, acc.terms);
    }

    /**
     * Reverse mode (eq. 27–30), the reverse {@link Walk} in push order: n̄ = 1 at the root, then
     * ūᵢ += ∂n/∂uᵢ·n̄ for every operand that depends on some input. An op whose partials are all
     * structurally 0 (sign, step) adds an exact 0 (not 0·n̄, NaN at n̄ = ∞), as PyTorch and the
     * tape do, and the sweep goes on below it. A fresh array each call.
     */
    Sweep adjoints(int root) {
        double[] bar = new double[value.length];
        var acc = new Numbers(bar, true);
        Walk.reverse(dag, root, dag.dependsOn(dag.symbols(s -> true)), Walk.Order.PUSH, acc);
        return new Sweep(bar, acc.terms);
    }

    /** target += ∂node/∂u · source over doubles, counting the terms. */
    private final class Numbers implements Accumulator {
        private final double[] d;
        private final boolean reverse;
        int terms;

        Numbers(double[] d, boolean reverse) {
            this.d = d;
            this.reverse = reverse;
        }

        @Override
        public void seed(int node) {
            d[node] = 1;
        }

        @Override
        public void accumulate(int target, int node, int k, int source) {
            terms++;
            // ū += 0 exactly, as the tape: an exact 0 passes down, 0·∞ would be NaN
            if (reverse && dag.node(node) instanceof Call c && c.op().hasZeroPartials()) return;
            d[target] += partials(node)[k] * d[source];
        }
    }
}
