package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.reference.Activation;
import dotbar.reference.Adam;
import dotbar.reference.Digits;
import dotbar.reference.Mlp;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The network builder: its losses against the same network computed by hand ({@link Mlp}, plain
 * Java forward and backward passes), its start against nn.Linear's distribution, and a full-batch
 * Adam run against Adam by hand ({@link Adam}) on the hand-written network's gradient.
 */
class NetworkTest {
    private static final double[][] X4 = {{0.5, -1.0, 0.25, 2.0}, {-0.3, 0.8, 1.5, -0.7}, {1.1, 0.2, -0.4, 0.6}};
    private static final int[] LABELS = {1, 0, 1};

    /** θ of a point in the hand-written network's layout: per layer W row by row, then b. */
    static double[] theta(Network net, Point p, Mlp mlp) {
        double[] theta = new double[mlp.parameterCount()];
        for (int l = 1; l <= net.layers(); l++) {
            double[][] w = p.array(net.parameters().get(2 * l - 2)), b = p.array(net.parameters().get(2 * l - 1));
            for (int i = 0; i < w.length; i++) System.arraycopy(w[i], 0, theta, mlp.weightOffset(l) + i * w[i].length, w[i].length);
            for (int i = 0; i < b.length; i++) theta[mlp.biasOffset(l) + i] = b[i][0];
        }
        return theta;
    }

    static Point withSample(Point params, String x, double[] xs, String y, double[] ys) {
        var pairs = new ArrayList<Object>();
        for (String n : params.arrayNames()) pairs.addAll(List.of(n, params.array(n)));
        pairs.addAll(List.of(x, xs, y, ys));
        return at(pairs.toArray());
    }

    static double[] oneHot(int k, int n) {
        double[] v = new double[n];
        v[k] = 1;
        return v;
    }

