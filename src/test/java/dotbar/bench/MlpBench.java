package dotbar.bench;

import dotbar.reference.Mlp;
import dotbar.tape.Compiled;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 15's performance goal: the gradient of a 64-32-10 MLP's cross-entropy on one sample by the
 * compiled tensor tape ({@code compile(L, "W1", "b1", "W2", "b2")}) against hand-written backprop
 * ({@link Mlp}), goal ≤ 2×. PyTorch eager is measured by {@code scripts/bench --user} (mlp).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlpBench {
    @Param({"relu", "sigmoid"})
    public String function;

    private Compiled tape;
    private Mlp hand;
    private double[] in, g, theta, x, handGrad;
    private final int[] label = {MlpNetwork.LABEL};

    @Setup
    public void setUp() {
        boolean relu = function.equals("relu");
        String prefix = "mb" + function + "_";
        tape = MlpNetwork.tape(prefix, relu);
        hand = MlpNetwork.hand(relu);
        in = MlpNetwork.tapeInput();
        g = new double[MlpNetwork.parameters()];
        theta = MlpNetwork.theta();
        x = MlpNetwork.input();
        handGrad = new double[theta.length];
        double a = tape.gradient(in, g), b = hand.crossEntropy(theta, x, label, 1, handGrad);
        if (Math.abs(a - b) > 1e-12 * Math.abs(b)) throw new IllegalStateException("loss: tape " + a + ", hand " + b);
        Agreement.check("tensor tape", handGrad, g.clone());
    }

    @Benchmark
    public double tapeGradient() { return tape.gradient(in, g); }

    @Benchmark
    public double tapeValue() { return tape.value(in); }

    @Benchmark
    public double handGradient() { return hand.crossEntropy(theta, x, label, 1, handGrad); }
}
