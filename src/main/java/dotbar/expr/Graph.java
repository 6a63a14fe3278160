package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks over the expression DAG without recursion: topological order (operands before the
 * nodes that use them, each shared node once), bottom-up rebuilding, substitution, inlining.
 */
public final class Graph {
    private Graph() {}

    /**
     * {@link Interrupted#poll(long)}: stops a long walk that was asked to stop (Ctrl-C in the REPL
     * interrupts the thread running the snippet) once per 4096 counts.
     */
    public static void checkInterrupted(long count) {
        Interrupted.poll(count);
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
        return postOrder(roots, Expr::children, known);
    }

    /**
     * Post-order over any acyclic "uses" relation with an explicit stack: each item reachable from
     * {@code roots} and not {@code known} once, after everything it uses. Shared by the walk over
     * expressions and the one over nested definitions ({@link Definitions}).
     */
    static <T> List<T> postOrder(Collection<? extends T> roots, Function<T, List<? extends T>> uses, Predicate<? super T> known) {
        var order = new ArrayList<T>();
        var seen = new IdentityHashMap<T, Boolean>();
        var items = new ArrayDeque<T>();
        var next = new ArrayDeque<Integer>();  // index of the next used item to visit, per stacked item
        long steps = 0;
        for (T root : roots) {
            if (known.test(root) || seen.put(root, Boolean.TRUE) != null) continue;
            items.push(root);
            next.push(0);
            while (!items.isEmpty()) {
                checkInterrupted(++steps);
                T n = items.peek();
                int i = next.pop();
                List<? extends T> kids = uses.apply(n);
                if (i < kids.size()) {
                    next.push(i + 1);
                    T k = kids.get(i);
                    if (!known.test(k) && seen.put(k, Boolean.TRUE) == null) {
                        items.push(k);
                        next.push(0);
                    }
                } else {
                    items.pop();
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
        long steps = 0;
        for (Expr n : topologicalOrder(root)) {
            checkInterrupted(++steps);
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
        return new Substitution(replacements).apply(root);
    }

    /** Replaces every application of a defined function by its body (abstract ones stay). */
    public static Expr inline(Expr root) {
        // each function's body is inlined once per call, however many applications of it there
        // are, innermost first: a body's own applications find their functions' inlined bodies
        var inlinedBodies = new IdentityHashMap<Fn, Expr>();
        var substitutions = new HashMap<Map<String, Expr>, Substitution>();  // one per binding, remembering what it rebuilt
        for (Fn f : Definitions.innermostFirst(List.of(root))) {
            if (!f.hasMatrixBody()) inlinedBodies.put(f, inline(f.body(), inlinedBodies, substitutions));
        }
        return inline(root, inlinedBodies, substitutions);
    }

    /**
     * Replaces applications by the bodies in {@code inlinedBodies}, which has every function
     * with a scalar body applied under root; a matrix body is its instance for the arguments'
     * shapes ({@link Instances}), inlined within the instance (one level per nested definition).
     */
    private static Expr inline(Expr root, Map<Fn, Expr> inlinedBodies, Map<Map<String, Expr>, Substitution> substitutions) {
        var instances = new HashMap<Instances.Instance, Expr>();
        return rebuild(root, (n, kids) -> {
            if (n instanceof Apply a && !a.fn().isAbstract()) {
                var binding = new HashMap<String, Expr>();
                for (int i = 0; i < kids.size(); i++) binding.put(a.fn().params().get(i), kids.get(i));
                Expr body;
                if (a.fn().hasMatrixBody()) {
                    var instance = Instances.of(a.fn(), kids);
                    body = instances.computeIfAbsent(instance, i -> i.within(() -> inline(i.body(), inlinedBodies, substitutions)));
                } else {
                    body = inlinedBodies.get(a.fn());
                }
                return substitutions.computeIfAbsent(binding, Substitution::new).apply(body);
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
