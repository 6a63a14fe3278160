package dotbar.repl;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dotbar.optim.Optimizer;
import dotbar.plot.Plot;
import org.jline.keymap.KeyMap;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The interactive loop: reads snippets with JLine, evaluates them in a {@link Session}, and shows
 * values and errors ({@link Display}).
 *
 * <p>What is shown: an expression's value alone ({@code toString()}, so expressions read as math);
 * a variable as {@code name = value}; statements and declarations nothing; a compile error as
 * JShell's message, the source line and a caret; an exception as one line. Ctrl-C at the prompt
 * clears the line, during evaluation stops the snippet; Ctrl-D or {@code /exit} leaves.
 * {@code System.exit(n)} in a snippet leaves too, with status n (history is saved as lines are entered).
 *
 * <p>An optimizer's {@code step(n)} that runs longer than a second draws a {@link ProgressBar}.
 *
 * <p>Tab: {@code \alpha} becomes {@code α} ({@link Greek}); right after {@code name(} it shows the
 * method's signatures and documentation ({@link ApiDocs}); otherwise it completes ({@link ReplCompleter}).
 */
public final class Repl {

    /** The prompt. */
    public static final String PROMPT = "dotbar> ";
    /** The prompt on continuation lines of an unfinished snippet. */
    public static final String CONTINUATION = "   ...> ";
    /** Plots are this wide when the terminal does not say its width. */
    static final int DEFAULT_COLUMNS = 80;

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
        Style style = Style.forTerminal(terminal, System::getenv);
        LastOutput last = new LastOutput();
        Display display = new Display(style, last);
        try (session) {
            LineReader reader = reader(session, style);
            Commands commands = new Commands(session, out, out, last, style);
            terminal.handle(Terminal.Signal.INT, signal -> session.stop());
            noEchoOfCtrlC();
            // The bar is drawn from the snippet's thread, which a Ctrl-C interrupts: asking the terminal
            // its size there can fail (the exec provider runs stty, and an interrupted wait for it is an
            // IOError), so the width is read on this thread, before each snippet and when it changes.
            AtomicInteger width = new AtomicInteger(columns());
            terminal.handle(Terminal.Signal.WINCH, signal -> width.set(columns()));
            ProgressBar bar = new ProgressBar(screen, width::get, !String.valueOf(terminal.getType()).startsWith("dumb"));
            Optimizer.onProgress(p -> bar.show(p.done(), p.total(), p.seconds(), p.finished()));
            String prompt = style.prompt(PROMPT.stripTrailing()) + " ";
            while (true) {
                String input;
                try {
                    input = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: drop the line
                } catch (EndOfFileException e) {
                    if (e.getPartialLine() != null && !e.getPartialLine().isBlank()) {
                        out.println(display.note("(the input ended inside an unfinished snippet, which was not run)"));
                    }
                    return 0;
                }
                screen.flush();
                commands.entered(input);
                width.set(columns());
                fitPlots(style);
                Flow flow;
                try {
                    flow = Commands.isCommand(input) ? commands.run(input, null) : evaluate(session, input, out, display);
                } catch (RuntimeException | LinkageError e) {
                    last.failure(e); // a bug of ours must not end the session
                    flow = new Flow.Fail("internal error: " + e + "; /trace shows the stack");
                }
                out.flush();
                switch (flow) {
                    case Flow.Exit exit -> {
                        return exit.status();
                    }
                    case Flow.Fail fail -> out.println(display.error(fail.message()));
                    case Flow.Continue c -> { }
                }
            }
        } finally {
            Optimizer.onProgress(null);
            out.flush();
        }
    }

    /** The terminal's width, or {@value #DEFAULT_COLUMNS} when it does not say. */
    private int columns() {
        int columns = terminal.getWidth();
        return columns > 0 ? columns : DEFAULT_COLUMNS;
    }

    /**
     * A Ctrl-C while a snippet runs should not print {@code ^C}: the snippet's "interrupted" then
     * starts its line. (JLine sets its own modes while reading a line, and restores these after.)
     */
    private void noEchoOfCtrlC() {
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ECHOCTL, false);
        terminal.setAttributes(attributes);
    }

    /** Plots are drawn for this terminal's size (read again before each snippet), in colour when it has colours. */
    private void fitPlots(Style style) {
        Plot.session(new dotbar.plot.Terminal(columns(), Math.max(0, terminal.getHeight()), style.on()));
    }

    private LineReader reader(Session session, Style style) {
        // LineReaderBuilder.build() with our reader class (see PasteFriendlyReader)
        var reader = new PasteFriendlyReader(terminal, "dotbar", new java.util.HashMap<>());
        reader.setParser(new InputParser(session::analysis));
        reader.setCompleter(new ReplCompleter(session));
        reader.setVariable(LineReader.HISTORY_FILE, historyFile);
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, style.prompt(CONTINUATION.stripTrailing()) + " ");
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // else !! and !x expand
        reader.unsetOpt(LineReader.Option.INSERT_TAB);
        reader.setHistory(new org.jline.reader.impl.history.DefaultHistory());
        reader.getWidgets().put("dotbar-complete", () -> {
            Buffer buffer = reader.getBuffer();
            if (Greek.expandBeforeCursor(buffer)) {
                return true;
            }
            String docs = ApiDocs.atCall(session.analysis(), buffer.toString(), buffer.cursor(), terminal.getWidth());
            if (docs != null) {
                reader.printAbove(docs);
            } else {
                reader.callWidget(LineReader.COMPLETE_WORD);
            }
            return true;
        });
        KeyMap<org.jline.reader.Binding> keys = reader.getKeyMaps().get(LineReader.MAIN);
        keys.bind(new Reference("dotbar-complete"), KeyMap.ctrl('I'));
        // A terminal that passes Ctrl-C on as a character (not as SIGINT) clears the line all the same.
        keys.bind(new Reference("interrupt"), KeyMap.ctrl('C'));
        return reader;
    }

    /** Evaluates each snippet of the input in turn, stopping at the first failure. */
    private static Flow evaluate(Session session, String input, PrintStream out, Display display) {
        Result failed = Snippets.evalEach(session, input, r -> {
            switch (r.kind()) {
                case VALUE -> out.println(display.value(r));
                case PENDING -> out.println(display.note(Messages.pending(r)));
                default -> { }
            }
            r.notes().forEach(note -> out.println(display.note("note: " + note)));
        });
        if (failed != null) {
            out.println(display.failure(failed, session, line -> where(failed, line)));
            failed.notes().forEach(note -> out.println(display.note("note: " + note)));
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
