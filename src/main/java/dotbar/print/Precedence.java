package dotbar.print;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Notation;
import dotbar.expr.Notation.Binding;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.Map;

/**
 * The operator grammar the parser reads, as the printers need it: binding levels (the op
 * table's {@link Notation#binding} and associativity) and where an operand needs parentheses to
 * parse back as that operand.
 *
 * <p>Loosest first: {@code + -} (left-associative), {@code · /} (left-associative), prefix
 * {@code -}, {@code ^} (right-associative, and tighter than prefix minus: {@code -x^2} is −(x²)),
 * then atoms (numbers, names, calls, anything in parentheses). A superscript exponent binds
 * tightest of all and is printed only on atoms.
 */
final class Precedence {
    static final Binding SUM = Binding.SUM, PRODUCT = Binding.PRODUCT, PREFIX = Binding.PREFIX, POWER = Binding.POWER,
            ATOM = Binding.ATOM;

    private Precedence() {}

    /** The level of a node whose outermost operation is {@code op}, as the op table declares it. */
    static Binding of(Op op) {
        return op.notation().binding();   // a function call binds like an atom: it carries its own parentheses
    }

    /**
     * Whether an operand at level {@code child} needs parentheses as operand {@code index} of
     * {@code parent}. Left operands of left-associative operators may be as loose as the
     * operator, right ones must bind tighter ({@code a - (b - c)}, {@code a/(b/c)}); for a
     * right-associative one it is the other way round: a power's base must be an atom
     * ({@code (a^b)^c}, {@code (-2)^x}) while its exponent may be another power
     * ({@code 2^x^y}). A prefix operator's operand binds at least as tightly. An operand whose
     * text starts with a minus ({@code minusFirst}) gets parentheses after an operator although
     * the parser would not need them ({@code a·(-b)}, {@code a + (-2·x)}, {@code x^(-y)}): that
     * is how people write it. Operands of function calls never need any.
     */
    static boolean needsParens(Op parent, int index, Binding child, boolean minusFirst) {
        Notation n = parent.notation();
        if (!n.operator()) return false;
        boolean prefix = parent.arity() == 1;
        boolean minusAfterOperator = minusFirst && (index == 1 || prefix);
        int c = child.compareTo(n.binding());
        if (prefix) return minusAfterOperator || c < 0;
        boolean tighterSide = index == 0 == n.rightAssociative();  // the side that must bind tighter
        return minusAfterOperator || (tighterSide ? c <= 0 : c < 0);
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
            if (e instanceof Num n) { r = n.isNegative(); break; }
            if (!(e instanceof Call c)) { r = false; break; }
            Expr left = c.args().get(0);
            boolean prefix = c.op().isOperator() && c.op().arity() == 1;
            boolean walk = switch (of(c.op())) {
                case SUM -> true;
                case PRODUCT -> !(fractions && isFraction(c.op()) || left instanceof Call l && of(l.op()) == SUM);
                default -> false;   // a prefix op is its sign; a base with a sign is in parentheses; a call starts with its name
            };
            if (!walk) { r = prefix && c.op().notation().unicode().startsWith("-"); passed.add(e); break; }
            passed.add(e);
            e = left;
        }
        for (Expr p : passed) known.put(p, r);
        return r;
    }

    /** Whether the op prints as a fraction bar in LaTeX ({@code \\frac}), which starts with no sign. */
    static boolean isFraction(Op op) {
        return op.notation().latex().startsWith("\\frac");
    }
}
