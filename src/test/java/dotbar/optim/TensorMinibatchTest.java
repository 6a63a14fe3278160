package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The minibatch objective of a per-sample loss over tensor parameters and vector data: softmax
 * regression L = logsumexp(W·x + b) − yᵀ(W·x + b) over data("x:4 y:3", rows), checked against a
 * plain Java loop over the rows with the closed-form gradient (∂L/∂z = softmax(z) − y,
 * ∂L/∂W = (softmax(z) − y)·xᵀ, ∂L/∂b = softmax(z) − y) and against central differences.
 */
class TensorMinibatchTest {
    private static final int IN = 4, OUT = 3, N = 7;

    @AfterEach
    void forget() {
        for (String s : List.of("Wm", "bm", "xm", "ym", "cm")) Shapes.forget(s);
    }

    /** Rows of 4 features then a one-hot target of 3 classes. */
    private static double[][] rows(long seed) {
        var random = new Random(seed);
        double[][] rows = new double[N][IN + OUT];
        for (double[] r : rows) {
            for (int i = 0; i < IN; i++) r[i] = random.nextGaussian();
            r[IN + random.nextInt(OUT)] = 1;
        }
        return rows;
    }

    private static double[] theta(long seed) {
        var random = new Random(seed);
        double[] t = new double[OUT * IN + OUT];
        for (int i = 0; i < t.length; i++) t[i] = 0.5 * random.nextGaussian();
        return t;
    }

    /** The start point of θ laid out as W (row-major) then b. */
    private static Point start(double[] theta) {
        double[][] w = new double[OUT][IN];
        double[] b = new double[OUT];
        for (int i = 0; i < OUT; i++) {
            for (int j = 0; j < IN; j++) w[i][j] = theta[i * IN + j];
            b[i] = theta[OUT * IN + i];
        }
        return Point.of("Wm", w, "bm", b);
    }

