package dotbar.base;

import java.util.function.Consumer;

/**
 * Where {@link DotBar#display(Object)} sends a value. At the prompt and in scripts nothing is
 * installed and the value prints as its {@code toString()}; a notebook kernel installs a sink that
 * shows it richly (LaTeX, HTML tables, pictures) below the running cell. This hook keeps the DSL
 * free of any front end: the kernel depends on it, never the other way round.
 */
public final class Displays {
    private static volatile Consumer<Object> sink;

    private Displays() {}

    /** Sends {@link DotBar#display(Object)} to {@code s} from now on; {@code null} goes back to printing. */
    public static void install(Consumer<Object> s) {
        sink = s;
    }

    /** Shows {@code value} through the installed sink, or prints it on {@code System.out}. */
    public static void show(Object value) {
        Consumer<Object> s = sink;
        if (s != null) {
            s.accept(value);
        } else {
            System.out.println(value);
        }
    }
}
