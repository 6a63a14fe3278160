package dotbar.reference;

/**
 * The seed's momentum, eq. (1)–(2) (the "EMA" form): v_t = −(1−α)∇L(θ_t) + α v_{t−1} with v_0 = 0,
 * Δθ_t = η v_t. It equals torch's heavy-ball SGD only as SGD(lr = η(1−α), momentum = α).
 */
public final class EmaMomentum implements Optimizer {
    private final double eta, alpha;
    private final double[] v;

    public EmaMomentum(int n, double eta, double alpha) {
        this.eta = eta;
        this.alpha = alpha;
        this.v = new double[n];
    }

    @Override
    public void step(double[] theta, double[] grad) {
        double c = -(1 - alpha);
        for (int i = 0; i < theta.length; i++) {
            v[i] = v[i] * alpha + c * grad[i];
            theta[i] += eta * v[i];
        }
    }
}
