package dotbar.print;

import static dotbar.print.Precedence.ATOM;
import static dotbar.print.Precedence.POWER;
import static dotbar.print.Precedence.PREFIX;
import static dotbar.print.Precedence.PRODUCT;

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
 * Expressions as LaTeX math-mode source: {@code a \cdot b + \sin\left(c\right)^{2}},
 * {@code \frac{a}{b}}, {@code \sqrt{x}}, {@code \left|x\right|}, {@code \sigma\left(w_{1}\right)},
 * Greek names as commands ({@code φ2} → {@code \varphi_{2}}, see {@link LatexNames}), powers as
 * {@code ^{…}}, and partials of abstract functions in Leibniz form,
 * {@code \frac{\partial L}{\partial \varphi_{2}}}, {@code \frac{\partial^{2} f}{\partial u \partial v}}; a partial
 * whose Leibniz name is ambiguous in the expression shows its parameter and arguments,
 * {@code \frac{\partial g}{\partial u}\left(x, y\right)}, as the Unicode printer's {@code ∂g/∂u(x, y)}.
 *
 * <p>Parentheses ({@code \left( \right)}) only where the grammar needs them ({@link Precedence}):
 * a fraction, an exponent and a square root group their contents by themselves, and a fraction
 * as a power's base gets them ({@code \left(\frac{a}{b}\right)^{2}}). Numbers are exact decimals,
 * with {@code 1.5e-7} written {@code 1.5 \cdot 10^{-7}}.
 *
 * <p>Printing is iterative and linear in the length of the text ({@link TreeWriter}).
 */
public final class LatexPrinter extends TreeWriter {
    private final ExplicitPartials explicit;

    private LatexPrinter(ExplicitPartials explicit) {
        this.explicit = explicit;
    }

    /** The LaTeX source of {@code e} (cut, with a note, beyond 4 000 000 characters). */
    public static String print(Expr e) {
        return print(e, DEFAULT_MAX_CHARS);
    }

    /** The LaTeX source of {@code e}, cut after {@code maxChars} characters. */
    public static String print(Expr e, int maxChars) {
        return new LatexPrinter(new ExplicitPartials(List.of(e))).write(e, maxChars);  // a printer per printout: it remembers what it saw
    }

    @Override
    void layout(Object item, List<Object> out) {
        switch ((Expr) item) {
            case Num x -> out.add(number(x));
            case Sym s -> out.add(LatexNames.of(s.name()));
            case Apply a -> call(out, LatexNames.of(a.fn().name()), a.writtenArgs(), "\\left(", "\\right)");
            case Partial p when explicit.contains(p) -> call(out, leibniz(p, p.parameterDenominator()), p.args(), "\\left(", "\\right)");
            case Partial p -> out.add(leibniz(p, p.denominator()));
            case Call c -> operation(c, out);
        }
    }

    /**
     * An op as its LaTeX ({@link dotbar.expr.Notation#latex}): a command without operands is
     * written as a call, {@code \\sin\\left(x\\right)}; a template is copied with its operands
     * in place, each in parentheses where the grammar needs them unless the template groups it.
     */
    private void operation(Call c, List<Object> out) {
        List<Object> pieces = TEMPLATES[c.op().ordinal()];
        if (pieces == null) {
            call(out, c.op().notation().latex(), c.args(), "\\left(", "\\right)");
            return;
        }
        boolean odot = Tensors.isElementwiseProduct(c);   // A ⊙ B: \odot where a scalar product has \cdot
        for (Object piece : pieces) {
            if (odot && piece instanceof String text) piece = text.replace("\\cdot", "\\odot");
            if (piece instanceof Operand o) {
                if (o.grouped()) out.add(c.args().get(o.index()));
                else operand(c, o.index(), out);
            } else {
                out.add(piece);
            }
        }
    }

    /** Operand {@code index} of a template; {@code grouped} when the template's braces or bars group it. */
    private record Operand(int index, boolean grouped) {}

    /** Each op's template split into text and operands, or null for a command written as a call. */
    private static final List<Object>[] TEMPLATES = templates();

