package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Definitions;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Substitution;
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
    /** ∂body/∂param for defined functions, computed once per function and definition ({@link Functions#version()}). */
    private static final Map<Fn, Stamped> BODY_PARTIALS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Stamped(long version, List<Expr> partials) {}

    private SymbolicDiff() {}

    /** ∂e/∂x as an expression. */
    public static Expr diff(Expr e, String x) {
        return tangents(List.of(e), x).get(e);
    }

    /**
     * The derivative by {@code x} of every node under {@code roots}: the forward sweep of the
     * seed's eq. (24)–(26) carried out on expressions, seeded with ẋ = 1 and every other input's
     * tangent 0. Nodes that do not depend on x get {@link Exprs#ZERO}.
     */
    public static IdentityHashMap<Expr, Expr> tangents(List<? extends Expr> roots, String x) {
        return tangents(roots, x, new Bindings());
    }

    private static IdentityHashMap<Expr, Expr> tangents(List<? extends Expr> roots, String x, Bindings bindings) {
        String by = Exprs.sym(x).name(); // differentiating by something that is not a symbol name is an error
        var d = new IdentityHashMap<Expr, Expr>();
        long done = 0;
        for (Expr n : Graph.topologicalOrder(roots)) {
            Graph.checkInterrupted(++done);
            d.put(n, node(n, by, d, bindings));
        }
        return d;
    }

    /**
     * The local partial derivatives ∂n/∂uᵢ of a node, one per operand uᵢ (none for numbers and
     * symbols): the op table's rule for a built-in operation, the body's partials with the
     * parameters replaced by the arguments for a defined function, {@link Partial} nodes
     * ∂f/∂uᵢ for an abstract one. Every sweep, symbolic or numeric, reads its rules here.
     */
    public static List<Expr> localPartials(Expr n) {
        return localPartials(n, new Bindings());
    }

    /**
     * {@link #localPartials(Expr)} for one sweep over many nodes: {@code bindings} remembers the
     * substitutions of parameters by arguments already made, so the partials of nested
     * definitions applied to the same arguments cost only their new nodes.
     */
    public static List<Expr> localPartials(Expr n, Bindings bindings) {
        return switch (n) {
            case Num c -> List.of();
            case Sym s -> List.of();
            case Call c -> c.op().partials(c.args(), c);
            case Apply a when a.fn().isAbstract() -> abstractPartials(a.fn(), List.of(), a.args());
            case Apply a -> definedPartials(a.fn(), a.args(), bindings);
            case Partial p -> abstractPartials(p.fn(), p.wrt(), p.args());
        };
    }

    /** The substitutions (parameters → arguments) of one sweep, each remembering what it rebuilt. */
    public static final class Bindings {
        private final Map<Map<String, Expr>, Substitution> byBinding = new HashMap<>();

        Substitution of(Map<String, Expr> binding) {
            return byBinding.computeIfAbsent(binding, Substitution::new);
        }
    }

    /**
     * ∂body/∂pₖ of a defined function over its own parameters pₖ, one per parameter, computed
     * once per function.
     */
    public static List<Expr> bodyPartials(Fn fn) {
        long version = Functions.version();
        Stamped known = BODY_PARTIALS.get(fn);
        if (known != null && known.version() == version) return known.partials();
        // innermost first, so differentiating a body finds the partials of the functions it
        // applies already known: no recursion over nested definitions
        var bindings = new Bindings();
        for (Fn f : Definitions.innermostFirst(fn)) {
            Stamped done = BODY_PARTIALS.get(f);
            if (done != null && done.version() == version) continue;
            BODY_PARTIALS.put(f, new Stamped(version,
                    f.params().stream().map(p -> tangents(List.of(f.body()), p, bindings).get(f.body())).toList()));
        }
        return BODY_PARTIALS.get(fn).partials();
    }

    /**
     * {@code sum + term}, written {@code sum − u} when the term is {@code −u}, so that chain-rule
     * sums read {@code ẋ − ẏ} rather than {@code ẋ + −ẏ}; {@code term} alone when sum is null.
     */
    public static Expr plus(Expr sum, Expr term) {
        if (sum == null) return term;
        return term instanceof Call c && c.op() == Op.NEG ? Exprs.sub(sum, c.arg()) : Exprs.add(sum, term);
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

    private static Expr node(Expr n, String x, Map<Expr, Expr> d, Bindings bindings) {
        return switch (n) {
            case Num c -> Exprs.ZERO;
            case Sym s -> s.name().equals(x) ? Exprs.ONE : Exprs.ZERO;
            default -> chain(n.children(), localPartials(n, bindings), d, n instanceof Call c && c.op() == Op.MUL);
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
            sum = plus(sum, term);
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
    private static List<Expr> definedPartials(Fn fn, List<Expr> args, Bindings bindings) {
        List<Expr> overParams = bodyPartials(fn);
        var binding = new HashMap<String, Expr>();
        for (int k = 0; k < args.size(); k++) binding.put(fn.params().get(k), args.get(k));
        Substitution s = bindings.of(binding);
        return overParams.stream().map(s::apply).toList();
    }
}
