package dotbar.print;

import static dotbar.print.Precedence.ATOM;
import static dotbar.print.Precedence.PREFIX;
import static dotbar.print.Precedence.PRODUCT;

import dotbar.base.Superscripts;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Notation.Binding;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;
import dotbar.expr.Tensors;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions as Unicode math, the text of every node's {@code toString()}:
 * {@code a·b + sin(c)²}, {@code σ(w1)}, {@code x⁻¹}, {@code w1(a, b, c)}, {@code -x²},
 * {@code (-x)²}, {@code a - (b - c)}, {@code 2^x^y}.
 *
 * <p>The text is the parser's syntax with as few parentheses as its grammar allows
 * ({@link Precedence}), so {@code parse(e.toString()).equals(e)} for every expression the parser
 * can produce: integer exponents up to {@value #SUPERSCRIPT_LIMIT} in size are superscripts, an
 * exact number is its digits or a fraction ({@code 2}, {@code 1/3}, {@code -1/10}), π is
 * {@code π}, a floating number is its shortest decimal ({@code 0.5}, {@code 1e-5}; {@code 1/0},
 * {@code -1/0} and {@code 0/0} for the non-finite values, which the parser folds back; a decimal
 * reads back as the exact number it spells, with the same double value), and minus is the ASCII
 * {@code -} people type.
 *
 * <p>The partial derivative of an abstract function prints in Leibniz form, {@code ∂f/∂u},
 * {@code ∂²f/∂u∂v}, {@code ∂²f/∂u²} (for reading: its argument is in the node, not the text), unless
 * that name denotes something else too in the same expression (another partial, or the partial at
 * another application of f): then it shows the parameter and the arguments, {@code ∂g/∂u(x, y)}
 * and {@code ∂g/∂v(y, x)} ({@link Leibniz#explicit}). A
 * product with such a factor spaces its dots, so the chain rule reads like the seed's eq. (31):
 * {@code ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2}.
 *
 * <p>Printing is iterative and linear in the length of the text ({@link TreeWriter}).
 */
public final class UnicodePrinter extends TreeWriter {
    /** Integer exponents of at most this magnitude print as superscripts. */
    public static final int SUPERSCRIPT_LIMIT = 999;

    private final ExplicitPartials explicit;

    private UnicodePrinter(ExplicitPartials explicit) {
        this.explicit = explicit;
    }

    /** The Unicode text of {@code e} (cut, with a note, beyond 4 000 000 characters). */
    public static String print(Expr e) {
        return print(e, DEFAULT_MAX_CHARS);
    }

    /** The Unicode text of {@code e}, cut after {@code maxChars} characters. */
    public static String print(Expr e, int maxChars) {
        return new UnicodePrinter(new ExplicitPartials(List.of(e))).write(e, maxChars);  // a printer per printout: it remembers what it saw
    }

    /**
     * A printer for expressions shown apart that belong to one text (the unknowns a check lists
     * beside its claim): a partial is written explicitly, {@code ∂g/∂u(x, y)}, when its Leibniz
     * name is ambiguous among the nodes of {@code context}, so two different partials never print
     * as one name. The context is walked once, when the first partial is met.
     */
    public static java.util.function.Function<Expr, String> within(List<Expr> context, int maxChars) {
        var shared = new ExplicitPartials(context);
        return e -> new UnicodePrinter(shared).write(e, maxChars);
    }

    /** {@code n} in superscript digits, with {@code ⁻} when negative: {@code ⁻¹²}. */
    public static String superscript(long n) {
        return Superscripts.of(n);
    }

    @Override
    void layout(Object item, List<Object> out) {
        switch ((Expr) item) {
            case Num x -> out.add(number(x));
            case Sym s -> out.add(s.name());
            case Apply a -> call(out, a.fn().name(), a.writtenArgs(), "(", ")");
            case Partial p when explicit.contains(p) -> call(out, leibniz(p, p.parameterDenominator()), p.args(), "(", ")");
            case Partial p -> out.add(leibniz(p, p.denominator()));
            case Call c when c.op() == Op.TRANSPOSE -> {   // postfix: xᵀ, (A·B)ᵀ
                operand(out, c.arg(), level(c.arg()) != ATOM, "(", ")");
                out.add(c.op().notation().unicode());
            }
            case Call c when !c.op().isOperator() -> call(out, c.op().notation().unicode(), c.args(), "(", ")");
            case Call c when Precedence.of(c.op()) == PRODUCT -> product(c, out);
            case Call c when c.op().arity() == 1 -> {   // prefix: -x
                out.add(c.op().notation().unicode());
                operand(c, 0, out);
            }
            case Call c when c.op() == Op.POW && integerExponent(c.args().get(1)) instanceof Long n -> {
                operand(c, 0, out);
                out.add(superscript(n));
            }
            case Call c -> {   // infix: a + b, a^b
                operand(c, 0, out);
                out.add(c.op().notation().unicode());
                operand(c, 1, out);
            }
        }
    }

    /**
     * A chain of products and quotients, {@code a·b/c·d}, laid out at once from its left spine:
     * its dots are spaced when a factor is a Leibniz partial. (Laying out the whole spine here
     * keeps a 20 000-factor product linear.)
     */
    private void product(Call top, List<Object> out) {
        var spine = new ArrayList<Call>();   // top first
        boolean leibniz = false;
        for (Expr e = top; e instanceof Call c && Precedence.of(c.op()) == PRODUCT; e = c.args().get(0)) {
            spine.add(c);
            leibniz |= c.op() == Op.MUL && (c.args().get(0) instanceof Partial || c.args().get(1) instanceof Partial);
        }
        Call deepest = spine.get(spine.size() - 1);
        operand(deepest, 0, out);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Call c = spine.get(i);
            out.add(leibniz && c.op() == Op.MUL ? " · " : Tensors.isElementwiseProduct(c) ? " ⊙ " : c.op().notation().unicode());
            operand(c, 1, out);
        }
    }

    private void operand(Call parent, int index, List<Object> out) {
        Expr child = parent.args().get(index);
        operand(out, child, parens(parent.op(), index, child), "(", ")");
    }

    private boolean parens(Op parent, int index, Expr child) {
        if (child instanceof Partial) {
            // ∂f/∂u reads as one factor in a product and after a minus, but not as a dividend
            return switch (parent) {
                case MUL, NEG -> false;
                case DIV -> true;
                default -> Precedence.needsParens(parent, index, PRODUCT, false);
            };
        }
        return Precedence.needsParens(parent, index, level(child), startsWithMinus(child, false));
    }

    private static Binding level(Expr e) {
        return switch (e) {
            case Num x when x.isExact() && !x.isInteger() -> PRODUCT;          // 1/3, -1/3
            case Num x when !x.isExact() && (!Double.isFinite(x.value()) || minusZero(x)) -> PRODUCT;   // 1/0, -1/0, 0/0, -1/(1/0)
            case Num x -> x.isNegative() ? PREFIX : ATOM;
            case Call c -> Precedence.of(c.op());
            default -> ATOM;
        };
    }

    /** The exponent as a superscript integer, or null when it is not a small integer constant. */
    private static Long integerExponent(Expr exponent) {
        return exponent instanceof Num n && (n.isExact() ? n.isInteger() : !n.isPi() && n.value() == Math.rint(n.value()))
                && Math.abs(n.value()) <= SUPERSCRIPT_LIMIT ? (long) n.value() : null;   // an exact 10⁻⁴⁰⁰ is no 0
    }

    /** π; an exact integer in digits, an exact rational as p/q; a floating number as {@link #number(double)} says. */
    static String number(Num n) {
        if (n.isPi()) return "π";
        if (n.isExact()) return n.isInteger() ? n.exact().getNumerator().toString()
                : n.exact().getNumerator() + "/" + n.exact().getDenominator();
        if (minusZero(n)) return "-1/(1/0)";   // IEEE's −0, which the parser folds back to (a typed -0 is the exact 0)
        return number(n.value());
    }

    private static boolean minusZero(Num n) {
        return !n.isExact() && !n.isPi() && n.value() == 0 && 1 / n.value() < 0;
    }

    /** A floating number: its shortest decimal, or 1/0, -1/0, 0/0 for the non-finite values. */
    static String number(double v) {
        if (Double.isNaN(v)) return "0/0";
        if (Double.isInfinite(v)) return v > 0 ? "1/0" : "-1/0";
        return (NumberText.negative(v) ? "-" : "") + NumberText.decimal(Math.abs(v));
    }

    private static String leibniz(Partial p, List<Partial.Variable> denominator) {
        var s = new StringBuilder("∂");
        if (p.wrt().size() > 1) s.append(superscript(p.wrt().size()));
        s.append(p.fn().name()).append('/');
        for (Partial.Variable v : denominator) {
            s.append('∂').append(v.name());
            if (v.times() > 1) s.append(superscript(v.times()));
        }
        return s.toString();
    }
}
