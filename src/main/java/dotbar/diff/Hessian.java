package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.sweep.Dag;
import dotbar.sweep.SymbolicAdjoints;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hessian H_uv = ∂²f/∂u∂v at a point, over the expression's free symbols in name order.
 *
 * <p>Computed forward-over-reverse: one symbolic reverse sweep gives every component of the
 * gradient as an expression (∂f/∂u, eq. 27–30 on expressions), then one numeric forward sweep
 * per variable v over all of them at once gives the column ∂(∂f/∂u)/∂v. No derivative rule is
 * written twice: both sweeps read the op table. The two mixed partials H_uv and H_vu are computed
 * along different paths and agree up to rounding; they are reported as computed, not averaged.
 */
public final class Hessian {
    private final List<String> names;
    private final double[][] h;
    private final Point point;

    private Hessian(List<String> names, double[][] h, Point point) {
        this.names = names;
        this.h = h;
        this.point = point;
    }

    /**
     * The most variables a Hessian is computed for: {@value} × {@value} doubles are 200 MB, and
     * each column is a sweep over the whole gradient. Above it {@link #of} refuses and says why.
     */
    public static final int MAX_VARIABLES = 5000;

    /**
     * The Hessian of {@code e} at {@code point}; every free symbol needs a value; at most
     * {@value #MAX_VARIABLES} variables. Rows and columns are in the order the point gives the
     * symbols ({@code at("y=1, x=2")}: y, then x).
     */
    public static Hessian of(Expr e, Point point) {
        var free = e.vars();
        if (free.size() > MAX_VARIABLES) {
            throw new DotbarException("hessian: " + free.size() + " variables would make a " + free.size() + "×" + free.size()
                    + " matrix; the limit is " + MAX_VARIABLES + " (for products H·v without the matrix: dotbar.tape.HessianVector.of(e, names...))");
        }
        var isFree = new java.util.HashSet<>(free);
        var vars = new ArrayList<String>(point.names().stream().filter(isFree::contains).toList());
        var listed = new java.util.HashSet<>(vars);
        free.stream().filter(v -> !listed.contains(v)).forEach(vars::add); // missing ones: the sweep below names them
        var reverse = new Dag(e);
        new NumericSweep(reverse, point);  // names every missing value, or an abstract function
        var adjoints = SymbolicAdjoints.of(reverse);
        var gradient = new ArrayList<Expr>();
        for (String u : vars) gradient.add(adjoints.adjoint(reverse.indexOf(Exprs.sym(u))));
        var dag = new Dag(gradient);
        var sweep = new NumericSweep(dag, point);
        double[][] h = new double[vars.size()][vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            Interrupted.check();  // a column is a sweep over the whole gradient
            double[] dot = sweep.tangents(vars.get(j)).derivative();
            for (int i = 0; i < vars.size(); i++) h[i][j] = dot[dag.indexOf(gradient.get(i))];
        }
        return new Hessian(vars, h, NumericSweep.restrict(point, vars));
    }

    /** A Hessian computed elsewhere ({@link TensorHessian}): rows and columns labelled {@code names}, {@code h} taken over. */
    static Hessian over(List<String> names, double[][] h, Point point) {
        return new Hessian(List.copyOf(names), h, point);
    }

    /** ∂²f/∂u∂v; over tensors u and v are entries, {@code get("W[1,2]", "b[3]")}. */
    public double get(String u, String v) {
        return h[index(u)][index(v)];
    }

    /** The variables in the order the point gave them: the order of rows and columns. */
    public List<String> names() {
        return names;
    }

    /** The matrix, rows and columns in the order of {@link #names()} (a copy). */
    public double[][] toArray() {
        double[][] copy = new double[h.length][];
        for (int i = 0; i < h.length; i++) copy[i] = h[i].clone();
        return copy;
    }

    private int index(String name) {
        int i = name == null ? -1 : names.indexOf(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
        if (i < 0) {
            throw new DotbarException("the Hessian has no variable " + name + "; the variables are "
                    + (names.isEmpty() ? "none (the expression is constant)" : String.join(", ", names)));
        }
        return i;
    }

    /** The point, with the values of the variables only. */
    public Point point() {
        return point;
    }

    /** The matrix as a table under its point ({@link Rendering}). */
    @Override
    public String toString() {
        return Rendering.get().text(this);
    }
}
