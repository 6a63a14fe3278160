package dotbar.optim;

import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in reaches the minimum of a parabola and of Rosenbrock's valley in 10 000 steps, as
 * optax's {@code alias_test.py} checks its aliases: same targets, same start points, same
 * tolerance (|θ − θ*| ≤ 3e-2 + 3e-2·|θ*|), and its learning rates where it has the optimizer.
 */
class ConvergenceTest {
    private static final Expr PARABOLA = parse("(p - 1)^2 + (q + 1)^2 + (r - 1)^2");
    private static final Point PARABOLA_START = dotbar.DotBar.at("p=-1, q=10, r=1");
    private static final Point PARABOLA_MIN = dotbar.DotBar.at("p=1, q=-1, r=1");
    private static final Expr ROSENBROCK = parse("(1 - x)^2 + 100*(y - x^2)^2");
    private static final Point ROSENBROCK_START = dotbar.DotBar.at("x=0, y=0");
    private static final Point ROSENBROCK_MIN = dotbar.DotBar.at("x=1, y=1");

    /** Name, rule and learning rate (optax's where it tests the same optimizer). */
    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("gd", (Supplier<Rule>) () -> Rules.gd().set("lr", 1e-3)),
                Arguments.of("sgd μ=0.9", (Supplier<Rule>) () -> Rules.sgd().set("lr", 1e-3).set("momentum", 0.9)),
                // the EMA form of PyTorch's SGD(lr=1e-3, momentum=0.9): η = lr/(1−α)
                Arguments.of("momentum", (Supplier<Rule>) () -> Rules.momentum().set("lr", 1e-2)),
                Arguments.of("nesterov", (Supplier<Rule>) () -> Rules.nesterov().set("lr", 1e-2)),
                Arguments.of("adagrad", (Supplier<Rule>) () -> Rules.adagrad().set("lr", 1.0)),
                Arguments.of("rmsprop", (Supplier<Rule>) () -> Rules.rmsprop().set("lr", 5e-3)),
                Arguments.of("adam", (Supplier<Rule>) () -> Rules.adam().set("lr", 1e-1)),
                // optax's adamw decays by 1e-4; PyTorch's default 1e-2 moves Rosenbrock's minimum
                // itself towards 0 (to about (0.94, 0.89)), which is the decay doing its job
                Arguments.of("adamw", (Supplier<Rule>) () -> Rules.adamw().set("lr", 1e-1).set("weight_decay", 1e-4)));
    }

    @ParameterizedTest(name = "{0} on a parabola")
    @MethodSource("optimizers")
    void parabola(String name, Supplier<Rule> rule) {
        reaches(rule.get().on(PARABOLA, PARABOLA_START), PARABOLA_MIN);
    }

    @ParameterizedTest(name = "{0} on Rosenbrock")
    @MethodSource("optimizers")
    void rosenbrock(String name, Supplier<Rule> rule) {
        reaches(rule.get().on(ROSENBROCK, ROSENBROCK_START), ROSENBROCK_MIN);
    }

    private static void reaches(Optimizer o, Point minimum) {
        double before = o.loss();
        o.step(10_000);
        for (String p : minimum.names()) {
            double want = minimum.get(p), got = o.at().get(p);
            assertTrue(Math.abs(got - want) <= 3e-2 + 3e-2 * Math.abs(want), p + ": " + o);
        }
        assertTrue(o.loss() < before, "loss went down: " + o);
    }
}
