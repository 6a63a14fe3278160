package dotbar.base;

/**
 * A long operation stopped because its thread was interrupted: Ctrl-C at the prompt interrupts
 * the thread running the snippet, and JShell's own stop only reaches snippet code, so every long
 * loop of the library looks at the flag itself through {@link #check()} or {@link #poll(long)}.
 * The message is {@code interrupted}, as the REPL prints it; the flag stays set, so loops further
 * out stop too. Loops that poll only read or fill structures of their own, so nothing is left
 * half-changed.
 */
public final class Interrupted extends DotbarException {
    private static final long serialVersionUID = 1L;

    /** {@link #poll(long)} looks at the flag once per this many (a power of two) counts. */
    private static final int POLL = 4096;

    public Interrupted() {
        super("interrupted");
    }

    /** An interruption with a message saying what was kept, e.g. how many steps ran. */
    public Interrupted(String message) {
        super(message);
    }

    /** Throws {@link Interrupted} when this thread has been interrupted (for loops whose every iteration is long). */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
    }

    /** {@link #check()} when {@code count} is a multiple of 4096: for tight loops, at the cost of a mask. */
    public static void poll(long count) {
        if ((count & (POLL - 1)) == 0) check();
    }
}
