package dotbar.diff;

import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Definitions;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.expr.Sym;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * The expression DAG under some roots, numbered in topological order (operands before users),
 * with what the sweeps need to know without any values: which nodes depend on which inputs, and
 * how many operations a sweep performs.
 *
 * <p>The operation count is structural, so the cost report and the traces agree exactly:
 * evaluating a built-in operation is one operation; an application of a defined function costs
 * what its body costs (its built-in operations, nested applications counted through their
 * bodies); an application of an abstract function counts as one. A chain-rule term
 * ∂n/∂u·u̇ (forward) or ū += ∂n/∂u·n̄ (reverse) is one multiply-add, and is only performed when
 * u carries a derivative: u depends on the seeded input (forward) or on any input (reverse).
 */
final class Dag {
    /** Operations of each defined function's body, per definition ({@link Functions#version()}). */
    private static final Map<Fn, long[]> BODY_OPS = Collections.synchronizedMap(new WeakHashMap<>());

    final List<Expr> nodes;
    final int[][] kids;
    private final IdentityHashMap<Expr, Integer> index = new IdentityHashMap<>();

    Dag(Collection<? extends Expr> roots) {
        nodes = Graph.topologicalOrder(roots);
        kids = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            Interrupted.poll(i + 1);
            index.put(nodes.get(i), i);
            List<Expr> children = nodes.get(i).children();
            kids[i] = new int[children.size()];
            for (int k = 0; k < kids[i].length; k++) kids[i][k] = index.get(children.get(k));
        }
    }

    int size() {
        return nodes.size();
    }

    int indexOf(Expr node) {
        return index.get(node);
    }

    /** For each node: does it depend on a symbol accepted by {@code input}? */
    boolean[] dependsOn(Predicate<Sym> input) {
        boolean[] dep = new boolean[nodes.size()];
        for (int i = 0; i < dep.length; i++) {
            if (nodes.get(i) instanceof Sym s) dep[i] = input.test(s);
            for (int k : kids[i]) dep[i] |= dep[k];
        }
        return dep;
    }

    /** Operations of the value sweep (see the class comment). */
    int valueOps() {
        int ops = 0;
        for (Expr n : nodes) ops += valueOps(n);
        return ops;
    }

    /** Chain-rule terms (multiply-adds) of a sweep in which the operands marked {@code active} carry derivatives. */
    int terms(boolean[] active) {
        int terms = 0;
        for (int[] k : kids) for (int j : k) if (active[j]) terms++;
        return terms;
    }

    static int valueOps(Expr n) {
        return switch (n) {
            case Call c -> 1;
            case Apply a when a.fn().isAbstract() -> 1;
            case Apply a -> bodyOps(a.fn());
            default -> 0;
        };
    }

    /** The operations of one evaluation of a defined function's body, nested definitions counted innermost first. */
    private static int bodyOps(Fn fn) {
        long version = Functions.version();
        long[] known = BODY_OPS.get(fn); // {version, operations}
        if (known != null && known[0] == version) return (int) known[1];
        for (Fn f : Definitions.innermostFirst(fn)) {
            long[] done = BODY_OPS.get(f);
            if (done != null && done[0] == version) continue;
            long ops = 0;
            for (Expr n : Graph.topologicalOrder(f.body())) ops += valueOps(n);  // inner bodies are known by now
            BODY_OPS.put(f, new long[] {version, Math.min(Integer.MAX_VALUE, ops)});
        }
        return (int) BODY_OPS.get(fn)[1];
    }
}
