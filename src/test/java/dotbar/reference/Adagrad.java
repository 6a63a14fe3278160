package dotbar.reference;

/**
 * {@code torch.optim.Adagrad} with lr_decay 0 and initial accumulator 0 (the seed's eq. 6–7 with ε):
 * g ← g + λθ, s ← s + g², θ ← θ − η·g/(√s + ε).
 */
public final class Adagrad implements Optimizer {
    private final double lr, eps, weightDecay;
    private final double[] sum;

    public Adagrad(int n, double lr, double eps, double weightDecay) {
        this.lr = lr;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.sum = new double[n];
    }

    @Override
    public void step(double[] theta, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            double g = weightDecay != 0 ? grad[i] + weightDecay * theta[i] : grad[i];
            sum[i] += g * g;
            theta[i] += -lr * (g / (Math.sqrt(sum[i]) + eps));
        }
    }
}
