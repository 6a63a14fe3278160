package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.diff.Hessian;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.time.Duration;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

/**
 * Wide inputs: 3·10⁴ parameters through grad, compile and an optimizer's set-up and step (the
 * set-up was quadratic; the speed at 10⁴ and 10⁵ is measured by {@code dotbar.bench.ScalingBench},
 * here the deadline only guards against a hang); a Hessian too large to form is
 * refused with the limit; simplify never grows a DAG.
 */
class WideInputsTest {
    private static final int N = 30_000;

    /** Σᵢ (wᵢ − i)²/2 over N parameters: ∂/∂wᵢ = wᵢ − i. */
    @Test
    void thirtyThousandParameters() {
        Expr loss = num(0);
        var start = new LinkedHashMap<String, Double>();
        for (int i = 0; i < N; i++) {
            loss = loss.plus(sym("w" + i).minus(i).pow(2).div(2));
            start.put("w" + i, 0.0);
        }
        Expr e = loss;
        Point p = Point.of(start);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            var g = grad(e, p);
            assertEquals(-12_345, g.get("w12345"));
            var c = compile(e);
            assertEquals(N, c.params().size());
            var opt = gd(e, p).lr(1).step();
            assertEquals(N - 1, opt.at().get("w" + (N - 1)), 1e-9, "one gd step with η = 1 lands on the minimum");
        });
    }

    @Test
    void aHessianTooLargeToFormIsRefusedWithTheLimit() {
        Expr e = num(0);
        var start = new LinkedHashMap<String, Double>();
        for (int i = 0; i <= Hessian.MAX_VARIABLES; i++) {
            e = e.plus(sym("h" + i).pow(2));
            start.put("h" + i, 1.0);
        }
        Expr big = e;
        var error = assertThrows(DotbarException.class, () -> hessian(big, Point.of(start)));
        assertTrue(error.getMessage().contains((Hessian.MAX_VARIABLES + 1) + " variables") && error.getMessage().contains("limit is "
                + Hessian.MAX_VARIABLES), error.getMessage());
        assertEquals(2, hessian(parse("h1^2 + h2^2"), at("h1=1, h2=2")).get("h1", "h1"), "small ones still work");
    }

    /** y ← y·y + y a thousand times: 2001 nodes whose multiplied-out form has 131 times as many. */
    @Test
    void simplifyNeverGrowsTheDag() {
        Expr y = sym("x");
        for (int i = 0; i < 1000; i++) y = y.times(y).plus(y);
        Expr big = y;
        Expr s = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> simplify(big));
        assertTrue(s.size() <= big.size(), s.size() + " nodes from " + big.size());
        assertSame(parse("2*x"), simplify(parse("x + x")), "numbers are free: x + x → 2·x still");
    }
}
