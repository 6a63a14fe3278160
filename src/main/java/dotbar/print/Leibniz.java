package dotbar.print;

import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Graph;
import dotbar.expr.Partial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of a partial derivative in Leibniz notation, ∂ⁿf/∂u^i∂v^j: the order n and the
 * variables of the denominator with their multiplicities. A variable goes by
 * {@link Partial#argumentName}: the argument itself when it is a symbol or an application, else
 * the function's parameter name.
 *
 * <p>That name does not say where the function is evaluated, so in one expression it can denote
 * more than one thing: {@code ∂g/∂x} for both g_u(x, y) and g_v(y, x). {@link #explicit} finds the
 * partials whose name is ambiguous in their expression; the printers write those with the
 * parameters and the arguments, {@code ∂g/∂u(x, y)} and {@code ∂g/∂v(y, x)}, which the parser
 * reads back as they are (and a Leibniz name it resolves against the applications in the text,
 * which is why those count as rivals here too).
 */
final class Leibniz {
    private Leibniz() {}

    /** One variable of the denominator and how many times the derivative is taken by it. */
    record Variable(String name, int times) {}

    /** More sorted index tuples than this per application and order are not looked at (an arity of ~20 at order 3). */
    private static final int MAX_TUPLES = 2_000;

    /** The denominator's variables in argument order: {@code wrt = [0, 0, 1]} gives u², v. */
    static List<Variable> denominator(Partial p) {
        return runs(p.wrt(), p::argumentName);
    }

    /** The denominator by the function's parameter names, as the explicit form writes it: ∂g/∂u(x, y). */
    static List<Variable> parameters(Partial p) {
        return runs(p.wrt(), k -> p.fn().params().get(k));
    }

    private static List<Variable> runs(List<Integer> wrt, java.util.function.IntFunction<String> name) {
        var out = new ArrayList<Variable>();
        for (int i = 0; i < wrt.size(); ) {
            int j = i;
            while (j < wrt.size() && wrt.get(j).equals(wrt.get(i))) j++;
            out.add(new Variable(name.apply(wrt.get(i)), j - i));
            i = j;
        }
        return out;
    }

    /** What a Leibniz name says: the function and the denominator. */
    private record Name(Fn fn, List<Variable> denominator) {}

    /** What a Leibniz name can denote: the function's partial by {@code wrt} at {@code args}. */
    private record Meaning(List<Expr> args, List<Integer> wrt) {}

    /**
     * The partial nodes of {@code root} whose Leibniz name denotes something else too in it:
     * another partial node with the same name, or the same partial at the arguments of another
     * application of the function. One walk over the distinct nodes; an application is matched
     * by the names its own argument tuples spell, so the work is linear in the DAG.
     */
    static Set<Partial> explicit(Expr root) {
        List<Expr> nodes = Graph.topologicalOrder(root);
        var partials = new ArrayList<Partial>();
        var applications = new ArrayList<Apply>();
        var orders = new IdentityHashMap<Fn, Set<Integer>>();
        for (Expr n : nodes) {
            if (n instanceof Partial p) {
                partials.add(p);
                orders.computeIfAbsent(p.fn(), f -> new TreeSet<>()).add(p.wrt().size());
            } else if (n instanceof Apply a) {
                applications.add(a);
            }
        }
        if (partials.isEmpty()) return Set.of();
        Map<Name, Set<Meaning>> meanings = new HashMap<>();
        for (Partial p : partials) {
            meanings.computeIfAbsent(name(p), k -> new LinkedHashSet<>()).add(new Meaning(p.args(), p.wrt()));
        }
        for (Apply a : applications) {
            Set<Integer> wanted = orders.get(a.fn());
            if (wanted == null) continue;
            for (int order : wanted) {
                for (List<Integer> wrt : tuples(a.fn().arity(), order)) {
                    Set<Meaning> rivals = meanings.get(name(new Partial(a.fn(), wrt, a.args())));
                    if (rivals != null && rivals.size() < 2) rivals.add(new Meaning(a.args(), wrt));
                }
            }
        }
        Set<Partial> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Partial p : partials) if (meanings.get(name(p)).size() > 1) out.add(p);
        return out;
    }

    private static Name name(Partial p) {
        return new Name(p.fn(), denominator(p));
    }

    /** The sorted index tuples of {@code order} indices below {@code arity} (at most {@link #MAX_TUPLES}). */
    static List<List<Integer>> tuples(int arity, int order) {
        var out = new ArrayList<List<Integer>>();
        int[] t = new int[order];
        if (arity == 0) return out;
        while (out.size() < MAX_TUPLES) {
            var tuple = new ArrayList<Integer>(order);
            for (int k : t) tuple.add(k);
            out.add(tuple);
            int i = order - 1;
            while (i >= 0 && t[i] == arity - 1) i--;
            if (i < 0) break;
            t[i]++;
            for (int j = i + 1; j < order; j++) t[j] = t[i];
        }
        return out;
    }
}
