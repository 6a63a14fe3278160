package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.print.LatexPrinter;
import dotbar.print.UnicodePrinter;
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
 * Scaling with size, at two sizes ten times apart, so the fitted exponent is
 * log(t₂/t₁)/log(10): printing a left-deep sum of 10⁵ and 10⁶ terms (Unicode and LaTeX, in full),
 * and grad, compile and an optimizer's set-up over 10⁴ and 10⁵ parameters. Linear work gives
 * ratios near 10; the printers and the set-ups were quadratic (ratios near 100).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalingBench {
    @Param({"100000", "1000000"})
    public int terms;

    private Expr sum;

    @Setup
    public void setUp() {
        Expr s = Exprs.sym("x0");
        for (int i = 1; i < terms; i++) s = s.plus(Exprs.num(i).times(Exprs.sym("x" + (i % 100))));
        sum = s;
    }

    @Benchmark
    public int printUnicode() { return UnicodePrinter.print(sum, Integer.MAX_VALUE).length(); }

    @Benchmark
    public int printLatex() { return LatexPrinter.print(sum, Integer.MAX_VALUE).length(); }

    /** Σᵢ (wᵢ − i)²/2 over n parameters, and the point w = 0. */
    @State(Scope.Benchmark)
    public static class Parameters {
        @Param({"10000", "100000"})
        public int n;

        Expr loss;
        Point start;

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
    }

    /** Compiles afresh each time (no cache), over the variables in name order. */
    @Benchmark
    public Object compile(Parameters p) { return Tapes.compile(p.loss, p.loss.vars()); }

    /** grad on a fresh copy of the expression, so the tape cache does not hide the compilation. */
    @Benchmark
    public double grad(Parameters p) { return DotBar.grad(p.loss.plus(1), p.start).get("w1"); }

    @Benchmark
    public Object optimizerSetUp(Parameters p) { return DotBar.adam(p.loss.plus(2), p.start); }
}
