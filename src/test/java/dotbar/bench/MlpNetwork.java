package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Shapes;
import dotbar.reference.Activation;
import dotbar.reference.Mlp;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;

/**
 * The issue-15 benchmark network: a 64-32-10 MLP (hidden activation relu or sigmoid, softmax +
 * cross-entropy on one sample), written in the DSL's matrix notation and compiled into a tensor tape
 * over W1, b1, W2, b2 (x and y are data), beside the hand-written backprop {@link Mlp} with the same
 * parameter layout (each W row-major, then b). Weights 0.05·cos(i), input sin-valued, label 3.
 */
final class MlpNetwork {
    static final int IN = 64, HIDDEN = 32, OUT = 10, LABEL = 3;

    private MlpNetwork() {}

    /** L = logsumexp(w2) − y·w2 with w2 = W2·f(W1·x + b1) + b2 (f = relu or σ): the loss of F.cross_entropy. */
    static Expr loss(String prefix, boolean relu) {
        DotBar.matrix(prefix + "W1", HIDDEN, IN);
        DotBar.vector(prefix + "b1", HIDDEN);
        DotBar.matrix(prefix + "W2", OUT, HIDDEN);
        DotBar.vector(prefix + "b2", OUT);
        DotBar.vector(prefix + "x", IN);
        DotBar.vector(prefix + "y", OUT);
        String w2 = prefix + "W2·" + (relu ? "relu" : "σ") + "(" + prefix + "W1·" + prefix + "x + " + prefix + "b1) + " + prefix + "b2";
        return DotBar.parse("sum(logsumexp(" + w2 + ") - colsum(" + prefix + "y * (" + w2 + ")))");
    }

    static List<String> names(String prefix) {
        return List.of(prefix + "W1", prefix + "b1", prefix + "W2", prefix + "b2", prefix + "x", prefix + "y");
    }

    /** The tape over the parameters then the data, its gradient by the four parameters. */
    static Compiled tape(String prefix, boolean relu) {
        return Tapes.of(loss(prefix, relu), names(prefix), 4);
    }

    static Mlp hand(boolean relu) {
        return new Mlp(1, relu ? Activation.RELU : Activation.SIGMOID, Activation.IDENTITY, IN, HIDDEN, OUT);
    }

    static int parameters() { return HIDDEN * IN + HIDDEN + OUT * HIDDEN + OUT; }

    static double[] theta() {
        double[] t = new double[parameters()];
        for (int i = 0; i < t.length; i++) t[i] = 0.05 * Math.cos(i);
        return t;
    }

    static double[] input() {
        double[] x = new double[IN];
        for (int i = 0; i < IN; i++) x[i] = 8 * (0.5 + 0.5 * Math.sin(0.7 * i));
        return x;
    }

    /** θ, x and the one-hot y in the tape's layout. */
    static double[] tapeInput() {
        double[] t = theta(), x = input(), all = new double[t.length + IN + OUT];
        System.arraycopy(t, 0, all, 0, t.length);
        System.arraycopy(x, 0, all, t.length, IN);
        all[t.length + IN + LABEL] = 1;
        return all;
    }

    static void forget(String prefix) {
        names(prefix).forEach(Shapes::forget);
    }
}
