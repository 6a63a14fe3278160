package dotbar.sweep;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse mode on expressions (eq. 27–30), the {@link Accumulator} of symbolic adjoints: the
 * adjoint of every node, ū = Σ over the users w of u of w̄·∂w/∂u, with L̄ = 1 at the root.
 * Run in {@link Walk.Order#PULL pull} order, each sum reads in the order the graph is built
 * (c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄, the corrected eq. 29). Products are written w̄·∂w/∂u, so each
 * adjoint shares its user's adjoint and a chain of depth n costs O(n) nodes.
 */
public final class SymbolicAdjoints implements Accumulator {
    private final Dag dag;
    private final LocalPartials partials;
    private final Expr[] adjoint;
    private final Expr[] sum;
    private final List<List<Expr>> partialsOf;  // by node, filled when first asked

    /** An accumulator over {@code dag} taking its local partials from {@code partials}. */
    public SymbolicAdjoints(Dag dag, LocalPartials partials) {
        this.dag = dag;
        this.partials = partials;
        this.adjoint = new Expr[dag.size()];
        this.sum = new Expr[dag.size()];
        this.partialsOf = new ArrayList<>(java.util.Collections.nCopies(dag.size(), (List<Expr>) null));
    }

    /**
     * Every node's adjoint ∂root/∂node, the node held as an independent input, for the DAG's last
     * node as the root: one pull walk over the operands that are not numbers (a number carries no
     * adjoint; its partial, ∂(aᵇ)/∂b for b = 2, may not even be defined).
     */
    public static SymbolicAdjoints of(Dag dag) {
        var acc = new SymbolicAdjoints(dag, new LocalPartials());
        Walk.reverse(dag, dag.size() - 1, dag.notNumbers(), Walk.Order.PULL, acc);
        return acc;
    }

    /**
     * ∂e/∂X for a scalar {@code e} and a tensor symbol {@code X}: X's adjoint after one reverse
     * walk, an expression of X's shape in matrix notation ({@code (W·x − y)·xᵀ}) — the tensor
     * form of eq. (27)–(30). A non-scalar {@code e} is refused: its derivative by a matrix would
     * be a higher-order tensor.
     */
    public static Expr byTensor(Expr e, String x) {
        var s = Exprs.sym(x);
        var shape = Shapes.of(e);
        if (!shape.isScalar()) {
            throw new dotbar.base.DotbarException("diff by the " + Shapes.of(s) + " matrix " + s.name() + " needs a scalar expression, and "
                    + brief(e) + " is " + shape + ": differentiate sum(…), dot(…, …) or a loss; by a scalar symbol, diff works entry by entry");
        }
        var dag = new Dag(e);
        int i = dag.find(s);
        if (i < 0) return dotbar.expr.Tensors.expandTo(Exprs.ZERO, s);
        return dotbar.expr.Tensors.expandTo(of(dag).adjoint(i), s);
    }

    private static String brief(Expr e) {
        String t = e.toString();
        return t.length() <= 40 ? t : t.substring(0, 37) + "…";
    }

    /** ∂root/∂(node i), node i held as an independent input; {@link Exprs#ZERO} when no user reaches it. */
    public Expr adjoint(int i) {
        return adjoint[i];
    }

    /** ∂(node w)/∂(its operand k) (the local partials of each node computed once). */
    public Expr partial(int w, int k) {
        List<Expr> p = partialsOf.get(w);
        if (p == null) partialsOf.set(w, p = partials.of(dag.node(w)));
        return p.get(k);
    }

    private Expr seed;  // the root's adjoint; null for ones of its shape

    /** An accumulator seeded with the root's adjoint {@code seed} (of the root's shape) instead of ones. */
    SymbolicAdjoints(Dag dag, LocalPartials partials, Expr seed) {
        this(dag, partials);
        this.seed = seed;
    }

    @Override
    public void seed(int node) {
        // a non-scalar root is seeded with ones of its shape: the adjoints of sum(root), as torch's backward(ones)
        sum[node] = seed != null ? seed : dotbar.expr.Tensors.expandTo(Exprs.ONE, dag.node(node));
    }

    /** ū += w̄·∂w/∂u; where a tensor is involved, the op's vector–Jacobian product (for y = W·x: W̄ = ȳ·xᵀ, x̄ = Wᵀ·ȳ). */
    @Override
    public void accumulate(int target, int node, int k, int source) {
        Expr n = dag.node(node);
        Expr term = Shapes.involvesTensors(n) ? TensorTerms.vjp(n, k, partial(node, k), adjoint[source])
                : Exprs.mul(adjoint[source], partial(node, k));
        sum[target] = SymbolicTangents.plus(sum[target], term);
    }

    @Override
    public void done(int node) {
        adjoint[node] = sum[node] == null ? Exprs.ZERO : sum[node];
        sum[node] = null;
    }
}
