package dotbar.tensor;

import static dotbar.DotBar.forward;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.hessian;
import static dotbar.DotBar.jacobian;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.diff.Jacobian;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Over random shapes (1×1 dimensions included, where a matrix symbol is a scalar and the product
 * is scaling) and random entries: the Jacobian of a matrix-valued layer by forward mode (a JVP per
 * input entry) equals it by reverse mode (a VJP per output entry) and central differences of the
 * layer's value; the directional derivative along V is J·vec(V); the Hessian of a loss over the
 * layer's parameters is the central difference of its gradient, and symmetric.
 */
class TensorJacobianPropertiesTest {

    private static void withShapes(int m, int k, int n, Runnable body) {
        TensorChecks.withShapes("j", m, k, n, body);
    }

    private static Expr layer(String s) {
        return parse(("jC ⊙ tanh(jW·jX + jb) + softmax(jW·jX)/2").replaceAll("j([WXbC])", "j$1" + s));
    }

    @Property(tries = 25)
    void forwardReverseAndCentralDifferencesGiveOneJacobian(@ForAll @IntRange(min = 1, max = 3) int m,
            @ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 1, max = 3) int n, @ForAll long seed) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            Expr e = layer(s);
            var random = new Random(seed);
            Point p = TensorChecks.randomPoint(random, -1, 1, e.vars());
            List<String> by = List.of("jW" + s, "jb" + s, "jX" + s);
            Jacobian fwd = jacobian(e, p, by.toArray(String[]::new)), rev = Jacobian.reverse(e, p, by);
            double[][] f = fwd.toArray(), r = rev.toArray();
            assertEquals(m * n, f.length);
            assertEquals(m * k + m + k * n, f[0].length);
            assertEquals(fwd.columns(), rev.columns());
            int c = 0;
            for (String x : by) {
                var shape = Shapes.declared(x);
                for (int i = 0; i < shape.rows(); i++) for (int j = 0; j < shape.columns(); j++, c++) {
                    double h = 1e-6;
                    double[][] up = e.evalArray(TensorChecks.moved(p, x, i, j, h)), down = e.evalArray(TensorChecks.moved(p, x, i, j, -h));
                    for (int q = 0; q < m * n; q++) {
                        String at = fwd.rows().get(q) + " by " + fwd.columns().get(c) + " at " + p;
                        assertEquals(f[q][c], r[q][c], 1e-13, at + ": forward vs reverse");
                        assertEquals((up[q / n][q % n] - down[q / n][q % n]) / (2 * h), f[q][c], 1e-7, at + ": forward vs central differences");
                    }
                }
            }
            // the directional derivative along V of W's shape is J_W·vec(V)
            var shape = Shapes.declared(by.get(0));
            double[][] v = new double[shape.rows()][shape.columns()];
            for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = random.nextGaussian();
            double[][] jv = shape.isScalar() ? null : forward(e, p, by.get(0), v);
            if (jv == null) return;  // a 1×1 W is a scalar symbol: its direction is a number (forward(e, p, x) as before)
            for (int q = 0; q < m * n; q++) {
                double expected = 0;
                for (int cc = 0; cc < shape.size(); cc++) expected += f[q][cc] * v[cc / shape.columns()][cc % shape.columns()];
                assertEquals(expected, jv[q / n][q % n], 1e-13, "J·V entry " + q);
            }
        });
    }

    @Property(tries = 20)
    void theHessianOfALossOverTheLayerIsTheCentralDifferenceOfItsGradient(@ForAll @IntRange(min = 1, max = 3) int m,
            @ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 1, max = 3) int n, @ForAll long seed) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            Expr L = parse("sum(" + layer(s) + ") + sum(logsumexp(jW" + s + "·jX" + s + "))·mean(jX" + s + ")");
            var random = new Random(seed);
            Point p = TensorChecks.randomPoint(random, -1, 1, L.vars());
            List<String> by = List.of("jX" + s, "jW" + s, "jb" + s);   // an order of the caller's, not the names'
            var hess = hessian(L, p, by.toArray(String[]::new));
            double[][] h = hess.toArray();
            int c = 0;
            for (String x : by) {
                var shape = Shapes.declared(x);
                for (int i = 0; i < shape.rows(); i++) for (int j = 0; j < shape.columns(); j++, c++) {
                    double step = 1e-5;
                    double[] up = flatGrad(L, TensorChecks.moved(p, x, i, j, step), by), down = flatGrad(L, TensorChecks.moved(p, x, i, j, -step), by);
                    for (int r = 0; r < h.length; r++) {
                        assertEquals((up[r] - down[r]) / (2 * step), h[r][c], 1e-7, hess.names().get(r) + ", " + hess.names().get(c) + " at " + p);
                        assertEquals(h[c][r], h[r][c], 1e-12 * Math.max(1, Math.abs(h[r][c])), "symmetric");
                    }
                }
            }
        });
    }

    /** The gradient's entries over {@code by}, in that order, each row by row. */
    private static double[] flatGrad(Expr L, Point p, List<String> by) {
        var g = grad(L, p);
        return by.stream().flatMapToDouble(x -> Shapes.declared(x).isScalar() ? java.util.stream.DoubleStream.of(g.get(x))
                : java.util.Arrays.stream(g.array(x)).flatMapToDouble(java.util.Arrays::stream)).toArray();
    }
}
