package dotbar.diff;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mode on expressions (eq. 27–30): the adjoint of every node of a {@link Dag} with one
 * root, ū = Σ over the users w of u of w̄·∂w/∂u, with L̄ = 1 at the root. Each node pulls from
 * its users in evaluation order, so a sum of contributions reads in the order the graph is
 * built (c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄, the corrected eq. 29). Products are written w̄·∂w/∂u, so each
 * adjoint shares its user's adjoint and a chain of depth n costs O(n) nodes.
 */
final class Adjoints {
    /** The node {@code user} uses this node as an operand, with local partial {@code partial}. */
    record Use(int user, Expr partial) {}

    private final List<List<Use>> uses;
    private final Expr[] adjoint;

    Adjoints(Dag dag) {
        int n = dag.size();
        uses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) uses.add(new ArrayList<>());
        var bindings = new SymbolicDiff.Bindings();
        for (int i = 0; i < n; i++) {
            Interrupted.poll(i + 1);
            if (dag.kids[i].length == 0) continue;
            List<Expr> partials = SymbolicDiff.localPartials(dag.nodes.get(i), bindings);
            for (int k = 0; k < partials.size(); k++) {
                int u = dag.kids[i][k];
                // a number carries no adjoint; its partial (∂(aᵇ)/∂b for b = 2) may not even be defined
                if (!(dag.nodes.get(u) instanceof Num)) uses.get(u).add(new Use(i, partials.get(k)));
            }
        }
        adjoint = new Expr[n];
        adjoint[n - 1] = Exprs.ONE;
        for (int i = n - 2; i >= 0; i--) {
            Interrupted.poll(i);
            Expr sum = null;
            for (Use use : uses.get(i)) sum = SymbolicDiff.plus(sum, Exprs.mul(adjoint[use.user()], use.partial()));
            adjoint[i] = sum == null ? Exprs.ZERO : sum;
        }
    }

    /** The users of node {@code i}, in evaluation order. */
    List<Use> uses(int i) {
        return uses.get(i);
    }

    /** ∂root/∂(node i), node i held as an independent input. */
    Expr adjoint(int i) {
        return adjoint[i];
    }
}
