package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Stepping, state, history, hyperparameter names and defaults, and the PyTorch forms of the seed's momentum. */
class OptimizerTest {
    private static final Expr BEALE = parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
    private static final Expr BOWL = parse("(x-1)^2 + 10*(y+2)^2");

    @Test
    void defaultsArePyTorchs() {
        assertEquals(Map.of("η", 1e-3), gd().hyperparameters());
        assertEquals(Map.of("η", 1e-3, "μ", 0.0, "λ", 0.0), sgd().hyperparameters());
        assertEquals(Map.of("η", 0.01, "ε", 1e-10), adagrad().hyperparameters());
        assertEquals(Map.of("η", 0.01, "ρ", 0.99, "ε", 1e-8), rmsprop().hyperparameters());
        assertEquals(Map.of("η", 1e-3, "α", 0.9, "ρ", 0.999, "ε", 1e-8), adam().hyperparameters());
        assertEquals(Map.of("η", 1e-3, "α", 0.9, "ρ", 0.999, "ε", 1e-8, "λ", 0.01), adamw().hyperparameters());
        assertEquals(Map.of("η", 0.01, "α", 0.9), momentum().hyperparameters());
        assertEquals(Map.of("η", 0.01, "α", 0.9), nesterov().hyperparameters());
        assertEquals(List.of("η", "α", "ρ", "ε"), List.copyOf(adam().hyperparameters().keySet()));
    }

    @Test
    void hyperparametersBySeedLetterAndPyTorchName() {
        Optimizer o = adam(BOWL, at("x=0, y=0")).lr(0.02).betas(0.8, 0.99).eps(1e-6);
        assertEquals(Map.of("η", 0.02, "α", 0.8, "ρ", 0.99, "ε", 1e-6), o.hyperparameters());
        o.set("beta1", 0.7).set("rho", 0.9).alpha(0.6);
        assertEquals(0.6, o.get("α"));
        assertEquals(0.9, o.get("beta2"));
        assertEquals(0.5, sgd(BOWL, at("x=0, y=0")).momentum(0.5).get("μ"));
        assertEquals(0.5, momentum(BOWL, at("x=0, y=0")).momentum(0.5).get("α"));
        assertEquals(0.1, adamw(BOWL, at("x=0, y=0")).weightDecay(0.1).get("weight_decay"));
        assertEquals(0.3, adam().set("lr", 0.3).get("η"));
    }

