package dotbar.expr;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.print.UnicodePrinter;
import dotbar.testing.SmallStack;

import org.junit.jupiter.api.Test;

/**
 * Depth and size are ordinary: 20 000-deep chains (built, and given as text) and a 20 000-term
 * sum parse, print, evaluate and differentiate on a 256 KiB stack ({@link SmallStack}), with
 * values and derivatives checked against recurrences computed here in plain doubles; memoised
 * diff stays small; printing is fast.
 */
class DepthAndScaleTest {
    private static final int N = 20_000;
    private static final Sym X = sym("x"), Y = sym("y");

    /**
     * A chain cycling through sin(e) + x, tanh(e·y), −e − x; the test carries (value, ∂/∂x) along
     * the same chain as a dual number: an oracle independent of Evaluator and SymbolicDiff.
     */
    @Test
    void deepBuilderChain() {
        double x = 0.3, y = 0.8, v = x, d = 1;
        Expr e = X;
        for (int i = 0; i < N; i++) {
            switch (i % 3) {
                case 0 -> { e = sin(e).plus(X); d = Math.cos(v) * d + 1; v = Math.sin(v) + x; }
                case 1 -> { e = tanh(e.times(Y)); double t = Math.tanh(v * y); d = (1 - t * t) * y * d; v = t; }
                default -> { e = e.neg().minus(X); d = -d - 1; v = -v - x; }
            }
        }
        Expr chain = e;
        Point p = at("x", x, "y", y);
        String text = SmallStack.call(chain::toString);
        assertSame(chain, SmallStack.call(() -> parse(text)), "prints and parses back");
        assertTrue(SmallStack.call(() -> latex(chain)).length() > N);
        assertEquals(v, SmallStack.call(() -> chain.eval(p)), 1e-12);
        assertEquals(d, SmallStack.call(() -> diff(chain, "x").eval(p)), 1e-9 * Math.max(1, Math.abs(d)));
    }

    @Test
    void deepChainsAsText() {
        String sines = "sin(".repeat(N) + "x" + ")".repeat(N);
        String negations = "-(".repeat(N) + "x + 1" + ")".repeat(N);
        String parentheses = "(".repeat(N) + "x" + ")".repeat(N);
        String tower = "x^".repeat(N) + "x";   // right-associative: x^(x^(…))
        double x = 0.7;
        Point p = at("x", x);
        double sinValue = x, sinSlope = 1, towerValue = x;
        for (int i = 0; i < N; i++) {
            sinSlope *= Math.cos(sinValue);
            sinValue = Math.sin(sinValue);
            towerValue = Math.pow(x, towerValue);
        }
        double sv = sinValue, ss = sinSlope, tv = towerValue;
        SmallStack.call(() -> {
            Expr s = parse(sines);
            assertEquals(sines, s.toString());
            assertEquals(sv, s.eval(p), 1e-12);
            assertEquals(ss, diff(s, "x").eval(p), 1e-12);
            assertEquals("x + 1", parse(negations).toString(), "−(−u) = u at construction, 10 000 times");
            assertSame(X, parse(parentheses));
            Expr t = parse(tower);
            assertEquals(tower, t.toString());
            assertEquals(tv, t.eval(p), 1e-12);
            assertTrue(Double.isFinite(diff(t, "x").eval(p)));
            return null;
        });
    }

    /** x + x^2 + … + x^20000 as text; printed with superscripts up to x⁹⁹⁹, then x^1000. */
    @Test
    void longSumAsText() {
        var text = new StringBuilder("x");
        var printed = new StringBuilder("x");
        double x = 0.9, value = x, slope = 1;
        for (int k = 2; k <= N; k++) {
            text.append(" + x^").append(k);
            printed.append(" + x").append(k <= UnicodePrinter.SUPERSCRIPT_LIMIT ? UnicodePrinter.superscript(k) : "^" + k);
            value += Math.pow(x, k);
            slope += k * Math.pow(x, k - 1);
        }
        double v = value, s = slope;
        SmallStack.call(() -> {
            Expr sum = parse(text.toString());
            assertEquals(printed.toString(), sum.toString());
            assertSame(sum, parse(printed.toString()));
            assertEquals(v, sum.eval(at("x", x)), 1e-12 * v);
            assertEquals(s, diff(sum, "x").eval(at("x", x)), 1e-12 * s);
            return null;
        });
    }

