package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Exprs;
import dotbar.expr.Shapes;
import dotbar.sweep.Dag;
import dotbar.sweep.SymbolicAdjoints;
import dotbar.sweep.LocalPartials;
import dotbar.sweep.SymbolicTangents;
import dotbar.sweep.Walk;

/**
 * Symbolic differentiation: the forward {@link Walk} over the DAG with expressions as values
 * ({@link SymbolicTangents}), each op's local partials read from the op table
 * ({@link dotbar.expr.Op#partials}). Each distinct node is differentiated once, in topological
 * order, so shared subexpressions stay shared and depth costs no stack.
 *
 * <p>For a node n with operands uᵢ: dn = Σᵢ duᵢ · ∂n/∂uᵢ, terms with duᵢ = 0 left out. The inner
 * derivative is written first, so a chain of functions reads innermost first as in the seed's
 * eq. (31): ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2. A defined function is differentiated
 * through its body (∂f/∂pₖ with the parameters replaced by the arguments); an abstract function
 * gets {@link dotbar.expr.Partial} nodes.
 */
public final class SymbolicDiff {
    private SymbolicDiff() {}

    /** ∂e/∂x as an expression. */
    public static Expr diff(Expr e, String x) {
        // by a matrix: the reverse walk's adjoint, of the matrix's shape (a Jacobian by forward mode would not be)
        if (!Shapes.declared(Exprs.sym(x).name()).isScalar()) return SymbolicAdjoints.byTensor(e, x);
        var dag = new Dag(e);
        return SymbolicTangents.of(dag, x, new LocalPartials())[dag.size() - 1];
    }

    /** The n-th derivative by {@code x} (n ≥ 0). */
    public static Expr diff(Expr e, String x, int n) {
        if (n < 0) throw new DotbarException("the order of a derivative must be ≥ 0, got " + n);
        Expr r = e;
        for (int i = 0; i < n; i++) {
            Graph.checkInterrupted(0);
            r = diff(r, x);
        }
        return r;
    }
}
