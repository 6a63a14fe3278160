package dotbar.optim;

import dotbar.base.DotbarException;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The mean of a per-sample loss over minibatches, as a PyTorch {@code DataLoader(shuffle=True,
 * drop_last=False)} draws them: each epoch visits every row once in a fresh random order, cut
 * into batches of k (the last one smaller when k does not divide the rows). With k ≥ the number
 * of rows every step uses all rows in their order, and the step is gradient descent on the mean
 * loss. Shuffling uses a {@link Well19937c} generator seeded with {@link #seed} (default 0, so
 * runs are reproducible unless asked otherwise, as with JAX's explicit keys).
 *
 * <p>{@link #order} replaces the shuffles of the first epochs by given permutations (a PyTorch
 * run's recorded {@code DataLoader} order, so that both see the same batches); later epochs shuffle
 * with the generator as before, its first draw being the one the first epoch would have made.
 *
 * <p>A batch larger than the data is allowed, as PyTorch's {@code DataLoader} allows it: every
 * step is then one batch of all the rows (not shuffled, since the mean does not depend on the order).
 */
final class Minibatch implements Objective {
    private final List<String> parameters;
    private final Differentiable perSample;
    private final double[][] rows;   // the columns the loss reads, per row
    private final double[] inputs;   // θ then the row's columns
    private final double[] sampleGradient;
    private final int[] order;
    private final int[] natural;
    private int batch = 1;
    private long seed = 0;
    private RandomGenerator random;
    private int position;            // next row of the order; 0 starts an epoch
    private long shuffles;           // epochs shuffled since the last restart
    private int lastPosition;        // before the last next(), for undoNext
    private final int[] lastOrder;   // the order before the last next() shuffled it, when reshuffled
    private boolean reshuffled;      // the last next() started an epoch and drew a new order
    private int[][] given = new int[0][];  // the orders of the first epochs, by order(...)

    /** Over scalar parameters: θ has one entry per parameter. */
    Minibatch(List<String> parameters, Differentiable perSample, double[][] rows) {
        this(parameters, parameters.size(), perSample, rows);
    }

    /**
     * Over parameters whose entries, flattened ({@link Flat}), are {@code width} numbers: θ and g
     * have that length, and each input of {@code perSample} is θ followed by one of {@code rows}.
     */
    Minibatch(List<String> parameters, int width, Differentiable perSample, double[][] rows) {
        this.parameters = parameters;
        this.perSample = perSample;
        this.rows = rows;
        this.inputs = new double[width + rows[0].length];
        this.sampleGradient = new double[width];
        this.order = new int[rows.length];
        this.natural = new int[rows.length];
        this.lastOrder = new int[rows.length];
        for (int i = 0; i < natural.length; i++) natural[i] = i;
        restart();
    }

    @Override public List<String> parameters() { return parameters; }
    @Override public boolean stochastic() { return batch < rows.length; }

    @Override
    public void restart() {
        random = new Well19937c(seed);
        System.arraycopy(natural, 0, order, 0, order.length);
        position = 0;
        shuffles = 0;
        lastPosition = 0;
        reshuffled = false;
    }

    @Override
    public void undoNext() {
        position = lastPosition;
        if (!reshuffled) return;
        // the shuffle drew from the generator: replay the ones before it (a shuffle's draws depend only on the length)
        System.arraycopy(lastOrder, 0, order, 0, order.length);
        random = new Well19937c(seed);
        int[] scratch = natural.clone();
        for (long k = given.length; k < shuffles - 1; k++) shuffle(scratch, random);
        shuffles--;
        reshuffled = false;
    }

    @Override
    public long stepsPerEpoch() { return (rows.length + batch - 1) / batch; }

    @Override
    public void batch(int k) {
        if (k <= 0) throw new DotbarException("the batch size must be positive, got " + k);
        batch = k;
        restart();
    }

    @Override
    public void order(int[][] epochs) {
        if (epochs == null || epochs.length == 0) throw new DotbarException("order(…) needs the order of at least one epoch");
        int[][] copy = new int[epochs.length][];
        for (int e = 0; e < epochs.length; e++) copy[e] = permutation(epochs[e], e + 1);
        given = copy;
        restart();
    }

    /** {@code p} checked to be a permutation of the rows 0 … n−1 (epoch {@code epoch}), copied. */
    private int[] permutation(int[] p, int epoch) {
        if (p == null || p.length != rows.length) {
            throw new DotbarException("order: epoch " + epoch + " lists " + (p == null ? 0 : p.length) + " rows, the data has " + rows.length);
        }
        boolean[] seen = new boolean[rows.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || p[i] >= rows.length) {
                throw new DotbarException("order: epoch " + epoch + ", position " + (i + 1) + ": row " + p[i] + " is not a row of the data (0 … " + (rows.length - 1) + ")");
            }
            if (seen[p[i]]) throw new DotbarException("order: epoch " + epoch + ", position " + (i + 1) + ": row " + p[i] + " is listed twice");
            seen[p[i]] = true;
        }
        return p.clone();
    }

    @Override
    public void seed(long s) {
        seed = s;
        restart();
    }

    @Override
    public double next(double[] theta, double[] g) {
        int n = Math.min(batch, rows.length - position);
        lastPosition = position;
        reshuffled = false;
        if (position == 0 && batch < rows.length) {
            System.arraycopy(order, 0, lastOrder, 0, order.length);   // kept for undoNext, without allocating
            reshuffled = true;
            if (shuffles < given.length) System.arraycopy(given[(int) shuffles], 0, order, 0, order.length);
            else shuffle(order, random);
            shuffles++;
        }
        double loss = mean(theta, order, position, n, g);
        position = (position + n) % rows.length;
        return loss;
    }

    @Override
    public double full(double[] theta, double[] g) {
        return mean(theta, natural, 0, rows.length, g);
    }

    /** The mean loss over the rows {@code index[from, from + n)}, its mean gradient into {@code g}. */
    private double mean(double[] theta, int[] index, int from, int n, double[] g) {
        System.arraycopy(theta, 0, inputs, 0, theta.length);
        Arrays.fill(g, 0);
        double sum = 0;
        for (int s = from; s < from + n; s++) {
            double[] row = rows[index[s]];
            System.arraycopy(row, 0, inputs, theta.length, row.length);
            sum += perSample.valueAndGradient(inputs, sampleGradient);
            for (int i = 0; i < g.length; i++) g[i] += sampleGradient[i];
        }
        for (int i = 0; i < g.length; i++) g[i] /= n;
        return sum / n;
    }

    /**
     * Fisher–Yates from the tail, drawing exactly what Commons Math's {@code MathArrays.shuffle(list,
     * rng)} draws (position i ≥ 1 swaps with {@code rng.nextInt(i + 1)}), so seeds give the orders they
     * always gave; but without its {@code UniformIntegerDistribution} object per entry (72 bytes
     * each, 129 kB per epoch of the digits), so that training allocates nothing per step.
     */
    static void shuffle(int[] list, RandomGenerator rng) {
        for (int i = list.length - 1; i >= 1; i--) {
            int target = rng.nextInt(i + 1);
            int kept = list[target];
            list[target] = list[i];
            list[i] = kept;
        }
    }
}
