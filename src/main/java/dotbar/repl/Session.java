package dotbar.repl;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dotbar.expr.Functions;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * One JShell state running in this JVM, with the startup imports loaded.
 *
 * <p>Snippets run on JShell's local engine (see {@link LocalEngine}), so what they print goes to
 * {@code System.out}; while a snippet runs, {@code System.out} and {@code System.err} are pointed
 * at this session's streams so that a REPL on a terminal, a script and a test each see the output
 * where they expect it. {@code System.exit} in a snippet ends the JVM, as in any Java program.
 */
public final class Session implements AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final Set<String> hidden = new HashSet<>();
    private final Map<String, Origin> origins = new HashMap<>();
    private final Set<String> threw = new HashSet<>();
    private volatile JShell shell;
    /** True while {@link #eval} runs a snippet: what a Ctrl-C can stop. */
    private final AtomicBoolean evaluating = new AtomicBoolean();
    /** Set by {@link #stop()} until the snippet it was meant for ends. */
    private volatile boolean stopRequested;
    private boolean hiding;
    private int userSnippets;
    private ClassLoader snippetClassLoader;
    private LocalEngine engine;
    /** The shapes declared before this session began, back when it closes (a host's, or a test's). */
    private final Map<String, dotbar.expr.Shape> shapesBefore = dotbar.expr.Shapes.declaredShapes();

    /**
     * Creates a session and evaluates the startup script ({@link Startup}).
     *
     * @param out where snippets' standard output goes
     * @param err where snippets' standard error and startup warnings go
     */
    public Session(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        start();
    }

    private void start() {
        Functions.clear(); // named functions live in the DSL's registry, not in JShell's state
        dotbar.expr.Shapes.clear(); // and so do the shapes of matrix symbols
        engine = new LocalEngine();
        shell = JShell.builder()
                .executionEngine(engine, Map.of())
                .out(out).err(err)
                .idGenerator((snippet, n) -> hiding ? "s" + n : String.valueOf(++userSnippets))
                .build();
        // The engine's loader became this thread's context loader; snippets run from other threads too.
        snippetClassLoader = Thread.currentThread().getContextClassLoader();
        hiding = true;
        try {
            Startup.load(this, err);
        } finally {
            hiding = false;
        }
    }

    /** Drops every definition (variables, methods, the DSL's named functions) and starts over from the startup script. */
    public void reset() {
        shell.close();
        hidden.clear();
        origins.clear();
        threw.clear();
        userSnippets = 0;
        start();
    }

    /**
     * Evaluates one complete snippet (as split by {@link SourceCodeAnalysis#analyzeCompletion}).
     *
     * @param source the snippet's source
     * @param origin where it came from, or {@code null} when typed at the prompt
     * @return what became of it
     */
    public Result eval(String source, Origin origin) {
        engine.forgetStop();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        List<SnippetEvent> events;
        Thread.currentThread().setContextClassLoader(snippetClassLoader);
        System.setOut(out);
        System.setErr(err);
        stopRequested = false;
        evaluating.set(true);
        SnippetLoader loader = engine.loader();
        if (loader != null) {
            loader.mark();
        }
        try {
            events = shell.eval(source);
        } finally {
            evaluating.set(false);
            stopRequested = false;
            out.flush();
            err.flush();
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        List<String> notes = Updates.settle(shell, engine.loader(), events);
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (event == null) {
            return new Result(Result.Kind.SILENT, null, source, null, List.of(), List.of(), null, notes, null);
        }
        Snippet snippet = event.snippet();
        if (hiding) {
            hidden.add(snippet.id());
        }
        if (origin != null) {
            origins.put(snippet.id(), origin);
        }
        Result result = classify(event, source, notes);
        if (result.kind() == Result.Kind.UNRESOLVED && result.unresolved().isEmpty()) {
            // javac failed after JShell resolved everything: a string constant over 65 535 bytes.
            // javac then leaves the oversized constant in its reusable compiler context (the class
            // writer's pool is reset only after a class is written), and JShell reuses that context,
            // so every later snippet fails the same way. A class path change is the one public way
            // to make JShell start new compiler contexts; the entry added is already on the path.
            // The snippet itself defined nothing: it is dropped, so nothing compiles it again.
            shell.drop(snippet);
            freshCompiler();
        }
        if (result.kind() == Result.Kind.EXCEPTION || result.kind() == Result.Kind.STOPPED) {
            threw.add(snippet.id());
        }
        return result;
    }

    /** Makes JShell compile the next snippets in new javac contexts, with the same class path. */
    private void freshCompiler() {
        String entry = System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)[0];
        if (!entry.isEmpty()) {
            shell.addToClasspath(entry);
        }
    }

    private Result classify(SnippetEvent event, String source, List<String> notes) {
        Snippet snippet = event.snippet();
        List<String> unresolved = snippet instanceof DeclarationSnippet d
                ? shell.unresolvedDependencies(d).toList() : List.of();
        Result.Kind kind;
        if (engine.stopped() && event.exception() == null) {
            kind = Result.Kind.STOPPED;
        } else if (event.exception() != null) {
            kind = Result.Kind.EXCEPTION;
        } else {
            kind = switch (event.status()) {
                case REJECTED -> Result.Kind.REJECTED;
                case RECOVERABLE_DEFINED -> Result.Kind.PENDING;
                case RECOVERABLE_NOT_DEFINED -> snippet instanceof VarSnippet || !(snippet instanceof DeclarationSnippet)
                        ? Result.Kind.UNRESOLVED : Result.Kind.PENDING;
                case VALID -> hasValue(snippet) ? Result.Kind.VALUE : Result.Kind.SILENT;
                default -> Result.Kind.SILENT;
            };
        }
        var diagnostics = kind == Result.Kind.REJECTED
                ? shell.diagnostics(snippet).filter(d -> d.isError()).toList() : List.<jdk.jshell.Diag>of();
        String value = kind == Result.Kind.VALUE ? event.value() : null;
        return new Result(kind, snippet, source, value, diagnostics, unresolved, event.exception(), notes,
                kind == Result.Kind.VALUE ? engine.unshown() : null);
    }

    private static boolean hasValue(Snippet snippet) {
        return snippet instanceof VarSnippet || snippet instanceof ExpressionSnippet;
    }

    /**
     * Stops the running snippet, if any (called from the Ctrl-C handler, on another thread): code
     * compiled from snippets stops at its next loop iteration or call, and the snippet's thread is
     * interrupted so that a long loop inside the DSL stops at its next check (see {@link LocalEngine}).
     * JShell ignores a stop that comes while no snippet code runs yet (say, while the snippet still
     * compiles on a loaded machine), so the request is repeated every 50 ms until the snippet it was
     * meant for has ended; with no snippet under way it does nothing.
     *
     * @return true when a snippet was under way (this stop is meant for it), false when none was
     */
    public boolean stop() {
        if (!evaluating()) return false;
        stopRequested = true;
        Thread stopper = new Thread(() -> {
            while (stopRequested && evaluating.get()) {
                shell.stop();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dotbar-stop");
        stopper.setDaemon(true);
        stopper.start();
        return true;
    }

    /** True while a snippet is being compiled or run. */
    boolean evaluating() {
        return evaluating.get();
    }

    /**
     * The object a {@link Result.Kind#VALUE} result shows (snippets run in this JVM), for front ends
     * that display objects richly (a notebook); {@code null} for other results or a {@code null} value.
     */
    public Object valueObject(Result r) {
        if (r.kind() != Result.Kind.VALUE) {
            return null;
        }
        String name = switch (r.snippet()) {
            case VarSnippet v -> v.name();
            case ExpressionSnippet e -> e.name();
            default -> null;
        };
        return engine.lastValue(name);
    }

    /**
     * Why the value JShell last read ({@code shell().varValue}, as {@code /vars} and {@code /show}
     * do) could not be shown, or {@code null} when it could.
     */
    String unshown() {
        return engine.unshown();
    }

    /** Completion, documentation and snippet splitting for this state. */
    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** The underlying JShell state. */
    JShell shell() {
        return shell;
    }

    /** Whether a snippet came from the startup script (or the script's {@code args}), not the user. */
    boolean isHidden(Snippet snippet) {
        return hidden.contains(snippet.id());
    }

    /** Whether the snippet threw or was stopped when it ran. */
    boolean threw(Snippet snippet) {
        return threw.contains(snippet.id());
    }

    /** Marks snippets evaluated while {@code body} runs as not the user's own. */
    void hideWhile(Runnable body) {
        boolean was = hiding;
        hiding = true;
        try {
            body.run();
        } finally {
            hiding = was;
        }
    }

    /** Where the snippet with this id came from, or {@code null} if it was typed at the prompt. */
    Origin origin(String snippetId) {
        return origins.get(snippetId);
    }

    @Override
    public void close() {
        shell.close();
        dotbar.expr.Shapes.restore(shapesBefore); // the shapes declared in this session end with it
    }
}
