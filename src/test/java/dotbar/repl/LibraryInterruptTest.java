package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C (the session's stop) reaches loops inside the library, not only snippet code: each
 * snippet below runs for hours uninterrupted inside one library class; once a thread is seen
 * inside that class the session is stopped, and the snippet must end as "interrupted" with the
 * session's variables kept. The time from stop to result is printed (it is well under a second
 * on a quiet machine); the deadline is generous so the suite passes under load.
 */
class LibraryInterruptTest {
    private static Session session;

    @BeforeAll
    static void open() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        session = new Session(out, out);
        assertEquals(Result.Kind.VALUE, session.eval("int kept = 7;", null).kind());
        session.eval("def(\"lh0(u) = sin(u)\");", null);
        session.eval("for (int k = 1; k <= 62; k++) def(\"lh\" + k + \"(u) = lh\" + (k - 1) + \"(u) + lh\" + (k - 1) + \"(u + \" + Math.scalb(1.0, -k) + \")\");", null);
        session.eval("Expr y = parse(\"x\");", null);
        session.eval("for (int i = 0; i < 60; i++) y = y.times(y).plus(y);", null);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static void stopsInside(String inside, String source) throws Exception {
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> session.eval(source, null));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Thread.getAllStackTraces().values().stream()
                .noneMatch(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().endsWith(inside)))) {
            assertTrue(!running.isDone(), () -> "finished before reaching " + inside + ": " + running.join());
            assertTrue(System.nanoTime() < end, "never reached " + inside);
            Thread.sleep(1);
        }
        long stop = System.nanoTime();
        session.stop();
        Result r = running.get(60, TimeUnit.SECONDS);
        System.out.printf("%s: stopped %.3f s after Ctrl-C%n", inside, (System.nanoTime() - stop) / 1e9);
        assertEquals(Result.Kind.EXCEPTION, r.kind(), source);
        assertEquals("interrupted", r.exception().getMessage());
        assertEquals("8", session.eval("kept + 1", null).value(), "the session keeps its state");
    }

    @Test
    void namedFunctionsPrintingAndSimplifyStop() throws Exception {
        stopsInside("FunctionValues", "parse(\"lh62(x)\").eval(at(\"x=0.5\"))");
        stopsInside("TreeWriter", "dotbar.print.UnicodePrinter.print(y, Integer.MAX_VALUE - 16)");
        stopsInside("FunctionValues", "plot(parse(\"lh62(x)\"), \"x\", 0, 1).toString()");
        assertEquals("1", session.eval("parse(\"lh0(x)\").vars().size()", null).value(), "the definitions are kept");
    }
}
