package dotbar.expr;

import dotbar.DotbarException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Walks over the expression DAG without recursion: topological order (operands before the
 * nodes that use them, each shared node once), bottom-up rebuilding, substitution, inlining.
 */
public final class Graph {
    /** Long loops look at the thread's interrupt flag once per this many (a power of two) nodes. */
    private static final int INTERRUPT_POLL = 4096;

    private Graph() {}

    /**
     * Stops a long walk that was asked to stop: when {@code count} is a multiple of 4096 and this
     * thread is interrupted (Ctrl-C in the REPL interrupts the thread running the snippet), throws
     * {@code DotbarException("interrupted")}. The flag stays set, so loops further out stop too.
     * Callers only read or fill maps of their own while they walk, so nothing is left half-changed.
     */
    public static void checkInterrupted(long count) {
        if ((count & (INTERRUPT_POLL - 1)) == 0 && Thread.currentThread().isInterrupted()) {
            throw new DotbarException("interrupted");
        }
    }

    /** Every distinct node reachable from {@code root}, each after all of its operands; root last. */
    public static List<Expr> topologicalOrder(Expr root) {
        return topologicalOrder(List.of(root));
    }

    /** The union of the DAGs under {@code roots}, in one topological order. */
    public static List<Expr> topologicalOrder(Collection<? extends Expr> roots) {
        return topologicalOrder(roots, n -> false);
    }

    /**
     * The part of the DAG under {@code roots} not yet {@code known}, in topological order: known
     * nodes are neither listed nor descended into. Extending a walk this way costs only the new
     * nodes, however deep the known part is.
     */
    public static List<Expr> topologicalOrder(Collection<? extends Expr> roots, Predicate<Expr> known) {
        var order = new ArrayList<Expr>();
        var seen = new IdentityHashMap<Expr, Boolean>();
        var nodes = new ArrayDeque<Expr>();
        var next = new ArrayDeque<Integer>();  // index of the next operand to visit, per stacked node
        long steps = 0;
        for (Expr root : roots) {
            if (known.test(root) || seen.put(root, Boolean.TRUE) != null) continue;
            nodes.push(root);
            next.push(0);
            while (!nodes.isEmpty()) {
                checkInterrupted(++steps);
                Expr n = nodes.peek();
                int i = next.pop();
                List<Expr> kids = n.children();
                if (i < kids.size()) {
                    next.push(i + 1);
                    Expr k = kids.get(i);
                    if (!known.test(k) && seen.put(k, Boolean.TRUE) == null) {
                        nodes.push(k);
                        next.push(0);
                    }
                } else {
                    nodes.pop();
                    order.add(n);
                }
            }
        }
        return order;
    }

    /**
     * Rebuilds the DAG bottom-up: {@code rule} gets each node with its already-rebuilt operands
     * and returns its replacement. Each distinct node is visited once.
     */
    public static Expr rebuild(Expr root, BiFunction<Expr, List<Expr>, Expr> rule) {
        var done = new IdentityHashMap<Expr, Expr>();
        for (Expr n : topologicalOrder(root)) {
            List<Expr> kids = n.children();
            var newKids = new ArrayList<Expr>(kids.size());
            for (Expr k : kids) newKids.add(done.get(k));
            done.put(n, rule.apply(n, newKids));
        }
        return done.get(root);
    }

    /** The node over new operands, or the node itself when none changed. */
    public static Expr withChildrenIfChanged(Expr n, List<Expr> newKids) {
        return Exprs.sameElements(n.children(), newKids) ? n : n.withChildren(newKids);
    }

    /** Simultaneous substitution of symbols by expressions. */
    public static Expr substitute(Expr root, Map<String, ? extends Expr> replacements) {
        return rebuild(root, (n, kids) -> n instanceof Sym s && replacements.containsKey(s.name())
                ? replacements.get(s.name())
                : withChildrenIfChanged(n, kids));
    }

    /** Replaces every application of a defined function by its body (abstract ones stay). */
    public static Expr inline(Expr root) {
        // each function's body is inlined once per call, however many applications of it there are
        var inlinedBodies = new IdentityHashMap<Fn, Expr>();
        return rebuild(root, (n, kids) -> {
            if (n instanceof Apply a && !a.fn().isAbstract()) {
                var binding = new java.util.HashMap<String, Expr>();
                for (int i = 0; i < kids.size(); i++) binding.put(a.fn().params().get(i), kids.get(i));
                Expr body = inlinedBodies.get(a.fn());
                if (body == null) inlinedBodies.put(a.fn(), body = inline(a.fn().body()));
                return substitute(body, binding);
            }
            return withChildrenIfChanged(n, kids);
        });
    }

    /** Free symbols, sorted by name naturally ({@code x2} before {@code x10}, {@link NaturalOrder}). */
    public static List<String> vars(Expr root) {
        var names = new TreeSet<String>(NaturalOrder.INSTANCE);
        for (Expr n : topologicalOrder(root)) if (n instanceof Sym s) names.add(s.name());
        return List.copyOf(names);
    }
}