    @SuppressWarnings("unchecked")
    private static List<Object>[] templates() {
        Op[] ops = Op.values();
        List<Object>[] t = new List[ops.length];
        for (Op op : ops) {
            String latex = op.notation().latex();
            if (!latex.contains("#")) continue;
            var pieces = new ArrayList<Object>();
            int from = 0;
            for (int i = latex.indexOf('#'); i >= 0; i = latex.indexOf('#', from)) {
                if (i > from) pieces.add(latex.substring(from, i));
                boolean grouped = i > 0 && (latex.charAt(i - 1) == '{' || latex.charAt(i - 1) == '|');
                pieces.add(new Operand(latex.charAt(i + 1) - '1', grouped));
                from = i + 2;
            }
            if (from < latex.length()) pieces.add(latex.substring(from));
            t[op.ordinal()] = List.copyOf(pieces);
        }
        return t;
    }

    /** A template that leaves no operand to the grammar (a fraction, a root, bars) binds like an atom. */
    private static boolean groupsItself(Op op) {
        List<Object> pieces = TEMPLATES[op.ordinal()];
        return pieces != null && pieces.stream().noneMatch(p -> p instanceof Operand o && !o.grouped());
    }

    private void operand(Call parent, int index, List<Object> out) {
        Expr child = parent.args().get(index);
        operand(out, child, parens(parent.op(), index, child), "\\left(", "\\right)");
    }

    private boolean parens(Op parent, int index, Expr child) {
        if (parent == Op.TRANSPOSE) return level(child) != ATOM || isFraction(child);   // x^{\top}, \left(A B\right)^{\top}
        if (Precedence.of(parent) == POWER && index == 0 && isFraction(child)) return true;
        return Precedence.needsParens(parent, index, level(child), startsWithMinus(child, true));
    }

    /** A fraction bar groups like an atom, except under an exponent. */
    private static boolean isFraction(Expr e) {
        return e instanceof Partial || e instanceof Call c && Precedence.isFraction(c.op())
                || e instanceof Num n && n.isExact() && !n.isInteger();
    }

    private static Binding level(Expr e) {
        return switch (e) {
            case Num x when x.isNegative() -> PREFIX;
            case Num x when x.isExact() || x.isPi() -> ATOM;
            case Num x -> number(x.value()).contains("\\cdot") ? PRODUCT : number(x.value()).startsWith("10^") ? POWER : ATOM;
            case Call c when groupsItself(c.op()) -> ATOM;
            case Call c -> Precedence.of(c.op());
            default -> ATOM;
        };
    }

    /** {@code \pi}; an exact integer in digits, an exact rational as a fraction; a floating number as {@link #number(double)} says. */
    private static String number(Num n) {
        if (n.isPi()) return "\\pi";
        if (!n.isExact()) return number(n.value());
        var f = n.exact();
        String sign = n.isNegative() ? "-" : "";
        if (n.isInteger()) return f.getNumerator().toString();
        return sign + "\\frac{" + f.getNumerator().abs() + "}{" + f.getDenominator() + "}";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "\\mathrm{NaN}";
        String sign = NumberText.negative(v) ? "-" : "";
        double m = Math.abs(v);
        if (Double.isInfinite(m)) return sign + "\\infty";
        String d = NumberText.decimal(m);
        int e = d.indexOf('e');
        if (e < 0) return sign + d;
        String mantissa = d.substring(0, e), power = "10^{" + d.substring(e + 1) + "}";
        return sign + (mantissa.equals("1") ? power : mantissa + " \\cdot " + power);
    }

    private static String leibniz(Partial p, List<Partial.Variable> denominator) {
        int order = p.wrt().size();
        var s = new StringBuilder("\\frac{\\partial");
        if (order > 1) s.append("^{").append(order).append('}');
        s.append(' ').append(LatexNames.of(p.fn().name())).append("}{");
        String sep = "";
        for (Partial.Variable v : denominator) {
            s.append(sep).append("\\partial ").append(LatexNames.of(v.name()));
            if (v.times() > 1) s.append("^{").append(v.times()).append('}');
            sep = " ";
        }
        return s.append('}').toString();
    }
}
