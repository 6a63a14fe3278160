package dotbar.repl;

import java.util.function.UnaryOperator;

import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * ANSI colours for the REPL's own text: the prompt, names of shown variables, errors in red, notes
 * dimmed. Off when the terminal cannot show colours (a dumb terminal, fewer than 8 colours) or when
 * the {@code NO_COLOR} environment variable is set to anything (https://no-color.org); then every
 * method returns its text unchanged.
 */
final class Style {

    /** No colours at all: scripts, tests, dumb terminals. */
    static final Style PLAIN = new Style(false);

    private static final String RESET = "\u001b[0m";

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    /** Colours for this terminal, unless {@code NO_COLOR} is set in {@code environment}. */
    static Style forTerminal(Terminal terminal, UnaryOperator<String> environment) {
        String noColor = environment.apply("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return PLAIN;
        }
        String type = terminal.getType() == null ? "" : terminal.getType();
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        boolean capable = !type.startsWith("dumb") && colours != null && colours >= 8;
        return capable ? new Style(true) : PLAIN;
    }

    /** Whether colours are used. */
    boolean on() {
        return on;
    }

    /** The prompt: bold green. */
    String prompt(String s) {
        return paint("1;32", s);
    }

    /** An error message: red. */
    String error(String s) {
        return paint("31", s);
    }

    /** The name in {@code name = value}: bold cyan. */
    String name(String s) {
        return paint("1;36", s);
    }

    /** A note or hint: dim. */
    String note(String s) {
        return paint("2", s);
    }

    /** A heading in help: bold. */
    String heading(String s) {
        return paint("1", s);
    }

    /** Each line coloured on its own, so a line cut by the terminal or a pager keeps its colour. */
    private String paint(String sgr, String s) {
        if (!on || s.isEmpty()) {
            return s;
        }
        String[] lines = s.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
            }
            if (!lines[i].isEmpty()) {
                b.append("\u001b[").append(sgr).append('m').append(lines[i]).append(RESET);
            }
        }
        return b.toString();
    }
}
