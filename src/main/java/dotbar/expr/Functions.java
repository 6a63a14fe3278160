package dotbar.expr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The session's named functions, by name: what {@code def} and {@code declare} register and
 * what the parser looks up. A later definition of a name replaces the earlier one for new
 * expressions only.
 */
public final class Functions {
    private static final Map<String, Fn> BY_NAME = new ConcurrentSkipListMap<>();

    private Functions() {}

    /** Registers {@code fn} under its name and returns it. */
    public static Fn register(Fn fn) {
        BY_NAME.put(fn.name(), fn);
        return fn;
    }

    public static Optional<Fn> lookup(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)));
    }

    /** Every registered name, sorted. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Forgets every named function (the REPL's {@code /reset}). */
    public static void clear() {
        BY_NAME.clear();
    }
}
