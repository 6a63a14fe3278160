package dotbar.expr;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Numeric evaluation of expressions with tensors: every node of the DAG once, in topological
 * order, to a {@link TensorValue}. Elementwise ops run {@link Op#apply} entry by entry with
 * size-1 broadcasting; the matrix product is a loop over contiguous rows; the reductions sum in
 * order. A scalar expression over tensors ({@code sum((W·x − y)^2)/2}) evaluates here to 1×1.
 */
public final class TensorEval {
    private TensorEval() {}

    /** The value of {@code e} at {@code point} as rows ({@code double[rows][columns]}), for any shape. */
    public static double[][] array(Expr e, Point point) {
        return values(List.of(e), point).get(e).toArray();
    }

    /** The value of the scalar {@code e}; an error naming the shape when e is not 1×1. */
    public static double scalar(Expr e, Point point) {
        Shape s = Shapes.of(e);
        if (!s.isScalar()) throw new DotbarException(brief(e) + " is a " + s + " matrix, not a number: use evalArray(point) for its entries");
        return values(List.of(e), point).get(e).entries()[0];
    }

    /** The value of every node of the DAG of {@code roots}; every symbol needs a value (an error names all that have none). */
    public static IdentityHashMap<Expr, TensorValue> values(List<Expr> roots, Point point) {
        List<Expr> order = Graph.topologicalOrder(roots);
        var missing = new TreeSet<String>(NaturalOrder.INSTANCE);
        for (Expr n : order) {
            if (n instanceof Sym s && !(Shapes.declared(s.name()).isScalar() ? point.has(s.name()) : point.tensor(s.name()) != null)) {
                missing.add(s.name());
            }
        }
        if (!missing.isEmpty()) throw Point.missingValues(List.copyOf(missing));
        return values(order, s -> Shapes.declared(s.name()).isScalar() ? TensorValue.scalar(point.get(s.name())) : point.tensor(s.name()),
                point.asMap(), new FunctionValues());
    }

    /** Every node of {@code order} (a topological order), a symbol's value from {@code symbols}. */
    private static IdentityHashMap<Expr, TensorValue> values(List<Expr> order, java.util.function.Function<Sym, TensorValue> symbols,
                                                             Map<String, Double> scalars, FunctionValues calls) {
        var value = new IdentityHashMap<Expr, TensorValue>(order.size());
        long done = 0;
        for (Expr n : order) {
            Interrupted.poll(++done);
            value.put(n, switch (n) {
                case Num x -> TensorValue.scalar(x.value());
                case Sym s -> symbols.apply(s);
                case Call c -> call(c, value);
                case Apply a -> a.fn().hasMatrixBody() ? instance(a, value, calls) : application(a, value, calls);
                case Partial p -> TensorValue.scalar(Evaluator.node(p, scalars, scalars(p, value), calls));
            });
        }
        return value;
    }

    /**
     * A function with a matrix body: its body built for the arguments' shapes ({@link Instances}),
     * evaluated with the parameters bound to the arguments' values (a nested application of
     * another such function evaluates its own body the same way, one level per definition).
     */
    private static TensorValue instance(Apply a, Map<Expr, TensorValue> value, FunctionValues calls) {
        Instances.Instance instance = Instances.of(a);
        var bound = new java.util.HashMap<String, TensorValue>();
        for (int k = 0; k < a.args().size(); k++) bound.put(a.fn().params().get(k), value.get(a.args().get(k)));
        Expr body = instance.body();
        return instance.within(() -> values(Graph.topologicalOrder(body), s -> bound.get(s.name()), Map.of(), calls).get(body));
    }

    private static Map<Expr, Double> scalars(Expr n, Map<Expr, TensorValue> value) {
        var m = new IdentityHashMap<Expr, Double>();
        for (Expr c : n.children()) m.put(c, value.get(c).entries()[0]);
        return m;
    }

    private static TensorValue call(Call c, Map<Expr, TensorValue> value) {
        TensorValue a = value.get(c.args().get(0)), b = c.args().size() > 1 ? value.get(c.args().get(1)) : null;
        Shape shape = Shapes.of(c);
        return switch (c.op()) {
            case MATMUL -> matmul(a, b);
            case TRANSPOSE -> {
                int m = a.shape().rows(), n = a.shape().columns();
                double[] r = new double[m * n];
                TensorKernels.transpose(a.entries(), m, n, r);
                yield new TensorValue(shape, r);
            }
            case TOTAL -> TensorValue.scalar(sum(a.entries()));
            case MEAN -> TensorValue.scalar(sum(a.entries()) / a.entries().length);
            case DOT -> {
                double s = 0;
                for (int i = 0; i < a.entries().length; i++) s += a.entries()[i] * b.entries()[i];
                yield TensorValue.scalar(s);
            }
            case ROWSUM -> {
                int m = a.shape().rows(), n = a.shape().columns();
                double[] r = new double[m];
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) r[i] += a.entries()[i * n + j];
                yield new TensorValue(shape, r);
            }
            case COLSUM -> {
                int m = a.shape().rows(), n = a.shape().columns();
                double[] r = new double[n];
                for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) r[j] += a.entries()[i * n + j];
                yield new TensorValue(shape, r);
            }
            case ONES -> {
                double[] r = new double[shape.size()];
                java.util.Arrays.fill(r, 1);
                yield new TensorValue(shape, r);
            }
            case LOGSUMEXP -> columnwise(a, true);
            case SOFTMAX -> columnwise(a, false);
            default -> elementwise(c.op(), shape, a, b);
        };
    }

    /**
     * logsumexp (1×n) or softmax (m×n) of each column, shifted by the column's maximum M so that
     * no exp overflows: logsumexp = M + log Σ exp(aᵢ − M), softmax = exp(aᵢ − M)/Σ exp(aⱼ − M)
     * (as torch computes them). A column whose maximum is ±∞ has logsumexp that maximum.
     */
    private static TensorValue columnwise(TensorValue a, boolean logsumexp) {
        int m = a.shape().rows(), n = a.shape().columns();
        double[] r = new double[logsumexp ? n : m * n];
        TensorKernels.columnwise(a.entries(), m, n, logsumexp, r);
        return new TensorValue(logsumexp ? new Shape(1, n) : a.shape(), r);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    /** (m×k)·(k×n), {@link TensorKernels#matmul}. */
    private static TensorValue matmul(TensorValue a, TensorValue b) {
        int m = a.shape().rows(), k = a.shape().columns(), n = b.shape().columns();
        double[] r = new double[m * n];
        TensorKernels.matmul(a.entries(), m, k, b.entries(), n, r);
        return new TensorValue(new Shape(m, n), r);
    }

    /** An elementwise op at every entry of {@code shape}, a size-1 dimension of an operand standing for all. */
    private static TensorValue elementwise(Op op, Shape shape, TensorValue a, TensorValue b) {
        double[] r = new double[shape.size()];
        int n = shape.columns();
        for (int i = 0; i < shape.rows(); i++) {
            for (int j = 0; j < n; j++) r[i * n + j] = op.apply(at(a, i, j), b == null ? 0 : at(b, i, j));
        }
        return new TensorValue(shape, r);
    }

    private static double at(TensorValue v, int i, int j) {
        Shape s = v.shape();
        return v.entries()[(s.rows() == 1 ? 0 : i) * s.columns() + (s.columns() == 1 ? 0 : j)];
    }

    /** A named function with an elementwise body, entry by entry (its shape is the broadcast of the arguments'). */
    private static TensorValue application(Apply a, Map<Expr, TensorValue> value, FunctionValues calls) {
        Shape shape = Shapes.of(a);
        var args = new ArrayList<TensorValue>();
        for (Expr x : a.args()) args.add(value.get(x));
        double[] r = new double[shape.size()], at = new double[args.size()];
        int n = shape.columns();
        for (int i = 0; i < shape.rows(); i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < at.length; k++) at[k] = at(args.get(k), i, j);
                r[i * n + j] = calls.apply(a.fn(), at);
            }
        }
        return new TensorValue(shape, r);
    }

    private static String brief(Expr e) {
        String s = e.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
