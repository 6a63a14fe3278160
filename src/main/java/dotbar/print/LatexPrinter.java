package dotbar.print;

import static dotbar.print.Precedence.ATOM;
import static dotbar.print.Precedence.POWER;
import static dotbar.print.Precedence.PREFIX;
import static dotbar.print.Precedence.PRODUCT;

import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.util.List;

/**
 * Expressions as LaTeX math-mode source: {@code a \cdot b + \sin\left(c\right)^{2}},
 * {@code \frac{a}{b}}, {@code \sqrt{x}}, {@code \left|x\right|}, {@code \sigma\left(w_{1}\right)},
 * Greek names as commands ({@code φ2} → {@code \varphi_{2}}, see {@link LatexNames}), powers as
 * {@code ^{…}}, and partials of abstract functions in Leibniz form,
 * {@code \frac{\partial L}{\partial \varphi_{2}}}, {@code \frac{\partial^{2} f}{\partial u \partial v}}.
 *
 * <p>Parentheses ({@code \left( \right)}) only where the grammar needs them ({@link Precedence}):
 * a fraction, an exponent and a square root group their contents by themselves, and a fraction
 * as a power's base gets them ({@code \left(\frac{a}{b}\right)^{2}}). Numbers are exact decimals,
 * with {@code 1.5e-7} written {@code 1.5 \cdot 10^{-7}}.
 *
 * <p>Printing is iterative and linear in the length of the text ({@link TreeWriter}).
 */
public final class LatexPrinter extends TreeWriter {
    private LatexPrinter() {}

    /** The LaTeX source of {@code e} (cut, with a note, beyond 4 000 000 characters). */
    public static String print(Expr e) {
        return print(e, DEFAULT_MAX_CHARS);
    }

    /** The LaTeX source of {@code e}, cut after {@code maxChars} characters. */
    public static String print(Expr e, int maxChars) {
        return new LatexPrinter().write(e, maxChars);  // a printer per printout: it remembers what it saw
    }

    @Override
    void layout(Object item, List<Object> out) {
        switch ((Expr) item) {
            case Num x -> out.add(number(x.value()));
            case Sym s -> out.add(LatexNames.of(s.name()));
            case Apply a -> call(out, LatexNames.of(a.fn().name()), a.args(), "\\left(", "\\right)");
            case Partial p -> out.add(leibniz(p));
            case Call c -> operation(c, out);
        }
    }

    private void operation(Call c, List<Object> out) {
        List<Expr> a = c.args();
        switch (c.op()) {
            case ADD, SUB, MUL -> {
                operand(c, 0, out);
                out.add(c.op() == Op.ADD ? " + " : c.op() == Op.SUB ? " - " : " \\cdot ");
                operand(c, 1, out);
            }
            case DIV -> {
                out.add("\\frac{");
                out.add(a.get(0));
                out.add("}{");
                out.add(a.get(1));
                out.add("}");
            }
            case POW -> {
                operand(c, 0, out);
                out.add("^{");
                out.add(a.get(1));
                out.add("}");
            }
            case NEG -> {
                out.add("-");
                operand(c, 0, out);
            }
            case SQRT -> {
                out.add("\\sqrt{");
                out.add(a.get(0));
                out.add("}");
            }
            case ABS -> {
                out.add("\\left|");
                out.add(a.get(0));
                out.add("\\right|");
            }
            default -> call(out, functionName(c.op()), a, "\\left(", "\\right)");
        }
    }

    private static String functionName(Op op) {
        return switch (op) {
            case ASIN -> "\\arcsin";
            case ACOS -> "\\arccos";
            case ATAN -> "\\arctan";
            case ASINH -> "\\operatorname{arsinh}";
            case ACOSH -> "\\operatorname{arcosh}";
            case ATANH -> "\\operatorname{artanh}";
            case SIGMOID -> "\\sigma";
            case SIGN -> "\\operatorname{sgn}";
            case RELU, SOFTPLUS, STEP -> "\\operatorname{" + op.symbol() + "}";
            default -> "\\" + op.symbol();   // \sin \cos \tan \sinh \cosh \tanh \exp \log
        };
    }

    private void operand(Call parent, int index, List<Object> out) {
        Expr child = parent.args().get(index);
        operand(out, child, parens(parent.op(), index, child), "\\left(", "\\right)");
    }

    private boolean parens(Op parent, int index, Expr child) {
        if (parent == Op.POW && index == 0 && isFraction(child)) return true;
        return Precedence.needsParens(parent, index, level(child), startsWithMinus(child, true));
    }

    /** A fraction bar groups like an atom, except under an exponent. */
    private static boolean isFraction(Expr e) {
        return e instanceof Partial || e instanceof Call c && c.op() == Op.DIV;
    }

    private static int level(Expr e) {
        return switch (e) {
            case Num x when NumberText.negative(x.value()) -> PREFIX;
            case Num x -> number(x.value()).contains("\\cdot") ? PRODUCT : number(x.value()).startsWith("10^") ? POWER : ATOM;
            case Call c when c.op() == Op.DIV -> ATOM;
            case Call c -> Precedence.of(c.op());
            default -> ATOM;
        };
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "\\mathrm{NaN}";
        String sign = NumberText.negative(v) ? "-" : "";
        double m = Math.abs(v);
        if (Double.isInfinite(m)) return sign + "\\infty";
        if (m == Math.PI) return sign + "\\pi";
        String d = NumberText.decimal(m);
        int e = d.indexOf('e');
        if (e < 0) return sign + d;
        String mantissa = d.substring(0, e), power = "10^{" + d.substring(e + 1) + "}";
        return sign + (mantissa.equals("1") ? power : mantissa + " \\cdot " + power);
    }

    private static String leibniz(Partial p) {
        int order = p.wrt().size();
        var s = new StringBuilder("\\frac{\\partial");
        if (order > 1) s.append("^{").append(order).append('}');
        s.append(' ').append(LatexNames.of(p.fn().name())).append("}{");
        String sep = "";
        for (Leibniz.Variable v : Leibniz.denominator(p)) {
            s.append(sep).append("\\partial ").append(LatexNames.of(v.name()));
            if (v.times() > 1) s.append("^{").append(v.times()).append('}');
            sep = " ";
        }
        return s.append('}').toString();
    }
}
