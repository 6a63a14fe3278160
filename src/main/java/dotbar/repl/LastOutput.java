package dotbar.repl;

/**
 * What {@code /show} and {@code /trace} look back at: the whole text of the last value shown (which
 * the screen may have cut) and the last unexpected failure, a snippet's exception or a bug of ours.
 */
final class LastOutput {

    private String value;
    private Object failure;

    /** The whole text of the value just shown. */
    synchronized void value(String text) {
        value = text;
    }

    /** The whole text of the last value shown, or {@code null}. */
    synchronized String value() {
        return value;
    }

    /** A snippet's exception ({@link jdk.jshell.EvalException}) or a bug of ours ({@link Throwable}). */
    synchronized void failure(Throwable t) {
        failure = t;
    }

    /** The last failure, or {@code null}. */
    synchronized Throwable failure() {
        return (Throwable) failure;
    }
}
