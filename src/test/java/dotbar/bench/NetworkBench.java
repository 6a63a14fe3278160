package dotbar.bench;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Value and gradient of a small sigmoid network's loss: the tape against hand-written backpropagation and the other routes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetworkBench {
    private Expr expr;
    private List<String> names;
    private Compiled tape, interpreted;
    private double[] theta, g, hidden;
    private Point point;

    @Setup
    public void setUp() {
        expr = SigmoidNetwork.expr();
        names = SigmoidNetwork.names();
        tape = Tapes.compile(expr, names);
        if (!tape.generate()) throw new IllegalStateException(tape.toString());
        double[] warmX = SigmoidNetwork.start(), warmG = new double[warmX.length];
        Agreement.warm(() -> tape.gradient(warmX, warmG) + tape.value(warmX));
        interpreted = Tapes.compile(expr, names);  // stays interpreted: BenchMain turns the automatic second tier off
        theta = SigmoidNetwork.start();
        g = new double[theta.length];
        hidden = new double[SigmoidNetwork.H];
        point = Uncompiled.point(names, theta);
        double[] hand = new double[theta.length], other = new double[theta.length];
        SigmoidNetwork.gradient(theta, hand, hidden);
        Agreement.check("tape", hand, tape.gradient(theta));
        Agreement.check("interpreted tape", hand, interpreted.gradient(theta));
        SigmoidNetwork.derivativeStructure(theta, other);
        Agreement.check("DerivativeStructure", hand, other);
        Uncompiled.grad(expr, names, point, other);
        Agreement.check("reverse sweep", hand, other);
    }

    @Benchmark
    public double compiledValue() { return tape.value(theta); }

    @Benchmark
    public double compiledGradient() { return tape.gradient(theta, g); }

    @Benchmark
    public double interpretedValue() { return interpreted.value(theta); }

    @Benchmark
    public double interpretedGradient() { return interpreted.gradient(theta, g); }

    @Benchmark
    public double handValue() { return SigmoidNetwork.value(theta); }

    @Benchmark
    public double handGradient() { return SigmoidNetwork.gradient(theta, g, hidden); }

    @Benchmark
    public double derivativeStructure() { return SigmoidNetwork.derivativeStructure(theta, g); }

    @Benchmark
    public double reverseSweep() { return Uncompiled.grad(expr, names, point, g); }
}
