package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.latex;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Shapes;

import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code softmax(A)} and {@code logsumexp(A)}, per column: their shapes, text, the scalar and
 * one-row cases, the max-shifted evaluation where the naive formula overflows, the textbook
 * gradient of softmax cross-entropy, and properties at random shapes (the derivative rules
 * themselves are checked four ways in {@link TensorOpTableTest}).
 */
class SoftmaxTest {
    @BeforeAll
    static void declare() {
        matrix("smA", 2, 3);
        matrix("smW", 3, 4);
        vector("smx", 4);
        vector("smy", 3);
        vector("smz", 2);
        matrix("smr", 1, 3);
    }

    @AfterAll
    static void forget() {
        List.of("smA", "smW", "smx", "smy", "smz", "smr").forEach(Shapes::forget);
    }

    @Test
    void shapesAndText() {
        Expr s = parse("softmax(smA)"), l = parse("logsumexp(smA)");
        assertEquals(List.of(2, 3), List.of(s.shape()[0], s.shape()[1]));
        assertEquals(List.of(1, 3), List.of(l.shape()[0], l.shape()[1]));
        assertEquals("softmax(smW·smx)", parse("softmax(smW @ smx)").toString());
        assertEquals("\\operatorname{logsumexp}\\left(\\mathrm{smA}\\right)", latex(l));
        assertEquals("\\operatorname{softmax}\\left(\\mathrm{smA}\\right)", latex(s));
        for (Expr e : List.of(s, l, parse("sum(logsumexp(smW·smx) - colsum(smy ⊙ (smW·smx)))"), parse("softmax(smA)ᵀ·softmax(smA)"))) {
            assertSame(e, parse(e.toString()), "round trip of " + e);
        }
        var bad = assertThrows(DotbarException.class, () -> parse("softmax(smA, smA)"));
        assertTrue(bad.getMessage().contains("softmax"), bad.getMessage());
    }

    @Test
    void aScalarOrAColumnOfOneEntry() {
        var a = Exprs.sym("a");
        assertEquals(Exprs.ONE, parse("softmax(a)"));            // the softmax of a scalar is 1
        assertEquals(a, parse("logsumexp(a)"));
        assertEquals(Exprs.ONE, parse("softmax(2.5)"));
        assertEquals(parse("smr"), parse("logsumexp(smr)"));     // a 1×3 row: three columns of one entry
        var p = at("smr", new double[][]{{-3, 0.5, 700}});
        double[][] s = parse("softmax(smr)").evalArray(p);
        for (double v : s[0]) assertEquals(1.0, v);
        double[][] d = diff(parse("sum(smr ⊙ softmax(smr))"), "smr").evalArray(p);
        for (double v : d[0]) assertEquals(1.0, v);
    }

    @Test
    void evaluationIsShiftedByTheMaximumWhereTheNaiveFormulaOverflows() {
        var p = at("smz", new double[]{1000, 1000});
        assertEquals(1000 + Math.log(2), parse("logsumexp(smz)").eval(p), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, parse("log(colsum(exp(smz)))").eval(p));     // what the shift avoids
        var q = at("smz", new double[]{-1000, -1000});
        assertEquals(-1000 + Math.log(2), parse("logsumexp(smz)").eval(q), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, parse("log(colsum(exp(smz)))").eval(q));
        var r = at("smz", new double[]{700, 0});
        double[][] s = parse("softmax(smz)").evalArray(r);
        assertEquals(1.0, s[0][0]);
        assertEquals(Math.exp(-700), s[1][0], 1e-15 * Math.exp(-700));
        assertEquals(Double.NaN, parse("exp(smz)/colsum(exp(smz))").evalArray(at("smz", new double[]{800, 0}))[0][0]);  // ∞/∞
        // the gradient of logsumexp is softmax, finite there (torch's logsumexp backward)
        double[][] g = grad(parse("logsumexp(smz)"), r).array("smz");
        assertEquals(1.0, g[0][0]);
        assertEquals(Math.exp(-700), g[1][0], 1e-15 * Math.exp(-700));
    }

    @Test
    void neitherIsEvenOrOddOnAColumn() {
        var p = at("smz", new double[]{0.3, -1.2});
        double[][] s = parse("softmax(smz)").evalArray(p), t = parse("softmax(-smz)").evalArray(p);
        assertTrue(Math.abs(s[0][0] - t[0][0]) > 0.1 && Math.abs(s[0][0] + t[0][0]) > 0.1, s[0][0] + " " + t[0][0]);
        double l = parse("logsumexp(smz)").eval(p), m = parse("logsumexp(-smz)").eval(p);
        assertTrue(Math.abs(l - m) > 0.1 && Math.abs(l + m) > 0.1, l + " " + m);
        for (String f : List.of("softmax", "logsumexp")) {     // so the simplifier keeps f(−A) as it is
            Expr e = parse(f + "(-smA)");
            assertEquals(e, dotbar.DotBar.simplify(e), f);
        }
    }

    @Test
    void theCrossEntropyGradientIsTheTextbooks() {
        Expr L = parse("sum(logsumexp(smW·smx) - colsum(smy ⊙ (smW·smx)))");
        assertEquals("(softmax(smW·smx) - smy)·smxᵀ", diff(L, "smW").toString());
        assertEquals("smWᵀ·(softmax(smW·smx) - smy)", diff(L, "smx").toString());
    }

    @Property(tries = 40)
    void columnsOfSoftmaxSumToOneAndTheShiftCancels(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int n,
                                                  @ForAll @DoubleRange(min = -300, max = 300) double c, @ForAll long seed) {
        String name = "smP" + m + "x" + n;
        matrix(name, m, n);
        try {
            var random = new Random(seed);
            double[][] a = new double[m][n];
            for (double[] row : a) for (int j = 0; j < n; j++) row[j] = -5 + 10 * random.nextDouble();
            var p = point(name, a);
            var shifted = point(name, shift(a, c));
            double[][] s = parse("softmax(" + name + ")").evalArray(p), t = parse("softmax(" + name + ")").evalArray(shifted);
            double[][] l = parse("logsumexp(" + name + ")").evalArray(p), lt = parse("logsumexp(" + name + ")").evalArray(shifted);
            double[][] naive = parse("log(colsum(exp(" + name + ")))").evalArray(p);
            for (int j = 0; j < n; j++) {
                double total = 0;
                for (int i = 0; i < m; i++) {
                    assertTrue(s[i][j] > 0 && s[i][j] <= 1, "entry " + s[i][j]);
                    assertEquals(s[i][j], t[i][j], 1e-12, "softmax(A + c) = softmax(A), c = " + c);
                    total += s[i][j];
                }
                assertEquals(1.0, total, 1e-12, "column " + j);
                assertEquals(naive[0][j], l[0][j], 1e-12, "logsumexp = log Σ exp where that does not overflow");
                assertEquals(l[0][j] + c, lt[0][j], 1e-12 * Math.max(1, Math.abs(c)), "logsumexp(A + c) = logsumexp(A) + c");
            }
        } finally {
            Shapes.forget(name);
        }
    }

    /** A 1×1 "matrix" is a scalar, given as a number. */
    private static dotbar.expr.Point point(String name, double[][] a) {
        return a.length == 1 && a[0].length == 1 ? at(name, a[0][0]) : at(name, a);
    }

    private static double[][] shift(double[][] a, double c) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
            for (int j = 0; j < r[i].length; j++) r[i][j] += c;
        }
        return r;
    }
}
