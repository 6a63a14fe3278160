package dotbar.sweep;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Shapes;

import java.util.List;

/**
 * Forward mode on expressions (eq. 24–26), the {@link Accumulator} of symbolic differentiation:
 * ẇ = Σᵢ u̇ᵢ·∂w/∂uᵢ, terms with u̇ᵢ = 0 left out, seeded with ẋ = 1. The inner derivative is
 * written first, so a chain of functions reads innermost first as in the seed's eq. (31):
 * ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2. Each node's tangent is one expression shared
 * by its users, so depth n costs O(n) nodes.
 */
public final class SymbolicTangents implements Accumulator {
    private final Dag dag;
    private final LocalPartials partials;
    private final Expr[] tangent;
    private final Expr[] sum;  // the terms so far; null is the symbolic zero
    private int partialsOf = -1;
    private List<Expr> partialsOfNode;

    /** An accumulator over {@code dag} taking its local partials from {@code partials}. */
    public SymbolicTangents(Dag dag, LocalPartials partials) {
        this.dag = dag;
        this.partials = partials;
        this.tangent = new Expr[dag.size()];
        this.sum = new Expr[dag.size()];
    }

    /** The tangent of every node of {@code dag}, seeded with ẋ = 1 for the symbol {@code x}: ∂node/∂x. */
    public static Expr[] of(Dag dag, String x, LocalPartials partials) {
        return of(dag, x, Exprs.ONE, partials);
    }

    /**
     * The tangent of every node of {@code dag} in the direction {@code seed}: ẋ = seed for the
     * symbol {@code x}. For a tensor symbol the seed is a direction of its shape (a symbol Ẇ1 of
     * W1's shape gives ẏ = Ẇ1·x + …, the Jacobian–vector products of the op table).
     */
    public static Expr[] of(Dag dag, String x, Expr seed, LocalPartials partials) {
        String by = Exprs.sym(x).name();  // differentiating by something that is not a symbol name is an error
        var acc = new SymbolicTangents(dag, partials);
        acc.seed = seed;
        Walk.forward(dag, dag.symbols(s -> s.name().equals(by)), acc);
        return acc.tangent;
    }

    private Expr seed = Exprs.ONE;

    /** An accumulator seeded with ẋ = {@code seed} (a direction of x's shape for a tensor x). */
    public SymbolicTangents(Dag dag, LocalPartials partials, Expr seed) {
        this(dag, partials);
        this.seed = seed;
    }

    /** The tangent of node {@code i} once the walk has passed it; {@link Exprs#ZERO} when it has no terms. */
    public Expr tangent(int i) {
        return tangent[i];
    }

    /** The local partials of node {@code i} (computed once while the walk is at it). */
    public List<Expr> partials(int i) {
        if (partialsOf != i) {
            partialsOfNode = partials.of(dag.node(i));
            partialsOf = i;
        }
        return partialsOfNode;
    }

    @Override
    public void seed(int node) {
        sum[node] = seed;
    }

    /**
     * ẇ += u̇·∂w/∂u. Numbers go first ({@code 2·x}); for a product's second factor the partial
     * goes first, so d(a·b) reads {@code da·b + a·db}.
     */
    @Override
    public void accumulate(int target, int node, int k, int source) {
        Expr du = tangent[source];
        if (du instanceof Num z && z.is(0)) return;
        Expr partial = partials(node).get(k);
        Expr n = dag.node(node);
        if (Shapes.involvesTensors(n)) {   // the op's Jacobian–vector product: for y = W·x, ẏ = Ẇ·x + W·ẋ
            sum[target] = plus(sum[target], TensorTerms.jvp(n, k, partial, du));
            return;
        }
        boolean product = dag.node(node) instanceof Call c && c.op() == Op.MUL;
        Expr term = (product && k == 1) || (partial instanceof Num && !(du instanceof Num))
                ? Exprs.mul(partial, du) : Exprs.mul(du, partial);
        sum[target] = plus(sum[target], term);
    }

    @Override
    public void done(int node) {
        tangent[node] = sum[node] == null ? Exprs.ZERO : sum[node];
        sum[node] = null;
    }

    /**
     * {@code sum + term}, written {@code sum − u} when the term is {@code −u}, so that chain-rule
     * sums read {@code ẋ − ẏ} rather than {@code ẋ + −ẏ}; {@code term} alone when sum is null
     * (the symbolic zero).
     */
    public static Expr plus(Expr sum, Expr term) {
        if (sum == null) return term;
        return term instanceof Call c && c.op() == Op.NEG ? Exprs.sub(sum, c.arg()) : Exprs.add(sum, term);
    }
}
