package dotbar.bench;

import dotbar.diff.SymbolicDiff;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.util.List;

/** The gradient without the tape: each partial by symbolic differentiation, then evaluated on the DAG. */
final class Uncompiled {
    private Uncompiled() {}

    static double grad(Expr e, List<String> names, Point at, double[] g) {
        for (int k = 0; k < g.length; k++) g[k] = SymbolicDiff.diff(e, names.get(k)).eval(at);
        return e.eval(at);
    }

    static Point point(List<String> names, double[] x) {
        var map = new java.util.LinkedHashMap<String, Double>();
        for (int k = 0; k < x.length; k++) map.put(names.get(k), x[k]);
        return Point.of(map);
    }
}
