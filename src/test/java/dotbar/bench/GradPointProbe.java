package dotbar.bench;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.tape.Compiled;

import java.util.LinkedHashMap;

/**
 * Where the time of a {@code grad(e, p)} that computes goes (two points alternating, so the memo
 * never answers), beside the tape's own gradient call and a fresh result array alone; and what a
 * fresh n-double array costs on this machine against a reused one. Not a JMH benchmark: the
 * fastest of 20 rounds, for a profile. {@code java -cp … dotbar.bench.GradPointProbe N [loop]}
 * ({@code loop}: then 10 s of grad(e, p) alone, for a sampling profiler).
 */
public final class GradPointProbe {
    interface F {
        double run();
    }

    static double best(F f, int reps) {
        double best = Double.MAX_VALUE, sink = 0;
        for (int k = 0; k < 20; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) sink += f.run();
            best = Math.min(best, (System.nanoTime() - t0) / (double) reps);
        }
        if (sink == 42) System.out.print("");
        return best;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Expr e = Rosenbrock.expr(n);
        var first = new LinkedHashMap<String, Double>();
        var second = new LinkedHashMap<String, Double>();
        double[] start = Rosenbrock.start(n);
        var names = Rosenbrock.names(n);
        for (int i = 0; i < n; i++) {
            first.put(names.get(i), start[i]);
            second.put(names.get(i), start[i] + 0.125);
        }
        Point p = Point.of(first), q = Point.of(second);
        Compiled tape = DotBar.compile(e);
        double[] x = p.values(tape.params()), g = new double[n], kept = new double[n];
        int reps = Math.max(100, 1_000_000 / n);
        int[] k = {0};
        for (int round = 0; round < 6; round++) {
            double own = best(() -> tape.gradient(x, g), reps);
            double fresh = best(() -> {
                double[] out = new double[n];
                tape.gradient(x, out);
                return out[0];
            }, reps);
            double viaPoint = best(() -> tape.gradient((k[0]++ & 1) == 0 ? p : q)[0], reps);
            double facade = best(() -> DotBar.grad(e, (k[0]++ & 1) == 0 ? p : q).names().size(), reps);
            double allocate = best(() -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = i * 0.5;
                return a[k[0]++ % n];
            }, reps);
            double reuse = best(() -> {
                for (int i = 0; i < n; i++) kept[i] = i * 0.5 + k[0];
                return kept[k[0]++ % n];
            }, reps);
            System.out.printf("n=%d: tape.gradient(x, g) %.0f ns; into a new array %.0f (%.2f); tape.gradient(Point) %.0f (%.2f); "
                    + "grad(e, p), points alternating %.0f (%.2f); a new double[n] filled %.0f ns, a reused one %.0f ns%n",
                    n, own, fresh, fresh / own, viaPoint, viaPoint / own, facade, facade / own, allocate, reuse);
        }
        if (args.length > 1) {
            long end = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < end) best(() -> DotBar.grad(e, (k[0]++ & 1) == 0 ? p : q).names().size(), reps);
        }
    }
}
