package dotbar.print;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Num;
import dotbar.expr.Op;

/**
 * The operator grammar the parser reads, as the printers need it: binding levels and where an
 * operand needs parentheses to parse back as that operand.
 *
 * <p>Loosest first: {@code + -} (left-associative), {@code · /} (left-associative), prefix
 * {@code -}, {@code ^} (right-associative, and tighter than prefix minus: {@code -x^2} is −(x²)),
 * then atoms (numbers, names, calls, anything in parentheses). A superscript exponent binds
 * tightest of all and is printed only on atoms.
 */
final class Precedence {
    static final int SUM = 1, PRODUCT = 2, PREFIX = 3, POWER = 4, ATOM = 5;

    private Precedence() {}

    /** The level of a node whose outermost operation is {@code op}. */
    static int of(Op op) {
        return switch (op) {
            case ADD, SUB -> SUM;
            case MUL, DIV -> PRODUCT;
            case NEG -> PREFIX;
            case POW -> POWER;
            default -> ATOM;   // a function call carries its own parentheses
        };
    }

    /**
     * Whether an operand at level {@code child} needs parentheses as operand {@code index} of
     * {@code parent}. Left operands of left-associative operators may be as loose as the
     * operator, right ones must bind tighter ({@code a - (b - c)}, {@code a/(b/c)}); a power's base
     * must be an atom ({@code (a^b)^c}, {@code (-2)^x}) while its exponent may be another power
     * ({@code 2^x^y}). An operand whose text starts with a minus ({@code minusFirst}) gets
     * parentheses after an operator although the parser would not need them
     * ({@code a·(-b)}, {@code a + (-2·x)}, {@code x^(-y)}): that is how people write it. Operands
     * of function calls never need any.
     */
    static boolean needsParens(Op parent, int index, int child, boolean minusFirst) {
        boolean minusAfterOperator = minusFirst && (index == 1 || parent == Op.NEG);
        return minusAfterOperator || switch (parent) {
            case ADD, SUB -> index == 0 ? child < SUM : child <= SUM;
            case MUL, DIV -> index == 0 ? child < PRODUCT : child <= PRODUCT;
            case POW -> index == 0 ? child < ATOM : child < POWER;
            case NEG -> child < PREFIX;
            default -> false;
        };
    }

    /**
     * Whether the text of {@code e} starts with a minus sign: a negative number, a negation, or an
     * operator whose unparenthesised left operand does. Walks down left operands only, so over a
     * whole printout each node is passed at most once per time it is printed. With
     * {@code fractions} a quotient is a fraction bar ({@code \frac}) and starts with no sign.
     */
    static boolean startsWithMinus(Expr e, boolean fractions) {
        while (true) {
            if (e instanceof Num n) return NumberText.negative(n.value());
            if (!(e instanceof Call c)) return false;
            Expr left = c.args().get(0);
            switch (c.op()) {
                case NEG -> { return true; }
                case ADD, SUB -> e = left;
                case MUL, DIV -> {
                    if (fractions && c.op() == Op.DIV || left instanceof Call l && of(l.op()) == SUM) return false;
                    e = left;
                }
                default -> { return false; }   // a base with a sign is in parentheses; a call starts with its name
            }
        }
    }
}
