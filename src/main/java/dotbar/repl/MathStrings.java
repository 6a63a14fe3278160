package dotbar.repl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The math inside Java strings: whether the cursor is in the text of {@code parse("…")},
 * {@code def("…")}, {@code check("…")} and the other DSL calls that take formulas or symbol names,
 * and which symbol names the session has used in such texts (for Tab completion there).
 *
 * <p>A small Java scanner finds string literals (plain and text blocks, with escapes), skipping
 * comments and character literals, and remembers for each open parenthesis the name called.
 */
final class MathStrings {

    /**
     * Calls whose string arguments are formulas, symbol names or assignments of values to symbols.
     * Text such as a file name ({@code save}, {@code csv}) or a label is not math, so a fixed list.
     */
    static final Set<String> CALLS = Set.of(
            "parse", "def", "declare", "check", "plot", "contour", "at", "sym", "diff", "forward",
            "reverse", "compile", "subs", "rule", "unroll", "with", "get", "has", "set");

    /**
     * Where the cursor is inside the string argument of a call in {@link #CALLS}.
     *
     * @param call  the method called
     * @param start the index of the string's first character
     */
    record Context(String call, int start) { }

    private MathStrings() {
    }

    /** The call whose string argument the cursor is in, or {@code null} when it is not in one. */
    static Context at(String text, int cursor) {
        Scanner s = new Scanner(text);
        while (s.next(cursor)) {
            if (s.stringEndsAfter(cursor)) {
                String call = s.enclosingCall();
                return isMathCall(call) ? new Context(call, s.stringStart) : null;
            }
        }
        return null;
    }

    /** Symbol names used in the math strings of {@code source}: names in formulas that are not called. */
    static void symbolNames(String source, Set<String> into) {
        Scanner s = new Scanner(source);
        while (s.next(source.length())) {
            if (isMathCall(s.enclosingCall())) {
                names(source.substring(s.stringStart, s.stringEnd), into);
            }
        }
    }

    private static boolean isMathCall(String call) {
        return call != null && CALLS.contains(call);
    }

    /** The names in a formula, as dotbar's parser reads them, that are not followed by {@code (}. */
    private static void names(String formula, Set<String> into) {
        int i = 0;
        while (i < formula.length()) {
            int c = formula.codePointAt(i);
            if (!Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end = i;
            while (end < formula.length() && isNamePart(formula.codePointAt(end))) {
                end += Character.charCount(formula.codePointAt(end));
            }
            int after = end;
            while (after < formula.length() && formula.charAt(after) == ' ') {
                after++;
            }
            if (after >= formula.length() || formula.charAt(after) != '(') {
                into.add(formula.substring(i, end));
            }
            i = end;
        }
    }

    /** A character that continues a name in dotbar's math syntax (letters, digits, {@code _}, combining marks). */
    static boolean isNamePart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * Steps through Java source one string literal at a time, keeping a stack of the names called by
     * the open parentheses.
     */
    private static final class Scanner {
        private final String text;
        private final Deque<String> calls = new ArrayDeque<>();
        private int i;
        /** The last string literal found: its first character, and the index of its closing quote (or the text's end). */
        int stringStart = -1;
        int stringEnd = -1;

        Scanner(String text) {
            this.text = text;
        }

        /** Advances to the next string literal that starts before {@code limit}; false when there is none. */
        boolean next(int limit) {
            stringStart = -1;
            while (i < text.length() && i < limit) {
                char c = text.charAt(i);
                if (text.startsWith("//", i)) {
                    int newline = text.indexOf('\n', i);
                    i = newline < 0 ? text.length() : newline + 1;
                } else if (text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    i = close < 0 ? text.length() : close + 2;
                } else if (c == '\'') {
                    int close = closing(i + 1, "'", true);
                    i = close < 0 ? lineEnd(i) : close + 1;
                } else if (text.startsWith("\"\"\"", i)) {
                    int close = closing(i + 3, "\"\"\"", false);
                    return found(i + 3, close < 0 ? text.length() : close, close < 0 ? text.length() : close + 3);
                } else if (c == '"') {
                    int close = closing(i + 1, "\"", true);
                    return found(i + 1, close < 0 ? lineEnd(i) : close, close < 0 ? lineEnd(i) : close + 1);
                } else if (c == '(') {
                    calls.push(nameBefore(i));
                    i++;
                } else if (c == ')') {
                    calls.poll();
                    i++;
                } else {
                    i++;
                }
            }
            return false;
        }

        /** Records a string literal with text in [start, end), and continues after it at {@code after}. */
        private boolean found(int start, int end, int after) {
            stringStart = start;
            stringEnd = end;
            i = after;
            return true;
        }

        /** Whether the cursor is inside the last string found (an unclosed one reaches the end of its line). */
        boolean stringEndsAfter(int cursor) {
            return stringStart >= 0 && stringStart <= cursor && cursor <= stringEnd;
        }

        /** The index of the closing {@code quote}, skipping escapes; -1 when the text (or, for a one-line literal, the line) ends first. */
        private int closing(int from, String quote, boolean oneLine) {
            int j = from;
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c == '\\') {
                    j += 2;
                } else if (text.startsWith(quote, j)) {
                    return j;
                } else if (c == '\n' && oneLine) {
                    return -1;
                } else {
                    j++;
                }
            }
            return -1;
        }

        private int lineEnd(int from) {
            int newline = text.indexOf('\n', from);
            return newline < 0 ? text.length() : newline;
        }

        /** The name called by the innermost open parenthesis, or {@code null}. */
        String enclosingCall() {
            return calls.peek();
        }

        /** The identifier just before {@code (} at {@code paren}, or "" when there is none (a cast, a group). */
        private String nameBefore(int paren) {
            int end = paren;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
                start--;
            }
            return text.substring(start, end);
        }
    }
}
