package dotbar.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jdk.jshell.EvalException;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;

/**
 * The prompt's behaviour for a front end that sends whole cells (a notebook kernel): a cell is
 * split into snippets and run as if typed at {@code dotbar>}, with the same commands, the same
 * error messages, the same completion ({@link ReplCompleter}, {@link Greek}) and the same
 * documentation ({@link ApiDocs}). Nothing here reads a terminal.
 */
public final class Cells {

    /**
     * The value a cell ends with.
     *
     * @param value the object itself (what a notebook renders), may be {@code null}
     * @param text  what the prompt would print for it, {@code name = …} for a variable
     * @param name  the variable's name, or {@code null} for an expression's value
     */
    public record Shown(Object value, String text, String name) { }

    /**
     * A failed snippet.
     *
     * @param ename     the exception's simple name, or {@code CompileError}, {@code UnresolvedReference},
     *                  {@code Interrupted}, {@code CommandError}
     * @param evalue    the message the prompt prints
     * @param traceback the lines to show: the message, then the stack for an unexpected exception
     */
    public record Failure(String ename, String evalue, List<String> traceback) { }

    /** How a cell ended: the last snippet's value (or {@code null}), or the first failure (or {@code null}). */
    public record Outcome(Shown shown, Failure failure) { }

    /** Completions of the word from {@code start} to {@code end} (the cursor). */
    public record Completion(int start, int end, List<String> matches) { }

    private final Session session;
    private final PrintStream out;
    private final LastOutput last = new LastOutput();
    private final Display display = new Display(Style.PLAIN, last);
    private final Commands commands;
    private final ReplCompleter completer;

    /**
     * @param session the session cells run in
     * @param out     where commands ({@code /vars}, {@code /help}) and notes print: the session's output
     */
    public Cells(Session session, PrintStream out) {
        this.session = session;
        this.out = out;
        this.commands = new Commands(session, out, out, last, Style.PLAIN);
        this.completer = new ReplCompleter(session);
    }

    /**
     * Runs a cell: a command line ({@code /vars}), or each snippet in turn until one fails, as
     * the prompt does with several snippets on one line. Only the last snippet's value is kept:
     * a notebook shows it below the cell ({@code display(x)} shows others).
     */
    public Outcome run(String code) {
        if (Commands.isCommand(code.strip())) {
            return command(code.strip());
        }
        Shown[] shown = {null};
        Result failed = Snippets.evalEach(session, code, r -> {
            if (r.kind() == Result.Kind.PENDING) {
                out.println(Messages.pending(r));
            }
            shown[0] = r.kind() == Result.Kind.VALUE
                    ? new Shown(session.valueObject(r), display.value(r), Messages.valueName(r)) : null;
            r.notes().forEach(note -> out.println("note: " + note));
        });
        if (failed != null) {
            failed.notes().forEach(note -> out.println("note: " + note));
        }
        return failed != null ? new Outcome(null, failure(failed)) : new Outcome(shown[0], null);
    }

    private Outcome command(String line) {
        Flow flow;
        try {
            flow = commands.run(line, null);
        } catch (RuntimeException | LinkageError e) {
            last.failure(e);
            flow = new Flow.Fail("internal error: " + e + "; /trace shows the stack");
        }
        return switch (flow) {
            case Flow.Fail fail -> new Outcome(null, new Failure("CommandError", fail.message(), List.of(fail.message())));
            case Flow.Exit exit -> {
                String note = "/exit does not end a notebook's kernel; use the notebook's shut-down or restart";
                yield new Outcome(null, new Failure("CommandError", note, List.of(note)));
            }
            case Flow.Continue c -> new Outcome(null, null);
        };
    }

    /** The prompt's message; for an unexpected exception also its stack (which {@code /trace} shows at the prompt). */
    private Failure failure(Result r) {
        String text = Messages.failure(r, session, line -> r.kind() == Result.Kind.REJECTED ? "error: "
                : r.source().strip().contains("\n") ? "line " + line + ": " : "");
        String ename = switch (r.kind()) {
            case REJECTED -> "CompileError";
            case UNRESOLVED -> "UnresolvedReference";
            case STOPPED -> "Interrupted";
            default -> r.exception() instanceof EvalException e ? Messages.simpleName(e.getExceptionClassName())
                    : r.exception() == null ? "Error" : r.exception().getClass().getSimpleName();
        };
        List<String> traceback = new ArrayList<>(List.of(text.split("\n", -1)));
        if (r.exception() instanceof EvalException e && !Messages.isDotbarException(e.getExceptionClassName())) {
            last.failure(e);
            List<String> stack = List.of(StackText.of(e, session).split("\n"));
            traceback.addAll(stack.subList(1, stack.size())); // its first line is the message again
        }
        return new Failure(ename, Messages.failure(r, session, line -> ""), traceback);
    }

    /** The numbers of the prompt's progress bar ({@link ProgressBar#line}) for a run of {@code total} steps. */
    public static String progressLine(long done, long total, double seconds) {
        return ProgressBar.line(done, total, seconds, 60);
    }

    /** Whether the cell ends inside an unfinished snippet (Enter in a console continues it). */
    public boolean incomplete(String code) {
        return new InputParser(session::analysis).isIncomplete(code);
    }

    /**
     * What Tab offers at {@code cursor}: {@code \alpha} gives {@code α}; inside {@code parse("…")}
     * the formula's names; elsewhere Java names and members.
     */
    public Completion complete(String code, int cursor) {
        ParsedLine line = new InputParser(session::analysis).parse(code, cursor, ParseContext.COMPLETE);
        int start = cursor - line.word().length();
        if (line.word().startsWith("\\")) {
            String symbol = Greek.symbolFor(line.word().substring(1));
            if (symbol != null) {
                return new Completion(start, cursor, List.of(symbol));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        Set<String> matches = new LinkedHashSet<>();
        candidates.forEach(c -> matches.add(c.value()));
        return new Completion(start, cursor, List.copyOf(matches));
    }

    /**
     * The documentation Tab shows for the call at {@code cursor} (right after {@code name(}, or
     * anywhere in or after the method's name), or {@code null} when there is none.
     */
    public String inspect(String code, int cursor) {
        SourceCodeAnalysis analysis = session.analysis();
        String docs = ApiDocs.atCall(analysis, code, cursor, 100);
        if (docs != null) {
            return docs;
        }
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end == 0 || !Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            return null;
        }
        String call = code.substring(0, end) + "(";
        docs = ApiDocs.atCall(analysis, call, call.length(), 100);
        if (docs != null) {
            return docs;
        }
        List<SourceCodeAnalysis.Documentation> found = analysis.documentation(code.substring(0, end), end, false);
        return found.isEmpty() ? null : String.join("\n", found.stream().map(SourceCodeAnalysis.Documentation::signature).toList());
    }
}
