package dotbar.expr;

import java.util.List;

/**
 * What construction does to a built-in operation, each step keeping the value: constants folded
 * ({@link Numbers}), the light rewrites {@code x+0 → x}, {@code x−0 → x}, {@code 0−x → −x},
 * {@code x·1 → x}, {@code x·0 → 0}, {@code x/1 → x}, {@code x¹ → x}, {@code x⁰ → 1},
 * {@code −(−x) → x}, then the canonical form of sums ({@link Sums}) and of products and powers
 * ({@link Products}).
 *
 * <p>The canonical form flattens operand sums and products of at most {@value #FLATTEN} terms or
 * factors; a longer operand is kept whole and the node is built as it is, so that appending a
 * term to a 20 000-term sum, or a factor to a deep product, costs O(1) and copies nothing (a long
 * sum's terms are then not collected with the new one: {@code simplify} does that).
 */
final class Simplifications {
    /** Operand sums and products with at most this many terms or factors are flattened at construction. */
    static final int FLATTEN = 12;

    private Simplifications() {}

    /** A simpler equivalent of {@code op(args)}, or null to build the node as it is. */
    static Expr atConstruction(Op op, List<Expr> args) {
        Expr a = args.get(0);
        Expr b = op.arity() == 2 ? args.get(1) : null;
        if (a instanceof Num x && (b == null || b instanceof Num y)) {
            Num folded = Numbers.fold(op, x, (Num) b);
            if (folded != null) return folded;
        }
        Expr light = switch (op) {
            case ADD -> isNum(b, 0) ? a : isNum(a, 0) ? b : null;                       // x+0 → x, 0+x → x
            case SUB -> isNum(b, 0) ? a : isNum(a, 0) ? Exprs.neg(b) : null;            // x−0 → x, 0−x → −x
            case MUL -> isNum(b, 1) ? a : isNum(a, 1) ? b                                // x·1 → x
                    : isNum(a, 0) || isNum(b, 0) ? Exprs.ZERO : null;                   // x·0 → 0
            case DIV -> isNum(b, 1) ? a : null;                                          // x/1 → x
            case POW -> isNum(b, 1) ? a : isNum(b, 0) ? Exprs.ONE : null;                // x¹ → x, x⁰ → 1
            case NEG -> a instanceof Call c && c.op() == Op.NEG ? c.arg() : null;        // −(−x) → x
            default -> null;
        };
        if (light != null) return light;
        return switch (op) {
            case ADD, SUB, NEG -> Sums.canonical(op, args, FLATTEN, false);
            case MUL, DIV, POW -> Products.canonical(op, args, FLATTEN, false);
            default -> null;
        };
    }

    private static boolean isNum(Expr e, double c) {
        return e instanceof Num n && n.is(c);
    }
}
