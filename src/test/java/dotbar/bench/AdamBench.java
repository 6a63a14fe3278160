package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.optim.Optimizer;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;

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
 * {@value #STEPS} Adam steps (dsl.md, seed eq. (13)–(15) with bias corrections, PyTorch's
 * defaults, η = 0.01) from a fixed start: dotbar's optimizer ({@code adam(loss, start)}, whose
 * loss runs on a tape and whose update equations each run once per step over all the parameters,
 * {@code Optimizer.step}) against a hand-written loop with a hand-written
 * gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdamBench {
    static final int STEPS = 100;

    @Param({"rosenbrock100", "network"})
    public String function;

    private Optimizer optimizer;
    private List<String> names;
    private double[] start, theta, g, v, w, hidden;

    /** ∇f into g, returning f. */
    interface Gradient {
        double at(double[] x, double[] g);
    }

    @Setup
    public void setUp() {
        boolean net = function.equals("network");
        Expr loss = net ? SigmoidNetwork.expr() : Rosenbrock.expr(100);
        names = net ? SigmoidNetwork.names() : Rosenbrock.names(100);
        start = net ? SigmoidNetwork.start() : Rosenbrock.start(100);
        // the loss's tape as the optimizer gets it from the cache, taken to the second tier now
        Compiled tape = Tapes.of(loss, names, names.size());
        if (!tape.generate()) throw new IllegalStateException(tape.toString());
        optimizer = DotBar.adam(loss, Uncompiled.point(names, start)).lr(0.01);
        int n = start.length;
        theta = new double[n];
        g = new double[n];
        v = new double[n];
        w = new double[n];
        hidden = new double[SigmoidNetwork.H];
        Agreement.warm(this::tape);
        tape();
        hand();
        Agreement.check("Adam: dotbar's optimizer against the hand-written loop", theta, optimizer.at().values(names));
    }

    @Benchmark
    public double tape() {
        return optimizer.reset().step(STEPS).loss();
    }

    @Benchmark
    public double hand() {
        return function.equals("network") ? adam((x, gr) -> SigmoidNetwork.gradient(x, gr, hidden)) : adam(Rosenbrock::gradient);
    }

    /** v ← α·v − (1−α)·g; w ← ρ·w + (1−ρ)·g²; θ ← θ + η·v̂/(√ŵ + ε), v̂ = v/(1−αᵗ), ŵ = w/(1−ρᵗ). */
    private double adam(Gradient f) {
        final double eta = 0.01, alpha = 0.9, rho = 0.999, eps = 1e-8;
        System.arraycopy(start, 0, theta, 0, start.length);
        java.util.Arrays.fill(v, 0);
        java.util.Arrays.fill(w, 0);
        double loss = 0, alphaT = 1, rhoT = 1;
        for (int t = 1; t <= STEPS; t++) {
            loss = f.at(theta, g);
            alphaT *= alpha;
            rhoT *= rho;
            for (int i = 0; i < theta.length; i++) {
                v[i] = alpha * v[i] - (1 - alpha) * g[i];
                w[i] = rho * w[i] + (1 - rho) * g[i] * g[i];
                theta[i] += eta * (v[i] / (1 - alphaT)) / (Math.sqrt(w[i] / (1 - rhoT)) + eps);
            }
        }
        return loss;
    }
}
