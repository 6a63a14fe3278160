package dotbar.expr;

import java.util.List;

/** The light rewrites applied when a built-in operation is constructed; each keeps the value. */
final class Simplifications {
    private Simplifications() {}

    /** A simpler equivalent of {@code op(args)}, or null to build the node as it is. */
    static Expr atConstruction(Op op, List<Expr> args) {
        Expr a = args.get(0);
        Expr b = op.arity() == 2 ? args.get(1) : null;
        if (a instanceof Num x && (b == null || b instanceof Num)) {
            // constant folding: in doubles as ever, exactly for exact numbers (which may stay an operation: sin(1))
            Num folded = Numbers.fold(op, x, (Num) b);
            if (folded != null) return folded;
        }
        return switch (op) {
            case ADD -> isNum(b, 0) ? a : isNum(a, 0) ? b : null;                       // x+0 → x, 0+x → x
            case SUB -> isNum(b, 0) ? a : isNum(a, 0) ? Exprs.neg(b) : null;            // x−0 → x, 0−x → −x
            case MUL -> isNum(b, 1) ? a : isNum(a, 1) ? b                                // x·1 → x
                    : isNum(a, 0) || isNum(b, 0) ? Exprs.ZERO                            // x·0 → 0
                    : isNum(a, -1) ? Exprs.neg(b) : isNum(b, -1) ? Exprs.neg(a) : null;  // (−1)·x → −x
            case DIV -> isNum(b, 1) ? a : null;                                          // x/1 → x
            case POW -> isNum(b, 1) ? a : isNum(b, 0) ? Exprs.ONE : null;                // x¹ → x, x⁰ → 1
            case NEG -> a instanceof Call c && c.op() == Op.NEG ? c.arg() : null;        // −(−x) → x
            default -> null;
        };
    }

    private static boolean isNum(Expr e, double c) {
        return e instanceof Num n && n.is(c);
    }
}