    /** The mean loss over rows[from, to) in plain Java, its closed-form mean gradient into g. */
    private static double plain(double[] theta, double[][] rows, int[] which, double[] g) {
        java.util.Arrays.fill(g, 0);
        double sum = 0;
        for (int s : which) {
            double[] r = rows[s], z = new double[OUT];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < OUT; i++) {
                z[i] = theta[OUT * IN + i];
                for (int j = 0; j < IN; j++) z[i] += theta[i * IN + j] * r[j];
                max = Math.max(max, z[i]);
            }
            double total = 0;
            for (int i = 0; i < OUT; i++) total += Math.exp(z[i] - max);
            double lse = max + Math.log(total), yz = 0;
            for (int i = 0; i < OUT; i++) yz += r[IN + i] * z[i];
            sum += lse - yz;
            for (int i = 0; i < OUT; i++) {
                double dz = Math.exp(z[i] - lse) - r[IN + i];
                for (int j = 0; j < IN; j++) g[i * IN + j] += dz * r[j] / which.length;
                g[OUT * IN + i] += dz / which.length;
            }
        }
        return sum / which.length;
    }

    private static int[] all() {
        int[] a = new int[N];
        for (int i = 0; i < N; i++) a[i] = i;
        return a;
    }

    /** The per-sample loss and its data, W and b declared. */
    private record Problem(Dataset data, Expr loss) {}

    private static Problem problem(double[][] rows) {
        matrix("Wm", OUT, IN);
        vector("bm", OUT);
        Dataset d = data("xm:4 ym:3", rows);   // declares xm 4×1 and ym 3×1
        return new Problem(d, parse("logsumexp(Wm·xm + bm) - dot(ym, Wm·xm + bm)"));
    }

    private static Objective softmaxRegression(double[][] rows, double[] theta) {
        Problem p = problem(rows);
        return Objectives.minibatch(p.loss(), p.data(), start(theta));
    }

    @Test
    void theMeanLossAndGradientAreThoseOfAPlainLoopOverTheRows() {
        for (long seed = 1; seed <= 5; seed++) {
            double[][] rows = rows(seed);
            double[] theta = theta(100 + seed);
            Objective o = softmaxRegression(rows, theta);
            assertEquals(List.of("Wm", "bm"), o.parameters());
            double[] g = new double[theta.length], expected = new double[theta.length];
            double loss = o.full(theta, g);
            double want = plain(theta, rows, all(), expected);
            assertEquals(want, loss, 1e-12 * Math.abs(want), "seed " + seed);
            for (int i = 0; i < g.length; i++) assertEquals(expected[i], g[i], 1e-12, "seed " + seed + ", entry " + i);
            forget();
        }
    }

    @Test
    void theGradientIsTheCentralDifferenceOfTheMeanLoss() {
        double[][] rows = rows(9);
        double[] theta = theta(19);
        Objective o = softmaxRegression(rows, theta);
        double[] g = new double[theta.length], scratch = new double[theta.length];
        o.full(theta, g);
        double h = 1e-5;
        for (int i = 0; i < theta.length; i++) {
            double[] up = theta.clone(), down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (o.full(up, scratch) - o.full(down, scratch)) / (2 * h);
            double independent = (plain(up, rows, all(), scratch) - plain(down, rows, all(), scratch)) / (2 * h);
            assertEquals(numeric, g[i], 1e-8, "entry " + i + " against the objective's own values");
            assertEquals(independent, g[i], 1e-8, "entry " + i + " against the plain loop's values");
        }
    }

    /** One epoch of batches 3, 3, 1 covers every row once: the size-weighted batch means add up to the full mean. */
    @Test
    void anEpochOfMinibatchesAddsUpToTheFullMean() {
        double[][] rows = rows(3);
        double[] theta = theta(4);
        Objective o = softmaxRegression(rows, theta);
        o.batch(3);
        o.seed(7);
        assertTrue(o.stochastic());
        assertEquals(3, o.stepsPerEpoch());
        double[] g = new double[theta.length], sum = new double[theta.length], full = new double[theta.length];
        double total = 0;
        for (int size : new int[]{3, 3, 1}) {
            total += size * o.next(theta, g);
            for (int i = 0; i < g.length; i++) sum[i] += size * g[i];
        }
        double want = plain(theta, rows, all(), full);
        assertEquals(want, total / N, 1e-12 * Math.abs(want));
        for (int i = 0; i < g.length; i++) assertEquals(full[i], sum[i] / N, 1e-12, "entry " + i);
    }

    /** As PyTorch's DataLoader: a batch larger than the data is one batch of every row. */
    @Test
    void aBatchLargerThanTheDataIsEveryRow() {
        double[][] rows = rows(5);
        double[] theta = theta(6);
        Objective o = softmaxRegression(rows, theta);
        o.batch(100);
        assertFalse(o.stochastic());
        assertEquals(1, o.stepsPerEpoch());
        double[] g = new double[theta.length], expected = new double[theta.length];
        for (int step = 0; step < 3; step++) {
            double want = plain(theta, rows, all(), expected);
            assertEquals(want, o.next(theta, g), 1e-12 * Math.abs(want), "step " + step);
            assertArrayEquals(expected, g, 1e-12);
        }
    }

    /** Scalar parameters and a vector of data: the squared error of a weighted sum c·sum(x) − t. */
    @Test
    void scalarParametersReadAVectorOfColumns() {
        double[][] rows = {{1, 2, 3, 5}, {0, 1, 1, 2}, {2, 2, 2, 7}};
        Dataset d = data("cm:3 t", rows);
        Objective o = Objectives.minibatch(parse("(a·sum(cm) - t)^2"), d, at("a=0.5"));
        double[] g = new double[1];
        double a = 0.5, loss = 0, grad = 0;
        for (double[] r : rows) {
            double e = a * (r[0] + r[1] + r[2]) - r[3];
            loss += e * e / 3;
            grad += 2 * e * (r[0] + r[1] + r[2]) / 3;
        }
        assertEquals(loss, o.full(new double[]{a}, g), 1e-14);
        assertEquals(grad, g[0], 1e-14);
    }

    /**
     * sgd on the data with tensor parameters, the full batch: three steps of θ ← θ − η·ḡ with ḡ the
     * plain loop's mean gradient, the parameters read back as arrays of their shapes.
     */
    @Test
    void sgdOnTheDataStepsTensorParameters() {
        double[][] rows = rows(2);
        Problem p = problem(rows);
        double[] theta = theta(2), g = new double[theta.length];
        var opt = sgd(p.loss(), p.data(), start(theta)).lr(0.1).batch(N);
        for (int step = 1; step <= 3; step++) {
            plain(theta, rows, all(), g);
            for (int i = 0; i < theta.length; i++) theta[i] -= 0.1 * g[i];
            opt.step();
            double[][] w = opt.at().array("Wm"), b = opt.at().array("bm");
            for (int i = 0; i < OUT; i++) {
                for (int j = 0; j < IN; j++) assertEquals(theta[i * IN + j], w[i][j], 1e-13, "step " + step + " Wm[" + i + "," + j + "]");
                assertEquals(theta[OUT * IN + i], b[i][0], 1e-13, "step " + step + " bm[" + i + "]");
            }
        }
    }

    @Test
    void aTensorParameterGivenAsDataIsRefused() {
        Problem p = problem(rows(1));
        Expr loss = p.loss();
        Dataset d = p.data();
        var e = assertThrows(DotbarException.class, () -> Objectives.minibatch(loss, d, start(theta(1)).with("a", 1)));
        assertTrue(e.getMessage().contains("names a, which the loss does not contain"), e.getMessage());
        var missing = assertThrows(DotbarException.class, () -> Objectives.minibatch(loss, d, Point.of("Wm", new double[OUT][IN])));
        assertTrue(missing.getMessage().startsWith("the loss needs bm, which is neither a column of the data (xm, ym)"), missing.getMessage());
    }
}
