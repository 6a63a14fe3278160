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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Value and gradient of the extended Rosenbrock function: the tape against hand-written Java and the other routes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RosenbrockBench {
    @Param({"10", "100", "1000"})
    public int n;

    private Expr expr;
    private List<String> names;
    private Compiled tape, interpreted;
    private double[] x, g;
    private Point point;

    @Setup
    public void setUp() {
        expr = Rosenbrock.expr(n);
        names = Rosenbrock.names(n);
        tape = Tapes.compile(expr, names);
        if (!tape.generate()) throw new IllegalStateException(tape.toString());
        double[] warmX = Rosenbrock.start(n), warmG = new double[warmX.length];
        Agreement.warm(() -> tape.gradient(warmX, warmG) + tape.value(warmX));
        interpreted = Tapes.compile(expr, names);  // stays interpreted: BenchMain turns the automatic second tier off
        x = Rosenbrock.start(n);
        g = new double[n];
        point = Uncompiled.point(names, x);
        double[] hand = new double[n], other = new double[n];
        Rosenbrock.gradient(x, hand);
        Agreement.check("tape", hand, tape.gradient(x));
        Agreement.check("interpreted tape", hand, interpreted.gradient(x));
        Rosenbrock.derivativeStructure(x, other);
        Agreement.check("DerivativeStructure", hand, other);
        Uncompiled.grad(expr, names, point, other);
        Agreement.check("reverse sweep", hand, other);
    }

    @Benchmark
    public double compiledValue() { return tape.value(x); }

    @Benchmark
    public double compiledGradient() { return tape.gradient(x, g); }

    @Benchmark
    public double interpretedValue() { return interpreted.value(x); }

    @Benchmark
    public double interpretedGradient() { return interpreted.gradient(x, g); }

    @Benchmark
    public double handValue() { return Rosenbrock.value(x); }

    @Benchmark
    public double handGradient() { return Rosenbrock.gradient(x, g); }

    @Benchmark
    public double derivativeStructure() { return Rosenbrock.derivativeStructure(x, g); }

    @Benchmark
    public double reverseSweep() { return Uncompiled.grad(expr, names, point, g); }
}
