package dotbar.base;

/**
 * The one exception dotbar raises for bad input: a message that says what is wrong and where
 * (a column, a symbol, an arity). It is unchecked so that REPL snippets stay short; a failed
 * call leaves nothing half-changed.
 */
public class DotbarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DotbarException(String message) {
        super(escapeControls(message));
    }

    public DotbarException(String message, Throwable cause) {
        super(escapeControls(message), cause);
    }

    /**
     * {@code text} with control characters other than newline and tab written as {@code \u001b}:
     * messages echo what the user gave (source text, CSV cells, names), and a raw ESC or BEL in
     * it would drive the terminal (retitle it, move the cursor) instead of being shown.
     */
    public static String escapeControls(String text) {
        if (text == null || text.chars().noneMatch(DotbarException::isControl)) return text;
        var out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (isControl(c)) out.append(String.format("\\u%04x", c));
            else out.append((char) c);
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c != '\n' && c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f);
    }
}
