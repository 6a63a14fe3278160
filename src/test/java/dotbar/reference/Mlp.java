package dotbar.reference;

import java.util.Arrays;

/**
 * A multilayer perceptron by hand, in plain {@code double[]} loops: the "hand-written Java backprop"
 * that dotbar's tensor gradients and training are measured against (issues 15, 16), and the check
 * that the torch reference files are usable. No dotbar code.
 *
 * <p>Shapes as in dotbar's dsl.md: layer l has {@code W_l} (out×in) and {@code b_l} (out×1),
 * {@code w_l = W_l·φ_(l−1) + b_l}, {@code φ_l = f(w_l)}, {@code φ_0 = x}; f is the hidden activation,
 * the last layer's is the output activation. All parameters live in one flat array θ: per layer,
 * {@code W_l} row-major, then {@code b_l} (that is torch's {@code parameters()} order flattened).
 * A batch of B samples is sample-major: {@code x[b·in + i]}.
 *
 * <p>Backward is the seed's reverse sweep (eq. 27–30) in matrix form: {@code W̄_l = w̄_l·φ_(l−1)ᵀ},
 * {@code b̄_l = w̄_l·1}, {@code φ̄_(l−1) = W_lᵀ·w̄_l}, {@code w̄_l = f'(w_l) ⊙ φ̄_l}, summed over the
 * batch. A call allocates nothing: every buffer is sized for {@code maxBatch} at construction, and
 * after a call holds that batch's intermediates ({@link #preActivation}, {@link #adjointOfPreActivation} …).
 */
public final class Mlp {
    private final int[] sizes;
    private final Activation hidden, output;
    private final int maxBatch, parameterCount;
    private final int[] weightOffset, biasOffset;
    /** Per layer l = 1..L (index 0 unused): w_l, φ_l, w̄_l, φ̄_l for up to maxBatch samples. */
    private final double[][] pre, post, preBar, postBar;
    private int batch;

    public Mlp(int maxBatch, Activation hidden, Activation output, int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("an MLP needs an input and an output size");
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.maxBatch = maxBatch;
        int layers = sizes.length - 1;
        weightOffset = new int[layers + 1];
        biasOffset = new int[layers + 1];
        pre = new double[layers + 1][];
        post = new double[layers + 1][];
        preBar = new double[layers + 1][];
        postBar = new double[layers + 1][];
        int at = 0;
        for (int l = 1; l <= layers; l++) {
            weightOffset[l] = at;
            at += sizes[l] * sizes[l - 1];
            biasOffset[l] = at;
            at += sizes[l];
            pre[l] = new double[maxBatch * sizes[l]];
            post[l] = new double[maxBatch * sizes[l]];
            preBar[l] = new double[maxBatch * sizes[l]];
            postBar[l] = new double[maxBatch * sizes[l]];
        }
        parameterCount = at;
    }

    public int layers() { return sizes.length - 1; }

    /** The width of layer l (0 = the input). */
    public int size(int l) { return sizes[l]; }

    public int parameterCount() { return parameterCount; }

    /** Where {@code W_l} (row-major, out×in) starts in θ, l = 1..L. */
    public int weightOffset(int l) { return weightOffset[l]; }

    /** Where {@code b_l} starts in θ, l = 1..L. */
    public int biasOffset(int l) { return biasOffset[l]; }

    /**
     * {@code L = Σ_b sum((φ_L − y)²)/2 / B} (for one sample the seed's sum(…)²/2) and its gradient
     * into {@code grad} (overwritten; {@code null}: the loss only); {@code y} is sample-major like {@code x}.
     */
    public double squaredError(double[] theta, double[] x, double[] y, int batch, double[] grad) {
        forward(theta, x, batch);
        int L = layers(), n = sizes[L];
        double loss = 0;
        for (int k = 0; k < batch * n; k++) {
            double e = post[L][k] - y[k];
            loss += e * e;
            postBar[L][k] = e / batch;
            preBar[L][k] = output.derivative(pre[L][k], post[L][k]) * postBar[L][k];
        }
        if (grad != null) backward(theta, x, grad);
        return loss / 2 / batch;
    }

