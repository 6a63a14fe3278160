package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DAG (one or several roots: a claim's two sides) indexed once for evaluation at many points
 * (the derivation checker's random points): the distinct nodes in topological order, each
 * node's operands as positions in that order, so that every point costs one pass over an array
 * — no map of nodes built per point. {@link #values} gives exactly {@link Evaluator}'s values:
 * the same {@link Op#apply} per node, named functions through one {@link FunctionValues} per
 * point. Other evaluators over other numbers (the checker's high precision) walk the same index.
 */
public final class EvaluationPlan {
    private final Expr[] nodes;
    private final int[][] operands;  // positions of each node's children() (empty for a leaf)
    private final int[] roots;       // the position of each root

    public EvaluationPlan(Expr root) {
        this(List.of(root));
    }

    public EvaluationPlan(List<Expr> roots) {
        List<Expr> order = Graph.topologicalOrder(roots);
        nodes = order.toArray(new Expr[0]);
        operands = new int[nodes.length][];
        var position = new IdentityHashMap<Expr, Integer>(nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            List<Expr> args = nodes[i].children();
            int[] o = new int[args.size()];
            for (int k = 0; k < o.length; k++) o[k] = position.get(args.get(k));
            operands[i] = o;
            position.put(nodes[i], i);
        }
        this.roots = new int[roots.size()];
        for (int r = 0; r < this.roots.length; r++) this.roots[r] = position.get(roots.get(r));
    }

    /** The distinct nodes, each after its operands: the order of {@link #values}'s result. */
    public Expr[] nodes() {
        return nodes.clone();
    }

    /** For each node, the positions of its {@link Expr#children()} in {@link #nodes()}. */
    public int[][] operands() {
        return operands.clone();
    }

    /** The position of root {@code r} (in the order the roots were given) in {@link #nodes()}. */
    public int root(int r) {
        return roots[r];
    }

    /**
     * Every node's value with the symbols bound to {@code symbols}, in {@link #nodes()} order. A
     * missing symbol or an abstract function is a {@code DotbarException}, as in
     * {@link Evaluator#values}.
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
