package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hessian of a scalar over matrix, vector and scalar symbols, entry by entry:
 * H[θ_r][θ_c] = ∂²L/∂θ_r∂θ_c over the symbols' entries flattened row by row ({@link Entries}:
 * {@code W[1,1], W[1,2], …, b[1], …}). Forward over reverse, as the scalar {@link Hessian}: the
 * gradient ∂L/∂X of each symbol is an expression from one reverse walk (the op table's
 * vector–Jacobian products, {@link TensorGrad}), and the Hessian is its {@link Jacobian} by forward
 * mode, one Jacobian–vector product per entry (column c is d/dε ∇L(θ + ε·e_c)). No rule is
 * written twice. For L = sum((W·x − y)²)/2 by an m×n W it is block-diagonal, m copies of x·xᵀ.
 */
public final class TensorHessian {
    private TensorHessian() {}

    /**
     * The Hessian of the scalar {@code e} by {@code params} (symbols of e, at most
     * {@value Entries#MAX} entries together) at {@code point}. The two mixed partials H_rc and H_cr
     * come from different columns and agree to rounding; they are reported as computed.
     */
    public static Hessian of(Expr e, Point point, List<String> params) {
        var shape = Shapes.of(e);
        if (!shape.isScalar()) {
            throw new DotbarException("hessian needs a scalar expression, and " + Entries.brief(e) + " is " + shape
                    + ": its first derivatives by a symbol are the Jacobian, jacobian(e, p, \"" + (e.vars().isEmpty() ? "x" : e.vars().get(0)) + "\")");
        }
        Entries in = Entries.of("hessian", e, params);
        List<String> vars = e.vars();
        List<Expr> all = TensorGrad.gradient(e);
        var gradient = new ArrayList<Expr>();
        for (String p : in.names()) gradient.add(all.get(vars.indexOf(p)));
        double[][] h = Jacobian.columns(gradient, in.size(), in, point);
        return Hessian.over(in.labels(), h, in.restrict(point));
    }
}