    @Test
    void thePerSampleLossIsTheHandWrittenNetworksCrossEntropy() {
        for (String f : List.of("relu", "sigmoid", "tanh")) {
            Network net = mlp("xa", 4, 5, 3, 2).prefix("a" + f).activation(f).softmaxCrossEntropy("ya");
            Point p = net.init(11);
            var mlp = new Mlp(1, Activation.named(f), Activation.IDENTITY, 4, 5, 3, 2);
            double[] theta = theta(net, p, mlp), handGrad = new double[theta.length];
            for (int s = 0; s < X4.length; s++) {
                Point at = withSample(p, "xa", X4[s], "ya", oneHot(LABELS[s], 2));
                double hand = mlp.crossEntropy(theta, X4[s], new int[]{LABELS[s]}, 1, handGrad);
                assertEquals(hand, net.loss().eval(at), 1e-14, f + " sample " + s);
                // the gradient by reverse mode, and the compiled tape, against the hand-written backprop
                var g = grad(net.loss(), at);
                var names = new ArrayList<>(net.parameters());
                names.addAll(List.of("xa", "ya"));
                var tape = compile(net.loss(), names.toArray(String[]::new));
                double[] x = new double[tape.params().stream().mapToInt(n -> dotbar.expr.Shapes.declared(n).size()).sum()];
                System.arraycopy(theta(net, p, mlp), 0, x, 0, theta.length);   // W1 b1 W2 b2 … is Mlp's layout too
                System.arraycopy(X4[s], 0, x, theta.length, 4);
                x[theta.length + 4 + LABELS[s]] = 1;
                double[] tg = new double[x.length];
                assertEquals(hand, tape.gradient(x, tg), 1e-14);
                for (int l = 1; l <= net.layers(); l++) {
                    double[][] w = g.array(net.parameters().get(2 * l - 2));
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < w[i].length; j++) {
                            int k = mlp.weightOffset(l) + i * w[i].length + j;
                            assertEquals(handGrad[k], w[i][j], 1e-14, f + " ∂L/∂W" + l + "[" + i + "," + j + "]");
                            assertEquals(handGrad[k], tg[k], 1e-14, f + " tape ∂L/∂W" + l);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSquaredErrorIsTheSeeds() {
        Network net = mlp("xs", 4, 3, 2).prefix("s").sigmoid().squaredError("ys");
        Point p = net.init(3);
        var mlp = new Mlp(1, Activation.SIGMOID, Activation.IDENTITY, 4, 3, 2);
        double[] target = {0.3, -0.2};
        assertEquals(mlp.squaredError(theta(net, p, mlp), X4[0], target, 1, null), net.loss().eval(withSample(p, "xs", X4[0], "ys", target)), 1e-14);
    }

    @Test
    void theBatchLossIsTheMeanOfThePerSampleLosses() {
        Network net = mlp("xb", 4, 3, 2).prefix("bl").tanh().softmaxCrossEntropy("yb");
        Expr batch = net.batchLoss("Xb", "Yb", 3);
        Point p = net.init(5);
        double[][] x = new double[4][3], y = new double[2][3];
        double mean = 0;
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 4; i++) x[i][s] = X4[s][i];
            y[LABELS[s]][s] = 1;
            mean += net.loss().eval(withSample(p, "xb", X4[s], "yb", oneHot(LABELS[s], 2))) / 3;
        }
        var pairs = new ArrayList<Object>();
        for (String n : p.arrayNames()) pairs.addAll(List.of(n, p.array(n)));
        pairs.addAll(List.of("Xb", x, "Yb", y));
        assertEquals(mean, batch.eval(at(pairs.toArray())), 1e-14);
        assertEquals(List.of(1, 1), List.of(batch.shape()[0], batch.shape()[1]));
    }

    @Test
    void initIsNnLinearsDistributionFromAJavaGenerator() {
        Network net = mlp("xi", 64, 32, 10).prefix("i").softmaxCrossEntropy("yi");
        assertEquals(List.of("iW1", "ib1", "iW2", "ib2"), net.parameters());
        assertEquals(2410, net.parameterCount());
        Point p = net.init(0);
        assertEquals(p, net.init(0), "the same seed, the same start");
        assertNotEquals(p, net.init(1));
        assertEquals(List.of("iW1", "ib1", "iW2", "ib2"), p.arrayNames());
        assertEquals(32, p.array("iW1").length);
        assertEquals(64, p.array("iW1")[0].length);
        assertEquals(1, p.array("ib2")[0].length);
        for (String n : net.parameters()) {
            double bound = 1 / Math.sqrt(n.endsWith("1") ? 64 : 32);
            double sum = 0, squares = 0, max = 0;
            int count = 0;
            for (double[] row : p.array(n)) {
                for (double v : row) {
                    sum += v;
                    squares += v * v;
                    max = Math.max(max, Math.abs(v));
                    count++;
                }
            }
            assertTrue(max < bound, n + ": |entry| " + max + " ≥ " + bound);
            if (count >= 320) {
                // U(−a, a): mean 0, variance a²/3; with n draws the sample mean is within 5 standard errors a/√(3n)
                assertEquals(0, sum / count, 5 * bound / Math.sqrt(3.0 * count), n + " mean");
                assertEquals(bound * bound / 3, squares / count, 5 * bound * bound * Math.sqrt(4.0 / 45 / count), n + " variance");
                assertTrue(max > 0.95 * bound, n + " fills its interval");
            }
        }
    }

    @Property(tries = 20)
    void startsOfEverySizeKeepTheirBounds(@ForAll @IntRange(min = 1, max = 9) int in, @ForAll @IntRange(min = 1, max = 9) int hidden,
                                          @ForAll @IntRange(min = 1, max = 4) int out, @ForAll long seed) {
        Network net = mlp("xp" + in, in, hidden, out).prefix("p" + in + "x" + hidden + "x" + out);
        Point p = net.init(seed);
        int count = 0;
        for (int l = 1; l <= 2; l++) {
            double bound = 1 / Math.sqrt(l == 1 ? in : hidden);
            for (String n : net.parameters().subList(2 * l - 2, 2 * l)) {
                double[][] v = p.tensor(n) == null ? new double[][]{{p.get(n)}} : p.array(n);   // a 1×1 parameter is a scalar
                for (double[] row : v) for (double x : row) assertTrue(Math.abs(x) < bound, n + " = " + x);
                count += v.length * v[0].length;
            }
        }
        assertEquals(net.parameterCount(), count);
        // and a network this small trains: a few Adam steps on one sample lower its loss. The target 10
        // is beyond every output such a start gives (|z| < 6), so the loss starts large and b2's gradient
        // points to the target at every step (a target near the start's output, say 1, can start at a
        // loss of 6e-4 that Adam's first steps of 0.05 overshoot)
        Network withLoss = net.squaredError("yp" + out);
        double[] xs = new double[in], ys = new double[out];
        java.util.Arrays.fill(xs, 0.5);
        java.util.Arrays.fill(ys, 10);
        Point inputs = at("xp" + in, in == 1 ? (Object) 0.5 : xs, "yp" + out, out == 1 ? (Object) 10.0 : ys);
        Optimizer o = adam().on(withLoss.loss(), p, inputs).lr(0.05).step(20);
        assertTrue(o.loss() < o.history().get(0).loss(), o.history().toString());
    }

    @Test
    void fullBatchAdamOnTheNetworkIsAdamByHandOnTheHandWrittenNetwork() {
        int batch = 16;
        Network net = mlp("xf", 64, 32, 10).prefix("f").relu().softmaxCrossEntropy("yf");
        Expr loss = net.batchLoss("Xf", "Yf", batch);
        Digits digits = Digits.load();
        double[][] x = new double[64][batch], y = new double[10][batch];
        int[] labels = new int[batch];
        double[] xs = new double[batch * 64];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < 64; i++) x[i][s] = xs[s * 64 + i] = digits.features()[s * 64 + i];
            labels[s] = digits.labels()[s];
            y[labels[s]][s] = 1;
        }
        Point start = net.init(42);
        Optimizer opt = adam().on(loss, start, at("Xf", x, "Yf", y)).lr(0.01).weightDecay(0.001);
        var mlp = new Mlp(batch, Activation.RELU, Activation.IDENTITY, 64, 32, 10);
        double[] theta = theta(net, start, mlp), g = new double[theta.length];
        Adam hand = Adam.adam(theta.length, 0.01, 0.9, 0.999, 1e-8, 0.001);
        for (int t = 1; t <= 50; t++) {
            double l = mlp.crossEntropy(theta, xs, labels, batch, g);
            assertEquals(l, opt.loss(), 1e-12 * l, "loss before step " + t);
            hand.step(theta, g);
            opt.step();
        }
        double[] mine = theta(net, opt.at(), mlp);
        for (int i = 0; i < theta.length; i++) assertEquals(theta[i], mine[i], 1e-10 * Math.max(1e-3, Math.abs(theta[i])), "θ[" + i + "]");
        assertTrue(opt.loss() < 0.5 * opt.history().get(0).loss(), "it learns: " + opt.history().get(0).loss() + " → " + opt.loss());
        // accuracy: argmax of the logits against the label, as the hand-written network counts it
        double[][] rows = new double[batch][], targets = new double[batch][];
        for (int s = 0; s < batch; s++) {
            rows[s] = java.util.Arrays.copyOfRange(xs, s * 64, s * 64 + 64);
            targets[s] = oneHot(labels[s], 10);
        }
        mlp.crossEntropy(mine, xs, labels, batch, null);
        assertEquals(mlp.correct(labels) / (double) batch, net.accuracy(opt.at(), rows, targets));
    }

