package dotbar.tape;

import dotbar.base.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Flat;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.Sym;
import dotbar.expr.TensorKernels;
import dotbar.sweep.Dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A scalar expression over matrix and vector symbols compiled into a tensor tape: one row-major
 * {@code double[]} buffer per DAG node for its value and one for its adjoint, all made at compile
 * time, so a value or gradient call allocates nothing. The parameters arrive flattened into one
 * array in the order given, each tensor row by row ({@code W1} 32×64 is x[0 … 2047], then
 * {@code b1} …), and the gradient comes back in the same layout — the contract of {@link Compiled},
 * which wraps this tape when {@code compile(L, "W1", "b1", …)} has matrix symbols.
 *
 * <p>Forward: the nodes in topological order (the {@link Dag}, built without recursion), each a
 * loop over its buffer — a matrix product is one {@link TensorKernels#matmul} over contiguous rows,
 * not one instruction per scalar multiply; an elementwise op runs {@link Op#apply} entry by entry
 * with size-1 broadcasting. Reverse (the seed's eq. 27–30 read as matrices): the adjoints start at
 * 0, the root's at 1, and each node that depends on a differentiated parameter adds its op table
 * vector–Jacobian product ({@link Op#vjp}) to its operands' adjoints, computed by the kernels:
 * <ul>
 * <li>{@code MATMUL} Y = A·B: Ā += Ȳ·Bᵀ, B̄ += Aᵀ·Ȳ;</li>
 * <li>elementwise f: x̄ += f'(x) ⊙ ȳ with f' the op's own {@link Op#partial}, summed over the axes
 *     the operand was broadcast along (a scalar or a column added to a matrix);</li>
 * <li>{@code TRANSPOSE} Ā += Ȳᵀ; {@code TOTAL} Ā += s̄; {@code MEAN} Ā += s̄/n; {@code DOT} ū += s̄·v;
 *     {@code ROWSUM}, {@code COLSUM} Ā += ȳ broadcast back; {@code ONES} nothing;</li>
 * <li>{@code SOFTMAX} Ā += s ⊙ (ȳ − colsum(s ⊙ ȳ)); {@code LOGSUMEXP} Ā += softmax(A) ⊙ s̄.</li>
 * </ul>
 * Operands that depend on no differentiated parameter (data, constants) get no adjoint, so the
 * exponent of {@code w^2} never yields {@code 2·log(w)}. Named functions are inlined first.
 *
 * <p>A tape's buffers are one set, so calls on one tape are serialised (synchronized): a tape is
 * safe to share, and allocation-free for every caller.
 */
final class TensorTape {
    private static final int SYM = 0, CONST = 1, CALL = 2;

    private final List<String> params;
    private final int differentiated;
    /** Parameter k occupies x[offset[k] … offset[k+1]−1]; gradient entries are those of the first {@code differentiated}. */
    private final int[] offset;
    private final Shape[] paramShapes;
    /** The parameters' layout in x (the one an optimizer keeps θ in): offsets and shapes above are its. */
    private final Flat layout;
    private final int n;
    private final int[] kind, param, left, right, rows, cols;
    private final Op[] op;
    private final boolean[] active;
    private final double[][] val, bar, aux;
    /** The node of each parameter's symbol. */
    private final int[] paramNode;
    /** The active nodes, in reverse topological order. */
    private final int[] reverse;
    private final int root;

    private TensorTape(List<String> params, int differentiated, Dag dag) {
        this.params = List.copyOf(params);
        this.differentiated = differentiated;
        int p = params.size();
        layout = Flat.of(this.params);
        offset = new int[p + 1];
        paramShapes = new Shape[p];
        var index = new HashMap<String, Integer>();
        for (int k = 0; k < p; k++) {
            paramShapes[k] = layout.shape(k);
            offset[k] = layout.offset(k);
            index.put(params.get(k), k);
        }
        offset[p] = layout.size();
        n = dag.size();
        kind = new int[n];
        param = new int[n];
        left = new int[n];
        right = new int[n];
        rows = new int[n];
        cols = new int[n];
        op = new Op[n];
        val = new double[n][];
        bar = new double[n][];
        aux = new double[n][];
        paramNode = new int[p];
        Arrays.fill(paramNode, -1);
        boolean[] active = dag.dependsOn(dag.symbols(s -> index.get(s.name()) < differentiated));
        this.active = active;
        var back = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            Expr e = dag.node(i);
            Shape s = Shapes.of(e);
            rows[i] = s.rows();
            cols[i] = s.columns();
            val[i] = new double[s.size()];
            if (active[i]) bar[i] = new double[s.size()];
            int[] ops = dag.operands(i);
            left[i] = ops.length > 0 ? ops[0] : -1;
            right[i] = ops.length > 1 ? ops[1] : -1;
            switch (e) {
                case Sym sym -> {
                    kind[i] = SYM;
                    param[i] = index.get(sym.name());
                    paramNode[param[i]] = i;
                }
                case Num x -> {
                    kind[i] = CONST;
                    val[i][0] = x.value();
                }
                case Call c -> {
                    kind[i] = CALL;
                    op[i] = c.op();
                    if (c.op() == Op.ONES) Arrays.fill(val[i], 1);
                    if (c.op() == Op.LOGSUMEXP && active[i]) aux[i] = new double[Shapes.of(c.arg()).size()];
                }
                default -> throw new IllegalStateException("not compilable: " + e);
            }
        }
        for (int i = n - 1; i >= 0; i--) if (active[i] && kind[i] == CALL) back.add(i);
        reverse = back.stream().mapToInt(Integer::intValue).toArray();
        root = n - 1;
    }

    /**
     * Compiles the scalar {@code e} over {@code params}, its gradient by the first
     * {@code differentiated} of them. Errors name what is wrong: a non-scalar e (its shape), a
     * parameter given twice or absent from e, symbols of e that are not parameters, abstract functions.
     */
    static TensorTape compile(Expr e, List<String> params, int differentiated) {
        if (differentiated < 0 || differentiated > params.size()) {
            throw new DotbarException("compile: cannot differentiate by " + differentiated + " of " + params.size() + " parameters");
        }
        Shape shape = Shapes.of(e);
        if (!shape.isScalar()) {
            throw new DotbarException("compile: the expression is a " + shape + " matrix; a compiled tape's value is a number "
                    + "(compile a scalar loss such as sum(…) of it)");
        }
        var seen = new LinkedHashSet<String>();
        for (String p : params) {
            Exprs.sym(p);
            if (!seen.add(p)) throw new DotbarException("compile: parameter " + p + " is given twice");
        }
        var vars = e.vars();
        var absent = params.stream().filter(p -> !vars.contains(p)).toList();
        if (!absent.isEmpty()) {
            throw new DotbarException("compile: " + (absent.size() == 1 ? "parameter " : "parameters ") + String.join(", ", absent)
                    + (absent.size() == 1 ? " is" : " are") + " not in the expression (its symbols: " + String.join(", ", vars) + ")");
        }
        Expr flat = Graph.inline(e);
        var dag = new Dag(flat);
        var unknown = new LinkedHashSet<String>();
        for (Expr x : dag.nodes()) {
            if (x instanceof Sym s && !seen.contains(s.name())) unknown.add(s.name() + describe(Shapes.declared(s.name())));
            var fn = x instanceof Apply a ? a.fn() : x instanceof Partial q ? q.fn() : null;
            if (fn != null) {
                throw new DotbarException("cannot compile " + x + ": " + fn.name() + " is abstract; give it a body with def(\""
                        + fn.signature() + " = ...\")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new DotbarException("compile: the expression uses " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a parameter" : ", which are not parameters")
                    + (params.isEmpty() ? " (no parameters given)" : " (parameters: " + String.join(", ", params) + ")"));
        }
        return new TensorTape(params, differentiated, dag);
    }

    /** True when {@code e} has a matrix or vector symbol, so it compiles into a tensor tape. */
    static boolean applies(Expr e) {
        if (!Shapes.anyDeclared()) return false;
        for (String v : e.vars()) if (!Shapes.declared(v).isScalar()) return true;
        return false;
    }

    private static String describe(Shape s) {
        return s.isScalar() ? "" : " (" + s + ")";
    }

    List<String> params() { return params; }

    /** The length of x: every parameter's entries. */
    int length() { return offset[offset.length - 1]; }

    /** The length of g: the entries of the differentiated parameters. */
    int gradientLength() { return offset[differentiated]; }

    int nodes() { return n; }

    /** The shape of parameter k. */
    Shape shape(int k) { return paramShapes[k]; }

    synchronized double value(double[] x) {
        check(x, "value", "x", length());
        forward(x);
        return val[root][0];
    }

    synchronized double gradient(double[] x, double[] g) {
        check(x, "gradient", "x", length());
        check(g, "gradient", "g", gradientLength());
        forward(x);
        backward();
        for (int k = 0; k < differentiated; k++) {
            int i = paramNode[k];
            System.arraycopy(bar[i], 0, g, offset[k], bar[i].length);
        }
        return val[root][0];
    }

    /**
     * The parameters' values from a point, flattened in order (tensors row by row); an error naming
     * every missing one, or a value of the wrong shape with both shapes ({@link Flat#flatten}).
     */
    double[] flatten(Point point) {
        return layout.flatten(point);
    }

    private void check(double[] a, String what, String name, int expected) {
        if (a.length == expected) return;
        var layout = new StringBuilder();
        int upTo = name.equals("g") ? differentiated : params.size();
        for (int k = 0; k < upTo; k++) layout.append(k == 0 ? "" : ", ").append(params.get(k)).append(' ').append(paramShapes[k]);
        throw new DotbarException(what + ": " + name + " has length " + a.length + " but should have " + expected
                + " entries: " + layout + ", each row by row");
    }

    private void forward(double[] x) {
        for (int i = 0; i < n; i++) {
            switch (kind[i]) {
                case SYM -> System.arraycopy(x, offset[param[i]], val[i], 0, val[i].length);
                case CALL -> call(i);
                default -> { }
            }
        }
    }

    private void call(int i) {
        int a = left[i], b = right[i];
        double[] out = val[i], va = val[a];
        switch (op[i]) {
            case MATMUL -> TensorKernels.matmul(va, rows[a], cols[a], val[b], cols[b], out);
            case TRANSPOSE -> TensorKernels.transpose(va, rows[a], cols[a], out);
            case TOTAL -> out[0] = sum(va);
            case MEAN -> out[0] = sum(va) / va.length;
            case DOT -> {
                double s = 0;
                double[] vb = val[b];
                for (int j = 0; j < va.length; j++) s += va[j] * vb[j];
                out[0] = s;
            }
            case ROWSUM -> {
                int m = rows[a], c = cols[a];
                for (int r = 0; r < m; r++) {
                    double s = 0;
                    for (int j = 0; j < c; j++) s += va[r * c + j];
                    out[r] = s;
                }
            }
            case COLSUM -> {
                int m = rows[a], c = cols[a];
                Arrays.fill(out, 0);
                for (int r = 0; r < m; r++) for (int j = 0; j < c; j++) out[j] += va[r * c + j];
            }
            case ONES -> { }
            case LOGSUMEXP -> TensorKernels.columnwise(va, rows[a], cols[a], true, out);
            case SOFTMAX -> TensorKernels.columnwise(va, rows[a], cols[a], false, out);
            default -> elementwise(i, op[i], a, b);
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private void elementwise(int i, Op f, int a, int b) {
        double[] out = val[i], va = val[a];
        int m = rows[i], c = cols[i];
        if (b < 0) {
            for (int j = 0; j < out.length; j++) out[j] = f.apply(va[j], 0);
            return;
        }
        double[] vb = val[b];
        if (va.length == out.length && vb.length == out.length) {
            for (int j = 0; j < out.length; j++) out[j] = f.apply(va[j], vb[j]);
            return;
        }
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < c; j++) out[r * c + j] = f.apply(va[at(a, r, j)], vb[at(b, r, j)]);
        }
    }

    /** The entry of node {@code a} that stands at (r, j) of a broadcast: a size-1 dimension stands for all. */
    private int at(int a, int r, int j) {
        return (rows[a] == 1 ? 0 : r) * cols[a] + (cols[a] == 1 ? 0 : j);
    }

    private void backward() {
        for (int i = 0; i < n; i++) if (bar[i] != null) Arrays.fill(bar[i], 0);
        bar[root][0] = 1;
        for (int i : reverse) vjp(i);
    }

    /** Adds node i's vector–Jacobian products to its active operands' adjoints. */
    private void vjp(int i) {
        int a = left[i], b = right[i];
        double[] y = bar[i];
        boolean da = active[a], db = b >= 0 && active[b];
        switch (op[i]) {
            case MATMUL -> {
                if (da) TensorKernels.addTimesTransposed(y, rows[i], cols[i], val[b], rows[b], bar[a]);
                if (db) TensorKernels.addTransposedTimes(val[a], rows[a], cols[a], y, cols[b], bar[b]);
            }
            case TRANSPOSE -> {
                int m = rows[a], c = cols[a];
                double[] t = bar[a];
                for (int r = 0; r < m; r++) for (int j = 0; j < c; j++) t[r * c + j] += y[j * m + r];
            }
            case TOTAL -> add(bar[a], y[0]);
            case MEAN -> add(bar[a], y[0] / val[a].length);
            case DOT -> {
                if (da) addScaled(bar[a], y[0], val[b]);
                if (db) addScaled(bar[b], y[0], val[a]);
            }
            case ROWSUM -> {
                int m = rows[a], c = cols[a];
                double[] t = bar[a];
                for (int r = 0; r < m; r++) for (int j = 0; j < c; j++) t[r * c + j] += y[r];
            }
            case COLSUM -> {
                int m = rows[a], c = cols[a];
                double[] t = bar[a];
                for (int r = 0; r < m; r++) for (int j = 0; j < c; j++) t[r * c + j] += y[j];
            }
            case ONES -> { }
            case SOFTMAX -> TensorKernels.addSoftmaxProduct(val[i], y, rows[a], cols[a], bar[a]);
            case LOGSUMEXP -> {
                TensorKernels.columnwise(val[a], rows[a], cols[a], false, aux[i]);
                TensorKernels.addBroadcastRowTimes(aux[i], y, rows[a], cols[a], bar[a]);
            }
            default -> elementwiseVjp(i, op[i], a, b, da, db);
        }
    }

    private static void add(double[] t, double s) {
        for (int j = 0; j < t.length; j++) t[j] += s;
    }

    private static void addScaled(double[] t, double s, double[] v) {
        for (int j = 0; j < t.length; j++) t[j] += s * v[j];
    }

    /** x̄ += f'(x) ⊙ ȳ for each active operand, the partials the op table's {@link Op#partial}, summed where it was broadcast. */
    private void elementwiseVjp(int i, Op f, int a, int b, boolean da, boolean db) {
        if (f.hasZeroPartials()) return;  // sign, step: an exact 0, never 0·ȳ
        double[] y = bar[i], out = val[i], va = val[a];
        if (b < 0) {
            double[] t = bar[a];
            for (int j = 0; j < y.length; j++) t[j] += f.partial(0, va[j], 0, out[j]) * y[j];
            return;
        }
        double[] vb = val[b];
        if (va.length == out.length && vb.length == out.length) {
            if (da) {
                double[] t = bar[a];
                for (int j = 0; j < y.length; j++) t[j] += f.partial(0, va[j], vb[j], out[j]) * y[j];
            }
            if (db) {
                double[] t = bar[b];
                for (int j = 0; j < y.length; j++) t[j] += f.partial(1, va[j], vb[j], out[j]) * y[j];
            }
            return;
        }
        int m = rows[i], c = cols[i];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < c; j++) {
                int k = r * c + j, ka = at(a, r, j), kb = at(b, r, j);
                if (da) bar[a][ka] += f.partial(0, va[ka], vb[kb], out[k]) * y[k];
                if (db) bar[b][kb] += f.partial(1, va[ka], vb[kb], out[k]) * y[k];
            }
        }
    }

    @Override
    public String toString() {
        var s = new StringBuilder();
        for (int k = 0; k < params.size(); k++) s.append(k == 0 ? "" : ", ").append(params.get(k)).append(describe(paramShapes[k]));
        return "Compiled[" + s + "]: tensor tape, " + n + " nodes, " + length() + " entries";
    }
}
