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
 * Which partials print by their Leibniz name, ∂ⁿf/∂u^i∂v^j ({@link Partial#denominator}: a
 * variable goes by the argument itself when it is a symbol or an application, else by the
 * function's parameter name).
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

    /** More sorted index tuples than this per application and order are not looked at (an arity of ~20 at order 3). */
    private static final int MAX_TUPLES = 2_000;

    /** What a Leibniz name says: the function and the denominator. */
    private record Name(Fn fn, List<Partial.Variable> denominator) {}

    /** What a Leibniz name can denote: the function's partial by {@code wrt} at {@code args}. */
    private record Meaning(List<Expr> args, List<Integer> wrt) {}

    /**
     * The partial nodes of {@code roots} (one text: an expression, or a claim's two sides) whose
     * Leibniz name denotes something else too among them:
     * another partial node with the same name, or the same partial at the arguments of another
     * application of the function. One walk over the distinct nodes; an application is matched
     * by the names its own argument tuples spell, so the work is linear in the DAG.
     */
    static Set<Partial> explicit(List<Expr> roots) {
        List<Expr> nodes = Graph.topologicalOrder(roots);
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
                for (List<Integer> wrt : Partial.wrtTuples(a.fn().arity(), order, MAX_TUPLES)) {
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
        return new Name(p.fn(), p.denominator());
    }
}
