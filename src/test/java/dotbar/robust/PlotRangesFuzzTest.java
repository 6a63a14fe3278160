package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dotbar.base.DotbarException;
import dotbar.plot.Plot;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Plots at any scale: random ranges and data drawn from the extremes of double (subnormal,
 * ±1e308, the largest double, equal ends, NaN, ±∞) go to every plot kind, and each must give a
 * picture or a {@code DotbarException} — never another exception, an endless loop or an
 * OutOfMemoryError. The seed is printed so a failure replays; the whole budget runs under one
 * generous deadline (a hang would otherwise stop the build for good).
 */
class PlotRangesFuzzTest {
    static final int CASES = Integer.getInteger("fuzz.plots", 400);

    private static final double[] EXTREMES = {
        0, -0.0, 4.9e-324, -4.9e-324, 1e-323, 2.2250738585072014e-308, 1e-300, 1e-10, 1, -1, 1 + Math.ulp(1.0), 2, 710, -710,
        1e300, -1e300, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.5, -123.25, 1e15, 1e16 + 2,
    };

    private static double pick(Random r) {
        return r.nextInt(4) == 0 ? (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20) : EXTREMES[r.nextInt(EXTREMES.length)];
    }

    private static double[] data(Random r) {
        double[] d = new double[1 + r.nextInt(6)];
        for (int i = 0; i < d.length; i++) d[i] = pick(r);
        return d;
    }

    private static final List<String> FUNCTIONS = List.of("x", "x*1e-323", "sinh(x)", "exp(x)", "1/x", "x^2", "log(x)", "0*x + 5e-324",
            "x*1e308", "-x*1e308 + 1e308", "sin(1/x)");

    @Test
    void everyPlotKindDrawsOrSaysWhyForRandomExtremeRanges() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("PlotRangesFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + CASES + " cases");
        Random r = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            for (int i = 0; i < CASES; i++) {
                int kind = r.nextInt(9);
                double a = pick(r), b = pick(r), c = pick(r), d = pick(r);
                String f = FUNCTIONS.get(r.nextInt(FUNCTIONS.size()));
                double[] v = data(r), w = new double[v.length];
                for (int k = 0; k < w.length; k++) w[k] = pick(r);
                Supplier<Plot> plot = switch (kind) {
                    case 0 -> () -> plot(f, "x", a, b);
                    case 1 -> () -> plot(parse(f), parse("x"), "x", a, b).ylim(c, d);
                    case 2 -> () -> plot(f, "x", a, b).logScale();
                    case 3 -> () -> contour("x*y*" + (Double.isFinite(c) ? c : 1), "x", a, b, "y", c, d);
                    case 4 -> () -> bars(List.of("a", "b", "c", "d", "e", "f").subList(0, v.length), v);
                    case 5 -> () -> bars(List.of("a", "b", "c", "d", "e", "f").subList(0, v.length), v).logScale();
                    case 6 -> () -> lossCurve("l", v);
                    case 7 -> () -> lossCurve("l", v).ylim(a, b);
                    default -> () -> lossCurve("l", v).series("s", v, w);
                };
                String what = "case " + i + " kind " + kind + " f=" + f + " a=" + a + " b=" + b + " c=" + c + " d=" + d
                        + " data=" + java.util.Arrays.toString(v) + " (seed " + seed + ")";
                try {
                    String picture = plot.get().toString();
                    assertFalse(picture.isBlank(), what);
                    assertTrue(picture.length() < 1_000_000, what);
                } catch (DotbarException expected) {
                    assertFalse(expected.getMessage().isBlank(), what);
                } catch (Throwable e) {
                    throw new AssertionError(what + ": " + e, e);
                }
            }
        });
    }

    @Test
    void theCasesTheReliabilityRunFound() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (Supplier<Plot> p : List.<Supplier<Plot>>of(
                    () -> plot(parse("x*1e-323"), "x", 0, 1),
                    () -> bars(List.of("a", "b"), new double[] {0, 1e-323}),
                    () -> lossCurve("l", new double[] {1e-323, 0}),
                    () -> plot("x", "x", 0, 1).ylim(0, 1e-323),
                    () -> plot(parse("sinh(x)"), "x", -710, 710),
                    () -> lossCurve("l", new double[] {-1e308, 1e308}),
                    () -> plot("x", "x", -1e308, 1e308),
                    () -> contour("x*y", "x", -Double.MAX_VALUE, Double.MAX_VALUE, "y", 0, 4.9e-324))) {
                try {
                    String picture = p.get().toString();
                    assertFalse(picture.isBlank());
                } catch (DotbarException e) {
                    fail("these can all be drawn: " + e.getMessage());
                }
            }
        });
    }
}
