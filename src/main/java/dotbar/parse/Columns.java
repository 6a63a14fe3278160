package dotbar.parse;

import dotbar.expr.Expr;

/**
 * Columns in the user's text, for the parsers that cut it into pieces: a claim's two sides
 * ({@link Claim}), an update equation's right side ({@link UpdateEquation}), a point's pairs
 * ({@link Assignments}). An error found in a piece is reported where it is in the whole text,
 * so its caret sits under the right character of what the user typed.
 *
 * <p>Columns count code points from 1, as {@link ParseException} does: a character outside the
 * Basic Multilingual Plane (a math-italic {@code 𝑥}) is one column, not two chars.
 */
public final class Columns {
    private Columns() {}

    /** The 1-based column (in code points) of the char index {@code index} of {@code text}. */
    public static int of(String text, int index) {
        return text.codePointCount(0, index) + 1;
    }

    /** An error at the char index {@code index} of {@code text}: {@code what at column N}, the text and a caret. */
    public static ParseException error(String what, String text, int index) {
        return new ParseException(what, text, of(text, index));
    }

    /**
     * Parses the piece {@code text[from, to)} as an expression; a syntax error in it is reported in
     * the whole {@code text} (its column moved by the piece's start), its message after
     * {@code prefix} (empty for none).
     */
    public static Expr parse(String text, int from, int to, String prefix) {
        return LeibnizPartials.parse(r -> parse(text, from, to, prefix, r));
    }

    /** {@link #parse(String, int, int, String)} with the Leibniz partials of the whole text resolved together. */
    static Expr parse(String text, int from, int to, String prefix, LeibnizPartials partials) {
        String piece = text.substring(from, to);
        try {
            return Parser.parse(piece, partials);
        } catch (ParseException e) {
            throw new ParseException(prefix + what(e), text, e.column() + text.codePointCount(0, from));
        }
    }

    /** What a parse error says, without its {@code at column N}, source line and caret. */
    private static String what(ParseException e) {
        String message = e.getMessage();
        int at = message.indexOf(" at column " + e.column() + "\n");
        return at >= 0 ? message.substring(0, at) : message.lines().findFirst().orElse("");
    }
}
