package dotbar.diff;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.Sym;
import dotbar.expr.TensorEval;
import dotbar.expr.TensorValue;
import dotbar.expr.Tensors;
import dotbar.sweep.Dag;
import dotbar.sweep.LocalPartials;
import dotbar.sweep.SymbolicAdjoints;
import dotbar.sweep.SymbolicTangents;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Derivatives over tensors with the seed left open: the expressions of one sweep whose seed is a
 * fresh symbol of the seed's shape, then evaluated ({@link TensorEval}) at points with the seed
 * given a value. Forward mode ({@link #tangents}): ẋ = V for one input x, the tangents of the
 * outputs by the op table's Jacobian–vector products (eq. 24–26; for y = W·x, ẏ = Ẇ·x + W·ẋ),
 * linear in V. Reverse mode ({@link #adjoints}): the adjoints of the inputs for the scalar
 * ⟨U, y⟩ = dot(U, y), i.e. ȳ = U, by the vector–Jacobian products (eq. 27–30; W̄ = ȳ·xᵀ),
 * linear in U. A unit V or U gives one column or one row of a Jacobian; any other is a
 * directional derivative. The seed's shape is known only while these expressions are built and
 * evaluated ({@link Shapes#within}): nothing is declared for everyone.
 */
final class Seeded {
    private Seeded() {}

    /**
     * The tangents of {@code outputs} along the input {@code x} (ẋ = V, of x's shape) at
     * {@code point}, for each direction V of {@code directions}: the outputs' entries one after
     * another. One forward walk over the outputs' DAG, then an evaluation per direction.
     */
    static List<double[]> tangents(List<Expr> outputs, String x, Point point, List<TensorValue> directions) {
        var dag = new Dag(outputs);
        return evaluate(fresh("δ" + x, dag), Shapes.declared(x), point, directions, v -> {
            Expr[] t = SymbolicTangents.of(dag, x, v, new LocalPartials());
            var r = new ArrayList<Expr>();
            for (Expr o : outputs) r.add(Tensors.expandTo(t[dag.indexOf(o)], o));
            return r;
        });
    }

    /**
     * The adjoints of the symbols {@code inputs} (each of its symbol's shape, one after another)
     * at {@code point} for each adjoint ȳ = U of {@code weights} at the output {@code y}: one
     * reverse walk over dot(U, y), whose gradient by x is the vector–Jacobian product Jᵀ·U, then
     * an evaluation per U.
     */
    static List<double[]> adjoints(Expr y, List<String> inputs, Point point, List<TensorValue> weights) {
        return evaluate(fresh("δy", new Dag(y)), Shapes.of(y), point, weights, u -> {
            var dag = new Dag(Exprs.call(Op.DOT, u, y));
            var acc = SymbolicAdjoints.of(dag);
            var r = new ArrayList<Expr>();
            for (String x : inputs) {
                Sym s = Exprs.sym(x);
                int i = dag.find(s);
                r.add(Tensors.expandTo(i < 0 ? Exprs.ZERO : acc.adjoint(i), s));
            }
            return r;
        });
    }

    /**
     * The expressions {@code build} makes of the seed symbol, evaluated at {@code point} with the
     * seed set to each of {@code seeds}: all of it while the seed has its shape, in one scope, so
     * that the shapes of the nodes are found once.
     */
    private static List<double[]> evaluate(String seed, Shape shape, Point point, List<TensorValue> seeds,
                                           Function<Sym, List<Expr>> build) {
        return Shapes.within(Map.of(seed, shape), () -> {
            List<Expr> derivatives = build.apply(Exprs.sym(seed));
            var r = new ArrayList<double[]>(seeds.size());
            for (TensorValue v : seeds) {
                Interrupted.check();  // each seed evaluates the derivatives' whole DAG
                var values = TensorEval.values(derivatives, point.with(seed, v));
                int n = 0;
                for (Expr d : derivatives) n += values.get(d).entries().length;
                double[] flat = new double[n];
                int at = 0;
                for (Expr d : derivatives) {
                    double[] e = values.get(d).entries();
                    System.arraycopy(e, 0, flat, at, e.length);
                    at += e.length;
                }
                r.add(flat);
            }
            return r;
        });
    }

    /** {@code base}, or it with more δ in front, until no symbol of the DAG (nor a declared one) has that name. */
    private static String fresh(String base, Dag dag) {
        Set<String> taken = new HashSet<>();
        for (Expr n : dag.nodes()) if (n instanceof Sym s) taken.add(s.name());
        String v = base;
        while (taken.contains(v) || !Shapes.declared(v).isScalar()) v = "δ" + v;
        return v;
    }
}
