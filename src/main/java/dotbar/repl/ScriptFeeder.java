package dotbar.repl;

import java.io.IOException;
import java.io.PrintStream;

import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Runs the lines of a script in a session: accumulates them one at a time and evaluates whenever
 * the buffer starts with a complete snippet. (Analysing a whole file at once merges snippets wrongly.)
 * A line starting with {@code /} between snippets is a command. Used for scripts, {@code /open}
 * and the startup file.
 */
final class ScriptFeeder {

    /** How failures are handled. */
    enum Mode {
        /** The first failing snippet ends the run with {@code FILE:LINE: message}. */
        STRICT,
        /** Failures are warnings on stderr; imports of packages not built yet are skipped silently. */
        TOLERANT
    }

    private final Session session;
    private final Commands commands;
    private final PrintStream err;
    private final Mode mode;

    ScriptFeeder(Session session, Commands commands, PrintStream err, Mode mode) {
        this.session = session;
        this.commands = commands;
        this.err = err;
        this.mode = mode;
    }

    /**
     * Runs all lines.
     *
     * @param lines the script's text
     * @param name  the file name used in messages
     * @return {@link Flow#CONTINUE} when every snippet ran, else how the script ended
     */
    Flow feed(Utf8Lines lines, String name) {
        StringBuilder buffer = new StringBuilder();
        int[] bufferLine = {1};
        int lineNumber = 0;
        try {
            String line;
            while ((line = lines.next()) != null) {
                lineNumber++;
                if (buffer.toString().isBlank() && Commands.isCommand(line)) {
                    buffer.setLength(0);
                    Flow flow = commands.run(line.strip(), new Origin(name, lineNumber));
                    if (!(flow instanceof Flow.Continue)) {
                        return flow;
                    }
                    continue;
                }
                if (buffer.isEmpty()) {
                    bufferLine[0] = lineNumber;
                }
                buffer.append(line).append('\n');
                Flow flow = drain(buffer, bufferLine, name, false);
                if (!(flow instanceof Flow.Continue)) {
                    return flow;
                }
            }
        } catch (Utf8Lines.NotUtf8 e) {
            return new Flow.Fail(name + ":" + (lineNumber + 1) + ": " + e.getMessage());
        } catch (IOException e) {
            return new Flow.Fail(name + ": cannot read: " + e.getMessage());
        }
        return drain(buffer, bufferLine, name, true);
    }

    /** Evaluates the complete snippets at the front of the buffer, leaving an incomplete rest. */
    private Flow drain(StringBuilder buffer, int[] bufferLine, String name, boolean atEnd) {
        while (true) {
            dropLeadingBlankLines(buffer, bufferLine);
            if (buffer.toString().isBlank()) {
                buffer.setLength(0);
                return Flow.CONTINUE;
            }
            String text = buffer.toString();
            CompletionInfo info = session.analysis().analyzeCompletion(text);
            String source;
            String remaining;
            switch (info.completeness()) {
                case EMPTY -> {
                    buffer.setLength(0);
                    return Flow.CONTINUE;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    if (!atEnd) {
                        return Flow.CONTINUE;
                    }
                    source = text; // the end of the file came first: let the compiler say what is missing
                    remaining = "";
                }
                default -> {
                    source = info.source();
                    remaining = info.remaining();
                }
            }
            Origin origin = new Origin(name, bufferLine[0]);
            Result result = session.eval(source, origin);
            String consumed = text.substring(0, text.length() - remaining.length());
            bufferLine[0] += (int) consumed.chars().filter(c -> c == '\n').count();
            buffer.setLength(0);
            buffer.append(remaining);
            result.notes().forEach(note -> err.println(origin.at(1) + ": note: " + note));
            if (result.failed()) {
                String message = Messages.failure(result, session, line -> origin.at(line) + ": ");
                if (mode == Mode.STRICT) {
                    return new Flow.Fail(message);
                }
                if (!isMissingImport(result)) {
                    err.println("warning: " + message);
                }
            }
        }
    }

    /** Blank lines before a snippet are not part of it: its first line is the one its text starts on. */
    private static void dropLeadingBlankLines(StringBuilder buffer, int[] bufferLine) {
        int newline;
        while ((newline = buffer.indexOf("\n")) >= 0 && buffer.substring(0, newline).isBlank()) {
            buffer.delete(0, newline + 1);
            bufferLine[0]++;
        }
    }

    /** An import of a package or class that does not exist (yet). */
    private static boolean isMissingImport(Result r) {
        return r.kind() == Result.Kind.REJECTED
                && r.snippet().kind() == jdk.jshell.Snippet.Kind.IMPORT
                && r.diagnostics().stream().allMatch(d ->
                        d.getCode().equals("compiler.err.doesnt.exist") || d.getCode().startsWith("compiler.err.cant.resolve"));
    }
}
