package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Weight decay, schedules, clipping and stepUntil beyond the torch trajectories
 * ({@link TorchSchedulesTest}): off means bit-for-bit the plain rule, bad input is refused with
 * the optimizer unchanged, and stepUntil stops where and why it says.
 */
class TrainingControlsTest {
    private static final Expr ROSEN = parse("(1-x)^2 + 100*(y-x^2)^2");
    private static final Expr BOWL = parse("x^2 + 10*y^2");
    private static final Point START = at("x=-1.5, y=2");

    private static final Map<String, Function<Point, Optimizer>> ALL = Map.of(
            "gd", p -> gd(ROSEN, p).lr(1e-4), "sgd", p -> sgd(ROSEN, p).lr(1e-4).momentum(0.5),
            "momentum", p -> momentum(ROSEN, p).lr(1e-3), "nesterov", p -> nesterov(ROSEN, p).lr(1e-3),
            "adagrad", p -> adagrad(ROSEN, p), "rmsprop", p -> rmsprop(ROSEN, p), "adam", p -> adam(ROSEN, p).lr(0.01),
            "adamw", p -> adamw(ROSEN, p).lr(0.01));

    private static double[] path(Optimizer o) {
        var h = o.history();
        double[] x = h.column("x"), y = h.column("y");
        double[] r = Arrays.copyOf(x, x.length * 2);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }

    /** λ = 0, clipping at +∞ and no schedule are the plain rule, bit for bit, for every optimizer but adamw (whose λ is its own). */
    @Test
    void offIsThePlainRuleBitForBit() {
        ALL.forEach((name, make) -> {
            double[] plain = path(make.apply(START).step(200));
            Optimizer off = make.apply(START).clipNorm(Double.POSITIVE_INFINITY).schedule(null);
            if (!name.equals("adamw")) off.weightDecay(0);
            assertArrayEquals(plain, path(off.step(200)), name);
            assertNotEquals(plain[200], path(make.apply(START).weightDecay(0.3).step(200))[200], name + " with decay moves otherwise");
        });
    }

    /** gd's coupled decay (added by the optimizer) is sgd's own λ in its equations, to the bit. */
    @Test
    void gdWithDecayIsSgdWithDecay() {
        assertArrayEquals(path(sgd(ROSEN, START).lr(1e-4).weightDecay(0.2).step(300)),
                path(gd(ROSEN, START).lr(1e-4).weightDecay(0.2).step(300)));
    }

    /** The decay shows where hyperparameters show, by every name, only for the optimizer (not its rule). */
    @Test
    void coupledDecayIsAHyperparameterOfTheOptimizer() {
        Optimizer o = adam(ROSEN, START);
        assertFalse(o.hyperparameters().containsKey("λ"));
        o.set("weight_decay", 0.05);
        assertEquals(0.05, o.get("λ"));
        assertEquals(0.05, o.get("weightDecay"));
        assertEquals("{η=0.001, α=0.9, ρ=0.999, ε=1e-8, λ=0.05}", o.hyperparameters().toString());
        assertEquals(Map.of("η", 1e-3, "α", 0.9, "ρ", 0.999, "ε", 1e-8).keySet(), o.rule().hyperparameters().keySet());
        assertEquals(0.02, adamw(ROSEN, START).weightDecay(0.02).rule().get("λ"), "adamw's λ stays its own");
        assertMessage("adam has no hyperparameter 'weight_decay' (coupled weight decay is the optimizer's: adam(loss, start).weightDecay(λ));"
                + " known: η (lr), α (alpha, beta1), ρ (rho, beta2), ε (eps)", () -> adam().set("weight_decay", 0.1));
    }

    private static void refused(String message, Optimizer o, Executable change) {
        String before = settings(o);
        var e = assertThrows(DotbarException.class, change);
        assertEquals(message, e.getMessage());
        assertEquals(before, settings(o));
    }

