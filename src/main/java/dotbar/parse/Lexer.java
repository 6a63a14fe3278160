package dotbar.parse;

import dotbar.base.Superscripts;
import dotbar.expr.Op;
import dotbar.parse.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits math text into tokens: numbers ({@code 2}, {@code 2.5}, {@code 1.5e-3}), identifiers of
 * Unicode letters, digits, {@code _} and combining marks ({@code φ1}, {@code w_2}, {@code ȧ}),
 * the operators' characters as the op table spells them ({@code + - − * · × / ÷ ^}),
 * partials' names ({@code ∂f/∂u}, {@code ∂²f/∂u∂v}: {@link PartialName}),
 * {@code ( ) , =}, and superscript integers ({@code ²}, {@code ⁻¹}).
 */
final class Lexer {
    /** Superscript integers are exact: at most 2⁵³, checked digit by digit so the long never overflows. */
    private static final long MAX_SUPERSCRIPT = 1L << 53;

    private Lexer() {}

    static List<Token> tokens(String source) {
        int[] cps = source.codePoints().toArray();
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) && c < 128 || c == '.' && i + 1 < cps.length && isAsciiDigit(cps[i + 1])) {
                int end = numberEnd(cps, i);
                String text = new String(cps, i, end - i);
                out.add(new Token(Kind.NUMBER, text, Double.parseDouble(text), column));
                i = end;
            } else if (c == TRANSPOSE) {
                out.add(new Token(Kind.TRANSPOSE, Character.toString(c), 0, column));
                i++;
            } else if (Character.isLetter(c)) {
                int end = i + 1;
                while (end < cps.length && isIdentifierPart(cps[end])) end++;
                out.add(new Token(Kind.IDENT, new String(cps, i, end - i), 0, column));
                i = end;
            } else if (c == '∂') {
                int end = PartialName.end(cps, i, source);
                out.add(new Token(Kind.PARTIAL, new String(cps, i, end - i), 0, column));
                i = end;
            } else if (Superscripts.digit(c) >= 0 || c == Superscripts.MINUS || c == Superscripts.PLUS) {
                int end = i;
                int sign = 1;
                if (cps[end] == Superscripts.MINUS || cps[end] == Superscripts.PLUS) sign = cps[end++] == Superscripts.MINUS ? -1 : 1;
                long value = 0;
                int digitsStart = end;
                while (end < cps.length && Superscripts.digit(cps[end]) >= 0) {
                    value = value * 10 + Superscripts.digit(cps[end]);
                    end++;
                    if (value > MAX_SUPERSCRIPT) {
                        throw new ParseException("a superscript exponent above 2⁵³ (where doubles stop being exact integers); write x^"
                                + "(…) with a number instead", source, column);
                    }
                }
                if (end == digitsStart) {
                    throw new ParseException("a superscript sign needs superscript digits after it", source, column);
                }
                out.add(new Token(Kind.SUPERSCRIPT, new String(cps, i, end - i), sign * (double) value, column));
                i = end;
            } else if (Op.byOperatorCharacter(c, false) != null || Op.byOperatorCharacter(c, true) != null) {
                out.add(new Token(Kind.OPERATOR, Character.toString(c), 0, column));
                i++;
            } else {
                Kind kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ',' -> Kind.COMMA;
                    case '=' -> Kind.EQUALS;
                    default -> throw new ParseException("unexpected character '" + Character.toString(c) + "'", source, column);
                };
                out.add(new Token(kind, Character.toString(c), 0, column));
                i++;
            }
        }
        out.add(new Token(Kind.END, "", 0, cps.length + 1));
        return out;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The postfix transpose, {@code Aᵀ} (a modifier letter, so it would otherwise end a name). */
    static final int TRANSPOSE = 'ᵀ';

    static boolean isIdentifierPart(int c) {
        return c != TRANSPOSE && Character.isLetterOrDigit(c) || c == '_'
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Digits, an optional fraction, an optional exponent {@code e±digits} (only when digits follow). */
    private static int numberEnd(int[] cps, int i) {
        int j = i;
        while (j < cps.length && isAsciiDigit(cps[j])) j++;
        if (j < cps.length && cps[j] == '.') {
            j++;
            while (j < cps.length && isAsciiDigit(cps[j])) j++;
        }
        if (j < cps.length && (cps[j] == 'e' || cps[j] == 'E')) {
            int k = j + 1;
            if (k < cps.length && (cps[k] == '+' || cps[k] == '-')) k++;
            if (k < cps.length && isAsciiDigit(cps[k])) {
                while (k < cps.length && isAsciiDigit(cps[k])) k++;
                j = k;
            }
        }
        return j;
    }
}
