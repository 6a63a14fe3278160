package dotbar.print;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.Map;

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
     * operator whose unparenthesised left operand does. Walks down left operands until it meets a
     * node in {@code known}, and records the answer for every node it passed (they all share it),
     * so over a whole printout each node is walked once: a 200 000-term left-deep sum prints in
     * linear time. With {@code fractions} a quotient is a fraction bar ({@code \frac}) and starts
     * with no sign.
     */
    static boolean startsWithMinus(Expr e, boolean fractions, Map<Expr, Boolean> known) {
        var passed = new ArrayList<Expr>();
        boolean r;
        while (true) {
            Boolean k = known.get(e);
            if (k != null) { r = k; break; }
            if (e instanceof Num n) { r = NumberText.negative(n.value()); break; }
            if (!(e instanceof Call c)) { r = false; break; }
            Expr left = c.args().get(0);
            boolean walk = switch (c.op()) {
                case NEG -> false;
                case ADD, SUB -> true;
                case MUL, DIV -> !(fractions && c.op() == Op.DIV || left instanceof Call l && of(l.op()) == SUM);
                default -> false;   // a base with a sign is in parentheses; a call starts with its name
            };
            if (!walk) { r = c.op() == Op.NEG; passed.add(e); break; }
            passed.add(e);
            e = left;
        }
        for (Expr p : passed) known.put(p, r);
        return r;
    }
}
