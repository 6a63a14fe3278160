package dotbar.repl;

import java.util.List;
import java.util.function.Supplier;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the typed text is an unfinished snippet (so Enter continues on a new line with
 * the continuation prompt) and which word Tab completes. JLine's {@code DefaultParser} is not used:
 * its quote and escape rules are a shell's, not Java's.
 */
final class InputParser implements Parser {

    private final Supplier<SourceCodeAnalysis> analysis;

    /** @param analysis the current session's analysis (the session can be reset) */
    InputParser(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && isIncomplete(line)) {
            throw new EOFError(-1, cursor, "incomplete snippet");
        }
        return new Line(line, cursor);
    }

    /** Whether the text, after its complete snippets, ends inside an unfinished one. */
    boolean isIncomplete(String text) {
        if (text.isBlank() || Commands.isCommand(text)) {
            return false;
        }
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.get().analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return true;
            }
            if (!c.isComplete()) {
                return false;
            }
            rest = info.remaining();
        }
        return false;
    }

    /** The word under completion: the identifier before the cursor, with a leading {@code \} if any. */
    private record Line(String line, int cursor, int wordStart) implements CompletingParsedLine {

        Line(String line, int cursor) {
            this(line, cursor, wordStart(line, cursor));
        }

        private static int wordStart(String line, int cursor) {
            int start = cursor;
            while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && line.charAt(start - 1) == '\\') {
                start--;
            }
            return start;
        }

        @Override
        public String word() {
            return line.substring(wordStart, cursor);
        }

        @Override
        public int wordCursor() {
            return cursor - wordStart;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return cursor - wordStart;
        }
    }
}
