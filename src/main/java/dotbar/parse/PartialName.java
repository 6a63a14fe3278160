package dotbar.parse;

import dotbar.base.Superscripts;
import dotbar.expr.Exprs;
import dotbar.expr.Partial;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial derivative's name as typed, {@code ∂f/∂g}, {@code ∂²f/∂u∂v}, {@code ∂²f/∂x²}: the
 * function, the order and the denominator's variables with their multiplicities. What the
 * variables mean is the parser's business: by the arguments when the name stands alone (resolved
 * against the applications in the text), by the parameters when arguments follow,
 * {@code ∂g/∂u(x, y)}.
 */
record PartialName(String function, int order, List<Partial.Variable> denominator) {
    /**
     * The end (a code point index) of the partial's name that starts with {@code ∂} at {@code i},
     * or an error saying how one is written. No spaces inside: {@code ∂f/∂u}.
     */
    static int end(int[] cps, int i, String source) {
        int j = i + 1;
        j = superscriptEnd(cps, j);
        int name = j;
        j = identifierEnd(cps, j);
        if (j == name || j >= cps.length || cps[j] != '/' || j + 1 >= cps.length || cps[j + 1] != '∂') {
            throw new ParseException("a partial derivative is written ∂f/∂u (of a declared function f, by its argument u), "
                    + "∂f/∂u(x, y) (by its parameter u, at x, y) or ∂²f/∂u∂v; a derivative of an expression, d/dx …, "
                    + "only begins a check's left side", source, i + 1);
        }
        j++;
        while (j < cps.length && cps[j] == '∂') {
            int start = j + 1;
            int k = identifierEnd(cps, start);
            if (k == start) throw new ParseException("expected a variable's name after '∂'", source, start + 1);
            j = superscriptEnd(cps, k);
        }
        return j;
    }

    /** The parts of a name that {@link #end} accepted; the order is checked against the denominator. */
    static PartialName of(Token t, String source) {
        int[] cps = t.text().codePoints().toArray();
        int j = superscriptEnd(cps, 1);
        int order = j == 1 ? 1 : number(cps, 1, j);
        int nameEnd = identifierEnd(cps, j);
        String function = new String(cps, j, nameEnd - j);
        var denominator = new ArrayList<Partial.Variable>();
        int total = 0;
        for (int k = nameEnd + 1; k < cps.length; ) {
            int start = k + 1, end = identifierEnd(cps, start), after = superscriptEnd(cps, end);
            int times = after == end ? 1 : number(cps, end, after);
            if (times < 1) throw new ParseException("a variable is taken a positive number of times", source, t.column() + end);
            denominator.add(new Partial.Variable(Exprs.sym(new String(cps, start, end - start)).name(), times));
            total += times;
            k = after;
        }
        if (order < 1 || order != total) {
            throw new ParseException("the order of " + t.text() + " (" + order + ") does not match its variables (" + total + ")",
                    source, t.column());
        }
        return new PartialName(Exprs.sym(function).name(), order, List.copyOf(denominator));
    }

    private static int identifierEnd(int[] cps, int j) {
        if (j >= cps.length || !Character.isLetter(cps[j])) return j;
        j++;
        while (j < cps.length && Lexer.isIdentifierPart(cps[j])) j++;
        return j;
    }

    private static int superscriptEnd(int[] cps, int j) {
        while (j < cps.length && Superscripts.digit(cps[j]) >= 0) j++;
        return j;
    }

    private static int number(int[] cps, int from, int to) {
        if (to - from > 3) return -1;  // beyond 999: reported as a mismatch of the order
        int n = 0;
        for (int k = from; k < to; k++) n = n * 10 + Superscripts.digit(cps[k]);
        return n;
    }
}
