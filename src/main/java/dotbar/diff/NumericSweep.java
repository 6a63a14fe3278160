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

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Numeric forward and reverse sweeps over a {@link Dag} at a point. The value sweep runs once;
 * tangent and adjoint sweeps start from fresh arrays on every call, so nothing accumulates from
 * one call to the next (micrograd's {@code backward()} twice bug cannot happen). The local
 * partials come from the op table through {@link SymbolicDiff#localPartials}'s numeric
 * counterpart, {@link #partials(int)}: no derivative rule is written here.
 */
final class NumericSweep {
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
        for (Expr n : dag.nodes) if (n instanceof Sym s && !point.has(s.name())) missing.add(s.name());
        if (!missing.isEmpty()) throw Point.missingValues(List.copyOf(missing));
        value = new double[dag.size()];
        partials = new double[dag.size()][];
        var byNode = new IdentityHashMap<Expr, Double>();
        for (int i = 0; i < value.length; i++) {
            Interrupted.poll(i + 1);
            Expr n = dag.nodes.get(i);
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
            Expr n = dag.nodes.get(i);
            double[] args = new double[dag.kids[i].length];
            for (int k = 0; k < args.length; k++) args[k] = value[dag.kids[i][k]];
            partials[i] = switch (n) {
                case Call c -> c.op().numericPartials(args, value[i]);
                case Apply a -> bodyPartialsAt(a, args);
                default -> new double[0];
            };
        }
        return partials[i];
    }

    /** A defined function's partials: the derivatives of its body, evaluated at the arguments. */
    private double[] bodyPartialsAt(Apply a, double[] args) {
        var binding = new HashMap<String, Double>();
        for (int k = 0; k < args.length; k++) binding.put(a.fn().params().get(k), args[k]);
        List<Expr> d = SymbolicDiff.bodyPartials(a.fn());
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
     * Forward mode (eq. 24–26): ṅ = Σᵢ ∂n/∂uᵢ·u̇ᵢ in topological order, seeded with ẋ = 1 for
     * the symbol {@code x} and 0 for every other input. Terms whose operand does not depend on x
     * are skipped, not multiplied by 0 (a partial there may be NaN, as ∂(aᵇ)/∂b at a < 0).
     */
    double[] tangents(String x) {
        boolean[] dep = dag.dependsOn(s -> s.name().equals(x));
        double[] dot = new double[value.length];
        for (int i = 0; i < dot.length; i++) {
            Interrupted.poll(i + 1);
            if (!dep[i]) continue;
            if (dag.kids[i].length == 0) {
                dot[i] = 1;  // the seeded symbol itself
                continue;
            }
            double[] p = partials(i);
            double sum = 0;
            for (int k = 0; k < p.length; k++) {
                int j = dag.kids[i][k];
                if (dep[j]) sum += p[k] * dot[j];
            }
            dot[i] = sum;
        }
        return dot;
    }

    /**
     * Reverse mode (eq. 27–30): n̄ = 1 at the root, then in reverse topological order
     * ūᵢ += ∂n/∂uᵢ·n̄ for every operand that depends on some input; an op whose partials are all
     * structurally 0 (sign, step) adds an exact 0 (not 0·n̄, NaN at n̄ = ∞), as PyTorch and the
     * tape do, and the sweep goes on below it. A fresh array each call.
     */
    double[] adjoints(int root) {
        boolean[] active = dag.dependsOn(s -> true);
        boolean[] reached = new boolean[value.length];  // other roots' nodes stay out of the sweep
        double[] bar = new double[value.length];
        bar[root] = 1;
        reached[root] = true;
        for (int i = root; i >= 0; i--) {
            Interrupted.poll(i);
            int[] kids = dag.kids[i];
            boolean any = false;
            for (int j : kids) any |= active[j];
            if (!reached[i] || !any) continue;
            for (int j : kids) reached[j] = true;
            if (dag.nodes.get(i) instanceof Call c && c.op().hasZeroPartials()) continue;  // ū += 0 exactly, as the tape
            double[] p = partials(i);
            for (int k = 0; k < kids.length; k++) {
                if (active[kids[k]]) bar[kids[k]] += p[k] * bar[i];
            }
        }
        return bar;
    }
}
