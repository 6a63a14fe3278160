package dotbar.sweep;

import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Tensors;

/**
 * The chain-rule term of a node where a tensor is involved, read from the op table: the
 * vector–Jacobian product {@link dotbar.expr.Op#vjp} in reverse mode and the Jacobian–vector
 * product {@link dotbar.expr.Op#jvp} in forward mode, in place of the scalar "partial × source".
 * A named function applied to tensors has an elementwise body, so its terms are the elementwise
 * rules with the body's partials.
 */
final class TensorTerms {
    private TensorTerms() {}

    /** ū's term from node {@code n}'s adjoint {@code ybar}, u being operand k; {@code partial} is ∂n/∂u. */
    static Expr vjp(Expr n, int k, Expr partial, Expr ybar) {
        return switch (n) {
            case Call c -> c.op().vjp(k, c.args(), c, partial, ybar);
            case Apply a -> Tensors.elementwiseVjp(partial, a.args().get(k), ybar);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }

    /** ẇ's term from operand k's tangent {@code tangent}; {@code partial} is ∂n/∂u. */
    static Expr jvp(Expr n, int k, Expr partial, Expr tangent) {
        return switch (n) {
            case Call c -> c.op().jvp(k, c.args(), c, partial, tangent);
            case Apply a -> Tensors.elementwiseJvp(partial, tangent, a);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }
}
