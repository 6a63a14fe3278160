package dotbar.parse;

import dotbar.base.Superscripts;

import static dotbar.parse.Columns.error;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;

import java.util.ArrayList;
import java.util.List;

/**
 * A claimed equation {@code lhs = rhs} read from text, the left side optionally under a
 * derivative in Leibniz notation: {@code d/dx x^2*sin(x) = 2*x*sin(x) + x^2*cos(x)},
 * {@code ∂/∂a a*b = b}, {@code d²/dx² x^3 = 6*x} (also {@code d^2/dx^2}), {@code ∂²/∂x∂y x*y = 1}.
 * Errors name the column in the whole text, parse errors of either side included
 * ({@link Columns}).
 *
 * <p>This is the claim as written; taking the derivative {@code by} asks for is the checker's
 * business ({@code dotbar.check.Check}), since {@code parse} sits below {@code diff}.
 *
 * @param body the left side without its derivative prefix (the whole left side when there is none)
 * @param rhs  the right side
 * @param by   the variables the left side is differentiated by, one per derivative taken, in order
 *             ({@code ∂²/∂x∂y} gives {@code [x, y]}); empty when there is no prefix
 * @param d    how the derivative is written: {@code d} or {@code ∂}
 */
public record Claim(Expr body, Expr rhs, List<String> by, char d) {
    public Claim {
        by = List.copyOf(by);
    }

    /** Reads the claim {@code lhs = rhs}; a syntax error names its column in {@code text}. */
    public static Claim parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) throw error("a check needs an equation, 'left = right'; there is no '='", text, text.length());
        int second = text.indexOf('=', eq + 1);
        if (second >= 0) throw error("a check takes one '='; here is a second", text, second);
        var scan = new Leibniz(text, eq);
        // one text: a partial ∂f/∂g on either side resolves against the applications on both
        Expr[] sides = LeibnizPartials.parse(r -> new Expr[] {
                side(text, scan.bodyStart(), scan.bodyEnd(), "left", r), side(text, eq + 1, text.length(), "right", r)});
        return new Claim(sides[0], sides[1], scan.variables(), scan.d);
    }

    private static Expr side(String text, int from, int to, String which, LeibnizPartials partials) {
        if (text.substring(from, to).isBlank()) throw error("the " + which + " side of the equation is empty", text, from);
        return Columns.parse(text, from, to, "", partials);
    }

    /**
     * The Leibniz prefix {@code dⁿ/dx…} of the left side, if any: the variables, one per derivative
     * taken. Prefixes nest, {@code d/dx d/dx x^3} and {@code d/dx (d/dx x^3)} (parentheses around
     * the whole rest), and their variables add up: both are {@code d²/dx² x^3}.
     */
    private static final class Leibniz {
        private final String text;
        private int end;
        private int i;
        private final List<String> variables = new ArrayList<>();
        private int bodyStart;
        private char d = 'd';

        Leibniz(String text, int end) {
            this.text = text;
            this.end = end;
            skipSpaces();
            bodyStart = i;
            if (!prefix()) return;  // no derivative: the whole left side is the expression
            d = text.charAt(bodyStart);
            while (true) {
                bodyStart = i;
                skipSpaces();
                int open = i;
                if (i < end && text.charAt(i) == '(' && closes(open)) {
                    i++;
                    skipSpaces();
                    int inner = i;
                    if (prefix()) {
                        this.end = lastNonSpace();  // the ")" that closes the rest: the body ends before it
                        continue;
                    }
                    i = inner;
                }
                i = open;
                if (!prefix()) {
                    i = bodyStart;
                    return;
                }
            }
        }

        /** Reads one prefix {@code dⁿ/dx…} at {@code i} and adds its variables; false (and {@code i} unmoved) when there is none. */
        private boolean prefix() {
            int start = i;
            if (i < end && isD(text.charAt(i))) {
                char dd = text.charAt(i++);
                int order = order();
                skipSpaces();
                if (i < end && text.charAt(i) == '/') {
                    i++;
                    skipSpaces();
                    if (i < end && text.charAt(i) == dd && i + 1 < end && Character.isLetter(text.codePointAt(i + 1))) {
                        denominator(dd, order);
                        return true;
                    }
                }
            }
            i = start;
            return false;
        }

        /** Whether the '(' at {@code open} is closed by the last non-space character before {@code end}. */
        private boolean closes(int open) {
            int depth = 0;
            for (int k = open; k < end; k++) {
                char c = text.charAt(k);
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return k == lastNonSpace();
            }
            return false;
        }

        private int lastNonSpace() {
            int k = end - 1;
            while (k >= 0 && Character.isWhitespace(text.charAt(k))) k--;
            return k;
        }

        private void denominator(char d, int order) {
            int total = 0;
            int first = i;
            while (i < end && text.charAt(i) == d && i + 1 < end && Character.isLetter(text.codePointAt(i + 1))) {
                i++;
                int nameStart = i;
                while (i < end && (Character.isLetterOrDigit(text.codePointAt(i)) || text.charAt(i) == '_'
                        || Character.getType(text.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                    i += Character.charCount(text.codePointAt(i));
                }
                String x = text.substring(nameStart, i);
                Exprs.sym(x);
                int k = order();
                for (int j = 0; j < k; j++) variables.add(x);
                total += k;
                // ∂x∂y continues the denominator; after a space the expression begins (d/dx dt·x)
            }
            if (order != 1 && total == 1 && variables.size() == 1) {
                // d²/dx² may also be written d²/dx: the numerator's order then applies to the one variable
                for (int j = 1; j < order; j++) variables.add(variables.get(0));
                total = order;
            }
            if (order != total) {
                throw error("the derivative's order " + order + " does not match its variables (" + total + ")", text, first);
            }
        }

        /** An optional order: ^n or a superscript digit; 1 when absent. */
        private int order() {
            if (i < end && text.charAt(i) == '^') {
                int start = ++i;
                while (i < end && Character.isDigit(text.charAt(i))) i++;
                if (start == i) throw error("expected the derivative's order after '^'", text, start);
                if (i - start > 3) throw error("the derivative's order " + text.substring(start, i) + " is too large (at most 999)", text, start);
                return Integer.parseInt(text.substring(start, i));
            }
            int k = i < end ? Superscripts.digit(text.charAt(i)) : -1;
            if (k > 0) {
                i++;
                return k;
            }
            return 1;
        }

        private void skipSpaces() {
            while (i < end && Character.isWhitespace(text.charAt(i))) i++;
        }

        private static boolean isD(char c) {
            return c == 'd' || c == '∂';
        }

        List<String> variables() {
            return variables;
        }

        int bodyStart() {
            return bodyStart;
        }

        int bodyEnd() {
            return end;
        }
    }

    /** {@code d/dx}, {@code ∂²/∂x∂y}: how the left side's derivative is written; empty when there is none. */
    public String operator() {
        if (by.isEmpty()) return "";
        String n = by.size() == 1 ? "" : Superscripts.of(by.size());
        var denominator = new StringBuilder();
        for (int k = 0; k < by.size(); ) {
            int run = 1;
            while (k + run < by.size() && by.get(k + run).equals(by.get(k))) run++;
            denominator.append(d).append(by.get(k)).append(run == 1 ? "" : Superscripts.of(run));
            k += run;
        }
        return d + n + "/" + denominator;
    }

}
