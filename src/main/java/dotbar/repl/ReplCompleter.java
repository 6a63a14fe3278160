package dotbar.repl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dotbar.expr.Functions;
import dotbar.expr.Op;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion:
 * <ul>
 * <li>{@code \al} → LaTeX names ({@link Greek}); {@code /li} → commands; {@code /help d} → topics;
 * <li>inside the text of {@code parse("…")}, {@code def("…")}, {@code check("…")} and the other
 *     calls of {@link MathStrings#CALLS}: the parser's built-in functions, the functions made by
 *     {@code def}/{@code declare}, and the symbol names used in such texts so far in the session;
 * <li>elsewhere: Java names from JShell, the DSL's methods among them (they are statically imported),
 *     members after a dot.
 * </ul>
 */
final class ReplCompleter implements Completer {

    /** The names of constants in formulas. */
    private static final List<String> CONSTANTS = List.of("pi", "π");

    private final Session session;

    /** @param session the session whose names are completed (it may be reset; it stays the same object) */
    ReplCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String buffer = line.line();
        int cursor = line.cursor();
        String word = line.word();
        int wordStart = cursor - word.length();
        if (word.startsWith("\\")) {
            Greek.SYMBOLS.forEach((name, symbol) ->
                    candidates.add(new Candidate("\\" + name, "\\" + name + " " + symbol, null, null, null, null, false)));
            return;
        }
        if (buffer.startsWith("/")) {
            commandWords(buffer, wordStart, candidates);
            return;
        }
        if (MathStrings.at(buffer, cursor) != null) {
            // the word being typed is no symbol of the session yet
            mathNames(buffer.substring(0, wordStart) + buffer.substring(cursor)).forEach(name -> candidates.add(new Candidate(name, name, null, null, null, null, false)));
            return;
        }
        int[] anchor = new int[1];
        Set<String> seen = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : session.analysis().completionSuggestions(buffer, cursor, anchor)) {
            if (anchor[0] < wordStart) {
                continue; // JShell replaces more than the word JLine will replace: cannot be applied
            }
            String value = buffer.substring(wordStart, anchor[0]) + s.continuation();
            if (seen.add(value)) {
                candidates.add(new Candidate(value, value, null, null, null, null, false));
            }
        }
    }

    /** A command name as the first word; after {@code /help}, topics and commands. */
    private static void commandWords(String buffer, int wordStart, List<Candidate> candidates) {
        if (wordStart == 1) {
            Commands.HELP.keySet().forEach(c -> candidates.add(new Candidate(c.substring(1), c, null, null, null, null, true)));
        } else if (buffer.startsWith("/help ") && buffer.substring("/help".length(), wordStart).isBlank()) {
            Help.topics().forEach(t -> candidates.add(new Candidate(t.name(), t.name(), null, t.summary(), null, null, true)));
        }
    }

    /**
     * What a formula may name: built-in functions and those of {@code def}/{@code declare} (with
     * their opening parenthesis), the constants, and the symbols of the session's formulas and of
     * the line being typed.
     */
    Set<String> mathNames(String buffer) {
        Set<String> names = new TreeSet<>();
        Op.functionNames().forEach(n -> names.add(n + "("));
        Functions.names().forEach(n -> names.add(n + "("));
        names.addAll(CONSTANTS);
        Set<String> symbols = new TreeSet<>();
        session.shell().snippets()
                .filter(s -> session.shell().status(s).isActive())
                .forEach(s -> MathStrings.symbolNames(s.source(), symbols));
        MathStrings.symbolNames(buffer, symbols);
        symbols.stream().filter(s -> !names.contains(s + "(")).forEach(names::add);
        return names;
    }
}
