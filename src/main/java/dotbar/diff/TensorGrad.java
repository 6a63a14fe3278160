package dotbar.diff;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;
import dotbar.expr.Sym;
import dotbar.expr.TensorEval;
import dotbar.expr.TensorValue;
import dotbar.expr.Tensors;
import dotbar.sweep.Dag;
import dotbar.sweep.SymbolicAdjoints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The numeric gradient of a scalar expression over tensors: one symbolic reverse walk
 * ({@link SymbolicAdjoints}, the op table's vector–Jacobian products) per expression, kept, and
 * its adjoints evaluated together at each point ({@link TensorEval}: shared subexpressions once).
 */
public final class TensorGrad {
    private static final Map<Expr, List<Expr>> ADJOINTS = Collections.synchronizedMap(new WeakHashMap<>());

    private TensorGrad() {}

    /** True when {@code e} has a tensor symbol, so its gradient is a {@link TensorGrad}'s. */
    public static boolean applies(Expr e) {
        if (!Shapes.anyDeclared()) return false;
        for (String v : e.vars()) if (!Shapes.declared(v).isScalar()) return true;
        return false;
    }

    /**
     * The error for a numeric entry point that does not take tensors yet ({@code compile}, the
     * numeric traces): it would read a matrix symbol as one number.
     */
    public static void refuse(Expr e, String what) {
        if (!applies(e)) return;
        throw new dotbar.base.DotbarException(what + " does not take matrix symbols yet (" + String.join(", ",
                e.vars().stream().filter(v -> !Shapes.declared(v).isScalar()).map(v -> v + " is " + Shapes.declared(v)).toList())
                + "): use grad(L, p), hessian(L, p), jacobian(e, p, \"W\"), forward(e, p, \"W\", V), diff(L, \"W\"), reverse(L), forward(L, \"W\")"
                + " and e.eval(p) / e.evalArray(p)");
    }

    /** ∂e/∂v for every free symbol v of the scalar {@code e} at {@code point}: scalars by name, tensors as matrices. */
    public static Grad of(Expr e, Point point) {
        List<String> vars = e.vars();
        List<Expr> adjoints = gradient(e);
        var values = TensorEval.values(adjoints, point);
        var names = new ArrayList<String>();
        var scalars = new ArrayList<Double>();
        var arrays = new LinkedHashMap<String, double[][]>();
        for (int k = 0; k < vars.size(); k++) {
            TensorValue v = values.get(adjoints.get(k));
            if (Shapes.declared(vars.get(k)).isScalar()) {
                names.add(vars.get(k));
                scalars.add(v.entries()[0]);
            } else {
                arrays.put(vars.get(k), v.toArray());
            }
        }
        return Grad.withArrays(names, scalars.stream().mapToDouble(Double::doubleValue).toArray(), arrays);
    }

    /** ∂e/∂v for each free symbol v of the scalar e as an expression of v's shape, in {@code e.vars()} order (kept per e). */
    static List<Expr> gradient(Expr e) {
        return ADJOINTS.computeIfAbsent(e, TensorGrad::adjoints);
    }

    /** The adjoint of each free symbol, in {@code e.vars()} order, each of its symbol's shape. */
    private static List<Expr> adjoints(Expr e) {
        if (!Shapes.of(e).isScalar()) SymbolicAdjoints.byTensor(e, e.vars().get(0));  // the error for a non-scalar e
        var dag = new Dag(e);
        var acc = SymbolicAdjoints.of(dag);
        var r = new ArrayList<Expr>();
        for (String v : e.vars()) {
            Sym s = dotbar.expr.Exprs.sym(v);
            r.add(Tensors.expandTo(acc.adjoint(dag.indexOf(s)), s));
        }
        return r;
    }
}
