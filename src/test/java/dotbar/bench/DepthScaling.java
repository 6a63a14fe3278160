package dotbar.bench;

import static dotbar.DotBar.*;

import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.HessianVector;
import dotbar.tape.Tapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * {@code scripts/bench scaling}: every public entry point on chains 1k, 4k, 16k and 64k deep,
 * with the fitted exponent of each — the least-squares slope of log t against log depth (1 is
 * linear, 2 quadratic; the goal is ≤ 1.2). Each measurement is the median of a few runs (at least
 * three, more for fast calls, each after a {@code System.gc()} so that no run pays for another's garbage), after a
 * warm-up of every entry point at the smallest depth; every run gets a fresh chain (its own
 * variable names), so no memo or tape cache answers from an earlier run. Setting up the input
 * (building the chain, or the tape for the second tier) is not timed; parse is timed on text.
 *
 * <p>"exponent" is the fit over every depth measured; "last ×4" the exponent of the last step
 * alone (16k to 64k), which small depths' fixed costs do not bend, and which memory effects
 * (hash tables of 10⁵ nodes outgrowing the caches) do bend upwards.
 *
 * <p>A call over {@value #ONE_RUN_MS} ms is measured once; a measurement over {@value #GIVE_UP_MS} ms,
 * or one from which the last step's exponent predicts over {@value #PREDICTED_GIVE_UP_MS} ms at the next depth, ends
 * that row: the deeper chains are not tried
 * (shown as {@code —}) and the exponent is fitted over the depths measured. A plain main class,
 * not JMH: single calls of up to seconds, where JMH's iterations would add nothing but hours.
 * Arguments: {@code --quick} for depths 1k and 4k with one run each; names of entry points (as
 * printed, e.g. {@code 'reverse(e)'}) to measure only those.
 */
public final class DepthScaling {
    private DepthScaling() {}

    static final int[] DEPTHS = {1_000, 4_000, 16_000, 64_000};
    static final long GIVE_UP_MS = 15_000;
    /** The next depth is not tried when the last step's exponent predicts it takes longer than this. */
    static final long PREDICTED_GIVE_UP_MS = 60_000;
    private static final int RUNS = 3;
    /** Warm-up per entry point: three calls at the smallest depth, or fewer once this many ms are spent. */
    private static final double WARM_UP_MS = 3_000;
    /** A call this slow is measured once (its median is of one run). */
    private static final double ONE_RUN_MS = 5_000;
    /** Fast calls are repeated until this many ms are spent (at most {@value #MAX_RUNS} calls). */
    private static final double FILL_MS = 500;
    private static final int MAX_RUNS = 15;
    private static volatile Object sink;
    private static int fresh;

    /** One chain: the expression, its text, its variables and a point for them. */
    record Chain(Expr e, String text, List<String> vars, Point p) {
        String x() { return vars.get(0); }
    }

    /** sin(sin(…sin(x)…)), x renamed per run. */
    static Chain sines(int depth) {
        String x = "x" + ++fresh;
        Expr e = sym(x);
        for (int k = 0; k < depth; k++) e = sin(e);
        return new Chain(e, "sin(".repeat(depth) + x + ")".repeat(depth), List.of(x), at(x, 0.7));
    }

    /** ((x·a + x)·a + x)·a + …, left-deep, names fresh per run. */
    static Chain horner(int depth) {
        int k = ++fresh;
        String x = "x" + k, a = "a" + k;
        Expr e = sym(x);
        for (int i = 0; i < depth; i++) e = e.times(sym(a)).plus(sym(x));
        String text = "(".repeat(depth - 1) + x + "·" + a + " + " + x + (")·" + a + " + " + x).repeat(depth - 1);
        return new Chain(e, text, List.of(x, a), at(x, 0.8, a, 0.999));
    }

    /** dch(dch(…dch(x, y)…, y), y) with dch(u, w) = sin(u) + w. */
    static Chain defined(int depth) {
        int k = ++fresh;
        String x = "x" + k, y = "y" + k;
        Fn dch = def("dch(u, w) = sin(u) + w");
        Expr e = sym(x);
        for (int i = 0; i < depth; i++) e = dch.apply(e, sym(y));
        return new Chain(e, "dch(".repeat(depth) + x + (", " + y + ")").repeat(depth), List.of(x, y), at(x, 0.7, y, 0.0));
    }

    /** An entry point: from a fresh chain (untimed) to the timed call. */
    record Case(String name, IntFunction<Chain> shape, java.util.function.Function<Chain, Supplier<Object>> prepare) {}

    static List<Case> cases() {
        var c = new ArrayList<Case>();
        c.add(new Case("parse", DepthScaling::sines, ch -> () -> parse(ch.text())));
        c.add(new Case("parse [left-deep]", DepthScaling::horner, ch -> () -> parse(ch.text())));
        c.add(new Case("toString", DepthScaling::sines, ch -> () -> ch.e().toString()));
        c.add(new Case("latex", DepthScaling::sines, ch -> () -> latex(ch.e())));
        c.add(new Case("eval", DepthScaling::sines, ch -> () -> ch.e().eval(ch.p())));
        c.add(new Case("diff", DepthScaling::sines, ch -> () -> diff(ch.e(), ch.x())));
        c.add(new Case("diff, 2nd order", DepthScaling::sines, ch -> () -> diff(ch.e(), ch.x(), 2)));
        c.add(new Case("grad(e, p)", DepthScaling::horner, ch -> () -> grad(ch.e(), ch.p())));
        c.add(new Case("grad(e)", DepthScaling::horner, ch -> () -> grad(ch.e())));
        c.add(new Case("hessian", DepthScaling::horner, ch -> () -> hessian(ch.e(), ch.p())));
        c.add(new Case("forward(e, p, x)", DepthScaling::sines, ch -> () -> forward(ch.e(), ch.p(), ch.x()).toString()));
        c.add(new Case("forward(e, p, x) [dch]", DepthScaling::defined, ch -> () -> forward(ch.e(), ch.p(), ch.x()).toString()));
        c.add(new Case("reverse(e, p)", DepthScaling::sines, ch -> () -> reverse(ch.e(), ch.p()).toString()));
        c.add(new Case("forward(e, x)", DepthScaling::sines, ch -> () -> forward(ch.e(), ch.x()).toString()));
        c.add(new Case("reverse(e)", DepthScaling::sines, ch -> () -> reverse(ch.e()).toString()));
        c.add(new Case("simplify", DepthScaling::sines, ch -> () -> simplify(ch.e())));
        c.add(new Case("simplify [left-deep]", DepthScaling::horner, ch -> () -> simplify(ch.e())));
        c.add(new Case("check", DepthScaling::sines, ch -> () -> check(ch.e().plus(ch.e()), ch.e().times(2)).holds()));
        c.add(new Case("check [left-deep]", DepthScaling::horner, ch -> () -> check(ch.e().plus(ch.e()), ch.e().times(2)).holds()));
        c.add(new Case("compile", DepthScaling::horner, ch -> () -> compile(ch.e())));
        c.add(new Case("compile, second tier", DepthScaling::horner, ch -> {
            Compiled tape = Tapes.compile(ch.e(), ch.vars());
            return tape::generate;
        }));
        c.add(new Case("HessianVector", DepthScaling::horner, ch -> () -> HessianVector.of(ch.e(), ch.vars().toArray(String[]::new))));
        c.add(new Case("optimizer step", DepthScaling::horner, ch -> () -> gd(ch.e(), ch.p()).lr(1e-7).step()));
        c.add(new Case("inline [dch]", DepthScaling::defined, ch -> () -> inline(ch.e())));
        return c;
    }

    public static void main(String[] args) {
        System.setProperty("dotbar.tape.tier2", "false");  // the second tier only where a case asks (generate)
        boolean quick = Arrays.asList(args).contains("--quick");
        var only = Arrays.stream(args).filter(a -> !a.equals("--quick")).toList();
        int[] depths = quick ? new int[] {1_000, 4_000} : DEPTHS;
        int runs = quick ? 1 : RUNS;
        List<Case> cases = cases().stream().filter(k -> only.isEmpty() || only.contains(k.name())).toList();

        System.out.println("warming up every entry point at depth " + depths[0] + " …");
        for (Case k : cases) {
            double spent = 0;
            for (int i = 0; i < 3 && spent < WARM_UP_MS; i++) spent += time(k, depths[0]);
        }
        var header = new StringBuilder(String.format("%-26s", "ms (median of ≥" + runs + ")"));
        for (int d : depths) header.append(String.format("%10s", d / 1000 + "k"));
        header.append(String.format("%10s%10s", "exponent", "last ×4"));
        System.out.println(header);
        var over = new LinkedHashMap<String, Double>();
        for (Case k : cases) {
            var row = new StringBuilder(String.format("%-26s", k.name()));
            var measured = new ArrayList<double[]>();
            boolean stop = false;
            for (int d : depths) {
                if (stop) { row.append(String.format("%10s", "—")); continue; }
                double[] t = new double[MAX_RUNS];
                int n = 0;
                try {
                    double spent = 0;
                    // at least `runs` calls (one if a call is slow); fast ones until FILL_MS is spent, for a steadier median
                    while (n < MAX_RUNS && (n < runs || spent < FILL_MS)) {
                        t[n] = time(k, d);
                        spent += t[n++];
                        if (t[n - 1] > ONE_RUN_MS) break;
                    }
                    t = Arrays.copyOf(t, n);
                } catch (StackOverflowError | RuntimeException | OutOfMemoryError e) {
                    row.append(String.format("%10s", e instanceof StackOverflowError ? "overflow" : e.getClass().getSimpleName()));
                    stop = true;
                    continue;
                }
                Arrays.sort(t);
                double median = t[t.length / 2];
                measured.add(new double[] {d, median});
                row.append(String.format("%10.1f", median));
                // give up on the row when this call was slow, or the next depth (×4) would be at this pace
                double pace = measured.size() < 2 ? 1 : Math.max(1, slope(measured.subList(measured.size() - 2, measured.size())));
                stop = median > GIVE_UP_MS || median * Math.pow(4, pace) > PREDICTED_GIVE_UP_MS;
            }
            double exponent = slope(measured);
            row.append(String.format("%10.2f", exponent));
            // the exponent over the last step alone (16k → 64k when both ran): the asymptote, without the small depths' fixed costs
            row.append(measured.size() < 2 ? "" : String.format("%10.2f", slope(measured.subList(measured.size() - 2, measured.size()))));
            if (exponent > 1.2) over.put(k.name(), exponent);
            System.out.println(row);
        }
        System.out.println(over.isEmpty() ? "every exponent ≤ 1.2" : "over 1.2: " + over);
    }

    /** One timed call on a fresh chain, in milliseconds. */
    private static double time(Case k, int depth) {
        Chain ch = k.shape().apply(depth);
        Supplier<Object> call = k.prepare().apply(ch);
        sink = null;
        System.gc();   // the garbage of earlier calls is collected before the clock starts, not during
        long t0 = System.nanoTime();
        sink = call.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The least-squares slope of log t against log depth. */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) return Double.NaN;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            double x = Math.log(p[0]), y = Math.log(Math.max(p[1], 1e-3));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
