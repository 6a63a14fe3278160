package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.print.TextTable;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every long library loop looks at the thread's interrupt flag (what Ctrl-C at the prompt sets):
 * each operation below runs for minutes or hours uninterrupted; it is started on a thread, the
 * test waits until that thread is inside the loop in question (its stack shows the class), then
 * interrupts it and requires an {@link Interrupted} within a generous deadline, and afterwards
 * the same objects still work. No timing is assumed: the events waited for are observed.
 */
class InterruptibleTest {
    private static final long DEADLINE_SECONDS = 60;
    /**
     * How long a task may take to reach the loop in question: the check of a 40 000-node claim
     * first simplifies both sides, which took over 60 s on a 2-core machine at load 10 (five
     * other builds running), so the wait is long; it ends as soon as the loop is reached.
     */
    private static final long REACH_SECONDS = 600;

    /** hk(u) = h{k-1}(u) + h{k-1}(u + 2⁻ᵏ): 2ᵏ distinct applications, nothing to share. */
    @BeforeAll
    static void define() {
        def("ih0(u) = sin(u)");
        for (int k = 1; k <= 62; k++) def("ih" + k + "(u) = ih" + (k - 1) + "(u) + ih" + (k - 1) + "(u + " + Math.scalb(1.0, -k) + ")");
    }

    /** Runs {@code task} on a thread until its stack shows {@code inside}, interrupts it, returns what it threw. */
    private static Throwable interruptInside(String inside, Callable<?> task) throws InterruptedException {
        var outcome = new AtomicReference<Object>();
        Thread t = new Thread(() -> {
            try {
                outcome.set(task.call());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "interruptible");
        t.setDaemon(true);
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(REACH_SECONDS);
        while (Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().endsWith(inside))) {
            assertTrue(t.isAlive(), () -> "finished before reaching " + inside + ": " + outcome.get());
            assertTrue(System.nanoTime() < end, "never reached " + inside + " in " + REACH_SECONDS + " s");
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
        assertFalse(t.isAlive(), "still running " + DEADLINE_SECONDS + " s after the interrupt, in " + inside);
        Object o = outcome.get();
        assertInstanceOf(Interrupted.class, o, () -> "instead of stopping: " + o);
        assertEquals("interrupted", ((Throwable) o).getMessage());
        return (Throwable) o;
    }

    @Test
    void evaluationThroughNamedFunctions() throws Exception {
        Expr e = parse("ih62(x)");
        interruptInside("FunctionValues", () -> e.eval(at("x=0.5")));
        interruptInside("FunctionValues", () -> forward(e, at("x=0.5"), "x"));
        interruptInside("FunctionValues", () -> plot(e, "x", 0, 1).toString());
        assertEquals(Math.sin(0.5) + Math.sin(1.0), parse("ih1(x)").eval(at("x=0.5")), 1e-15, "the functions still work");
    }

    /** y ← y·y + y sixty times: a DAG of 181 nodes whose tree has 2⁶⁰ leaves. */
    private static Expr doubling() {
        Expr y = sym("x");
        for (int i = 0; i < 60; i++) y = y.times(y).plus(y);
        return y;
    }

    @Test
    void printing() throws Exception {
        Expr y = doubling();
        interruptInside("TreeWriter", () -> dotbar.print.UnicodePrinter.print(y, Integer.MAX_VALUE - 16));
        interruptInside("TreeWriter", () -> dotbar.print.LatexPrinter.print(y, Integer.MAX_VALUE - 16));
        var table = new TextTable("i", "value");
        for (int i = 0; i < 3_000_000; i++) table.row("t" + i, i * 0.5);
        interruptInside("TextTable", () -> { for (;;) table.toString(); });
        assertTrue(y.toString().contains("cut at"), "still prints, cut");
    }

    /** A sum of 40 000 distinct terms in 400 symbols: simplify, check, hessian and set-ups are long. */
    private static Expr wide(int terms, int symbols) {
        Expr e = num(0);
        for (int i = 0; i < terms; i++) e = e.plus(sin(sym("w" + (i % symbols)).times(i + 1)).times(sym("w" + ((i * 7) % symbols))));
        return e;
    }

    @Test
    void checkHessianSimplifyAndSetUp() throws Exception {
        Expr e = wide(40_000, 400);
        interruptInside("Check", () -> { for (;;) check(e, e.plus(sym("w0")).minus(sym("w0")).times(1.0000001)); });
        interruptInside("Precise", () -> { for (;;) check(e, e.plus(sym("w0")).minus(sym("w0")).times(1.0000001)); });
        declare("fi13(u)");
        Expr unknowns = e.plus(parse("fi13(w1)"));
        interruptInside("IdentityTest", () -> { for (;;) check(unknowns, unknowns.plus(sym("w0")).minus(sym("w0")).times(1.0000001)); });
        interruptInside("Hessian", () -> hessian(e, Point.of(zeroes(400))));
        interruptInside("Simplifier", () -> { for (;;) simplify(e.times(e.plus(1))); });
        interruptInside("TapeCompiler", () -> { for (int i = 2; ; i++) compile(e.times(i)); });
        interruptInside("Optimizer", () -> { for (int i = 2; ; i++) adam(e.times(i), Point.of(zeroes(400))); });
        assertTrue(check(parse("w0 + w0"), parse("2*w0")).holds(), "check still works");
    }

    private static java.util.Map<String, Double> zeroes(int n) {
        var m = new java.util.LinkedHashMap<String, Double>();
        for (int i = 0; i < n; i++) m.put("w" + i, 0.0);
        return m;
    }
}
