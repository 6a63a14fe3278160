package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.tape.Tapes;

import java.util.LinkedHashMap;
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
 * grad, compile and an optimizer's set-up over 10⁴ and 10⁵ parameters of Σᵢ (wᵢ − i)²/2: linear
 * work gives ratios near 10; the hash-less set-ups were quadratic (ratio near 100). Each call
 * uses a fresh expression (a new constant term), so the tape cache does not hide the work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParameterScalingBench {
    @Param({"10000", "100000"})
    public int n;

    private Expr loss;
    private Point start;
    private int fresh;

    @Setup
    public void setUp() {
        Expr l = Exprs.num(0);
        var p = new LinkedHashMap<String, Double>();
        for (int i = 0; i < n; i++) {
            l = l.plus(Exprs.sym("w" + i).minus(i).pow(2).div(2));
            p.put("w" + i, 0.0);
        }
        loss = l;
        start = Point.of(p);
    }

    @Benchmark
    public Object compile() { return Tapes.compile(loss.plus(++fresh), loss.vars()); }

    @Benchmark
    public double grad() { return DotBar.grad(loss.plus(++fresh), start).get("w1"); }

    @Benchmark
    public Object optimizerSetUp() { return DotBar.adam(loss.plus(++fresh), start); }
}
