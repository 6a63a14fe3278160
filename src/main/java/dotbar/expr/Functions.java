package dotbar.expr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's named functions, by name: what {@code def} and {@code declare} register and
 * what the parser looks up.
 *
 * <p>A function is referred to by its name: defining a name again with the same arity changes
 * the function every expression built before applies (see {@link Fn}), so {@code g(x)} means
 * the latest {@code g} wherever it was built, and two expressions that print the same are the
 * same node. Each such change counts up {@link #version()}, which every cache of what a body
 * implies (compiled tapes, body partials, operation counts) compares. A definition with another
 * arity, or capturing other symbols ({@link Fn#captured()}), is another function: the name then
 * means the new one in later {@code parse} calls, and expressions built before keep the old one,
 * which prints with its own number of arguments.
 */
public final class Functions {
    private static final Map<String, Fn> BY_NAME = new ConcurrentSkipListMap<>();
    private static final AtomicLong VERSION = new AtomicLong();

    private Functions() {}

    /**
     * Registers {@code fn} under its name and returns the function the name now means: the one
     * registered before under that name and arity, now with {@code fn}'s definition, or {@code fn}.
     * A body that would make a function recursive is refused with nothing changed.
     */
    public static synchronized Fn register(Fn fn) {
        Fn known = BY_NAME.get(fn.name());
        if (known != null && known != fn && known.arity() == fn.arity() && known.captured().equals(fn.captured())) {
            known.redefineAs(fn);
            VERSION.incrementAndGet();
            return known;
        }
        if (BY_NAME.put(fn.name(), fn) != null) {
            VERSION.incrementAndGet();
        }
        return fn;
    }

    /**
     * How many times a function was given a new definition: a cache of anything computed from a
     * function's body is stale when this changed since.
     */
    public static long version() {
        return VERSION.get();
    }

    public static Optional<Fn> lookup(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)));
    }

    /** Every registered name, sorted. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Forgets every named function (the REPL's {@code /reset}). */
    public static synchronized void clear() {
        BY_NAME.clear();
        VERSION.incrementAndGet();
    }
}
