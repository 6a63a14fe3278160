package dotbar.reference;

/**
 * {@code torch.optim.Adam} and {@code AdamW} (amsgrad off), the seed's eq. 13–22 with ε:
 * m ← β1·m + (1−β1)g, v ← β2·v + (1−β2)g², θ ← θ − (η/(1−β1^t))·m/(√v/√(1−β2^t) + ε).
 * Adam's weight decay is coupled (g ← g + λθ before the moments, an L2 term); AdamW's is decoupled
 * (θ ← θ(1 − ηλ) before the update, the moments see the bare gradient).
 */
public final class Adam implements Optimizer {
    private final double lr, beta1, beta2, eps, weightDecay;
    private final boolean decoupled;
    private final double[] m, v;
    private int t;

    private Adam(int n, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new double[n];
        this.v = new double[n];
    }

    public static Adam adam(int n, double lr, double beta1, double beta2, double eps, double weightDecay) {
        return new Adam(n, lr, beta1, beta2, eps, weightDecay, false);
    }

    public static Adam adamW(int n, double lr, double beta1, double beta2, double eps, double weightDecay) {
        return new Adam(n, lr, beta1, beta2, eps, weightDecay, true);
    }

    @Override
    public void step(double[] theta, double[] grad) {
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, t));
        double shrink = 1 - lr * weightDecay;
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i];
            if (weightDecay != 0) {
                if (decoupled) theta[i] *= shrink;
                else g += weightDecay * theta[i];
            }
            m[i] = m[i] * beta1 + (1 - beta1) * g;
            v[i] = v[i] * beta2 + (1 - beta2) * (g * g);
            theta[i] += -stepSize * (m[i] / (Math.sqrt(v[i]) / correction2 + eps));
        }
    }
}
