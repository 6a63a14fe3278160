package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** unroll against hand-expanded formulas (eq. 12, 16, 20–22) and against numeric stepping. */
class UnrollTest {

    @Test
    void rmspropIsEquation12WithTheSquares() {
        Expr w3 = unroll(rmsprop(), "w", 3);
        assertEquals(parse("ρ^2*(1-ρ)*g1^2 + ρ*(1-ρ)*g2^2 + (1-ρ)*g3^2"), w3, w3.toString());
        assertEquals("ρ²·(1 - ρ)·g1² + ρ·(1 - ρ)·g2² + (1 - ρ)·g3²", w3.toString());
    }

    /** The simplifier's canonical forms agree too, for the hand-expanded formulas with terms and factors in another order. */
    @Test
    void equalAfterSimplify() {
        assertEquals(simplify(parse("(1-ρ)*g3^2 + g2^2*ρ*(1-ρ) + (1-ρ)*g1^2*ρ*ρ")), simplify(unroll(rmsprop(), "w", 3)));
        assertEquals(simplify(parse("-(α*g1*(1-α)/(1-α^2)) - (1-α)*g2/(1-α^2)")), simplify(unroll(adam(), "v̂", 2)));
    }

    @Test
    void adagradSumsTheSquares() {
        assertEquals(parse("g1^2 + g2^2 + g3^2"), unroll(adagrad(), "w", 3));
    }

    @Test
    void momentumIsEquation2Unrolled() {
        Expr v3 = unroll(momentum(), "v", 3);
        assertEquals(parse("-α^2*(1-α)*g1 - α*(1-α)*g2 - (1-α)*g3"), v3);
        assertEquals("-α²·(1 - α)·g1 - α·(1 - α)·g2 - (1 - α)·g3", v3.toString());
    }

    @Test
    void adamBiasCorrectionDividesByOneMinusAlphaToTheT() {
        assertEquals(parse("-α*(1-α)/(1-α^2)*g1 - (1-α)/(1-α^2)*g2"), unroll(adam(), "v̂", 2));
    }

    /** Eq. (16): w_t = (1−ρ) Σ_s ρ^{t−s} g_s², for any ρ and gradients. */
    @Property(tries = 200)
    void rmspropMatchesEquation16(@ForAll @DoubleRange(min = 0, max = 0.999) @Scale(4) double ρ,
                                  @ForAll @IntRange(min = 1, max = 6) int t,
                                  @ForAll @DoubleRange(min = -5, max = 5) double g0) {
        var values = new HashMap<String, Double>(Map.of("ρ", ρ));
        double expected = 0;
        for (int s = 1; s <= t; s++) {
            double g = g0 + 0.7 * s - 0.1 * s * s;  // varied, reproducible gradients
            values.put("g" + s, g);
            expected += (1 - ρ) * Math.pow(ρ, t - s) * g * g;
        }
        assertEquals(expected, unroll(rmsprop(), "w", t).eval(Point.of(values)), 1e-12 * Math.max(1, expected));
    }

    /**
     * Eq. (19) and (22): when every gradient is the same c, the bias-corrected estimates are
     * exactly the gradient's moments, v̂_t = −c and ŵ_t = c², at every t and for any α, ρ.
     */
    @Property(tries = 200)
    void biasCorrectionRecoversTheMoments(@ForAll @DoubleRange(min = 0.05, max = 0.99) double α,
                                          @ForAll @DoubleRange(min = 0.05, max = 0.999) @Scale(4) double ρ,
                                          @ForAll @IntRange(min = 1, max = 8) int t,
                                          @ForAll @DoubleRange(min = -3, max = 3) double c) {
        var values = new HashMap<String, Double>(Map.of("α", α, "ρ", ρ));
        for (int s = 1; s <= t; s++) values.put("g" + s, c);
        Point p = Point.of(values);
        assertEquals(-c, unroll(adam(), "v̂", t).eval(p), 1e-9 * Math.max(1, Math.abs(c)));
        assertEquals(c * c, unroll(adam(), "ŵ", t).eval(p), 1e-9 * Math.max(1, c * c));
    }

    /**
     * For every built-in, θ_t unrolled symbolically and evaluated at the gradients a numeric run
     * saw (L = (θ − 0.3)², g_s = 2(θ_{s−1} − 0.3)) is the numeric θ_t: the compiled rule and the
     * symbolic substitution agree.
     */
    @Test
    void unrolledThetaIsTheNumericTrajectory() {
        Map<String, Supplier<Rule>> rules = Map.of("gd", Rules::gd, "sgd", () -> Rules.sgd().set("μ", 0.5).set("λ", 0.1),
                "momentum", Rules::momentum, "nesterov", Rules::nesterov, "adagrad", Rules::adagrad, "rmsprop", Rules::rmsprop,
                "adam", Rules::adam, "adamw", Rules::adamw);
        for (var entry : rules.entrySet()) {
            Rule rule = entry.getValue().get().set("lr", 0.05);
            Optimizer o = rule.on(parse("(θ - 0.3)^2"), at("θ=2"));
            o.step(4);
            double[] path = o.history().column("θ");
            var values = new HashMap<String, Double>(rule.hyperparameters());
            values.put("θ0", 2.0);
            for (int s = 1; s <= 4; s++) values.put("g" + s, 2 * (path[s - 1] - 0.3));
            double symbolic = rule.unroll("θ", 4).eval(Point.of(values));
            assertEquals(path[4], symbolic, 1e-12 * Math.abs(path[4]), entry.getKey());
        }
    }

    @Test
    void badInput() {
        var e = assertThrows(DotbarException.class, () -> unroll(rmsprop(), "v", 3));
        assertEquals("rmsprop has no state v; its states are w and θ", e.getMessage());
        e = assertThrows(DotbarException.class, () -> unroll(gd(), "w", 3));
        assertEquals("gd has no state w; its states are θ", e.getMessage());
        e = assertThrows(DotbarException.class, () -> unroll(adam(), "v", 0));
        assertEquals("unroll needs at least 1 step, got 0", e.getMessage());
    }
}
