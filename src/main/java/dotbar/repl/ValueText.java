package dotbar.repl;

import java.lang.reflect.Array;
import java.util.function.Function;

/**
 * A snippet value's text, as JShell would show it ({@code toString()}, strings quoted, arrays as
 * {@code int[3] { 1, 2, 3 }}), but bounded: never longer than about {@value #LIMIT} characters, so
 * showing a huge value cannot build a multi-gigabyte string; and a {@code toString()} that throws
 * (or runs out of memory) gives a reason instead of breaking the snippet's result.
 */
final class ValueText {

    /** Values are cut at this many characters (the REPL's display cuts them much shorter; {@code /show} prints this much). */
    static final int LIMIT = 4_000_000;
    /** A failure reason is cut at this many characters: it is one line. */
    private static final int REASON_CHARS = 300;

    /** The text, or the reason it could not be made. */
    record Shown(String text, String failure) {
    }

    private ValueText() {
    }

    /**
     * The value's text; {@code quoted} is JShell's own quoting of a string or character, applied to
     * a string already cut to the limit.
     */
    static Shown of(Object value, Function<Object, String> quoted) {
        try {
            return new Shown(text(value, quoted), null);
        } catch (ThreadDeath stop) {
            throw stop; // Ctrl-C stopped snippet code inside toString: the snippet is stopped
        } catch (Throwable failed) {
            return new Shown(null, reason(failed));
        }
    }

    private static String text(Object value, Function<Object, String> quoted) {
        if (value instanceof String s) {
            return s.length() <= LIMIT ? quoted.apply(s)
                    : quoted.apply(s.substring(0, cutAt(s, LIMIT)) + note(s.length()));
        }
        if (value != null && value.getClass().isArray()) {
            return array(value, quoted);
        }
        if (value == null || value instanceof Character) {
            return quoted.apply(value);
        }
        return cut(String.valueOf(value));
    }

    /** JShell's array form, stopping once the limit is passed. */
    private static String array(Object array, Function<Object, String> quoted) {
        Class<?> t = array.getClass();
        int dims = 0;
        while (t.getComponentType() != null) {
            t = t.getComponentType();
            dims++;
        }
        String typeName = t.getTypeName();
        int length = Array.getLength(array);
        StringBuilder b = new StringBuilder(typeName.substring(typeName.lastIndexOf('.') + 1))
                .append('[').append(length).append(']').append("[]".repeat(dims - 1)).append(" { ");
        for (int i = 0; i < length; i++) {
            if (b.length() > LIMIT - 100) { // room for the note, so it is not cut off itself
                b.append("… ").append(Display.count(length - i)).append(" more elements");
                break;
            }
            b.append(text(Array.get(array, i), quoted));
            if (i < length - 1) {
                b.append(", ");
            }
        }
        return cut(b.append(" }").toString());
    }

    private static String cut(String text) {
        return text.length() <= LIMIT ? text : text.substring(0, cutAt(text, LIMIT)) + note(text.length());
    }

    private static int cutAt(String text, int end) {
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end; // never split a character
    }

    private static String note(int length) {
        return "… (cut at " + Display.count(LIMIT) + " of " + Display.count(length) + " characters)";
    }

    /** One line: the exception's class and message (a DotbarException's message alone). */
    static String reason(Throwable failed) {
        String message = failed.getMessage();
        String text = failed instanceof dotbar.base.DotbarException && message != null ? message
                : failed.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replaceAll("\\s*\\R\\s*", " ");
        return text.length() <= REASON_CHARS ? text : text.substring(0, cutAt(text, REASON_CHARS)) + "…";
    }
}
