package dotbar.repl.jupyter;

/**
 * Cursor positions: the protocol (5.2 and later) counts Unicode code points, Java strings count
 * UTF-16 units; they differ after a character outside the Basic Multilingual Plane (𝜃, emoji).
 */
final class Unicode {

    private Unicode() {
    }

    /** The UTF-16 index of code point {@code cursor}, clamped to the text. */
    static int toIndex(String text, int cursor) {
        int points = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(cursor, points)));
    }

    /** The code point count before UTF-16 index {@code index}. */
    static int toCodePoints(String text, int index) {
        return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
    }
}
