package dotbar.optim;

import dotbar.expr.Expr;

import java.util.List;

/**
 * A scalar function of named inputs with its gradient by the first few of them: what an
 * optimizer asks of a loss at each step. Built once per optimizer; not thread-safe (it keeps a
 * register file).
 */
interface Differentiable {
    /** f(x), writing ∂f/∂xᵢ into {@code g[i]} for every {@code i < g.length}. */
    double valueAndGradient(double[] x, double[] g);

    /** {@code f} over {@code inputs} (values in that order), differentiated by the first {@code n}. */
    static Differentiable of(Expr f, List<String> inputs, int n) {
        return new SymbolicGradient(f, inputs, n);
    }
}
