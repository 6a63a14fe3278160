package dotbar.reference;

/**
 * Minibatch training of an {@link Mlp} with softmax cross-entropy (mean over the batch), in a given
 * sample order — the loop {@code for idx in DataLoader(shuffle=True): loss(net(x[idx])).backward();
 * opt.step()} with the order recorded from torch. Gathers each batch into buffers sized at
 * construction: a step allocates nothing.
 */
public final class Minibatches {
    private final Mlp net;
    private final double[] features;
    private final int[] labels;
    private final int width, batchSize;
    private final double[] xb, grad;
    private final int[] yb;

    /** {@code features} sample-major ({@code features[i·width + j]}), the net built for {@code batchSize}. */
    public Minibatches(Mlp net, double[] features, int[] labels, int batchSize) {
        this.net = net;
        this.features = features;
        this.labels = labels;
        this.width = net.size(0);
        this.batchSize = batchSize;
        if (features.length != labels.length * width)
            throw new IllegalArgumentException(features.length + " features for " + labels.length + " samples of " + width);
        xb = new double[batchSize * width];
        yb = new int[batchSize];
        grad = new double[net.parameterCount()];
    }

    /** One step on the samples {@code order[from .. from+size)}; returns the batch's loss before the step. */
    public double step(double[] theta, Optimizer optimizer, int[] order, int from, int size) {
        gather(order, from, size);
        double loss = net.crossEntropy(theta, xb, yb, size, grad);
        optimizer.step(theta, grad);
        return loss;
    }

    /** One epoch over {@code order} in batches of batchSize (the last one shorter); the batch losses into {@code losses[at..]}. */
    public void epoch(double[] theta, Optimizer optimizer, int[] order, double[] losses, int at) {
        for (int from = 0, k = at; from < order.length; from += batchSize, k++)
            losses[k] = step(theta, optimizer, order, from, Math.min(batchSize, order.length - from));
    }

    /** The number of batches of one epoch over n samples. */
    public int batches(int n) {
        return (n + batchSize - 1) / batchSize;
    }

    /** {@code {mean loss, accuracy}} over every sample, at θ (no step). */
    public double[] evaluate(double[] theta) {
        int n = labels.length, hits = 0;
        double sum = 0;
        for (int from = 0; from < n; from += batchSize) {
            int size = Math.min(batchSize, n - from);
            for (int b = 0; b < size; b++) {
                System.arraycopy(features, (from + b) * width, xb, b * width, width);
                yb[b] = labels[from + b];
            }
            sum += net.crossEntropy(theta, xb, yb, size, null) * size;
            hits += net.correct(yb);
        }
        return new double[] {sum / n, hits / (double) n};
    }

    private void gather(int[] order, int from, int size) {
        for (int b = 0; b < size; b++) {
            int i = order[from + b];
            System.arraycopy(features, i * width, xb, b * width, width);
            yb[b] = labels[i];
        }
    }
}
