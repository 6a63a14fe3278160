package dotbar.reference;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

/**
 * The training loop a race of one optimizer stands for, in plain Java with no dotbar code: the
 * digits dealt into a training and a test set as {@code split(fraction, seed)} documents it (a
 * {@link Well19937c} permutation, its first rows for training, each side in file order), the
 * 64-32-10 ReLU {@link Mlp} started as {@code Network.init(seed)} documents it (U(±1/√fan_in)
 * from a {@link SplittableRandom}, W1 row by row, b1, W2, b2), then epochs of minibatches in the
 * order a {@code DataLoader(shuffle=True)} with dotbar's documented generator gives (one
 * {@link Well19937c} seeded once, the order reshuffled in place at each epoch's start), and after
 * each epoch the mean cross-entropy and the accuracy over every training and test row.
 */
public final class RaceLoop {
    private RaceLoop() {}

    /** The training and the test rows of {@code d}, as {@code split(fraction, seed)} deals them. */
    public static Digits[] split(Digits d, double fraction, long seed) {
        int n = d.size(), train = (int) Math.round(fraction * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        MathArrays.shuffle(order, new Well19937c(seed));
        int[] first = Arrays.copyOf(order, train), rest = Arrays.copyOfRange(order, train, n);
        Arrays.sort(first);
        Arrays.sort(rest);
        return new Digits[]{select(d, first), select(d, rest)};
    }

    private static Digits select(Digits d, int[] rows) {
        double[] x = new double[rows.length * Digits.FEATURES];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(d.features(), rows[i] * Digits.FEATURES, x, i * Digits.FEATURES, Digits.FEATURES);
            y[i] = d.labels()[rows[i]];
        }
        return new Digits(x, y);
    }

    /** θ of a network of {@code sizes} as {@code Network.init(seed)} draws it, flat in {@link Mlp}'s layout. */
    public static double[] init(long seed, int... sizes) {
        var random = new SplittableRandom(seed);
        int n = 0;
        for (int l = 1; l < sizes.length; l++) n += sizes[l] * (sizes[l - 1] + 1);
        double[] theta = new double[n];
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l - 1]);
            for (int k = 0; k < sizes[l] * (sizes[l - 1] + 1); k++) theta[at++] = (2 * random.nextDouble() - 1) * bound;
        }
        return theta;
    }

    /**
     * {@code epochs} epochs of {@code optimizer} on the 64-32-10 ReLU network from θ = init(initSeed)
     * over {@code train} in minibatches of {@code batch} ordered by {@code seed}; row e of the
     * result (e = 0 the start) is {train loss, test loss, train accuracy, test accuracy} after epoch e.
     */
    public static double[][] run(Digits train, Digits test, long initSeed, Optimizer optimizer, int epochs, int batch, long seed) {
        var net = new Mlp(batch, Activation.RELU, Activation.IDENTITY, 64, 32, 10);
        var onTrain = new Minibatches(net, train.features(), train.labels(), batch);
        var onTest = new Minibatches(net, test.features(), test.labels(), batch);
        double[] theta = init(initSeed, 64, 32, 10);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        var random = new Well19937c(seed);
        double[][] rows = new double[epochs + 1][];
        double[] losses = new double[onTrain.batches(order.length)];
        for (int e = 0; e <= epochs; e++) {
            if (e > 0) {
                MathArrays.shuffle(order, random);
                onTrain.epoch(theta, optimizer, order, losses, 0);
            }
            double[] tr = onTrain.evaluate(theta), te = onTest.evaluate(theta);
            rows[e] = new double[]{tr[0], te[0], tr[1], te[1]};
        }
        return rows;
    }
}
