package dotbar.diff;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.sweep.TensorTerms;
import dotbar.expr.Sym;
import dotbar.sweep.Accumulator;
import dotbar.sweep.Dag;
import dotbar.sweep.LocalPartials;
import dotbar.sweep.SymbolicAdjoints;
import dotbar.sweep.SymbolicTangents;
import dotbar.sweep.Walk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward or reverse mode carried out on expressions instead of numbers, so the seed's equations
 * can be read off for any graph. Each row holds two things:
 *
 * <ul>
 * <li>the <b>chain rule</b> at that node, in terms of the neighbouring rows' tangents or
 *     adjoints — forward (eq. 24–26): ẇ = ∂w/∂a·ȧ + ∂w/∂b·ḃ + ∂w/∂c·ċ; reverse (eq. 27–30):
 *     L̄ = 1, φ̄ = ∂L/∂φ·L̄, w̄ = ∂φ/∂w·φ̄, c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄ (eq. 29 as corrected: c
 *     reaches L through w and directly through φ);</li>
 * <li>the <b>result</b> once the seeds are substituted: forward seeded with ȧ = 1 and the other
 *     inputs 0, so ẇ = ∂w/∂a, φ̇ = ∂w/∂a·∂φ/∂w, L̇ = ∂w/∂a·∂φ/∂w·∂L/∂φ, multiplied innermost
 *     first as eq. (31) reads; reverse seeded with L̄ = 1, so ā = ∂L/∂φ·∂φ/∂w·∂w/∂a, multiplied
 *     from the output inwards, the order in which reverse mode accumulates.</li>
 * </ul>
 *
 * <p>Both are printed with the rows' names (w for w(a, b, c), t1 for an unnamed intermediate);
 * {@link #result(String)} returns the result as a plain expression in the inputs, evaluable.
 */
public final class SymbolicTrace {
    /**
     * One row: its name, its definition over earlier rows, the chain rule at the node (over the
     * tangent or adjoint symbols ẇ, w̄ of its neighbours) and the seeded result, both over rows' names.
     */
    public record Row(String name, Expr definition, Expr chainRule, Expr result) {}

    /**
     * One backprop equation ({@link #backprop()}, {@link #equation(String)}): its left side
     * ({@code w̄2}, {@code ∂L/∂W1}), its right side over the rows' names, the same as an
     * expression in the inputs (to evaluate at a point), and its text.
     */
    public record Equation(String left, Expr right, Expr value, String rightText) {
        @Override
        public String toString() {
            return left + " = " + rightText;
        }
    }

    /** The backprop equations ({@link #backprop()}): a list that prints one equation per line. */
    public static final class Equations extends java.util.AbstractList<Equation> {
        private final List<Equation> equations;

        Equations(List<Equation> equations) {
            this.equations = List.copyOf(equations);
        }

        @Override public Equation get(int i) { return equations.get(i); }
        @Override public int size() { return equations.size(); }

        /** The equation of the row {@code row} ({@code "W1"} gives {@code W̄1 = w̄1·xᵀ}). */
        public Equation of(String row) {
            String bar = Rows.barred(Exprs.sym(row).name());
            return Rows.find(equations, Equation::left, bar);
        }

        @Override
        public String toString() {
            return String.join("\n", equations.stream().map(Equation::toString).toList());
        }
    }

    private final String seed;  // forward: the seeded symbol; null in reverse mode
    private final List<Row> rows;
    private final Map<String, Expr> results;  // by row name, in the inputs' terms
    private final Sym rootName;

    private Map<String, Shape> shapes = Map.of();  // the rows' names' shapes, where tensors are involved (issue 15)
    private final Map<String, Expr> nodes;         // by row name, each row's node
    private Backprop backprop;                     // made on first use

    private SymbolicTrace(String seed, List<Row> rows, Map<String, Expr> results, Map<String, Expr> nodes, Sym rootName) {
        this.nodes = Map.copyOf(nodes);
        this.seed = seed;
        this.rows = List.copyOf(rows);
        this.results = Collections.unmodifiableMap(results);
        this.rootName = rootName;
    }

    /**
     * Symbolic forward mode: every node's tangent, seeded with ẋ = 1 and the other inputs'
     * tangents 0. One forward {@link Walk} over the operands that are not numbers: the chain rule
     * ẇ = Σᵢ ∂w/∂uᵢ·u̇ᵢ is written over every such operand, the result accumulates only the terms
     * whose u̇ᵢ is not 0 ({@link SymbolicTangents}, the same expressions as {@code diff}).
     */
    public static SymbolicTrace forward(Expr e, String seed) {
        String x = Exprs.sym(seed).name();
        var dag = new Dag(e);
        var names = new Rows(dag.nodes());
        // a tensor input is seeded with a direction of its shape, the symbol Ẋ: the tangents are Jacobian–vector products
        Shape seedShape = Shapes.declared(x);
        Expr direction = seedShape.isScalar() ? Exprs.ONE : Shapes.declare(Rows.dotted(x), seedShape.rows(), seedShape.columns());
        var shapes = rowShapes(dag, names, Rows::dotted);
        var trace = Shapes.within(shapes, () -> forward(e, x, dag, names, direction));
        trace.shapes = shapes;
        return trace;
    }

    private static SymbolicTrace forward(Expr e, String x, Dag dag, Rows names, Expr direction) {
        var tangents = new SymbolicTangents(dag, new LocalPartials(), direction);
        var rows = new ArrayList<Row>();
        var results = new LinkedHashMap<String, Expr>();
        var nodes = new java.util.HashMap<String, Expr>();
        Walk.forward(dag, dag.symbols(s -> s.name().equals(x)), dag.notNumbers(), new Column(tangents, dag.size()) {
            @Override
            Expr term(int target, int node, int k, int source) {
                Expr partial = inNames(names, tangents.partials(node).get(k)), du = Exprs.sym(Rows.dotted(names.name(dag.node(source))));
                Expr n = dag.node(node);
                if (Shapes.involvesTensors(n)) return TensorTerms.jvp(n, names.inNames(n.children()), names.sym(n), k, partial, du);
                return Exprs.mul(partial, du);
            }

            @Override
            public void done(int node) {
                tangents.done(node);
                Expr n = dag.node(node);
                if (!names.has(n)) return;
                // an input's tangent is its seed
                Expr rule = n instanceof Sym s ? (s.name().equals(x) ? direction : Exprs.ZERO) : rule(node);
                add(rows, results, nodes, names, n, rule, tangents.tangent(node));
            }
        });
        return new SymbolicTrace(x, rows, results, nodes, names.sym(e));
    }

    /**
     * Symbolic reverse mode: every node's adjoint, seeded with L̄ = 1 at the root L. One reverse
     * {@link Walk} in pull order: ū = Σ over the users w of u, in evaluation order, of ∂w/∂u·w̄
     * (the corrected eq. 29), the result from {@link SymbolicAdjoints}.
     */
    public static SymbolicTrace reverse(Expr e) {
        var dag = new Dag(e);
        var names = new Rows(dag.nodes());
        var shapes = rowShapes(dag, names, Rows::barred);
        var trace = Shapes.within(shapes, () -> reverse(e, dag, names));
        trace.shapes = shapes;
        return trace;
    }

    /**
     * The shapes of the rows' names and of their tangents or adjoints ({@code derivative}
     * names them) for the rows that are not scalars: the chain rules are written over those names,
     * and {@code W̄ = w̄·xᵀ} needs w̄ to be the column it stands for. Empty for a scalar graph.
     */
    private static Map<String, Shape> rowShapes(Dag dag, Rows names, java.util.function.UnaryOperator<String> derivative) {
        var shapes = new java.util.HashMap<String, Shape>();
        for (Expr n : dag.nodes()) {
            Shape s = Shapes.of(n);
            if (s.isScalar() || !names.has(n)) continue;
            shapes.put(names.name(n), s);
            shapes.put(derivative.apply(names.name(n)), s);
        }
        return shapes;
    }

    private static SymbolicTrace reverse(Expr e, Dag dag, Rows names) {
        var adjoints = new SymbolicAdjoints(dag, new LocalPartials());
        var rows = new ArrayList<Row>();
        var results = new LinkedHashMap<String, Expr>();
        var nodes = new java.util.HashMap<String, Expr>();
        int root = dag.size() - 1;
        Walk.reverse(dag, root, dag.notNumbers(), Walk.Order.PULL, new Column(adjoints, dag.size()) {
            @Override
            Expr term(int target, int node, int k, int source) {
                Expr partial = inNames(names, adjoints.partial(node, k)), wbar = Exprs.sym(Rows.barred(names.name(dag.node(node))));
                Expr n = dag.node(node);
                if (Shapes.involvesTensors(n)) return TensorTerms.vjp(n, names.inNames(n.children()), names.sym(n), k, partial, wbar);
                return Exprs.mul(partial, wbar);
            }

            @Override
            public void done(int node) {
                adjoints.done(node);
                Expr n = dag.node(node);
                if (names.has(n)) add(rows, results, nodes, names, n, node == root ? Exprs.ONE : rule(node), adjoints.adjoint(node));
            }
        });
        return new SymbolicTrace(null, rows, results, nodes, names.sym(e));
    }

    /**
     * The chain-rule column beside a symbolic accumulator: each term goes to the accumulator
     * (the result) and, written over the rows' names, to the column — one walk for both.
     */
    private abstract static class Column implements Accumulator {
        private final Accumulator values;
        private final Expr[] rule;  // the terms so far, by node; null while there are none

        Column(Accumulator values, int nodes) {
            this.values = values;
            this.rule = new Expr[nodes];
        }

        /** The term as the chain rule writes it: ∂w/∂u·u̇ (forward) or ∂w/∂u·w̄ (reverse), over row names. */
        abstract Expr term(int target, int node, int k, int source);

        /** The chain rule of a node, all its terms added; 0 when it has none. */
        Expr rule(int node) {
            Expr r = rule[node];
            rule[node] = null;
            return r == null ? Exprs.ZERO : r;
        }

        @Override
        public void seed(int node) {
            values.seed(node);
        }

        @Override
        public void accumulate(int target, int node, int k, int source) {
            values.accumulate(target, node, k, source);
            rule[target] = SymbolicTangents.plus(rule[target], term(target, node, k, source));
        }
    }

    /** A local partial over the rows' names; null stays null (a matrix body's application has none: its terms come from its body). */
    private static Expr inNames(Rows names, Expr partial) {
        return partial == null ? null : names.inNames(partial);
    }

    private static void add(List<Row> rows, Map<String, Expr> results, Map<String, Expr> nodes, Rows names, Expr n, Expr rule, Expr result) {
        rows.add(new Row(names.name(n), names.definition(n), rule, names.inNames(result)));
        results.put(names.name(n), result);
        nodes.put(names.name(n), n);
    }

    /** True for forward mode. */
    public boolean isForward() {
        return seed != null;
    }

    /** The rows: in evaluation order (forward) or in the reverse order, output first (reverse). */
    public List<Row> rows() {
        return rows;
    }

    /** The row named {@code name}. */
    public Row row(String name) {
        return Rows.find(rows, Row::name, name);
    }

    /**
     * The seeded tangent (forward) or adjoint (reverse) of the row {@code name} as an expression
     * in the inputs: forward gives ∂w/∂x, reverse ∂L/∂w with the row w held as an independent input.
     */
    public Expr result(String name) {
        Expr r = results.get(name);
        if (r == null) row(name);  // the error listing the rows
        return r;
    }

    /** Forward mode: ∂e/∂x, the root's tangent (the same expression as {@code diff(e, x)}). */
    public Expr derivative() {
        if (seed == null) throw Rows.reverseHasNoDerivative();
        return results.get(rootName.name());
    }

    /** Reverse mode: ∂e/∂x for every input x, by name, from the one sweep. */
    public Map<String, Expr> gradient() {
        if (seed != null) {
            throw Rows.forwardHasNoGradient(seed, "reverse(e)");
        }
        var g = new java.util.TreeMap<String, Expr>(dotbar.expr.NaturalOrder.INSTANCE);
        for (Row r : rows) if (r.definition() instanceof Sym) g.put(r.name(), results.get(r.name()));
        return Collections.unmodifiableMap(g);
    }

    /**
     * Reverse mode: the backprop equations in the user's own names, one per row that is a
     * symbol or an application of a {@code def}, output first — for the seed's two-layer network
     * written with defs {@code φ̄2 = φ2 - y}, {@code w̄2 = σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2},
     * {@code W̄2 = w̄2·φ1ᵀ}, {@code φ̄1 = W2ᵀ·w̄2}, … (eq. 27–30 in matrix notation). A row
     * keeps its chain rule where that reads only such rows' adjoints; the output's adjoint, below
     * unnamed rows only, is written out (φ̄2 = φ2 - y). See {@link Backprop}.
     */
    public Equations backprop() {
        return new Equations(backprops().equations());
    }

    /**
     * Reverse mode: ∂L/∂{@code row} with the backprop equations substituted into one another down
     * to the output's adjoint — the seed's eq. (31) in matrix notation:
     * {@code ∂L/∂W1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ (W2ᵀ·(σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2))·xᵀ}
     * (σ' written out as σ ⊙ (1 - σ)). {@link Equation#value()} is it in the inputs, to evaluate.
     */
    public Equation equation(String row) {
        return Shapes.within(shapes, () -> backprops().equation(row));
    }

    private Backprop backprops() {
        if (seed != null) throw new dotbar.base.DotbarException("backprop equations are those of a reverse trace: use reverse(e)");
        synchronized (this) {
            if (backprop == null) backprop = Shapes.within(shapes, () -> new Backprop(this, nodes));
            return backprop;
        }
    }

    /** The name of a row's tangent ({@code ẇ}) or adjoint ({@code w̄}), the symbols the chain rules are written in. */
    public String derivativeName(String row) {
        return seed != null ? Rows.dotted(row) : Rows.barred(row);
    }

    /** The row seeded with 1: the input x (ẋ = 1) in forward mode, the output L (L̄ = 1) in reverse mode. */
    public String seeded() {
        return seed != null ? seed : rootName.name();
    }

    /**
     * The equations in LaTeX, one line of an {@code aligned} block per row:
     * {@code \\dot{w} &= \\frac{\\partial w}{\\partial a} \\dot{a} + … = \\frac{\\partial w}{\\partial a}}
     * ({@link Rendering}).
     */
    public String latex() {
        return Shapes.within(shapes, () -> Rendering.get().latex(this));
    }

    /**
     * An expression of this trace (a row's definition, chain rule or result) as Unicode text, the
     * rows' names taken with the shapes of the nodes they name: {@code t̄5 = 2·t5 ⊙ t̄6} shows the
     * elementwise product of two columns as {@code ⊙}.
     */
    public String text(Expr e) {
        return Shapes.within(shapes, e::toString);
    }

    /** The trace as a table: node, chain rule, seeded result ({@link Rendering}). */
    @Override
    public String toString() {
        return Shapes.within(shapes, () -> Rendering.get().text(this));
    }
}
