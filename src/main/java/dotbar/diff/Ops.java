package dotbar.diff;

import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Definitions;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.sweep.Accumulator;
import dotbar.sweep.Dag;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The operation count of the traces and the cost report, structural so that both agree exactly:
 * evaluating a built-in operation is one operation; an application of a defined function costs
 * what its body costs (its built-in operations, nested applications counted through their
 * bodies); an application of an abstract function counts as one. A chain-rule term
 * ∂n/∂u·u̇ (forward) or ū += ∂n/∂u·n̄ (reverse) is one multiply-add: {@link Terms} counts the
 * terms a {@link dotbar.sweep.Walk} performs.
 */
final class Ops {
    /** Operations of each defined function's body, per definition ({@link Functions#version()}). */
    private static final Map<Fn, long[]> BODY_OPS = Collections.synchronizedMap(new WeakHashMap<>());

    private Ops() {}

    /** The accumulator that only counts: one multiply-add per chain-rule term. */
    static final class Terms implements Accumulator {
        int count;

        @Override public void seed(int node) {}

        @Override public void accumulate(int target, int node, int k, int source) { count++; }
    }

    /** Operations of the value sweep over {@code dag}. */
    static int valueOps(Dag dag) {
        int ops = 0;
        for (Expr n : dag.nodes()) ops += valueOps(n);
        return ops;
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
