package dotbar.diff;

import dotbar.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Symbolic differentiation: the chain rule over the DAG, reading each op's local partials from
 * the op table ({@link Op#partials}). Memoised on the DAG: each distinct node is differentiated
 * once, in topological order, so shared subexpressions stay shared and depth costs no stack.
 *
 * <p>For a node n with operands uᵢ: dn = Σᵢ duᵢ · ∂n/∂uᵢ, terms with duᵢ = 0 left out. The inner
 * derivative is written first, so a chain of functions reads innermost first as in the seed's
 * eq. (31): ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2. A defined function is differentiated
 * through its body (∂f/∂pₖ with the parameters replaced by the arguments); an abstract function
 * gets {@link Partial} nodes.
 */
public final class SymbolicDiff {
    /** ∂body/∂param for defined functions, computed once per function and parameter. */
    private static final Map<Fn, List<Expr>> BODY_PARTIALS = Collections.synchronizedMap(new WeakHashMap<>());

    private SymbolicDiff() {}

    /** ∂e/∂x as an expression. */
    public static Expr diff(Expr e, String x) {
        Exprs.sym(x); // differentiating by something that is not a symbol name is an error
        var d = new IdentityHashMap<Expr, Expr>();
        long done = 0;
        for (Expr n : Graph.topologicalOrder(e)) {
            Graph.checkInterrupted(++done);
            d.put(n, node(n, x, d));
        }
        return d.get(e);
    }

    /** The n-th derivative by {@code x} (n ≥ 0). */
    public static Expr diff(Expr e, String x, int n) {
        if (n < 0) throw new DotbarException("the order of a derivative must be ≥ 0, got " + n);
        Expr r = e;
        for (int i = 0; i < n; i++) {
            Graph.checkInterrupted(0);
            r = diff(r, x);
        }
        return r;
    }

    private static Expr node(Expr n, String x, Map<Expr, Expr> d) {
        return switch (n) {
            case Num c -> Exprs.ZERO;
            case Sym s -> s.name().equals(x) ? Exprs.ONE : Exprs.ZERO;
            case Call c -> chain(c.args(), c.op().partials(c.args(), c), d, c.op() == Op.MUL);
            case Apply a when a.fn().isAbstract() -> chain(a.args(), abstractPartials(a.fn(), List.of(), a.args()), d, false);
            case Apply a -> chain(a.args(), definedPartials(a.fn(), a.args()), d, false);
            case Partial p -> chain(p.args(), abstractPartials(p.fn(), p.wrt(), p.args()), d, false);
        };
    }

    /**
     * Σᵢ duᵢ·∂n/∂uᵢ. Numbers go first ({@code 2·x}); for a product's second factor the partial
     * goes first, so d(a·b) reads {@code da·b + a·db}.
     */
    private static Expr chain(List<Expr> args, List<Expr> partials, Map<Expr, Expr> d, boolean product) {
        Expr sum = null;
        for (int i = 0; i < args.size(); i++) {
            Expr du = d.get(args.get(i));
            if (du instanceof Num z && z.is(0)) continue;
            Expr partial = partials.get(i);
            Expr term = (product && i == 1) || (partial instanceof Num && !(du instanceof Num))
                    ? Exprs.mul(partial, du) : Exprs.mul(du, partial);
            sum = sum == null ? term : Exprs.add(sum, term);
        }
        return sum == null ? Exprs.ZERO : sum;
    }

    private static List<Expr> abstractPartials(Fn fn, List<Integer> wrt, List<Expr> args) {
        var r = new ArrayList<Expr>(args.size());
        for (int k = 0; k < args.size(); k++) {
            var more = new ArrayList<>(wrt);
            more.add(k);
            r.add(Exprs.partial(fn, more, args));
        }
        return r;
    }

    /** ∂f/∂pₖ of a defined function, with its parameters replaced by {@code args} (simultaneously). */
    private static List<Expr> definedPartials(Fn fn, List<Expr> args) {
        // not computeIfAbsent: differentiating a body may need the partials of another function
        List<Expr> overParams = BODY_PARTIALS.get(fn);
        if (overParams == null) {
            overParams = fn.params().stream().map(p -> diff(fn.body(), p)).toList();
            BODY_PARTIALS.put(fn, overParams);
        }
        var binding = new HashMap<String, Expr>();
        for (int k = 0; k < args.size(); k++) binding.put(fn.params().get(k), args.get(k));
        return overParams.stream().map(p -> Graph.substitute(p, binding)).toList();
    }
}
