package dotbar.diff;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.sweep.Dag;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric forward or reverse sweep at a point, kept row by row so it can be read like the
 * seed's §4.3.3: one row per node of the DAG in evaluation order — inputs under their names,
 * applications of named functions under the function's name, other intermediates {@code t1, t2, …}
 * — with the node's definition in terms of earlier rows, its value, and its tangent ẇ (forward
 * mode, eq. 24–26: ẇ = Σᵢ ∂w/∂uᵢ·u̇ᵢ, seeded with ẋ = 1) or its adjoint w̄ (reverse mode,
 * eq. 27–30: L̄ = 1, ūᵢ = Σ over the users w of ∂w/∂uᵢ·w̄).
 *
 * <pre>{@code
 * def("w1(a,b,c) = a*b + c"); def("φ1(w) = sigmoid(w)");
 * forward(parse("φ1(w1(a,b,c))"), at("a=0.5, b=-1.2, c=0.3"), "a")
 * }</pre>
 *
 * <p><b>Operation count</b> ({@link #ops()}): the elementary operations of the value sweep — one
 * per built-in operation; an application of a defined function costs its body's operations — plus
 * one multiply-add per chain-rule term actually performed: ∂w/∂u·u̇ (forward) or ū += ∂w/∂u·w̄
 * (reverse), only for operands u that carry a derivative (that depend on the seeded input in
 * forward mode, on any input in reverse mode). Evaluating the local partials is not counted: in
 * the usual cost model they are by-products of the value sweep. {@link Cost} reports the same
 * counts without a point.
 *
 * <p>At a kink the derivative is PyTorch's one-sided choice, from the op table: relu'(0) = 0 and
 * |x|'(0) = 0, so {@code grad(relu(x), at("x=0"))} is 0 in every mode.
 */
public final class Trace {
    /** One row: its name, what it computes from earlier rows, its value and its tangent or adjoint. */
    public record Row(String name, Expr definition, double value, double derivative) {}

    private final Point point;
    private final String seed;       // the forward seed's symbol; null in reverse mode
    private final List<Row> rows;
    private final double value;
    private final double derivative;  // forward: the root's tangent
    private final Grad gradient;      // reverse: the inputs' adjoints
    private final int valueOps;
    private final int derivativeOps;

    private Trace(Point point, String seed, List<Row> rows, double value, double derivative,
                  Grad gradient, int valueOps, int derivativeOps) {
        this.point = point;
        this.seed = seed;
        this.rows = List.copyOf(rows);
        this.value = value;
        this.derivative = derivative;
        this.gradient = gradient;
        this.valueOps = valueOps;
        this.derivativeOps = derivativeOps;
    }

    /**
     * Forward mode at {@code point}, seeded with ẋ = 1 for the symbol {@code x} (every other
     * input's tangent 0): the root's tangent is ∂e/∂x.
     */
    public static Trace forward(Expr e, Point point, String seed) {
        String x = Exprs.sym(seed).name();
        var sweep = new NumericSweep(new Dag(e), point);
        NumericSweep.Sweep dot = sweep.tangents(x);
        return build(e, sweep, x, dot, null);
    }

    /** Reverse mode at {@code point}: one sweep gives ∂e/∂x for every input x. */
    public static Trace reverse(Expr e, Point point) {
        var dag = new Dag(e);
        var sweep = new NumericSweep(dag, point);
        NumericSweep.Sweep bar = sweep.adjoints(dag.size() - 1);
        return build(e, sweep, null, bar, gradient(e, dag, bar.derivative()));
    }

    private static Grad gradient(Expr e, Dag dag, double[] bar) {
        var vars = e.vars();
        double[] g = new double[vars.size()];
        for (int i = 0; i < g.length; i++) g[i] = bar[dag.indexOf(Exprs.sym(vars.get(i)))];
        return new Grad(vars, g);
    }

    private static Trace build(Expr e, NumericSweep sweep, String seed, NumericSweep.Sweep derivatives, Grad gradient) {
        var dag = sweep.dag;
        double[] d = derivatives.derivative();
        var names = new Rows(dag.nodes());
        var rows = new ArrayList<Row>();
        for (int i = 0; i < dag.size(); i++) {
            Expr n = dag.node(i);
            if (names.has(n)) rows.add(new Row(names.name(n), names.definition(n), sweep.value[i], d[i]));
        }
        int root = dag.size() - 1;
        return new Trace(NumericSweep.restrict(sweep.point, e.vars()), seed, rows, sweep.value[root], d[root], gradient,
                Ops.valueOps(dag), derivatives.terms());
    }

    /** The expression's value at the point. */
    public double value() {
        return value;
    }

    /** Forward mode: ∂e/∂x for the seeded x. In reverse mode use {@link #gradient()}. */
    public double derivative() {
        if (seed == null) {
            throw Rows.reverseHasNoDerivative();
        }
        return derivative;
    }

    /** Reverse mode: the gradient, every input's adjoint. In forward mode use {@link #derivative()}. */
    public Grad gradient() {
        if (gradient == null) {
            throw Rows.forwardHasNoGradient(seed, "reverse(e, point)");
        }
        return gradient;
    }

    /** True for forward mode, false for reverse mode. */
    public boolean isForward() {
        return seed != null;
    }

    /** The rows, in evaluation order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row named {@code name} ({@code "w1"}, {@code "t3"}, {@code "a"}). */
    public Row row(String name) {
        return Rows.find(rows, Row::name, name);
    }

    /** Operations performed: {@link #valueOps()} + {@link #derivativeOps()} (see the class comment). */
    public int ops() {
        return valueOps + derivativeOps;
    }

    /** Elementary operations of the value sweep. */
    public int valueOps() {
        return valueOps;
    }

    /** Multiply-adds of the tangent or adjoint sweep. */
    public int derivativeOps() {
        return derivativeOps;
    }

    /** The name of a row's tangent ({@code ẇ1}) or adjoint ({@code w̄1}). */
    public String derivativeName(String row) {
        return seed != null ? Rows.dotted(row) : Rows.barred(row);
    }

    /** The row seeded with 1: the input x (ẋ = 1) in forward mode, the output L (L̄ = 1) in reverse mode. */
    public String seeded() {
        return seed != null ? seed : rows.get(rows.size() - 1).name();
    }

    /** The point, with the values of the expression's symbols only. */
    public Point point() {
        return point;
    }

    /**
     * The trace as a LaTeX {@code tabular}: one row per node, {@code $\\dot{w}_{1} = -1.2$} style,
     * numbers to 6 significant digits ({@link Rendering}).
     */
    public String latex() {
        return Rendering.get().latex(this);
    }

    /** The trace as a table: heading, one row per node, the result and the operation count ({@link Rendering}). */
    @Override
    public String toString() {
        return Rendering.get().text(this);
    }
}
