package dotbar.repl;

import java.util.function.IntFunction;

import jdk.jshell.EvalException;

/**
 * What the REPL prints for a snippet's outcome, in colour when the terminal has it.
 *
 * <ul>
 * <li>A value: an expression's alone, a variable's as {@code name = value}; a value of several
 *     lines (a trace, a Hessian, a plot) starts on the line after {@code name =} so its columns
 *     stay aligned. A value longer than {@value #MAX_LINES} lines or {@value #MAX_CHARS} characters
 *     is cut, with a note that {@code /show} prints all of it; plots are never cut (they are sized
 *     to the terminal already). A value whose {@code toString()} fails shows as one line saying why
 *     (the variable keeps its value); see {@link ValueText} for the bound on a value's text.
 * <li>A failure: compile errors with a caret, a {@code DotbarException} as its message alone, any
 *     other exception as one line and a hint that {@code /trace} shows its stack.
 * </ul>
 */
final class Display {

    /** Values longer than this many lines are cut. */
    static final int MAX_LINES = 40;
    /** Values longer than this many characters are cut. */
    static final int MAX_CHARS = 4000;

    private final Style style;
    private final LastOutput last;

    Display(Style style, LastOutput last) {
        this.style = style;
        this.last = last;
    }

    /** The text for a snippet that has a value; remembers the whole value for {@code /show}. */
    String value(Result r) {
        if (r.unshown() != null) {
            String name = Messages.valueName(r);
            return style.error("could not show the value" + (name == null ? "" : " of " + name) + ": " + r.unshown());
        }
        String text = Messages.valueText(r);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1); // println adds the line's end
        }
        String type = Messages.valueType(r);
        boolean picture = type.equals("Plot") || type.equals("dotbar.plot.Plot");
        last.value(text);
        String shown = picture ? text : cut(text);
        String name = Messages.valueName(r);
        if (name == null) {
            return shown;
        }
        boolean ownLines = picture || text.contains("\n");
        return style.name(name + " =") + (ownLines ? "\n" : " ") + shown;
    }

    /**
     * The failure, red; an unexpected exception gets a hint to see its stack, and is remembered for
     * {@code /trace}.
     *
     * @param where the prefix for a failure on a given line of the snippet
     */
    String failure(Result r, Session session, IntFunction<String> where) {
        String text = style.error(Messages.failure(r, session, where));
        if (r.kind() == Result.Kind.EXCEPTION && r.exception() instanceof EvalException e) {
            last.failure(e);
            if (!Messages.isDotbarException(e.getExceptionClassName())) {
                return text + style.note("; /trace shows the stack");
            }
        }
        return text;
    }

    /** A failure of one of the REPL's own commands, or a bug of ours: red. */
    String error(String message) {
        return style.error(message);
    }

    /** A note, dimmed. */
    String note(String message) {
        return style.note(message);
    }

    /**
     * The text itself when short, else its first lines (at most {@value #MAX_LINES}, at most
     * {@value #MAX_CHARS} characters) and a note saying how much was left out.
     */
    String cut(String text) {
        return cut(text, MAX_LINES, MAX_CHARS, "/show prints it all", style);
    }

    /**
     * The text itself when it has at most {@code maxLines} lines and {@code maxChars} characters;
     * else as many whole lines as fit (a single huge line is cut inside, never inside a character)
     * and a dimmed note: how much was left out, and {@code how} to see it all.
     */
    static String cut(String text, int maxLines, int maxChars, String how, Style style) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                lines++;
            }
        }
        if (lines <= maxLines && text.length() <= maxChars) {
            return text;
        }
        int end = 0;
        int shownLines = 0;
        while (shownLines < maxLines) {
            int newline = text.indexOf('\n', end);
            int lineEnd = newline < 0 ? text.length() : newline;
            if (lineEnd > maxChars) {
                break;
            }
            end = lineEnd;
            shownLines++;
            if (newline < 0) {
                break;
            }
            end++; // past the newline
        }
        String note;
        if (shownLines == 0) {
            end = maxChars;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a character
            }
            note = "… " + count(text.length() - end) + " more characters";
        } else {
            note = "\n… " + count(lines - shownLines) + " more line" + (lines - shownLines == 1 ? "" : "s");
        }
        String head = text.substring(0, end);
        if (head.endsWith("\n")) {
            head = head.substring(0, head.length() - 1);
        }
        return head + style.note(note + " (" + count(text.length()) + " characters in all; " + how + ")");
    }

    /** 12345 → "12 345": long counts read at a glance. */
    static String count(long n) {
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(' ');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