    /**
     * Softmax cross-entropy on the last layer's {@code w_L} (the output activation is not applied),
     * {@code L = mean_b (logsumexp(w_L) − w_L[label_b])} as {@code F.cross_entropy}, and its gradient
     * {@code w̄_L = (softmax(w_L) − onehot)/B} backward into {@code grad} (overwritten; {@code null}:
     * the loss only).
     */
    public double crossEntropy(double[] theta, double[] x, int[] labels, int batch, double[] grad) {
        forward(theta, x, batch);
        int L = layers(), n = sizes[L];
        double[] w = pre[L], p = post[L], d = preBar[L];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) max = Math.max(max, w[o + k]);
            double s = 0;
            for (int k = 0; k < n; k++) s += Math.exp(w[o + k] - max);
            double logS = Math.log(s);
            int label = labels[b];
            if (label < 0 || label >= n) throw new IllegalArgumentException("label " + label + " of sample " + b + " not in 0.." + (n - 1));
            for (int k = 0; k < n; k++) {
                double logP = w[o + k] - max - logS;         // log_softmax, as torch computes it
                p[o + k] = Math.exp(logP);
                d[o + k] = (p[o + k] - (k == label ? 1 : 0)) / batch;
            }
            loss -= w[o + label] - max - logS;
        }
        if (grad != null) backward(theta, x, grad);
        return loss / batch;
    }

    private void forward(double[] theta, double[] x, int batch) {
        if (batch < 1 || batch > maxBatch) throw new IllegalArgumentException("batch " + batch + " not in 1.." + maxBatch);
        if (theta.length != parameterCount) throw new IllegalArgumentException("θ has " + theta.length + " entries, not " + parameterCount);
        this.batch = batch;
        int L = layers();
        for (int l = 1; l <= L; l++) {
            int in = sizes[l - 1], out = sizes[l], wo = weightOffset[l], bo = biasOffset[l];
            double[] input = l == 1 ? x : post[l - 1], w = pre[l], phi = post[l];
            Activation f = l < L ? hidden : output;
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                for (int j = 0; j < out; j++) {
                    int row = wo + j * in;
                    double s = 0;
                    for (int i = 0; i < in; i++) s += theta[row + i] * input[xo + i];
                    s += theta[bo + j];
                    w[b * out + j] = s;
                    phi[b * out + j] = f.apply(s);
                }
            }
        }
    }

    /** From w̄_L (already in preBar[L]) down to W̄_1; fills every parameter's gradient. */
    private void backward(double[] theta, double[] x, double[] grad) {
        if (grad.length != parameterCount) throw new IllegalArgumentException("grad has " + grad.length + " entries, not " + parameterCount);
        for (int l = layers(); l >= 1; l--) {
            int in = sizes[l - 1], out = sizes[l], wo = weightOffset[l], bo = biasOffset[l];
            double[] input = l == 1 ? x : post[l - 1], d = preBar[l];
            Arrays.fill(grad, wo, bo + out, 0);
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                for (int j = 0; j < out; j++) {
                    double dj = d[b * out + j];
                    grad[bo + j] += dj;
                    if (dj == 0) continue;
                    int row = wo + j * in;
                    for (int i = 0; i < in; i++) grad[row + i] += dj * input[xo + i];
                }
            }
            if (l == 1) break;
            double[] pb = postBar[l - 1], w = pre[l - 1], phi = post[l - 1], wb = preBar[l - 1];
            Arrays.fill(pb, 0, batch * in, 0);
            for (int b = 0; b < batch; b++) {
                int xo = b * in;
                for (int j = 0; j < out; j++) {
                    double dj = d[b * out + j];
                    if (dj == 0) continue;
                    int row = wo + j * in;
                    for (int i = 0; i < in; i++) pb[xo + i] += theta[row + i] * dj;
                }
                for (int i = 0; i < in; i++) wb[xo + i] = hidden.derivative(w[xo + i], phi[xo + i]) * pb[xo + i];
            }
        }
    }

    /** How many of the last call's samples have their label as the largest output (ties: the first). */
    public int correct(int[] labels) {
        int n = sizes[layers()], hits = 0;
        double[] w = pre[layers()];
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int k = 1; k < n; k++) if (w[b * n + k] > w[b * n + best]) best = k;
            if (best == labels[b]) hits++;
        }
        return hits;
    }

    /** w_l of the last call's batch, sample-major (entries beyond batch·size(l) are stale). */
    public double[] preActivation(int l) { return pre[l]; }

    /** φ_l of the last call (for cross-entropy, φ_L is softmax(w_L)). */
    public double[] activation(int l) { return post[l]; }

    /** w̄_l = ∂L/∂w_l of the last call. */
    public double[] adjointOfPreActivation(int l) { return preBar[l]; }

    /** φ̄_l = ∂L/∂φ_l of the last call (l &lt; L; and l = L after squaredError). */
    public double[] adjointOfActivation(int l) { return postBar[l]; }
}
