package dotbar.bench;

import dotbar.diff.Trace;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.List;
import java.util.Map;

/**
 * The gradient without the tape: one numeric reverse sweep over the expression DAG
 * ({@link Trace#reverse(Expr, Point)}, which also keeps the rows of the trace), as {@code grad}
 * computed it before it ran on the tape.
 */
final class Uncompiled {
    private Uncompiled() {}

    /** Fills g in the order of {@code names}; returns g[0] for the benchmark to consume. */
    static double grad(Expr e, List<String> names, Point at, double[] g) {
        Map<String, Double> byName = Trace.reverse(e, at).gradient().asMap();
        for (int k = 0; k < g.length; k++) g[k] = byName.get(names.get(k));
        return g.length == 0 ? 0 : g[0];
    }

    static Point point(List<String> names, double[] x) {
        var map = new java.util.LinkedHashMap<String, Double>();
        for (int k = 0; k < x.length; k++) map.put(names.get(k), x[k]);
        return Point.of(map);
    }
}
