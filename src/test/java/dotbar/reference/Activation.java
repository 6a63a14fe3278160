package dotbar.reference;

import java.util.Locale;

/** The elementwise activations of the reference networks, with the derivative as torch's backward computes it. */
public enum Activation {
    SIGMOID {
        @Override public double apply(double w) { return 1 / (1 + Math.exp(-w)); }
        @Override public double derivative(double w, double phi) { return phi * (1 - phi); }
    },
    TANH {
        @Override public double apply(double w) { return Math.tanh(w); }
        @Override public double derivative(double w, double phi) { return 1 - phi * phi; }
    },
    /** ReLU; its derivative at 0 is taken as 0, as torch does (the references keep inputs off 0). */
    RELU {
        @Override public double apply(double w) { return w > 0 ? w : 0; }
        @Override public double derivative(double w, double phi) { return w > 0 ? 1 : 0; }
    },
    IDENTITY {
        @Override public double apply(double w) { return w; }
        @Override public double derivative(double w, double phi) { return 1; }
    };

    public abstract double apply(double w);

    /** f'(w), given w and φ = f(w) (sigmoid and tanh use φ, as torch's backward does). */
    public abstract double derivative(double w, double phi);

    /** By the references' spelling: sigmoid, tanh, relu, identity. */
    public static Activation named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
