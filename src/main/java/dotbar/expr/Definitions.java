package dotbar.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Nested definitions without recursion: {@code g2(u) = sin(g1(u))} reaches g1 only through g2's
 * body, so a chain of 10 000 definitions is as deep as a 10 000-deep expression. Passes that work
 * per function (inlining, body derivatives, operation counts) first list the functions innermost
 * first and then handle each once, with everything its body applies already done.
 */
public final class Definitions {
    private Definitions() {}

    /** {@code fn}'s nested defined functions, innermost first, then {@code fn} itself (if defined). */
    public static List<Fn> innermostFirst(Fn fn) {
        return order(List.of(fn));
    }

    /**
     * The defined functions applied under {@code roots}, directly or through the bodies of other
     * defined functions, each listed after every defined function its body applies.
     */
    public static List<Fn> innermostFirst(Collection<? extends Expr> roots) {
        var direct = new ArrayList<Fn>();
        var seen = new IdentityHashMap<Fn, Boolean>();
        for (Expr n : Graph.topologicalOrder(roots)) {
            if (n instanceof Apply a && !a.fn().isAbstract() && seen.put(a.fn(), Boolean.TRUE) == null) direct.add(a.fn());
        }
        return order(direct);
    }

    /** Post-order over the "body applies" relation (abstract functions have no body to walk). */
    private static List<Fn> order(List<Fn> starts) {
        return Graph.postOrder(starts, Fn::callees, Fn::isAbstract);
    }
}
