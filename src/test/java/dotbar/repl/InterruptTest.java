package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dotbar.base.DotbarException;
import dotbar.diff.SymbolicDiff;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Op;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C: a runaway snippet, a long loop inside the DSL and a huge derivative all stop, and the
 * session goes on with its state. No test assumes a quiet machine: each stops its snippet only
 * once the snippet's first effect is seen, and waits for results with a generous deadline.
 */
public class InterruptTest {

    private static Session session;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        PrintStream out = new PrintStream(OUTPUT, true, StandardCharsets.UTF_8);
        session = new Session(out, out);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /** How long any wait for an observable event may take: generous, for a loaded machine. */
    private static final long DEADLINE_SECONDS = 60;

    /** Counts the iterations of a snippet loop that calls {@link #tick()}: the loop's observable effect. */
    private static final AtomicLong TICKS = new AtomicLong();

    /** Called from snippet loops, so a test can see that the loop runs. */
    public static void tick() {
        TICKS.incrementAndGet();
    }

    /**
     * Evaluates on another thread (as the REPL's Ctrl-C handler runs beside it) and stops it once
     * {@code running} holds — the snippet's first observable effect — however long that takes to come.
     */
    private static Stopped evalAndStop(String source, BooleanSupplier running) throws Exception {
        CompletableFuture<Result> evaluation = CompletableFuture.supplyAsync(() -> session.eval(source, null));
        waitUntil(running, "the snippet to start: " + source);
        assertFalse(evaluation.isDone(), "still running when stopped: " + source);
        session.stop();
        return new Stopped(evaluation.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + DEADLINE_SECONDS + " s for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Whether some thread is running a method of {@code className} (a library loop has begun). */
    private static boolean someThreadIsIn(String className) {
        return Thread.getAllStackTraces().values().stream()
                .anyMatch(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(className)));
    }

    private record Stopped(Result result) { }

    @Test
    void aRunawayLoopStopsAndTheSessionKeepsItsState() throws Exception {
        assertEquals(Result.Kind.VALUE, session.eval("int kept = 5;", null).kind());
        assertEquals(Result.Kind.VALUE, session.eval("long spins = 0;", null).kind());
        long ticks = TICKS.get();
        Stopped s = evalAndStop("while (true) { spins++; dotbar.repl.InterruptTest.tick(); }", () -> TICKS.get() > ticks);
        assertEquals(Result.Kind.STOPPED, s.result().kind());
        assertEquals("6", session.eval("kept + 1", null).value());
        assertTrue(Long.parseLong(session.eval("spins", null).value()) > 0, "the loop ran and its effect stays");
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        new Commands(session, new PrintStream(listing, true, StandardCharsets.UTF_8), System.err).run("/vars", null);
        assertTrue(listing.toString(StandardCharsets.UTF_8).contains("int kept = 5\n"), listing.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCtrlCAtTheVeryStartOfASnippetStillStopsIt() throws Exception {
        // the stop comes as soon as eval begins, before the snippet has compiled or its thread exists
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(
                () -> session.eval("while (true) { double compiling = Math.sqrt(2); }", null));
        waitUntil(session::evaluating, "the evaluation to begin");
        session.stop();
        assertEquals(Result.Kind.STOPPED, running.get(DEADLINE_SECONDS, TimeUnit.SECONDS).kind());
        assertEquals(Result.Kind.VALUE, session.eval("1 + 1", null).kind(), "the next snippet runs");
    }

    @Test
    void aHugeDerivativeStopsWithAMessageAndLeavesTheExpressionAlone() throws Exception {
        session.eval("Expr big = parse(\"x\");", null);
        session.eval("for (int i = 0; i < 18; i++) big = sin(big).times(big);", null);
        String before = session.eval("big.size()", null).value();
        // diff(big, "x", 60) takes minutes: each order is larger than the one before
        Stopped s = evalAndStop("Expr d = diff(big, \"x\", 60);", () -> someThreadIsIn("dotbar.diff.SymbolicDiff"));
        assertEquals(Result.Kind.EXCEPTION, s.result().kind());
        assertEquals("interrupted", s.result().exception().getMessage());
        assertEquals(before, session.eval("big.size()", null).value());
        assertEquals(Result.Kind.VALUE, session.eval("diff(parse(\"x^3\"), \"x\")", null).kind(), "the next diff runs");
    }

    @Test
    void aLongLibraryLoopSeesTheInterrupt() throws Exception {
        // A method of the launcher's class path, like the DSL's: not instrumented by JShell, so only
        // the thread's interrupt can end it.
        long ticks = TICKS.get();
        Stopped s = evalAndStop("dotbar.repl.InterruptTest.spinUntilInterrupted()", () -> TICKS.get() > ticks);
        assertEquals(Result.Kind.EXCEPTION, s.result().kind());
        assertEquals("interrupted", s.result().exception().getMessage());
    }

    @Test
    void aLongOptimizerRunWithoutAProgressBarStopsWithHowFarItGot() throws Exception {
        session.eval("var slow = gd(parse(\"(x-1)^2\"), at(\"x=0\")).lr(1e-9);", null);
        Stopped s = evalAndStop("slow.step(2_000_000_000)", () -> someThreadIsIn("dotbar.optim.Optimizer"));
        assertEquals(Result.Kind.EXCEPTION, s.result().kind());
        String message = Messages.failure(s.result(), session, line -> "");
        assertTrue(message.startsWith("interrupted after ") && message.contains(" of 2000000000 steps; gd keeps its state at t = "), message);
        assertTrue(Long.parseLong(session.eval("slow.t()", null).value()) > 0, "the steps made are kept");
    }

    /** A library loop, as the DSL's long loops are written. */
    public static int spinUntilInterrupted() {
        tick(); // it has begun
        for (long i = 1; ; i++) {
            Graph.checkInterrupted(i);
        }
    }

    @Test
    void theCoreWalksStopWhenTheThreadIsInterruptedAndNotOtherwise() {
        Expr chain = Exprs.sym("x");
        for (int i = 0; i < 20_000; i++) {
            chain = Exprs.call(Op.SIN, chain).plus(chain);
        }
        Expr deep = chain;
        Expr expected = SymbolicDiff.diff(deep, "x");
        Thread.currentThread().interrupt();
        try {
            DotbarException walk = assertThrows(DotbarException.class, () -> Graph.topologicalOrder(deep));
            assertEquals("interrupted", walk.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set for the loops further out");
            assertThrows(DotbarException.class, () -> SymbolicDiff.diff(deep, "x"));
            assertThrows(DotbarException.class, () -> SymbolicDiff.diff(Exprs.sym("x"), "x", 2), "between orders too");
        } finally {
            Thread.interrupted();
        }
        assertEquals(expected, SymbolicDiff.diff(deep, "x"), "nothing was left half-done");
    }

    @Test
    void ctrlCTypedAtTheTerminalStopsTheSnippetAndClearsALine() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = Typing.terminal(in, screen, 80)) {
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            Session own = new Session(out, out);
            CompletableFuture<Integer> repl = CompletableFuture.supplyAsync(() -> new Repl(terminal, dir.resolve("history")).run(own, out));
            long ticks = TICKS.get();
            type(keys, "int kept = 3\nwhile (true) { dotbar.repl.InterruptTest.tick(); }\n");
            waitUntil(() -> TICKS.get() > ticks, "the loop to run");
            type(keys, "\u0003");
            waitFor(screen, "interrupted\ndotbar> "); // JLine reads the next line (and handles Ctrl-C) by now
            // Ctrl-C at the prompt: JLine drops the line it has read so far. A dumb terminal shows a
            // line only once it is accepted, so the test waits for JLine to have taken every byte.
            type(keys, "kept = 4");
            waitUntil(() -> available(in) == 0, "the typed line to be read");
            type(keys, "\u0003");
            type(keys, "kept\n/exit\n");
            assertEquals(0, repl.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
        }
        String text = Typing.text(screen);
        assertTrue(text.contains("dotbar> while (true) { dotbar.repl.InterruptTest.tick(); }\ninterrupted\n"), text);
        assertTrue(text.contains("dotbar> kept\nkept = 3\n"), "the typed line was dropped, the state kept: " + text);
    }

    @Test
    void aLongOptimizerRunDrawsAProgressBarAndCtrlCStopsItKeepingItsState() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").attributes(Typing.signals())
                .streams(in, screen).encoding(StandardCharsets.UTF_8).build()) {
            terminal.setSize(new Size(120, 24));
            CompletableFuture<Integer> repl = CompletableFuture.supplyAsync(() -> new Repl(terminal, dir.resolve("history")).run());
            type(keys, "var opt = gd(parse(\"(x-1)^2\"), at(\"x=0\")).lr(1e-9)\nopt.step(2_000_000_000)\n");
            waitFor(screen, " / 2 000 000 000 steps ");
            type(keys, "\u0003");
            waitFor(screen, "interrupted after ");
            type(keys, "opt.t() > 0\n/exit\n");
            assertEquals(0, repl.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
        }
        String text = Typing.text(screen).replaceAll("\u001b(\\[[0-9;?$]*[a-zA-Z]|[=>])", "");
        assertTrue(text.matches("(?s).*\\[█*░*\\] +\\d+%  [0-9 ]+ / 2 000 000 000 steps  \\d+\\.\\d s.*"), "a bar was drawn: " + text);
        assertTrue(text.contains("interrupted after "), text);
        assertFalse(text.contains("IOError") || text.contains("InterruptedIOException"), text);
        assertTrue(text.contains("keeps its state at t = "), text);
        assertTrue(text.contains("\ntrue\n"), "the optimizer kept the steps it made: " + text);
    }

    private static void type(PipedOutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static int available(PipedInputStream in) {
        try {
            return in.available();
        } catch (IOException closed) {
            return 0;
        }
    }

    private static void waitFor(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (!Typing.text(screen).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the screen never showed " + text + ":\n" + Typing.text(screen));
            }
            Thread.sleep(20);
        }
    }
}
