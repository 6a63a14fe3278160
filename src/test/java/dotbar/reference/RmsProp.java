package dotbar.reference;

/**
 * {@code torch.optim.RMSprop} without momentum, not centered (the seed's eq. 8–9 with ε; torch's
 * {@code alpha} is the seed's ρ): g ← g + λθ, w ← αw + (1−α)g², θ ← θ − η·g/(√w + ε).
 */
public final class RmsProp implements Optimizer {
    private final double lr, alpha, eps, weightDecay;
    private final double[] square;

    public RmsProp(int n, double lr, double alpha, double eps, double weightDecay) {
        this.lr = lr;
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.square = new double[n];
    }

    @Override
    public void step(double[] theta, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            double g = weightDecay != 0 ? grad[i] + weightDecay * theta[i] : grad[i];
            square[i] = square[i] * alpha + (1 - alpha) * (g * g);
            theta[i] += -lr * (g / (Math.sqrt(square[i]) + eps));
        }
    }
}
