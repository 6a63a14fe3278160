package dotbar.sweep;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.HessianVector;
import dotbar.testing.SmallStack;

import org.junit.jupiter.api.Test;

/**
 * Every entry point that runs a sweep, on 20 000-deep expressions on a 256 KiB stack
 * ({@link SmallStack}): the symbolic and numeric traces both ways, diff of first and second
 * order, grad (symbolic and numeric), hessian, Hessian-vector products, the cost report and the
 * tape with its generated second tier. Values are checked against recurrences carried here in
 * plain doubles, an oracle that shares no code with the sweeps.
 */
class DeepSweepsTest {
    private static final int N = 20_000;

    /** sin(sin(…sin(x)…)) with the value, first and second derivative of the chain at x. */
    @Test
    void chainOfSines() {
        double x = 0.9, v = x, d = 1, dd = 0;
        Expr e = sym("x");
        for (int i = 0; i < N; i++) {
            e = sin(e);
            // (sin u)'' = −sin(u)·u'² + cos(u)·u''
            dd = -Math.sin(v) * d * d + Math.cos(v) * dd;
            d = Math.cos(v) * d;
            v = Math.sin(v);
        }
        Expr chain = e;
        Point p = at("x", x);
        double value = v, slope = d, curvature = dd;
        SmallStack.call(() -> {
            var rev = reverse(chain);
            assertEquals(N + 1, rev.rows().size());
            // the whole text would be n²/2 factors (2·10⁹ characters): it stops after 4 000 000 with a note
            String text = rev.toString();
            assertTrue(text.length() < 5_000_000 && text.contains(" more rows: the text stops after 4000000 characters"),
                    () -> text.length() + " characters, ending " + text.substring(Math.max(0, text.length() - 200)));
            assertTrue(rev.latex().contains(" more rows: "));
            assertClose(slope, rev.gradient().get("x").eval(p), "reverse(e)");
            var fwd = forward(chain, "x");
            assertClose(slope, fwd.derivative().eval(p), "forward(e, x)");
            assertEquals(fwd.derivative(), diff(chain, "x"), "the forward trace's result is diff's expression");
            assertClose(slope, reverse(chain, p).gradient().get("x"), "reverse(e, p)");
            assertClose(slope, forward(chain, p, "x").derivative(), "forward(e, p, x)");
            assertEquals(value, forward(chain, p, "x").value(), 1e-12);
            assertClose(slope, diff(chain, "x").eval(p), "diff");
            assertClose(curvature, diff(chain, "x", 2).eval(p), "diff of order 2");
            assertClose(slope, grad(chain).get("x").eval(p), "grad(e)");
            assertClose(slope, grad(chain, p).get("x"), "grad(e, p)");
            assertClose(curvature, hessian(chain, p).get("x", "x"), "hessian");
            double[] hv = new double[1];
            HessianVector.of(chain, "x").apply(new double[] {x}, new double[] {1}, hv);
            assertClose(curvature, hv[0], "HessianVector");
            assertEquals(N, cost(chain).valueOps());
            assertEquals(N, cost(chain).forwardOps("x") - N, "one multiply-add per link");
            Compiled tape = compile(chain, "x");
            assertClose(slope, tape.gradient(new double[] {x})[0], "tape");
            assertTrue(tape.generate(), "the second tier generates");
            assertClose(slope, tape.gradient(new double[] {x})[0], "generated tape");
            return null;
        });
    }

    /**
     * e ← c·e + x·y, 20 000 times (a deep mix of sums and products over a shared x·y): every
     * derivative has a closed recurrence, ∂e/∂x ← c·∂e/∂x + y, ∂²e/∂x∂y ← c·∂²e/∂x∂y + 1.
     */
    @Test
    void deepSumsAndProducts() {
        double x = 0.7, y = -1.3, c = 0.999, v = x, dx = 1, dy = 0, dxy = 0;
        Expr e = sym("x");
        Expr xy = sym("x").times(sym("y"));
        for (int i = 0; i < N; i++) {
            e = Exprs.num(c).times(e).plus(xy);
            v = c * v + x * y;
            dx = c * dx + y;
            dy = c * dy + x;
            dxy = c * dxy + 1;
        }
        Expr mix = e;
        Point p = at("x", x, "y", y);
        double value = v, gx = dx, gy = dy, hxy = dxy;
        SmallStack.call(() -> {
            assertEquals(value, mix.eval(p), 1e-9 * Math.abs(value));
            var rev = reverse(mix);
            assertClose(gx, rev.gradient().get("x").eval(p), "reverse(e) by x");
            assertClose(gy, rev.gradient().get("y").eval(p), "reverse(e) by y");
            assertClose(gy, forward(mix, "y").derivative().eval(p), "forward(e, y)");
            var numeric = reverse(mix, p).gradient();
            assertClose(gx, numeric.get("x"), "reverse(e, p)");
            assertClose(gy, forward(mix, p, "y").derivative(), "forward(e, p, y)");
            assertClose(hxy, diff(diff(mix, "x"), "y").eval(p), "diff by x then y");
            assertClose(0, diff(mix, "x", 2).eval(p), "diff of order 2");
            assertClose(gx, grad(mix).get("x").eval(p), "grad(e)");
            assertClose(gy, grad(mix, p).get("y"), "grad(e, p)");
            var h = hessian(mix, p);
            assertClose(hxy, h.get("x", "y"), "hessian xy");
            assertClose(hxy, h.get("y", "x"), "hessian yx");
            assertClose(0, h.get("y", "y"), "hessian yy");
            double[] hv = new double[2];
            HessianVector.of(mix, "x", "y").apply(new double[] {x, y}, new double[] {1, 0}, hv);
            assertClose(0, hv[0], "HessianVector x");
            assertClose(hxy, hv[1], "HessianVector y");
            Compiled tape = compile(mix, "x", "y");
            double[] g = tape.gradient(new double[] {x, y});
            assertClose(gx, g[0], "tape x");
            assertTrue(tape.generate(), "the second tier generates");
            assertClose(gy, tape.gradient(new double[] {x, y})[1], "generated tape y");
            return null;
        });
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), what + ": expected " + expected + ", got " + actual);
    }
}
