package dotbar.repl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: Java names from JShell (the DSL's functions among them, being statically
 * imported), {@code /command} names, and LaTeX names such as {@code \alpha}.
 */
final class ReplCompleter implements Completer {

    private final Supplier<SourceCodeAnalysis> analysis;

    /** @param analysis the current session's analysis (the session can be reset) */
    ReplCompleter(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
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
        if (wordStart == 1 && buffer.startsWith("/")) {
            Commands.HELP.keySet().forEach(c -> candidates.add(new Candidate(c.substring(1), c, null, null, null, null, true)));
            return;
        }
        int[] anchor = new int[1];
        Set<String> seen = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.get().completionSuggestions(buffer, cursor, anchor)) {
            if (anchor[0] < wordStart) {
                continue; // JShell replaces more than the word JLine will replace: cannot be applied
            }
            String value = buffer.substring(wordStart, anchor[0]) + s.continuation();
            if (seen.add(value)) {
                candidates.add(new Candidate(value, value, null, null, null, null, false));
            }
        }
    }
}