    /** y ← y·y + y sixty times: a DAG of about 180 nodes whose tree has 2⁶⁰ leaves. */
    @Test
    void memoisedDiffOfARepeatedlySquaredExpression() {
        Expr y = X;
        for (int i = 0; i < 60; i++) y = y.times(y).plus(y);
        Expr d = diff(y, "x");   // memoised: a walk of the DAG, not of its 2⁶⁰-leaf tree (no wall-clock limit: the size bound below is the proof)
        assertTrue(d.size() <= 10 * y.size(), d.size() + " nodes in the derivative of " + y.size());
        // its tree would print 2⁶⁰ leaves: toString stops at its limit and says why
        String text = y.toString();
        assertTrue(text.length() < 4_000_200 && text.contains("distinct nodes"), () -> text.substring(text.length() - 120));
        assertEquals(100, UnicodePrinter.print(y, 100).indexOf(" … [cut at 100 characters"));
    }

    /** A tree of 10⁴ distinct nodes (each leaf a different constant) prints and parses back (its time is printed, not asserted: the suite runs on loaded machines). */
    @Test
    void tenThousandDistinctNodesPrintAndParseBack() {
        Expr e = X;
        for (int k = 1; k <= 1_600; k++) {
            // exact coefficients 2/(2k + 1): a Java double (k + 0.5) would print as a decimal that parses back exact, another node
            e = k % 2 == 0 ? e.plus(sin(Y.times(k)).times(2).div(2 * k + 1)) : e.times(X.minus(k).pow(2)).minus(exp(Y.div(k)));
        }
        Expr big = e;
        assertTrue(big.size() >= 10_000, big.size() + " nodes");
        for (int i = 0; i < 20; i++) big.toString();   // warm up the JIT
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            String text = big.toString();
            best = Math.min(best, System.nanoTime() - start);
            assertTrue(text.length() > 30_000, text.length() + " characters");
        }
        System.out.printf("printing %d nodes (%d characters): %.2f ms%n", big.size(), big.toString().length(), best / 1e6);
        assertSame(big, parse(big.toString()));
    }

    @Test
    void ieeeArithmeticDoesNotThrow() {
        assertEquals(Double.POSITIVE_INFINITY, parse("1/x").eval(at("x=0")));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-1/x").eval(at("x=0")));
        assertTrue(Double.isNaN(parse("log(x)").eval(at("x=-1"))));
        assertEquals(Double.NEGATIVE_INFINITY, parse("log(x)").eval(at("x=0")));
        assertTrue(Double.isNaN(parse("sqrt(x) + asin(2*x)").eval(at("x=-1"))));
        // (x/x is 1 at construction, the canonical form's domain growth, as in SymPy; 0/0 is still NaN when evaluated)
        assertTrue(Double.isNaN(parse("x/y").eval(at("x=0, y=0"))));
        // exact divisions by 0 fold to the IEEE values and print as text that folds back to them;
        // log(-1) and log(0) stay operations (doubles appear on evaluation) and evaluate to NaN and -∞
        assertEquals("1/0", parse("1/0").toString());
        assertEquals(Double.POSITIVE_INFINITY, parse("1/0").eval(at("x=0")));
        assertEquals("log(-1)", parse("log(-1)").toString());
        assertTrue(Double.isNaN(parse("log(-1)").eval(at("x=0"))));
        assertEquals("log(0)", parse("log(0)").toString());
        assertEquals(Double.NEGATIVE_INFINITY, parse("log(0)").eval(at("x=0")));
        assertTrue(Double.isNaN(assertInstanceOfNum(parse("0/0")).value()));
        assertThrows(dotbar.base.DotbarException.class, () -> parse("1/x").eval(at("y=0")), "a missing value is still an error");
    }

    private static Num assertInstanceOfNum(Expr e) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(Num.class, e);
    }
}
