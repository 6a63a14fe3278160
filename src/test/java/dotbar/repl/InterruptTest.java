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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dotbar.DotbarException;
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
 * Ctrl-C: a runaway snippet, a long loop inside the DSL and a huge derivative all stop within a
 * second, and the session goes on with its state.
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

    /** Evaluates on another thread (as the REPL's Ctrl-C handler runs beside it), stops it after a while. */
    private static Stopped evalAndStop(String source, long afterMillis) throws Exception {
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> session.eval(source, null));
        Thread.sleep(afterMillis);
        assertFalse(running.isDone(), "still running when stopped: " + source);
        long stop = System.nanoTime();
        session.stop();
        Result r = running.get(10, TimeUnit.SECONDS);
        return new Stopped(r, (System.nanoTime() - stop) / 1e9);
    }

    private record Stopped(Result result, double seconds) { }

    @Test
    void aRunawayLoopStopsAndTheSessionKeepsItsState() throws Exception {
        assertEquals(Result.Kind.VALUE, session.eval("int kept = 5;", null).kind());
        assertEquals(Result.Kind.VALUE, session.eval("long spins = 0;", null).kind());
        Stopped s = evalAndStop("while (true) { spins++; }", 250);
        assertEquals(Result.Kind.STOPPED, s.result().kind());
        assertTrue(s.seconds() < 1, "stopped in " + s.seconds() + " s");
        assertEquals("6", session.eval("kept + 1", null).value());
        assertTrue(Long.parseLong(session.eval("spins", null).value()) > 0, "the loop ran and its effect stays");
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        new Commands(session, new PrintStream(listing, true, StandardCharsets.UTF_8), System.err).run("/vars", null);
        assertTrue(listing.toString(StandardCharsets.UTF_8).contains("int kept = 5\n"), listing.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHugeDerivativeStopsWithAMessageAndLeavesTheExpressionAlone() throws Exception {
        session.eval("Expr big = parse(\"x\");", null);
        session.eval("for (int i = 0; i < 18; i++) big = sin(big).times(big);", null);
        String before = session.eval("big.size()", null).value();
        // diff(big, "x", 60) takes minutes: each order is larger than the one before
        Stopped s = evalAndStop("Expr d = diff(big, \"x\", 60);", 300);
        assertTrue(s.seconds() < 1, "stopped in " + s.seconds() + " s");
        assertEquals(Result.Kind.EXCEPTION, s.result().kind());
        assertEquals("interrupted", s.result().exception().getMessage());
        assertEquals(before, session.eval("big.size()", null).value());
        assertEquals(Result.Kind.VALUE, session.eval("diff(parse(\"x^3\"), \"x\")", null).kind(), "the next diff runs");
    }

    @Test
    void aLongLibraryLoopSeesTheInterrupt() throws Exception {
        // A method of the launcher's class path, like the DSL's: not instrumented by JShell, so only
        // the thread's interrupt can end it.
        Stopped s = evalAndStop("dotbar.repl.InterruptTest.spinUntilInterrupted()", 250);
        assertTrue(s.seconds() < 1, "stopped in " + s.seconds() + " s");
        assertEquals(Result.Kind.EXCEPTION, s.result().kind());
        assertEquals("interrupted", s.result().exception().getMessage());
    }

    /** A library loop, as the DSL's long loops are written. */
    public static int spinUntilInterrupted() {
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
            CompletableFuture<Integer> repl = CompletableFuture.supplyAsync(() -> new Repl(terminal, dir.resolve("history")).run());
            type(keys, "int kept = 3\nwhile (true) { }\n");
            waitFor(screen, "dotbar> while (true) { }\n");
            Thread.sleep(300);
            type(keys, "\u0003");
            waitFor(screen, "interrupted\n");
            type(keys, "kept = 4");
            Thread.sleep(500); // a dumb terminal shows the line only when it is accepted: nothing to wait for
            type(keys, "\u0003");
            type(keys, "kept\n/exit\n");
            assertEquals(0, repl.get(20, TimeUnit.SECONDS));
        }
        String text = Typing.text(screen);
        assertTrue(text.contains("dotbar> while (true) { }\ninterrupted\n"), text);
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
            long stop = System.nanoTime();
            type(keys, "\u0003");
            waitFor(screen, "interrupted after ");
            double seconds = (System.nanoTime() - stop) / 1e9;
            assertTrue(seconds < 1, "stopped in " + seconds + " s");
            type(keys, "opt.t() > 0\n/exit\n");
            assertEquals(0, repl.get(20, TimeUnit.SECONDS));
        }
        String text = Typing.text(screen).replaceAll("\u001b(\\[[0-9;?$]*[a-zA-Z]|[=>])", "");
        assertTrue(text.matches("(?s).*\\[█*░*\\] +\\d+%  [0-9 ]+ / 2 000 000 000 steps  \\d+\\.\\d s.*"), "a bar was drawn: " + text);
        assertTrue(text.contains("interrupted after "), text);
        assertTrue(text.contains("keeps its state at t = "), text);
        assertTrue(text.contains("\ntrue\n"), "the optimizer kept the steps it made: " + text);
    }

    private static void type(PipedOutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void waitFor(ByteArrayOutputStream screen, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Typing.text(screen).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the screen never showed " + text + ":\n" + Typing.text(screen));
            }
            Thread.sleep(20);
        }
    }
}