    @Test
    void heldInputsAreReplacedWholeOrNotAtAll() {
        Network net = mlp("xnh", 2, 2).prefix("h").softmaxCrossEntropy("ynh");
        Expr loss = net.loss();
        Point start = net.init(1);
        Optimizer opt = adam().on(loss, start, at("xnh", new double[]{1, 2}, "ynh", new double[]{0, 1}));
        double before = opt.loss();
        var e = assertThrows(DotbarException.class, () -> opt.inputs(at("xnh", new double[]{1, 2})));
        assertEquals("inputs(…) gives xnh but the loss holds xnh, ynh; give exactly those", e.getMessage());
        e = assertThrows(DotbarException.class, () -> opt.inputs(at("xnh", new double[]{1, 2}, "ynh", new double[]{1, 0}, "c", 1.0)));
        assertTrue(e.getMessage().startsWith("inputs(…) gives c, xnh, ynh"), e.getMessage());
        assertEquals(before, opt.loss(), "nothing changed");
        opt.inputs(at("xnh", new double[]{1, 2}, "ynh", new double[]{1, 0}));
        double swapped = opt.loss();
        assertNotEquals(before, swapped);
        // the loss of two classes: log(e^z1 + e^z2) − z_k, so the two targets' losses differ by z2 − z1 … and sum to what both give
        Point both = withSample(start, "xnh", new double[]{1, 2}, "ynh", new double[]{1, 0});
        assertEquals(loss.eval(both), swapped, 1e-15);
        e = assertThrows(DotbarException.class, () -> adam().on(loss, start, at("xnh", new double[]{1, 2})));
        assertEquals("the loss needs ynh, given neither in the start point (hW1, hb1) nor in the inputs (xnh)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> adam().on(loss, start, at("hb1", new double[]{1, 2}, "xnh", new double[]{1, 2}, "ynh", new double[]{0, 1})));
        assertTrue(e.getMessage().startsWith("hb1 is given both in the start point"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> adam(parse("sum(hW1^2)"), at("hW1", start.array("hW1"))).inputs(at("xnh", new double[]{1, 2})));
        assertTrue(e.getMessage().contains("holds no inputs"), e.getMessage());
    }

    @Test
    void badNetworksSayWhatIsWrong() {
        var e = assertThrows(DotbarException.class, () -> mlp("xe", 4));
        assertTrue(e.getMessage().contains("needs the input's size and at least one layer's"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> mlp("xe", 4, 0, 2));
        assertTrue(e.getMessage().contains("size 2 is 0"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> mlp("xe", 4, 2).prefix("e").loss());
        assertTrue(e.getMessage().contains("no loss yet"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> mlp("xe", 4, 2).activation("relux"));
        assertTrue(e.getMessage().contains("relu"), "suggests the closest: " + e.getMessage());
        assertThrows(DotbarException.class, () -> mlp("xe", 4, 2).activation("xe) + (xe"));
        matrix("cW1", 3, 3);
        e = assertThrows(DotbarException.class, () -> mlp("xe", 4, 2).prefix("c").init(0));
        assertTrue(e.getMessage().contains("cW1 is declared 3×3"), e.getMessage());
        Network net = mlp("xe", 4, 3, 2).prefix("e3").softmaxCrossEntropy("ye");
        assertEquals("mlp xe: 4→3→2, relu, softmax cross-entropy against ye: e3W1 3×4, e3b1 3×1, e3W2 2×3, e3b2 2×1 (23 parameters)", net.toString());
        e = assertThrows(DotbarException.class, () -> net.accuracy(net.init(0), new double[][]{{1, 2, 3}}, new double[][]{{1, 0}}));
        assertTrue(e.getMessage().contains("xe"), e.getMessage());
    }

    @Test
    void theNetworksLossIsAnOrdinaryExpression() {
        Network net = mlp("xo", 3, 2, 2).prefix("o").relu().softmaxCrossEntropy("yo");
        Expr l = net.loss();
        assertEquals(List.of("oW1", "oW2", "ob1", "ob2", "xo", "yo"), l.vars());
        assertArrayEquals(new int[]{2, 3}, diff(l, "oW1").shape());
        assertNotNull(reverse(l).toString());
        assertEquals(l, parse(l.toString()), "it prints as DSL text that parses back");
    }
}
