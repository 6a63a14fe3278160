package dotbar.reference;

import java.util.Map;

/**
 * One update of a flat parameter array from its gradient, as {@code torch.optim} 1.13 defines it
 * (the single-tensor code path, {@code foreach=False}) — or, for {@link EmaMomentum}, as the seed
 * writes it. Implementations keep their state in arrays sized at construction: a step allocates nothing.
 * The gradient array is read, never changed.
 */
public interface Optimizer {
    void step(double[] theta, double[] grad);

    /**
     * By the names of {@code refs/torch-training/training.tsv}: kind {@code sgd | ema | adagrad |
     * rmsprop | adam | adamw} and torch's hyperparameter names (Adam's betas as beta1, beta2).
     */
    static Optimizer of(String kind, Map<String, Double> h, int n) {
        return switch (kind) {
            case "sgd" -> new Sgd(n, h.get("lr"), h.get("momentum"), h.get("weight_decay"));
            case "ema" -> new EmaMomentum(n, h.get("eta"), h.get("alpha"));
            case "adagrad" -> new Adagrad(n, h.get("lr"), h.get("eps"), h.get("weight_decay"));
            case "rmsprop" -> new RmsProp(n, h.get("lr"), h.get("alpha"), h.get("eps"), h.get("weight_decay"));
            case "adam" -> Adam.adam(n, h.get("lr"), h.get("beta1"), h.get("beta2"), h.get("eps"), h.get("weight_decay"));
            case "adamw" -> Adam.adamW(n, h.get("lr"), h.get("beta1"), h.get("beta2"), h.get("eps"), h.get("weight_decay"));
            default -> throw new IllegalArgumentException("no optimizer kind " + kind);
        };
    }
}
