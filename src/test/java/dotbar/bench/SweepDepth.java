package dotbar.bench;

import dotbar.diff.SymbolicTrace;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Time against depth for the symbolic traces {@code reverse(e)} and {@code forward(e, x)} on a
 * chain sin(sin(…x…)), with the exponent k of t ∝ depthᵏ fitted by least squares on log-log: the
 * evidence that the traces are linear (issue 12, item 3; the benchmark of every entry point is
 * {@code scripts/bench scaling}). A main method, not JMH: one run at depth 64 000 takes long
 * enough that the best of a few runs is a fair number.
 *
 * <pre>{@code
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" dotbar.bench.SweepDepth 1000 4000 16000 64000
 * }</pre>
 */
public final class SweepDepth {
    private SweepDepth() {}

    public static void main(String[] args) {
        var depths = new ArrayList<Integer>();
        for (String a : args) depths.add(Integer.parseInt(a));
        if (depths.isEmpty()) depths.addAll(List.of(1000, 4000, 16000, 64000));
        // the walks are iterative, but a deep chain's toString/equals are not what is measured: a big stack anyway
        Thread t = new Thread(null, () -> {
            measure("reverse(e)", depths, SymbolicTrace::reverse);
            measure("forward(e, x)", depths, e -> SymbolicTrace.forward(e, "x"));
        }, "bench", 1L << 28);
        t.start();
        try {
            t.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** sin(sin(…sin(x)…)), {@code depth} applications. */
    static Expr chain(int depth) {
        Expr e = Exprs.sym("x");
        for (int i = 0; i < depth; i++) e = Exprs.call(Op.SIN, e);
        return e;
    }

    private static void measure(String name, List<Integer> depths, Function<Expr, Object> f) {
        for (int r = 0; r < 5; r++) f.apply(chain(1000));  // warm-up: the JIT compiles the walk before the first measurement
        double[] x = new double[depths.size()], y = new double[depths.size()];
        for (int i = 0; i < depths.size(); i++) {
            int d = depths.get(i);
            Expr e = chain(d);
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                Object result = f.apply(e);
                best = Math.min(best, System.nanoTime() - t0);
                if (result == null) throw new AssertionError();
            }
            x[i] = Math.log(d);
            y[i] = Math.log(best / 1e9);
            System.out.printf("%-14s depth %6d  %10.3f ms%n", name, d, best / 1e6);
        }
        System.out.printf("%-14s fitted exponent %.2f%n", name, slope(x, y));
    }

    /** The least-squares slope of y against x. */
    static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
