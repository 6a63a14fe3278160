package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.TensorValue;

import java.util.List;

/**
 * The Jacobian J = ∂vec(e)/∂vec(W₁, …) of an expression e (m×n, any shape) by some of its symbols
 * at a point: one row per entry of e, one column per entry of the symbols, both flattened row by
 * row ({@link Entries}: rows {@code [1,1], [1,2], …}, columns {@code W[1,1], W[1,2], …, b[1], …}),
 * J[r][c] = ∂e_r/∂θ_c.
 *
 * <p>{@link #forward} computes it column by column, one Jacobian–vector product per input entry
 * (forward mode, eq. 24–26, the op table's {@code jvp}: for y = W·x, ẏ = Ẇ·x with Ẇ the unit
 * matrix of that entry); {@link #reverse} row by row, one vector–Jacobian product per output entry
 * (reverse mode, eq. 27–30, {@code vjp}: W̄ = ȳ·xᵀ with ȳ the unit matrix of that entry). Both are
 * the sweeps every other derivative uses ({@link Seeded}); they agree to rounding, and forward
 * costs a sweep per input entry where reverse costs one per output entry — the seed's trade-off
 * between the modes (§4.3.3). {@link #product} is one column's worth for any direction: J·V.
 */
public final class Jacobian {
    private final List<String> rows;
    private final List<String> columns;
    private final double[][] j;
    private final Point point;
    private final String of;

    private Jacobian(Expr e, List<String> rows, List<String> columns, double[][] j, Point point) {
        this.of = Entries.brief(e) + " (" + Shapes.of(e) + ")";
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.j = j;
        this.point = point;
    }

    /**
     * The Jacobian of {@code e} by {@code params} (symbols of e, at most {@value Entries#MAX}
     * entries together, e at most as many) at {@code point}, by forward mode: one Jacobian–vector
     * product per input entry.
     */
    public static Jacobian forward(Expr e, Point point, List<String> params) {
        Entries in = Entries.of("jacobian", e, params);
        Entries out = outputs(e);
        return new Jacobian(e, rowLabels(out), in.labels(), columns(List.of(e), out.size(), in, point), in.restrict(point));
    }

    /** The same Jacobian by reverse mode: one vector–Jacobian product per output entry, ∂e_r/∂θ = Jᵀ·(unit r). */
    public static Jacobian reverse(Expr e, Point point, List<String> params) {
        Entries in = Entries.of("jacobian", e, params);
        Entries out = outputs(e);
        double[][] j = Seeded.adjoints(e, in.names(), point, out.units(0)).toArray(double[][]::new);
        return new Jacobian(e, rowLabels(out), in.labels(), j, in.restrict(point));
    }

    /**
     * The Jacobian–vector product J·V of {@code e} along the direction {@code direction} of the
     * symbol {@code x} at {@code point}, without forming J: ė = lim (e(x + hV) − e(x))/h, of e's
     * shape, by one forward sweep (the op table's Jacobian–vector products; for e = sum((W·x − y)²)/2,
     * ė = sum((W·x − y) ⊙ (V·x)) = ⟨(W·x − y)·xᵀ, V⟩). The direction is a {@code double[][]} (by
     * rows) or {@code double[]} (a vector) of x's shape, or a number for a scalar x. Of
     * {@code diff(L, "W")} it is the Hessian-vector product H·V.
     */
    public static double[][] product(Expr e, Point point, String x, Object direction) {
        Entries in = Entries.of("forward(e, point, x, direction)", e, List.of(x));
        String name = in.names().get(0);
        Shape shape = in.shape(0);
        TensorValue v = direction instanceof Number n ? scalarDirection(name, shape, n.doubleValue()) : tensorDirection(name, shape, direction);
        double[] flat = Seeded.tangents(List.of(e), name, point, List.of(v)).get(0);
        Shape out = Shapes.of(e);
        double[][] r = new double[out.rows()][];
        for (int i = 0; i < r.length; i++) r[i] = java.util.Arrays.copyOfRange(flat, i * out.columns(), (i + 1) * out.columns());
        return r;
    }

    /** The direction's value, read as at(...) reads a value (its errors say forward instead of at). */
    private static TensorValue tensorDirection(String x, Shape shape, Object direction) {
        try {
            return TensorValue.of("the direction of " + x, shape, direction);
        } catch (DotbarException e) {
            throw new DotbarException("forward(e, point, \"" + x + "\", direction): " + e.getMessage().replaceFirst("^at\\(\\.\\.\\.\\): ", ""));
        }
    }

    private static TensorValue scalarDirection(String x, Shape shape, double v) {
        if (!shape.isScalar()) throw new DotbarException("forward(e, point, x, direction): " + x + " is " + shape + ", so its direction is a "
                + shape + " array (double[][] by rows" + (shape.rows() == 1 || shape.columns() == 1 ? ", or double[]" : "") + "), not a number");
        return TensorValue.scalar(Point.finite(x + "'s direction", v));
    }

    /**
     * The columns of the Jacobian of {@code outputs} (their entries, {@code rows} in all, one after
     * another) by the entries {@code in}: a forward sweep per input symbol, evaluated once per entry.
     */
    static double[][] columns(List<Expr> outputs, int rows, Entries in, Point point) {
        double[][] j = new double[rows][in.size()];
        for (int k = 0; k < in.names().size(); k++) {
            List<double[]> jvps = Seeded.tangents(outputs, in.names().get(k), point, in.units(k));
            for (int q = 0; q < jvps.size(); q++) for (int r = 0; r < rows; r++) j[r][in.offset(k) + q] = jvps.get(q)[r];
        }
        return j;
    }

    private static Entries outputs(Expr e) {
        Shape s = Shapes.of(e);
        if (s.size() > Entries.MAX) {
            throw new DotbarException("jacobian: " + Entries.brief(e) + " is " + s + ", " + s.size() + " entries, so the Jacobian would have "
                    + s.size() + " rows; the limit is " + Entries.MAX + " (forward(e, p, \"W\", V) gives J·V without the matrix)");
        }
        return Entries.ofShape("", s);
    }

    /** {@code [1,2]}, {@code [3]}; {@code [1]} for a scalar. */
    private static List<String> rowLabels(Entries out) {
        return out.shape(0).isScalar() ? List.of("[1]") : out.labels();
    }

    /** ∂e_row/∂column, by their labels ({@code get("[2,1]", "W[1,3]")}). */
    public double get(String row, String column) {
        return j[index(rows, row, "row")][index(columns, column, "column")];
    }

    private static int index(List<String> labels, String label, String what) {
        int i = label == null ? -1 : labels.indexOf(java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFC));
        if (i < 0) throw new DotbarException("the Jacobian has no " + what + " " + label + "; its " + what + "s are " + Point.listed(labels));
        return i;
    }

    /** The labels of the rows, e's entries in order. */
    public List<String> rows() { return rows; }

    /** The labels of the columns, the symbols' entries in order. */
    public List<String> columns() { return columns; }

    /** The matrix, {@code rows().size()} × {@code columns().size()} (a copy). */
    public double[][] toArray() {
        double[][] copy = new double[j.length][];
        for (int i = 0; i < j.length; i++) copy[i] = j[i].clone();
        return copy;
    }

    /** The expression differentiated, shortened, with its shape: {@code W·x (2×1)}. */
    public String of() { return of; }

    /** The values of the symbols differentiated by. */
    public Point point() { return point; }

    /** The matrix as a table under its point ({@link Rendering}). */
    @Override
    public String toString() {
        return Rendering.get().text(this);
    }
}