    @Test
    void badHyperparameters() {
        Optimizer o = adam(BOWL, at("x=0, y=0"));
        var e = assertThrows(DotbarException.class, () -> o.set("beta3", 0.5));
        assertEquals("adam has no hyperparameter 'beta3'; known: η (lr), α (alpha, beta1), ρ (rho, beta2), ε (eps)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> rmsprop(BOWL, at("x=0, y=0")).alpha(0.9));
        assertTrue(e.getMessage().contains("PyTorch's RMSprop calls ρ alpha: use .rho(…)"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> o.lr(0));
        assertEquals("adam: η (lr) must be positive, got 0", e.getMessage());
        assertThrows(DotbarException.class, () -> o.lr(-0.1));
        assertThrows(DotbarException.class, () -> gd().set("lr", 0));
        assertThrows(DotbarException.class, () -> o.eps(Double.NaN));
        e = assertThrows(DotbarException.class, () -> o.betas(0.5, 1.0));
        assertEquals("adam: ρ (rho) must be in [0, 1), got 1", e.getMessage());
        assertEquals(0.9, o.get("α"), "a failed betas(…) changes neither");
        e = assertThrows(DotbarException.class, () -> o.set("v", 1));
        assertTrue(e.getMessage().startsWith("adam: v is a state, not a hyperparameter"), e.getMessage());
        assertThrows(DotbarException.class, () -> gd(BOWL, at("x=0, y=0")).momentum(0.9));
        assertThrows(DotbarException.class, () -> gd(BOWL, at("x=0, y=0")).batch(2));
    }

    @Test
    void startPointMustGiveExactlyTheLossesParameters() {
        var e = assertThrows(DotbarException.class, () -> adam(BOWL, at("x=0")));
        assertEquals("the start point has no value for y (the loss's parameters are x, y)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> adam(BOWL, at("x=0, y=0, z=1")));
        assertEquals("the start point names z, which the loss does not contain; its parameters are x, y", e.getMessage());
        e = assertThrows(DotbarException.class, () -> gd(parse("2 + 3"), at("x=1")));
        assertTrue(e.getMessage().contains("which the loss does not contain; it has no parameters"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> gd(parse("log(x)"), at("x=-1")));
        assertTrue(e.getMessage().startsWith("the loss is NaN at the start point (x=-1)"), e.getMessage());
    }

    @Test
    void adamStateAfterOneStepByHand() {
        Optimizer o = adam(BOWL, at("x=0, y=0")).lr(0.1);
        o.step();
        // g = (2(x−1), 20(y+2)) = (−2, 40) at the start
        Map<String, Point> s = o.state();
        assertEquals(List.of("v", "w", "v̂", "ŵ"), List.copyOf(s.keySet()));
        assertEquals(-(1 - 0.9) * -2, s.get("v").get("x"), 1e-15);
        assertEquals((1 - 0.999) * 1600, s.get("w").get("y"), 1e-12);
        assertEquals(2, s.get("v̂").get("x"), 1e-12);
        assertEquals(1600, s.get("ŵ").get("y"), 1e-9);
        // θ1 = θ0 + η·v̂/(√ŵ + ε): a step of η against the gradient's sign
        assertEquals(0.1 * 2 / (2 + 1e-8), o.at().get("x"), 1e-15);
        assertEquals(-0.1 * 40 / (40 + 1e-8), o.at().get("y"), 1e-15);
        assertTrue(gd(BOWL, at("x=0, y=0")).state().isEmpty());
    }

    @Test
    void historyRowsAreTheStatesAfterEachStep() {
        Optimizer o = rmsprop(BEALE, at("x=1, y=1.5"));
        History before = o.step(3).history();
        o.step(7);
        History h = o.history();
        assertEquals(4, before.size(), "a history is a snapshot");
        assertEquals(11, h.size());
        assertEquals(dotbar.DotBar.at("x=1, y=1.5"), h.get(0).at());
        assertEquals(BEALE.eval(at("x=1, y=1.5")), h.get(0).loss());
        assertEquals(o.at(), h.last().at());
        assertEquals(o.loss(), h.last().loss());
        assertEquals(10, h.last().t());
        double gx = diff(BEALE, "x").eval(o.at()), gy = diff(BEALE, "y").eval(o.at());
        assertEquals(Math.hypot(gx, gy), h.last().gradientNorm(), 1e-12 * Math.hypot(gx, gy));
        assertEquals(before.get(3), h.get(3));
        assertArrayEquals(new double[]{1, h.get(1).at().get("x"), h.get(2).at().get("x")}, java.util.Arrays.copyOf(h.column("x"), 3));
        assertEquals(h.get(7).at(), h.points().get(7));
        assertEquals(11, h.points().size());
        assertThrows(DotbarException.class, () -> h.get(11));
        assertThrows(DotbarException.class, () -> h.column("z"));
    }

    @Test
    void resetReplaysTheSameTrajectory() {
        Optimizer o = adam(BEALE, at("x=1, y=1.5")).lr(0.05);
        Point after = o.step(25).at();
        o.reset();
        assertEquals(0, o.t());
        assertEquals(dotbar.DotBar.at("x=1, y=1.5"), o.at());
        assertEquals(1, o.history().size());
        assertEquals(0.0, o.state().get("v").get("x"));
        assertEquals(after, o.step(25).at());
        assertEquals(0.05, o.get("lr"), "hyperparameters survive a reset");
    }

    @Test
    void anotherOptimizerStartsWhereOneStopped() {
        Optimizer a = adam(BEALE, at("x=1, y=1.5")).lr(0.05).step(50);
        Optimizer r = rmsprop(BEALE, a.at());
        assertEquals(a.at(), r.at());
        assertEquals(0, r.t());
        assertEquals(a.loss(), r.loss());
    }

    @Test
    void hyperparametersCanChangeBetweenSteps() {
        Optimizer o = gd(parse("x^2"), at("x=1")).lr(0.1).step();
        assertEquals(0.8, o.at().get("x"), 1e-15);
        o.lr(0.25).step();
        assertEquals(0.8 - 0.25 * 1.6, o.at().get("x"), 1e-15);
    }

    @Test
    void summaryIsOneLine() {
        String s = adam(BOWL, at("x=0, y=0")).lr(0.1).step().toString();
        // (0.1 − 1)² + 10·1.9² = 36.91; ‖(2·(−0.9), 20·1.9)‖ = √1447.24
        assertEquals("adam  t=1  loss=36.91  (x=0.1, y=-0.1)  ‖g‖=38.0426", s);
    }

    /**
     * The seed's EMA momentum, nesterov and sgd against PyTorch's SGD algorithm as its
     * documentation writes it (buf ← μ·buf + d; d = g + λθ; θ ← θ − lr·(nesterov ? d + μ·buf : buf)),
     * with lr = η(1−α), μ = α (the seed's erratum): 50 steps on Beale's function.
     */
    @Test
    void momentumFormsAreTorchSgdWithScaledLearningRate() {
        double η = 0.02, α = 0.7, λ = 0.05;
        torchSgd(momentum(BEALE, at("x=1, y=1.5")).lr(η).alpha(α), η * (1 - α), α, 0, false);
        torchSgd(nesterov(BEALE, at("x=1, y=1.5")).lr(η).alpha(α), η * (1 - α), α, 0, true);
        torchSgd(sgd(BEALE, at("x=1, y=1.5")).lr(η * (1 - α)).momentum(α).weightDecay(λ), η * (1 - α), α, λ, false);
    }

    private static void torchSgd(Optimizer o, double lr, double μ, double λ, boolean nesterov) {
        double[] θ = {1, 1.5}, buf = {0, 0};
        Expr[] grad = {diff(BEALE, "x"), diff(BEALE, "y")};
        for (int step = 1; step <= 50; step++) {
            Point p = at("x", θ[0], "y", θ[1]);
            double[] g = {grad[0].eval(p), grad[1].eval(p)};
            for (int i = 0; i < 2; i++) {
                double d = g[i] + λ * θ[i];
                buf[i] = step == 1 ? d : μ * buf[i] + d;
                θ[i] -= lr * (nesterov ? d + μ * buf[i] : buf[i]);
            }
            o.step();
            assertEquals(θ[0], o.at().get("x"), 1e-12 * Math.abs(θ[0]), o.rule().name() + " step " + step);
            assertEquals(θ[1], o.at().get("y"), 1e-12 * Math.abs(θ[1]), o.rule().name() + " step " + step);
        }
    }
}