    private static String settings(Optimizer o) {
        return o.hyperparameters() + " " + o.schedule() + " " + o.clipNorm() + " " + o.at() + " " + o.t() + " " + o.history().size()
                + (o.hyperparameters().containsKey("η") ? " " + o.currentLr() : "");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Optimizer o = adam(ROSEN, START).lr(0.01).weightDecay(0.01).schedule(cosine(10)).clipNorm(5).step(3);
        refused("adam: λ (weightDecay) must be ≥ 0, got -0.1", o, () -> o.weightDecay(-0.1));
        refused("adam: λ (weightDecay) = NaN is not a finite number", o, () -> o.set("weight_decay", Double.NaN));
        refused("adamw: λ (weightDecay) must be ≥ 0, got -1", adamw(ROSEN, START), () -> adamw(ROSEN, START).weightDecay(-1));
        refused("adam: clipNorm(maxNorm) needs maxNorm > 0, got 0", o, () -> o.clipNorm(0));
        refused("adam: clipNorm(maxNorm) needs maxNorm > 0, got -2", o, () -> o.clipNorm(-2));
        refused("adam: clipNorm(maxNorm) needs maxNorm > 0, got NaN", o, () -> o.clipNorm(Double.NaN));
        refused("stepUntil needs conditions, e.g. stepUntil(gradNorm(1e-6), steps(10000))", o, o::stepUntil);
        refused("stepUntil needs a steps(n) or epochs(n) limit besides [gradNorm(1e-6)], so that it ends", o,
                () -> o.stepUntil(gradNorm(1e-6)));
        Optimizer custom = rule("plain", "θ = θ - g").on(BOWL, at("x=1, y=1"));
        refused("plain has no learning rate η to schedule; known: none", custom, () -> custom.schedule(stepLR(2, 0.5)));
    }

    @Test
    void badSchedulesAndConditionsSayWhat() {
        assertMessage("cosine: T_max must be at least 1, got 0", () -> cosine(0));
        assertMessage("cosine: T_max must be at least 1, got -5", () -> cosine(-5, 0));
        assertMessage("cosine: eta_min must be a finite number ≥ 0, got -0.1", () -> cosine(10, -0.1));
        assertMessage("stepLR: step_size must be at least 1, got 0", () -> stepLR(0, 0.5));
        assertMessage("stepLR: gamma must be a finite number > 0, got 0", () -> stepLR(3, 0));
        assertMessage("exponentialLR: gamma must be a finite number > 0, got -0.9", () -> exponentialLR(-0.9));
        assertMessage("linearLR: start_factor must be in (0, 1], got 0", () -> linearLR(0, 1, 5));
        assertMessage("linearLR: end_factor must be in [0, 1], got 1.5", () -> linearLR(0.5, 1.5, 5));
        assertMessage("linearLR: total_iters must be at least 1, got 0", () -> linearLR(0.5, 1, 0));
        assertMessage("gradNorm: the tolerance must be ≥ 0, got -1", () -> gradNorm(-1));
        assertMessage("lossBelow: the tolerance NaN is not a finite number", () -> lossBelow(Double.NaN));
        assertMessage("steps(n) needs n ≥ 0, got -1", () -> steps(-1));
        assertMessage("epochs(n) needs n ≥ 0, got -2", () -> epochs(-2));
    }

    private static void assertMessage(String message, Executable e) {
        assertEquals(message, assertThrows(DotbarException.class, e).getMessage());
    }

    /** The schedules' values at a few epochs, from PyTorch's documented formulas worked by hand. */
    @Test
    void schedulesGiveTorchsRates() {
        assertEquals(0.1, stepLR(10, 0.5).lr(0.1, 9));
        assertEquals(0.05, stepLR(10, 0.5).lr(0.1, 10));
        assertEquals(0.025, stepLR(10, 0.5).lr(0.1, 25));
        assertEquals(0.1 * 0.9 * 0.9, exponentialLR(0.9).lr(0.1, 2), 1e-17);
        assertEquals(0.05, cosine(100).lr(0.1, 50), 1e-17);
        assertEquals(0.0, cosine(100).lr(0.1, 100), 1e-17);
        assertEquals(0.1, cosine(100).lr(0.1, 200), 1e-17, "torch's cosine is periodic");
        assertEquals(0.001, cosine(10, 0.001).lr(0.1, 10), 1e-17);
        assertEquals(0.01, linearLR(0.1, 1, 4).lr(0.1, 0), 1e-17);
        assertEquals(0.0325, linearLR(0.1, 1, 4).lr(0.1, 1), 1e-17);
        assertEquals(0.1, linearLR(0.1, 1, 4).lr(0.1, 4), 1e-17);
        assertEquals(0.1, linearLR(0.1, 1, 4).lr(0.1, 400), 1e-17);
        Optimizer o = adam(ROSEN, START).lr(0.1).schedule(stepLR(2, 0.5));
        assertEquals(0.1, o.currentLr());
        o.step(2);
        assertEquals(0.05, o.currentLr());
        assertEquals(0.1, o.get("lr"), "the set η is the base");
    }

