package dotbar.reference;

/**
 * {@code torch.optim.SGD} with dampening 0 and without Nesterov: g ← g + λθ; with momentum μ,
 * b ← g at the first step, then b ← μb + g (the heavy-ball form), and θ ← θ − η·b; without, θ ← θ − η·g.
 */
public final class Sgd implements Optimizer {
    private final double lr, momentum, weightDecay;
    private final double[] buffer;
    private boolean started;

    public Sgd(int n, double lr, double momentum, double weightDecay) {
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.buffer = momentum != 0 ? new double[n] : null;
    }

    @Override
    public void step(double[] theta, double[] grad) {
        for (int i = 0; i < theta.length; i++) {
            double g = weightDecay != 0 ? grad[i] + weightDecay * theta[i] : grad[i];
            if (buffer != null) {
                buffer[i] = started ? buffer[i] * momentum + g : g;
                g = buffer[i];
            }
            theta[i] += -lr * g;
        }
        started = true;
    }
}
