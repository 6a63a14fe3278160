package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One expression's DAG indexed once for evaluation at many points (the derivation checker's
 * random points): the nodes in topological order, each operand as a position, so that every
 * point costs one pass over a {@code double[]} — no map of nodes built per point. Values are
 * exactly {@link Evaluator}'s: the same {@link Op#apply} per node, named functions through one
 * {@link FunctionValues} per point.
 */
public final class EvaluationPlan {
    private final Expr[] nodes;
    private final int[][] operands;  // the positions of a Call's or an Apply's operands; null for the rest

    public EvaluationPlan(Expr root) {
        List<Expr> order = Graph.topologicalOrder(root);  // root last
        nodes = order.toArray(new Expr[0]);
        operands = new int[nodes.length][];
        var position = new IdentityHashMap<Expr, Integer>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            List<Expr> args = switch (nodes[i]) {
                case Call c -> c.args();
                case Apply a -> a.args();
                default -> null;
            };
            if (args != null) {
                int[] o = new int[args.size()];
                for (int k = 0; k < o.length; k++) o[k] = position.get(args.get(k));
                operands[i] = o;
            }
            position.put(nodes[i], i);
        }
    }

    /**
     * Every node's value with the symbols bound to {@code symbols}, in topological order: the
     * last is the root's. A missing symbol or an abstract function is a {@code DotbarException},
     * as in {@link Evaluator#values}.
     */
    public double[] values(Map<String, Double> symbols) {
        double[] v = new double[nodes.length];
        var calls = new FunctionValues();
        for (int i = 0; i < nodes.length; i++) {
            Interrupted.poll(i + 1);
            int[] o = operands[i];
            v[i] = switch (nodes[i]) {
                case Call c -> c.op().apply(v[o[0]], o.length > 1 ? v[o[1]] : 0);
                case Apply a -> {
                    double[] args = new double[o.length];
                    for (int k = 0; k < o.length; k++) args[k] = v[o[k]];
                    yield calls.apply(a.fn(), args);
                }
                default -> Evaluator.node(nodes[i], symbols, Map.of(), calls);
            };
        }
        return v;
    }
}
