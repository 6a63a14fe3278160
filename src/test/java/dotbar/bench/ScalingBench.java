package dotbar.bench;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.print.LatexPrinter;
import dotbar.print.UnicodePrinter;

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
 * Printing at two sizes ten times apart, so the fitted exponent is log(t₂/t₁)/log(10): a
 * left-deep sum of 10⁵ and 10⁶ terms in full, Unicode and LaTeX. Linear work gives a ratio near
 * 10; the printers were quadratic (ratio near 100). See also {@link ParameterScalingBench}.
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
}
