package dotbar.simplify;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;

/** Identities of single functions, each exact wherever the left side is defined. */
final class FunctionRules {
    private FunctionRules() {}

    /** A simpler equivalent of the unary call {@code c}, or {@code c} itself. */
    static Expr apply(Call c) {
        if (c.op().arity() != 1) return c;
        Expr a = c.arg();
        Op inner = a instanceof Call ic ? ic.op() : null;
        // the op table's parity: sin(−x) → −sin(x), cos(−x) → cos(x)
        if (inner == Op.NEG && c.op().parity() == Op.Parity.ODD) return Exprs.neg(Exprs.call(c.op(), ((Call) a).arg()));
        if (inner == Op.NEG && c.op().parity() == Op.Parity.EVEN) return Exprs.call(c.op(), ((Call) a).arg());
        if (c.op() == Op.LOG && inner == Op.EXP) return ((Call) a).arg();                                     // log(eˣ) → x
        if (c.op() == Op.EXP && inner == Op.LOG) return ((Call) a).arg();                                     // e^(log x) → x, x > 0
        if (c.op() == Op.ABS && (inner == Op.ABS || inner == Op.EXP || inner == Op.SQRT
                || inner == Op.SIGMOID || inner == Op.SOFTPLUS || inner == Op.RELU)) return a;                // |u| → u for u ≥ 0
        if (c.op() == Op.RELU && inner == Op.RELU) return a;                                                   // relu(relu x) → relu x
        if (c.op() == Op.SIGN && inner == Op.SIGN) return a;                                                   // sign(sign x) → sign x
        return c;
    }
}
