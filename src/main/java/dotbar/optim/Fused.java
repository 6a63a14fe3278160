package dotbar.optim;

/**
 * A built-in rule's step as one loop over the parameters: every equation of the rule for
 * parameter i, then for i + 1, with the hyperparameter-only parts ({@code 1 − α}, {@code αᵗ})
 * computed once before the loop. It is the same arithmetic, in the same order, as the rule's
 * general {@link Program} (each equation a tape run over all the parameters), so its results are
 * the same bit for bit — {@code FusedTest} holds every built-in rule to that — but without the
 * per-equation dispatch, binding and broadcasting, which were 80 % of an Adam step at n = 10.
 *
 * <p>Reads {@code theta} and {@code state} (in {@link Rule#states()} order) and writes the step's
 * result into {@code nextTheta} and {@code nextState}, which are other arrays; {@code hyper} is in
 * {@link Rule#hyperparameters()} order. Returns whether every value written is finite, found in
 * the same loop: x·0 is 0 for a finite x and NaN otherwise, and a sum holding a NaN stays NaN (so
 * the optimizer needs no second pass over θ and the states). User-defined rules have no fused form and run the general
 * program.
 */
@FunctionalInterface
interface Fused {
    boolean step(double[] theta, double[][] state, double[] g, long t, double[] hyper, double[] nextTheta, double[][] nextState);

    /** gd: θ ← θ − η·g. Hyperparameters (η). */
    Fused GD = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], bad = 0;
        for (int i = 0; i < theta.length; i++) {
            double x = theta[i] - eta * g[i];
            out[i] = x;
            bad += x * 0.0;
        }
        return bad == 0;
    };

    /** sgd: b ← μ·b + (g + λ·θ); θ ← θ − η·b. Hyperparameters (η, μ, λ), state (b). */
    Fused SGD = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], mu = h[1], lambda = h[2], bad = 0;
        double[] b = state[0], b1 = next[0];
        for (int i = 0; i < theta.length; i++) {
            double bi = mu * b[i] + g[i] + lambda * theta[i];   // the canonical sum b·μ + g + θ·λ, added left to right
            double x = theta[i] - eta * bi;
            b1[i] = bi;
            out[i] = x;
            bad += bi * 0.0 + x * 0.0;
        }
        return bad == 0;
    };

    /** momentum: v ← α·v − (1 − α)·g; θ ← θ + η·v. Hyperparameters (η, α), state (v). */
    Fused MOMENTUM = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], alpha = h[1], damp = 1 - alpha, bad = 0;
        double[] v = state[0], v1 = next[0];
        for (int i = 0; i < theta.length; i++) {
            double vi = alpha * v[i] - damp * g[i];
            double x = theta[i] + eta * vi;
            v1[i] = vi;
            out[i] = x;
            bad += vi * 0.0 + x * 0.0;
        }
        return bad == 0;
    };

    /** nesterov: v ← α·v − (1 − α)·g; θ ← θ + η·(α·v − (1 − α)·g), with the new v. Hyperparameters (η, α), state (v). */
    Fused NESTEROV = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], alpha = h[1], damp = 1 - alpha, bad = 0;
        double[] v = state[0], v1 = next[0];
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i], vi = alpha * v[i] - damp * gi;
            double x = theta[i] + eta * (alpha * vi - damp * gi);
            v1[i] = vi;
            out[i] = x;
            bad += vi * 0.0 + x * 0.0;
        }
        return bad == 0;
    };

    /** adagrad: w ← w + g²; θ ← θ − η·g/(√w + ε). Hyperparameters (η, ε), state (w). */
    Fused ADAGRAD = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], eps = h[1], bad = 0;
        double[] w = state[0], w1 = next[0];
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i], wi = w[i] + gi * gi;
            double x = theta[i] - eta * gi / (Math.sqrt(wi) + eps);
            w1[i] = wi;
            out[i] = x;
            bad += wi * 0.0 + x * 0.0;
        }
        return bad == 0;
    };

    /** rmsprop: w ← ρ·w + (1 − ρ)·g²; θ ← θ − η·g/(√w + ε). Hyperparameters (η, ρ, ε), state (w). */
    Fused RMSPROP = (theta, state, g, t, h, out, next) -> {
        double eta = h[0], rho = h[1], eps = h[2], decay = 1 - rho, bad = 0;
        double[] w = state[0], w1 = next[0];
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i], wi = rho * w[i] + decay * (gi * gi);
            double x = theta[i] - eta * gi / (Math.sqrt(wi) + eps);
            w1[i] = wi;
            out[i] = x;
            bad += wi * 0.0 + x * 0.0;
        }
        return bad == 0;
    };

    /** adam (eq. 13–15, 19, 22). Hyperparameters (η, α, ρ, ε), states (v, w, v̂, ŵ). */
    Fused ADAM = (theta, state, g, t, h, out, next) -> adam(theta, state, g, t, h, out, next);

    /** adamw: θ ← θ·(1 − η·λ), then adam's equations. Hyperparameters (η, α, ρ, ε, λ), states (v, w, v̂, ŵ). */
    Fused ADAMW = (theta, state, g, t, h, out, next) -> {
        double decay = 1 - h[0] * h[4];
        for (int i = 0; i < theta.length; i++) out[i] = theta[i] * decay;
        return adam(out, state, g, t, h, out, next);
    };

    /** Adam's equations; {@code theta} may be {@code out} (each entry is read before it is written). */
    private static boolean adam(double[] theta, double[][] state, double[] g, long t, double[] h, double[] out, double[][] next) {
        double eta = h[0], alpha = h[1], rho = h[2], eps = h[3];
        double damp = 1 - alpha, decay = 1 - rho, step = t, bad = 0;
        double va = 1 - Math.pow(alpha, step), wa = 1 - Math.pow(rho, step);
        double[] v = state[0], w = state[1], v1 = next[0], w1 = next[1], vHat = next[2], wHat = next[3];
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i];
            double vi = alpha * v[i] - damp * gi;
            double wi = rho * w[i] + decay * (gi * gi);
            double vh = vi / va, wh = wi / wa;
            v1[i] = vi;
            w1[i] = wi;
            vHat[i] = vh;
            wHat[i] = wh;
            double x = theta[i] + eta * vh / (Math.sqrt(wh) + eps);
            out[i] = x;
            bad += (vi * 0.0 + wi * 0.0) + (vh * 0.0 + wh * 0.0) + x * 0.0;
        }
        return bad == 0;
    }
}