    /** clip_grad_norm_ bounds each step's gradient: gd's first step moves θ by exactly η·maxNorm/(‖g‖+1e-6)·‖g‖. */
    @Test
    void clippingBoundsTheStep() {
        Optimizer o = gd(ROSEN, START).lr(0.01).clipNorm(1).step();
        double g = o.history().gradientNorms()[0];   // ‖∇L(start)‖ ≈ 162.9
        double moved = Math.hypot(o.at().get("x") + 1.5, o.at().get("y") - 2);
        assertEquals(0.01 * g / (g + 1e-6), moved, 1e-15);
        Optimizer big = gd(ROSEN, START).lr(1e-4).clipNorm(1e6);
        assertArrayEquals(path(gd(ROSEN, START).lr(1e-4).step(20)), path(big.step(20)), "a bound above ‖g‖ changes nothing");
    }

    @Test
    void stepUntilStopsAtTheFirstConditionThatHolds() {
        Optimizer o = gd(BOWL, at("x=3, y=1")).lr(0.01).stepUntil(gradNorm(1e-6), steps(100000));
        var norms = o.history().gradientNorms();
        assertTrue(norms[norms.length - 1] <= 1e-6 && norms[norms.length - 2] > 1e-6, "stopped at the first ‖g‖ ≤ 1e-6");
        assertTrue(o.history().stopped().matches("‖g‖ = .* ≤ 1e-06 at t = " + o.t()), o.history().stopped());
        assertTrue(o.history().toString().endsWith("\nstopped: " + o.history().stopped()));

        Optimizer s = adam(ROSEN, START).stepUntil(lossBelow(1e-12), steps(7), gradNorm(0));
        assertEquals(7, s.t());
        assertEquals("steps(7) taken at t = 7", s.history().stopped());
        s.stepUntil(steps(3));
        assertEquals(10, s.t(), "counted from the call");
        s.step(1);
        assertEquals("", s.history().stopped(), "a plain step(n) says nothing about stopping");

        Optimizer there = adam(BOWL, at("x=3, y=1")).stepUntil(lossBelow(100), steps(50));
        assertEquals(0, there.t(), "already below the tolerance: no step");
        assertEquals("loss = 19 ≤ 100 at t = 0", there.history().stopped());
        Optimizer l = adam(BOWL, at("x=3, y=1")).lr(0.1).stepUntil(lossBelow(1e-3), steps(5000));
        double[] losses = l.history().losses();
        assertTrue(losses[losses.length - 1] <= 1e-3 && losses[losses.length - 2] > 1e-3);
    }

    /** An epoch is one step for a whole loss and ⌈rows / batch⌉ with data. */
    @Test
    void epochsCountMinibatches() {
        double[][] rows = new double[10][];
        for (int i = 0; i < 10; i++) rows[i] = new double[]{i * 0.3, 2 * i * 0.3 + 1};
        Optimizer o = sgd(parse("(m*u + b - v)^2"), data("u v", rows), at("m=0, b=0")).lr(0.01).batch(3);
        o.stepUntil(epochs(2), steps(100));
        assertEquals(8, o.t());
        assertEquals("epochs(2) taken at t = 8", o.history().stopped());
        assertEquals(3, adam(BOWL, at("x=3, y=1")).stepUntil(epochs(3)).t());
    }
}
