package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Graph;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads an expression bottom-up into values of type T (a polynomial, a quotient): each node of
 * the DAG once, in topological order (no recursion on depth), its operands read first; the inner
 * nodes of sum and product chains ({@link Chains}) are left to their user. What was read is kept,
 * so reading a second root sharing nodes with the first costs only the new nodes.
 */
abstract class Reader<T> {
    final Atoms atoms;
    final Budget budget;
    final IdentityHashMap<Expr, T> done = new IdentityHashMap<>();
    Set<Expr> inner;

    Reader(Atoms atoms, Budget budget) {
        this.atoms = atoms;
        this.budget = budget;
    }

    /** The value of {@code root}. */
    final T read(Expr root) {
        if (done.containsKey(root)) return done.get(root);
        List<Expr> order = Graph.topologicalOrder(List.of(root), done::containsKey);
        inner = Chains.innerNodes(order, root);
        long steps = 0;
        for (Expr n : order) {
            Interrupted.poll(++steps);
            if (!inner.contains(n)) done.put(n, convert(n));
        }
        return done.get(root);
    }

    /** The value of a node whose operands (and inner chain nodes' operands) are read. */
    abstract T convert(Expr n);
}
