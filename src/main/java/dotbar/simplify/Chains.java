package dotbar.simplify;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Op;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Sum and product chains, walked flat: a sum whose only user is a sum (or a product whose only
 * user is a product) is an <em>inner</em> node, not converted on its own but flattened into its
 * user, so a 20 000-term chain of additions is read in linear time rather than converting every
 * prefix. Shared by {@link Expansion} and {@link Fractions}.
 */
final class Chains {
    static final Set<Op> SUMS = Set.of(Op.ADD, Op.SUB, Op.NEG);
    static final Set<Op> PRODUCTS = Set.of(Op.MUL, Op.DIV);

    private Chains() {}

    /** Receives each operand of a flattened chain with its sign (sums) or exponent (products), ±1. */
    interface Leaf {
        void accept(Expr operand, int sign);
    }

    /** The inner nodes among {@code order} (a topological order of the nodes not read yet, the root last). */
    static Set<Expr> innerNodes(List<Expr> order, Expr root) {
        var users = new IdentityHashMap<Expr, Integer>();
        var onlyUser = new IdentityHashMap<Expr, Expr>();
        for (Expr n : order) {
            for (Expr k : n.children()) {
                users.merge(k, 1, Integer::sum);
                onlyUser.put(k, n);
            }
        }
        Set<Expr> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(order);
        Set<Expr> inner = Collections.newSetFromMap(new IdentityHashMap<>());
        onlyUser.forEach((n, user) -> {
            // a node read before (not in order) keeps its value: flattening through it would reach operands never read
            if (n != root && fresh.contains(n) && users.get(n) == 1 && (in(n, SUMS) && in(user, SUMS) || in(n, PRODUCTS) && in(user, PRODUCTS))) inner.add(n);
        });
        return inner;
    }

    static boolean in(Expr n, Set<Op> ops) {
        return n instanceof Call c && ops.contains(c.op());
    }

    /**
     * The operands of the chain at {@code root} (a sum or a product), left to right, through its
     * inner nodes: a − b gives (a, +1), (b, −1); a/b gives (a, +1), (b, −1).
     */
    static void leaves(Call root, Set<Expr> inner, Leaf leaf) {
        Set<Op> family = SUMS.contains(root.op()) ? SUMS : PRODUCTS;
        var nodes = new ArrayDeque<Expr>();
        var signs = new ArrayDeque<Integer>();
        nodes.push(root);
        signs.push(1);
        while (!nodes.isEmpty()) {
            Expr n = nodes.pop();
            int s = signs.pop();
            if ((n == root || inner.contains(n)) && n instanceof Call c && family.contains(c.op())) {
                if (c.op() == Op.NEG) {
                    nodes.push(c.arg());
                    signs.push(-s);
                } else {
                    nodes.push(c.args().get(1));
                    signs.push(c.op() == Op.SUB || c.op() == Op.DIV ? -s : s);
                    nodes.push(c.args().get(0));
                    signs.push(s);
                }
            } else {
                leaf.accept(n, s);
            }
        }
    }
}
