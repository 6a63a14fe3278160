package dotbar.expr;

import java.util.List;

/**
 * The tensor operations' construction and the generic parts of their derivative rules: what
 * {@code ·} means between two operands, the construction-time rewrites of the tensor ops of
 * {@link Op} ({@code xᵀᵀ → x}, {@code sum(a) → a} for a scalar), and the two rules every
 * elementwise op shares — its vector–Jacobian product x̄ = f'(x) ⊙ ȳ summed over the axes the
 * operand was broadcast along, and its Jacobian–vector product ẏ = f'(x) ⊙ ẋ.
 */
public final class Tensors {
    private Tensors() {}

    /** True for the ops that are not elementwise: matrix product, transpose, reductions, ones. */
    public static boolean isTensorOp(Op op) {
        return op.ordinal() >= Op.MATMUL.ordinal();
    }

    /** True when {@code c} is an elementwise product of two non-scalars, printed {@code ⊙}. */
    public static boolean isElementwiseProduct(Call c) {
        return c.op() == Op.MUL && !Shapes.of(c.args().get(0)).isScalar() && !Shapes.of(c.args().get(1)).isScalar();
    }

    /**
     * {@code a·b} as the DSL reads it: the matrix product of two non-scalars, the scaling
     * (the ordinary product, {@link Op#MUL}) when either is a scalar.
     */
    public static Expr product(Expr a, Expr b) {
        return Exprs.call(Op.MATMUL, a, b);
    }

    /** {@code aᵀ}. */
    public static Expr transpose(Expr a) {
        return Exprs.call(Op.TRANSPOSE, a);
    }

    /**
     * The construction of a tensor op's node: a rewrite where the operands make it a scalar
     * operation or an identity, else null (the node is built as it is).
     */
    static Expr construct(Op op, List<Expr> args) {
        Expr a = args.get(0);
        Shape s = Shapes.of(a);
        return switch (op) {
            // with a scalar factor, · is scaling: a·b, a*b and a@b are one product for scalars
            case MATMUL -> s.isScalar() || Shapes.of(args.get(1)).isScalar() ? Exprs.mul(a, args.get(1)) : null;
            // xᵀᵀ → x; a scalar is its own transpose
            case TRANSPOSE -> s.isScalar() ? a : a instanceof Call c && c.op() == Op.TRANSPOSE ? c.arg() : null;
            // a reduction of a scalar is the scalar; a row sum of a column is the column (and so on)
            case TOTAL, MEAN -> s.isScalar() ? a : null;
            case ROWSUM -> s.columns() == 1 ? a : null;
            case COLSUM -> s.rows() == 1 ? a : null;
            case DOT -> s.isScalar() || Shapes.of(args.get(1)).isScalar() ? Exprs.mul(a, args.get(1)) : null;
            case ONES -> s.isScalar() ? Exprs.ONE : null;
            // per column: a column of one entry has logsumexp the entry and softmax 1 (a scalar's softmax is 1)
            case LOGSUMEXP -> s.rows() == 1 ? a : null;
            case SOFTMAX -> s.rows() == 1 ? Exprs.call(Op.ONES, a) : null;
            default -> null;
        };
    }

    /**
     * {@code y} summed down to the shape {@code target} along the axes it was broadcast along:
     * the adjoint of a broadcast operand (a scalar gets {@code sum(ȳ)}, an m×1 column
     * {@code rowsum(ȳ)}, a 1×n row {@code colsum(ȳ)}).
     */
    public static Expr sumTo(Expr y, Shape target) {
        Shape s = Shapes.of(y);
        if (s.equals(target)) return y;
        if (target.isScalar()) return Exprs.call(Op.TOTAL, y);
        if (target.columns() == 1 && s.rows() == target.rows()) return Exprs.call(Op.ROWSUM, y);
        if (target.rows() == 1 && s.columns() == target.columns()) return Exprs.call(Op.COLSUM, y);
        throw new IllegalStateException("cannot sum " + s + " down to " + target);
    }

    /** {@code e} with the shape of {@code like}: e itself, or {@code e·ones(like)} when e is broadcast (smaller). */
    public static Expr expandTo(Expr e, Expr like) {
        Shape target = Shapes.of(like);
        if (Shapes.of(e).equals(target)) return e;
        return Exprs.mul(e, Exprs.call(Op.ONES, like));
    }

    /**
     * The product of softmax's Jacobian with {@code v}, per column: s ⊙ (v − colsum(s ⊙ v)) for
     * s = softmax(A). Each column's Jacobian diag(s) − s·sᵀ is symmetric, so this is both the
     * vector–Jacobian product (v = ȳ) and the Jacobian–vector product (v = Ȧ).
     */
    static Expr softmaxProduct(Expr s, Expr v) {
        return Exprs.mul(s, Exprs.sub(v, Exprs.call(Op.COLSUM, Exprs.mul(s, v))));
    }

    /**
     * The vector–Jacobian product of an elementwise operation for operand {@code k}: the local
     * partial times the adjoint entry by entry, x̄ = f'(x) ⊙ ȳ, summed over the axes operand k
     * was broadcast along (eq. 29 for tensors).
     */
    public static Expr elementwiseVjp(Expr partial, Expr operand, Expr ybar) {
        return sumTo(Exprs.mul(partial, ybar), Shapes.of(operand));
    }

    /** The Jacobian–vector product of an elementwise operation: ẏ += f'(x) ⊙ ẋ, with the node's shape. */
    public static Expr elementwiseJvp(Expr partial, Expr tangent, Expr self) {
        return expandTo(Exprs.mul(tangent, partial), self);
    }
}
