package dotbar.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simultaneous substitution of symbols by expressions, applied to as many expressions as
 * needed: what it has rebuilt once it remembers, so applying it to {@code P₂ = P₁·c} after
 * {@code P₁} walks only the new nodes. Substituting a function's parameters by the same
 * arguments in the bodies of 10 000 nested definitions costs linear, not quadratic, time.
 */
public final class Substitution {
    private final Map<String, ? extends Expr> replacements;
    private final IdentityHashMap<Expr, Expr> done = new IdentityHashMap<>();
    private final boolean identity;  // every symbol replaced by itself: f(u) applied to u

    public Substitution(Map<String, ? extends Expr> replacements) {
        this.replacements = Map.copyOf(replacements);
        this.identity = replacements.entrySet().stream().allMatch(r -> r.getValue() instanceof Sym s && s.name().equals(r.getKey()));
    }

    private Substitution(Map<String, ? extends Expr> live, boolean identity) {
        this.replacements = live;
        this.identity = identity;
    }

    /**
     * A substitution reading {@code live}, a map the caller goes on filling: a symbol may be
     * bound after expressions were rewritten as long as none of them contained it (each
     * rewritten node is remembered). Rewriting rows in an order where each row's symbols are
     * bound before it is one walk over all the rows, not one per row.
     */
    public static Substitution growing(Map<String, ? extends Expr> live) {
        return new Substitution(live, false);
    }

    /** {@code root} with every symbol named in the replacements replaced. */
    public Expr apply(Expr root) {
        if (identity) return root;
        long steps = 0;
        for (Expr n : Graph.topologicalOrder(List.of(root), done::containsKey)) {
            Graph.checkInterrupted(++steps);
            if (n instanceof Sym s && replacements.containsKey(s.name())) {
                done.put(n, replacements.get(s.name()));
                continue;
            }
            List<Expr> kids = n.children();
            var newKids = new ArrayList<Expr>(kids.size());
            for (Expr k : kids) newKids.add(done.get(k));
            done.put(n, Graph.withChildrenIfChanged(n, newKids));
        }
        return done.get(root);
    }
}
