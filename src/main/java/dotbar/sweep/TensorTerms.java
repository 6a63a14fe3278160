package dotbar.sweep;

import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Tensors;

import java.util.List;

/**
 * The chain-rule term of a node where a tensor is involved, read from the op table: the
 * vector–Jacobian product {@link dotbar.expr.Op#vjp} in reverse mode and the Jacobian–vector
 * product {@link dotbar.expr.Op#jvp} in forward mode, in place of the scalar "partial × source".
 * A named function whose body is scalar applies entry by entry, so its terms are the elementwise
 * rules with the body's partials; one with a matrix body reads them through its body
 * ({@link MatrixBodies}).
 */
public final class TensorTerms {
    private TensorTerms() {}

    /**
     * The same vector–Jacobian product written over other names: node {@code n}'s rule with its
     * operands {@code args} and itself {@code self} as given (a trace writes them as its rows).
     */
    public static Expr vjp(Expr n, List<Expr> args, Expr self, int k, Expr partial, Expr ybar) {
        return switch (n) {
            case Call c -> c.op().vjp(k, args, self, partial, ybar);
            case Apply a when a.fn().hasMatrixBody() -> MatrixBodies.vjp(a, args, k, ybar);
            case Apply a -> Tensors.elementwiseVjp(partial, args.get(k), ybar);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }

    /** The Jacobian–vector product written over other names, as {@link #vjp(Expr, List, Expr, int, Expr, Expr)}. */
    public static Expr jvp(Expr n, List<Expr> args, Expr self, int k, Expr partial, Expr tangent) {
        return switch (n) {
            case Call c -> c.op().jvp(k, args, self, partial, tangent);
            case Apply a when a.fn().hasMatrixBody() -> MatrixBodies.jvp(a, args, k, tangent);
            case Apply a -> Tensors.elementwiseJvp(partial, tangent, self);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }

    /** ū's term from node {@code n}'s adjoint {@code ybar}, u being operand k; {@code partial} is ∂n/∂u. */
    static Expr vjp(Expr n, int k, Expr partial, Expr ybar) {
        return switch (n) {
            case Call c -> c.op().vjp(k, c.args(), c, partial, ybar);
            case Apply a when a.fn().hasMatrixBody() -> MatrixBodies.vjp(a, a.args(), k, ybar);
            case Apply a -> Tensors.elementwiseVjp(partial, a.args().get(k), ybar);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }

    /** ẇ's term from operand k's tangent {@code tangent}; {@code partial} is ∂n/∂u. */
    static Expr jvp(Expr n, int k, Expr partial, Expr tangent) {
        return switch (n) {
            case Call c -> c.op().jvp(k, c.args(), c, partial, tangent);
            case Apply a when a.fn().hasMatrixBody() -> MatrixBodies.jvp(a, a.args(), k, tangent);
            case Apply a -> Tensors.elementwiseJvp(partial, tangent, a);
            default -> throw new IllegalStateException("no tensor rule for " + n);
        };
    }
}
