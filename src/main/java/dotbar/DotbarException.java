package dotbar;

/**
 * The one exception dotbar raises for bad input: a message that says what is wrong and where
 * (a column, a symbol, an arity). It is unchecked so that REPL snippets stay short; a failed
 * call leaves nothing half-changed.
 */
public class DotbarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DotbarException(String message) {
        super(message);
    }

    public DotbarException(String message, Throwable cause) {
        super(message, cause);
    }
}
