package dotbar.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code on a thread with a small stack (256 KiB, against surefire's -Xss8m), so that a test
 * over a 20 000-deep expression proves the code under test does not recurse on depth rather than
 * passing thanks to a large stack. A recursion of 20 000 frames overflows 256 KiB.
 *
 * <pre>{@code
 * double v = SmallStack.call(() -> deep.eval(point));
 * }</pre>
 */
public final class SmallStack {
    /** The stack size of the thread: far below what 20 000 nested calls need. */
    public static final long BYTES = 256 * 1024;

    private SmallStack() {}

    /** The result of {@code task}, computed on a small-stack thread; its exception is rethrown here. */
    public static <T> T call(Callable<T> task) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the small-stack thread", e);
        }
        if (failure.get() instanceof Throwable e) {
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error r) throw r;
            throw new IllegalStateException(e);
        }
        return result.get();
    }
}
