package dotbar.repl;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive loop: reads snippets with JLine, evaluates them in a {@link Session}, and shows
 * values and errors.
 *
 * <p>What is shown: an expression's value alone ({@code toString()}, so expressions read as math);
 * a variable as {@code name = value}; statements and declarations nothing; a compile error as
 * JShell's message, the source line and a caret; an exception as one line. Ctrl-C at the prompt
 * clears the line, during evaluation stops the snippet; Ctrl-D or {@code /exit} leaves.
 * {@code System.exit(n)} in a snippet leaves too, with status n (history is saved as lines are entered).
 */
public final class Repl {

    /** The prompt. */
    public static final String PROMPT = "dotbar> ";
    /** The prompt on continuation lines of an unfinished snippet. */
    public static final String CONTINUATION = "   ...> ";

    private final Terminal terminal;
    private final Path historyFile;

    /**
     * @param terminal    the terminal to read from and write to
     * @param historyFile where history persists, normally {@code ~/.dotbar_history}
     */
    public Repl(Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    /**
     * Runs until Ctrl-D or {@code /exit}.
     *
     * @return the exit status ({@code /exit N} gives N)
     */
    public int run() {
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        return run(new Session(out, out), out);
    }

    /**
     * Runs with a session started elsewhere (so it can start while the terminal opens), then closes it.
     *
     * @param session the session, whose output must reach this terminal
     * @param out     the stream results are printed to, the session's output
     * @return the exit status
     */
    public int run(Session session, PrintStream out) {
        PrintWriter screen = terminal.writer();
        try (session) {
            LineReader reader = reader(session);
            Commands commands = new Commands(session, out, out);
            terminal.handle(Terminal.Signal.INT, signal -> session.stop());
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: drop the line
                } catch (EndOfFileException e) {
                    return 0;
                }
                screen.flush();
                Flow flow;
                try {
                    flow = Commands.isCommand(input) ? commands.run(input, null) : evaluate(session, input, out);
                } catch (RuntimeException | LinkageError e) {
                    flow = new Flow.Fail("internal error: " + e); // a bug of ours must not end the session
                }
                out.flush();
                switch (flow) {
                    case Flow.Exit exit -> {
                        return exit.status();
                    }
                    case Flow.Fail fail -> out.println(fail.message());
                    case Flow.Continue c -> { }
                }
            }
        } finally {
            out.flush();
        }
    }

    private LineReader reader(Session session) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("dotbar")
                .parser(new InputParser(session::analysis))
                .completer(new ReplCompleter(session::analysis))
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // else !! and !x expand
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        reader.getWidgets().put("dotbar-complete", () -> {
            if (!Greek.expandBeforeCursor(reader.getBuffer())) {
                reader.callWidget(LineReader.COMPLETE_WORD);
            }
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("dotbar-complete"), KeyMap.ctrl('I'));
        return reader;
    }

    /** Evaluates each snippet of the input in turn, stopping at the first failure. */
    private static Flow evaluate(Session session, String input, PrintStream out) {
        String rest = input;
        while (!rest.isBlank()) {
            CompletionInfo info = session.analysis().analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            boolean whole = !info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN;
            String source = whole ? rest : info.source();
            rest = whole ? "" : info.remaining();
            Result r = session.eval(source, null);
            switch (r.kind()) {
                case VALUE -> out.println(Messages.value(r));
                case PENDING -> out.println(Messages.pending(r));
                case SILENT -> { }
                default -> {
                    out.println(Messages.failure(r, session, line -> where(r, line)));
                    return Flow.CONTINUE;
                }
            }
        }
        return Flow.CONTINUE;
    }

    /** Compile errors are marked as such; an exception in a snippet of several lines says which. */
    private static String where(Result r, int line) {
        if (r.kind() == Result.Kind.REJECTED) {
            return "error: ";
        }
        return r.source().strip().contains("\n") ? "line " + line + ": " : "";
    }
}
