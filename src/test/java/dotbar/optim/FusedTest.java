package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Every built-in rule's fused loop ({@link Fused}) against the general path, its equations'
 * program ({@link Rule#stepProgram}), bit for bit: on random parameters, states, gradients, steps
 * and hyperparameters, and over whole runs against the same equations typed as a user's rule.
 */
class FusedTest {
    private static final List<Rule> BUILTIN = List.of(Rules.gd(), Rules.sgd(), Rules.momentum(), Rules.nesterov(),
            Rules.adagrad(), Rules.rmsprop(), Rules.adam(), Rules.adamw());

    @Test
    void everyBuiltinRuleIsFused() {
        for (Rule r : BUILTIN) assertTrue(r.fused(), r.name());
        assertTrue(Rules.adam().set("lr", 0.1).fused(), "set keeps the fused step");
        assertFalse(rule("heavy", "v = α*v - g", "θ = θ + η*v").fused(), "a user's rule runs its program");
    }

    /** A value for a random entry: ordinary sizes mostly, and zeros, signed zeros, tiny and huge ones (whose squares overflow). */
    private static double entry(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> random.nextGaussian() * 1e-160;
            case 3 -> random.nextGaussian() * 1e150;
            case 4 -> Double.MIN_VALUE * random.nextInt(100);
            case 5 -> random.nextInt(3) == 0 ? random.nextGaussian() * 1e200 : random.nextGaussian();  // g² overflows
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
        };
    }

    /** A random admissible value for a built-in hyperparameter. */
    private static double hyperparameter(String letter, Random random) {
        return switch (letter) {
            case "η" -> Math.pow(10, -6 + 6 * random.nextDouble());
            case "α", "ρ", "μ" -> random.nextInt(5) == 0 ? 0.0 : random.nextDouble();
            default -> random.nextInt(5) == 0 ? 0.0 : Math.pow(10, -12 + 12 * random.nextDouble());  // ε, λ
        };
    }

    @Test
    void fusedStepEqualsTheProgramBitForBit() {
        var random = new Random(20261202);
        for (Rule builtin : BUILTIN) {
            for (int trial = 0; trial < 400; trial++) {
                Rule r = builtin;
                for (String h : builtin.hyperparameters().keySet()) r = r.set(h, hyperparameter(h, random));
                double[] hyper = r.values();
                int n = 1 + random.nextInt(trial % 10 == 0 ? 300 : 12);
                int k = r.states().size();
                double[] theta = new double[n], g = new double[n];
                double[][] state = new double[k][n];
                for (int i = 0; i < n; i++) {
                    theta[i] = entry(random);
                    g[i] = entry(random);
                    // w (a sum of squares) is never negative in a run; v and b may be anything
                    for (int s = 0; s < k; s++) state[s][i] = r.states().get(s).startsWith("w") ? Math.abs(entry(random)) : entry(random);
                }
                long t = 1 + random.nextInt(random.nextBoolean() ? 10 : 100_000);

                double[] fusedTheta = new double[n];
                double[][] fusedState = new double[k][n];
                double[] thetaBefore = theta.clone(), gBefore = g.clone();
                double[][] stateBefore = new double[k][];
                for (int s = 0; s < k; s++) stateBefore[s] = state[s].clone();
                boolean finite = r.step(theta, state, g, t, hyper, r.frame(), fusedTheta, fusedState);
                assertEquals(Optimizer.finite(fusedTheta, fusedState), finite, "the fused step's finiteness flag");
                assertArrayEquals(thetaBefore, theta, "the fused step leaves its inputs alone");
                assertArrayEquals(gBefore, g);
                for (int s = 0; s < k; s++) assertArrayEquals(stateBefore[s], state[s]);

                double[] programTheta = theta.clone();
                double[][] programState = new double[k][];
                for (int s = 0; s < k; s++) programState[s] = state[s].clone();
                r.stepProgram(programTheta, g, programState, t, hyper, r.frame());

                String where = r.name() + " " + r.hyperparameters() + " t=" + t + " n=" + n + " trial " + trial;
                assertBits(programTheta, fusedTheta, where + " θ");
                for (int s = 0; s < k; s++) assertBits(programState[s], fusedState[s], where + " " + r.states().get(s));
            }
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail(what + " [" + i + "]: program " + expected[i] + " but fused " + actual[i]);
            }
        }
    }

    /** The same equations typed as a user's rule (no fused step), with the built-in's hyperparameter values. */
    private static Rule typed(Rule builtin) {
        Rule r = rule(builtin.name() + "-typed", builtin.equations().toArray(String[]::new));
        for (var h : builtin.hyperparameters().entrySet()) r = r.set(h.getKey(), h.getValue());
        return r;
    }

    /** Whole runs: the fused built-in and its equations as a user's rule walk the same path, bit for bit, and stay finite. */
    @Test
    void fusedRunsEqualTheirEquationsTypedAsAUsersRule() {
        var names = new LinkedHashMap<String, Double>();
        var sum = new StringBuilder("0");
        for (int i = 0; i < 6; i += 2) {
            sum.append(" + 100*(x").append(i + 1).append(" - x").append(i).append("^2)^2 + (1 - x").append(i).append(")^2");
            names.put("x" + i, -1.2);
            names.put("x" + (i + 1), 1.0);
        }
        Expr rosenbrock = parse(sum.toString());
        Point start = Point.of(names);
        for (Rule builtin : BUILTIN) {
            Rule r = builtin.set("lr", builtin.name().startsWith("ada") || builtin.name().equals("rmsprop") ? 0.01 : 1e-4);
            if (r.hyperparameters().containsKey("μ")) r = r.set("μ", 0.5).set("λ", 0.01);
            Rule custom = typed(r);
            assertFalse(custom.fused());
            Optimizer fast = r.on(rosenbrock, start).step(300);
            Optimizer general = custom.on(rosenbrock, start).step(300);
            assertEquals(300, fast.t());
            assertArrayEquals(general.history().losses(), fast.history().losses(), r.name() + " losses");
            for (String x : names.keySet()) {
                assertEquals(Double.doubleToLongBits(general.at().get(x)), Double.doubleToLongBits(fast.at().get(x)), r.name() + " " + x);
            }
            for (String s : r.states()) {
                for (String x : names.keySet()) {
                    assertEquals(Double.doubleToLongBits(general.state().get(s).get(x)),
                            Double.doubleToLongBits(fast.state().get(s).get(x)), r.name() + " state " + s + " of " + x);
                }
            }
            assertTrue(fast.loss() < general.history().losses()[0], r.name() + " moved downhill");
        }
    }
}
