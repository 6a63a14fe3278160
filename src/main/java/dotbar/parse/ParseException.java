package dotbar.parse;

import dotbar.base.DotbarException;

/**
 * A syntax error: the message ends with {@code at column N}, then the source line and a caret
 * under column N (columns count code points from 1).
 */
public final class ParseException extends DotbarException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public ParseException(String what, String source, int column) {
        super(what + " at column " + column + "\n" + source + "\n" + " ".repeat(Math.max(0, column - 1)) + "^");
        this.column = column;
    }

    /** The 1-based column (in code points) where the error is. */
    public int column() {
        return column;
    }
}
