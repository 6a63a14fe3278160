package dotbar.simplify;

import dotbar.expr.CanonicalOrder;
import dotbar.expr.Expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The "variables" of the algebra: every subexpression that is not a sum, product or integer power
 * of others — symbols, {@code sin(x)}, {@code f(x)}, partials, {@code x^0.5}, {@code 2^x} — gets
 * a number, by node identity (nodes are hash-consed, so equal subexpressions are one atom).
 * Numbers are handed out in the order atoms are met; printing orders them by
 * {@link CanonicalOrder} instead.
 */
final class Atoms {
    private final IdentityHashMap<Expr, Integer> index = new IdentityHashMap<>();
    private final List<Expr> exprs = new ArrayList<>();

    /** The number of {@code e}, given on first sight. */
    int of(Expr e) {
        Integer known = index.get(e);
        if (known != null) return known;
        index.put(e, exprs.size());
        exprs.add(e);
        return exprs.size() - 1;
    }

    /** The number of {@code e}, or −1 when it is no atom here. */
    int find(Expr e) {
        Integer known = index.get(e);
        return known == null ? -1 : known;
    }

    Expr expr(int atom) {
        return exprs.get(atom);
    }

    int count() {
        return exprs.size();
    }

    /** The order atoms print in: expr's one canonical order. */
    Comparator<Expr> order() {
        return CanonicalOrder::compare;
    }
}
