package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
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
 * A cached {@code grad(e, p)} on a 5000-term sum Σᵢ i·x_{i mod 100}, side by side with what its
 * cache key used to cost: the tape found under {@code e.vars()} (a walk over the DAG on every
 * call, 85 % of a cached grad when issue 12 was filed), the walk alone, and the floor (the tape's
 * gradient with the tape in hand). {@code gradAlternating} asks for two expressions in turn, so
 * the last-answer shortcut misses and the cache proper answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GradCacheBench {
    @Param({"5000"})
    public int terms;

    private Expr sum, other;
    private Point point;
    private Compiled tape;
    private boolean flip;

    @Setup
    public void setUp() {
        Expr s = Exprs.sym("x0");
        var p = new LinkedHashMap<String, Double>();
        for (int i = 0; i < 100; i++) p.put("x" + i, 0.01 * i);
        for (int i = 1; i < terms; i++) s = s.plus(Exprs.num(i).times(Exprs.sym("x" + (i % 100))));
        sum = s;
        other = s.plus(1);
        point = Point.of(p);
        tape = Tapes.of(sum);
        DotBar.grad(sum, point);
        DotBar.grad(other, point);
    }

    /** grad(e, p) on the same expression each call: the cache key without a walk. */
    @Benchmark
    public double gradCached() { return DotBar.grad(sum, point).get("x1"); }

    /** grad(e, p) on two expressions in turn: found in the cache proper, still without a walk. */
    @Benchmark
    public double gradAlternating() { return DotBar.grad((flip = !flip) ? sum : other, point).get("x1"); }

    /** The old key: the tape looked up under the expression's symbols, found by walking it. */
    @Benchmark
    public double gradKeyedByVars() { return Tapes.of(sum, sum.vars()).gradient(point)[1]; }

    /** The walk alone. */
    @Benchmark
    public int varsWalk() { return sum.vars().size(); }

    /** The floor: the tape's gradient with the tape in hand. */
    @Benchmark
    public double tapeGradient() { return tape.gradient(point)[1]; }
}
