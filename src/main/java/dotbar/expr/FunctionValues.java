package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of applications of defined functions at numeric arguments, for one evaluation (one
 * point, or one sweep). Two things matter here:
 *
 * <ul>
 * <li><b>Each distinct application once.</b> A value is remembered per function and argument
 * values (compared bit by bit), so {@code fk(u) = f{k-1}(f{k-1}(u))} evaluates in k steps where
 * the tree of calls has 2ᵏ leaves, as {@code inline} already is linear there.</li>
 * <li><b>No recursion over nested definitions.</b> A body that applies another function suspends
 * its frame on an explicit stack until the inner value is known, so 10 000 nested definitions
 * need no more Java stack than one.</li>
 * </ul>
 *
 * <p>Functions are immutable, so a remembered value never goes stale; the memory is released
 * with this object.
 */
public final class FunctionValues {
    private final Map<Key, Double> known = new HashMap<>();
    private long steps;

    /** An application: the function and its argument values' bits (so NaN equals NaN and −0 ≠ 0). */
    private record Key(Fn fn, long[] bits) {
        static Key of(Fn fn, double[] args) {
            long[] bits = new long[args.length];
            for (int i = 0; i < bits.length; i++) bits[i] = Double.doubleToLongBits(args[i]);
            return new Key(fn, bits);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && fn == k.fn && Arrays.equals(bits, k.bits);
        }

        @Override public int hashCode() {
            return 31 * System.identityHashCode(fn) + Arrays.hashCode(bits);
        }
    }

    /**
     * A body laid out for evaluation: its nodes in topological order with their operands as
     * indices, and for each parameter symbol its position among the arguments (−1 otherwise).
     */
    static final class Body {
        final List<Expr> nodes;
        final int[][] kids;
        final int[] param;

        Body(Fn fn) {
            nodes = Graph.topologicalOrder(fn.body());
            kids = new int[nodes.size()][];
            param = new int[nodes.size()];
            var index = new IdentityHashMap<Expr, Integer>();
            for (int i = 0; i < kids.length; i++) {
                Expr n = nodes.get(i);
                index.put(n, i);
                List<Expr> children = n.children();
                kids[i] = new int[children.size()];
                for (int k = 0; k < kids[i].length; k++) kids[i][k] = index.get(children.get(k));
                param[i] = n instanceof Sym s ? fn.params().indexOf(s.name()) : -1;
            }
        }
    }

    /** One suspended evaluation of a body: the next node to compute and the values so far. */
    private static final class Frame {
        final Key key;
        final Body body;
        final double[] args;
        final double[] values;
        int next;

        Frame(Key key, Body body, double[] args) {
            this.key = key;
            this.body = body;
            this.args = args;
            this.values = new double[body.nodes.size()];
        }
    }

    /** {@code fn(args)} for a defined function ({@code fn.body()} names an abstract one as an error). */
    public double apply(Fn fn, double[] args) {
        Key start = Key.of(fn, args);
        Double done = known.get(start);
        if (done != null) return done;
        var stack = new ArrayDeque<Frame>();
        stack.push(frame(start, args));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            Body b = f.body;
            Frame inner = null;
            for (; f.next < b.kids.length; f.next++) {
                Interrupted.poll(++steps);
                int i = f.next;
                int[] k = b.kids[i];
                f.values[i] = switch (b.nodes.get(i)) {
                    case Num x -> x.value();
                    case Sym s -> f.args[b.param[i]];  // a body uses only its parameters (Fn.defined)
                    case Call c -> c.op().apply(f.values[k[0]], k.length > 1 ? f.values[k[1]] : 0);
                    case Apply a -> {
                        double[] av = new double[k.length];
                        for (int j = 0; j < k.length; j++) av[j] = f.values[k[j]];
                        Key key = Key.of(a.fn(), av);
                        Double v = known.get(key);
                        if (v == null) inner = frame(key, av);
                        yield v == null ? Double.NaN : v;
                    }
                    case Partial p -> Evaluator.node(p, Map.of(), Map.of(), this);  // names the abstract function
                };
                if (inner != null) break;
            }
            if (inner != null) {
                stack.push(inner);  // f resumes at the same node once the inner value is known
                continue;
            }
            stack.pop();
            known.put(f.key, f.values[b.kids.length - 1]);
        }
        return known.get(start);
    }

    private static Frame frame(Key key, double[] args) {
        Fn fn = key.fn();
        Body body = fn.layout();
        if (body == null) {
            fn.body();  // an abstract function is an error naming it
            body = new Body(fn);  // a benign race: two threads may both lay it out
            fn.layout(body);
        }
        return new Frame(key, body, args);
    }

    static double[] arguments(Apply a, Map<Expr, Double> value) {
        List<Expr> args = a.args();
        double[] r = new double[args.size()];
        for (int i = 0; i < r.length; i++) r[i] = value.get(args.get(i));
        return r;
    }
}
