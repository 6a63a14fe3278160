package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs that stop: a step that is not finite, an interrupt, and the progress reports of long runs. */
class StopTest {
    @AfterEach
    void quiet() {
        Optimizer.onProgress(null);
        Optimizer.quietNanos = 1_000_000_000L;
        Thread.interrupted();
    }

    /** gd on x⁴ with a large step overshoots further each time until the loss overflows. */
    @Test
    void divergenceStopsAtTheLastFiniteState() {
        Optimizer o = gd(parse("x^4 + y^2"), at("x=3, y=1")).lr(0.1);
        var e = assertThrows(DotbarException.class, () -> o.step(1000));
        long t = o.t();
        assertTrue(t > 0 && t < 10, "stopped early, at t = " + t);
        assertTrue(e.getMessage().startsWith("step " + (t + 1) + " is not finite: the loss is Infinity at (x="), e.getMessage());
        assertTrue(e.getMessage().endsWith("gd stopped and keeps its last finite state, t = " + t + " " + Format.point(dotbar.expr.Flat.of(List.of("x", "y")),
                new double[]{o.at().get("x"), o.at().get("y")})), e.getMessage());
        assertEquals(t + 1, o.history().size());
        assertEquals(o.at(), o.history().last().at());
        assertTrue(Double.isFinite(o.loss()));
        Point kept = o.at();
        var again = assertThrows(DotbarException.class, o::step);
        assertEquals(e.getMessage(), again.getMessage(), "the same step fails the same way");
        assertEquals(kept, o.at());
        o.reset().lr(1e-3).step(5);
        assertEquals(5, o.t(), "after a reset a smaller step goes on");
    }

    /** |x|'s symbolic derivative x/√(x²) is 0/0 at 0: the gradient, not the loss, is NaN there. */
    @Test
    void aNonFiniteGradientNamesItsParameter() {
        Optimizer o = gd(parse("sqrt(x^2) + y^2"), at("x=1, y=1")).lr(1);
        var e = assertThrows(DotbarException.class, o::step);
        assertEquals("step 1 is not finite: the gradient ∂L/∂x is NaN at (x=0, y=-1); gd stopped and keeps its last finite state, "
                + "t = 0 (x=1, y=1)", e.getMessage());
        assertEquals(0, o.t());
    }

    /** AdaGrad with ε = 0 divides 0 by √0 for a parameter whose gradient is 0. */
    @Test
    void aNonFiniteUpdateNamesItsParameter() {
        Optimizer o = adagrad(parse("x^2 + y^2"), at("x=1, y=0")).eps(0);
        var e = assertThrows(DotbarException.class, o::step);
        assertEquals("step 1 is not finite: the update of y is NaN (g = 0.0); adagrad stopped and keeps its last finite state, "
                + "t = 0 (x=1, y=0)", e.getMessage());
        assertEquals(dotbar.DotBar.at("x=1, y=0"), o.at());
        assertEquals(0.0, o.state().get("w").get("x"), "the state is not half-updated");
    }

    @Test
    void aMinibatchThatIsNotFiniteStopsToo() {
        // step 1: m ← 1 − 2·(1/m) = −1, and then log(m·u) is NaN for every row
        Optimizer o = sgd(parse("log(m*u)"), data("u", new double[][]{{1}, {2}}), at("m=1")).lr(2).batch(1);
        var e = assertThrows(DotbarException.class, () -> o.step(4));
        assertEquals("step 2 is not finite: on its minibatch the loss is NaN at (m=-1); sgd stopped and keeps its last finite state, "
                + "t = 1 (m=-1)", e.getMessage());
        assertEquals(1, o.t());
    }

    @Test
    void anInterruptStopsBetweenTwoSteps() {
        Optimizer o = adam(parse("x^2 + y^2"), at("x=1, y=1"));
        Thread.currentThread().interrupt();
        var e = assertThrows(DotbarException.class, () -> o.step(10));
        assertTrue(e.getMessage().startsWith("interrupted after 0 of 10 steps; adam keeps its state at t = 0"), e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        assertEquals(0, o.t());
    }

    /** A run interrupted from another thread stops with a state a fresh run reproduces exactly. */
    @Test
    void anInterruptedRunIsConsistent() throws InterruptedException {
        Expr loss = parse("(1 - x)^2 + 100*(y - x^2)^2");
        Optimizer o = adam(loss, at("x=0, y=0")).lr(1e-4);
        var started = new CountDownLatch(1);
        var failure = new AtomicReference<Throwable>();
        Optimizer.quietNanos = 0;
        Optimizer.onProgress(p -> started.countDown());
        Thread runner = new Thread(() -> {
            try {
                o.step(Integer.MAX_VALUE);
            } catch (Throwable ex) {
                failure.set(ex);
            }
        });
        runner.start();
        started.await();
        runner.interrupt();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertTrue(failure.get() instanceof DotbarException && failure.get().getMessage().startsWith("interrupted after "),
                String.valueOf(failure.get()));
        long t = o.t();
        assertTrue(t > 0 && t < Integer.MAX_VALUE);
        Optimizer.onProgress(null);
        Optimizer fresh = adam(loss, at("x=0, y=0")).lr(1e-4);
        fresh.step((int) t);
        assertEquals(fresh.at(), o.at());
        assertEquals(fresh.state(), o.state());
        assertEquals(t, o.history().last().t());
        assertEquals(o.at(), o.history().last().at());
    }

    @Test
    void longRunsReportProgressAndTheirEnd() {
        var reports = new ArrayList<Progress>();
        Optimizer.quietNanos = 0;
        Optimizer.onProgress(reports::add);
        Optimizer o = gd(parse("x^2"), at("x=1")).lr(0.01);
        o.step(5);
        assertFalse(reports.isEmpty());
        Progress last = reports.get(reports.size() - 1);
        assertTrue(last.finished());
        assertEquals(5, last.done());
        assertEquals(5, last.total());
        assertEquals(1.0, last.fraction());
        assertSame(o, last.optimizer());
        assertEquals(1, reports.stream().filter(Progress::finished).count());
        reports.clear();
        Optimizer.quietNanos = 1_000_000_000L;
        o.step(5);
        assertTrue(reports.isEmpty(), "a short run says nothing");
    }
}
