package dotbar.sweep;

import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Definitions;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Num;
import dotbar.expr.Partial;
import dotbar.expr.Shapes;
import dotbar.expr.Substitution;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The local partial derivatives ∂n/∂uᵢ of a node as expressions, one per operand uᵢ — what
 * every symbolic accumulator multiplies by: the op table's rule ({@link dotbar.expr.Op#partials})
 * for a built-in operation, the body's partials with the parameters replaced by the arguments
 * for a defined function, {@link Partial} nodes ∂f/∂uᵢ for an abstract one. One instance per
 * sweep: it remembers the substitutions of parameters by arguments already made, so the partials
 * of nested definitions applied to the same arguments cost only their new nodes.
 */
public final class LocalPartials {
    /** ∂body/∂param for defined functions, computed once per function and definition ({@link Functions#version()}). */
    private static final Map<Fn, Stamped> BODY_PARTIALS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Stamped(long version, List<Expr> partials) {}

    private final Map<Map<String, Expr>, Substitution> byBinding = new HashMap<>();

    /** The partials of {@code n}: none for numbers and symbols. */
    public List<Expr> of(Expr n) {
        return switch (n) {
            case Num c -> List.of();
            case Sym s -> List.of();
            case Call c -> c.op().partials(c.args(), c);
            case Apply a when a.fn().isAbstract() -> abstractPartials(a.fn(), List.of(), a.args());
            // a matrix body applied to tensors has no scalar partials: its terms come from its body (MatrixBodies)
            case Apply a when a.fn().hasMatrixBody() && Shapes.involvesTensors(a) -> Collections.nCopies(a.args().size(), null);
            case Apply a -> definedPartials(a.fn(), a.args());
            case Partial p -> abstractPartials(p.fn(), p.wrt(), p.args());
        };
    }

    /**
     * ∂body/∂pₖ of a defined function over its own parameters pₖ, one per parameter: the forward
     * sweep ({@link SymbolicTangents}) over the body seeded with ṗₖ = 1, computed once per
     * function and definition.
     */
    public static List<Expr> bodyPartials(Fn fn) {
        long version = Functions.version();
        Stamped known = BODY_PARTIALS.get(fn);
        if (known != null && known.version() == version) return known.partials();
        // innermost first, so differentiating a body finds the partials of the functions it
        // applies already known: no recursion over nested definitions
        var partials = new LocalPartials();
        for (Fn f : Definitions.innermostFirst(fn)) {
            Stamped done = BODY_PARTIALS.get(f);
            if (done != null && done.version() == version) continue;
            // with the written parameters scalar, as the body was built: a body applying entry by entry is scalar
            var scalars = new HashMap<String, dotbar.expr.Shape>();
            for (String p : f.params().subList(0, f.arity())) scalars.put(p, dotbar.expr.Shape.SCALAR);
            BODY_PARTIALS.put(f, new Stamped(version, Shapes.within(scalars, () -> {
                var dag = new Dag(f.body());
                return f.params().stream().map(p -> SymbolicTangents.of(dag, p, partials)[dag.size() - 1]).toList();
            })));
        }
        return BODY_PARTIALS.get(fn).partials();
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
    private List<Expr> definedPartials(Fn fn, List<Expr> args) {
        List<Expr> overParams = bodyPartials(fn);
        var binding = new HashMap<String, Expr>();
        for (int k = 0; k < args.size(); k++) binding.put(fn.params().get(k), args.get(k));
        Substitution s = byBinding.computeIfAbsent(binding, Substitution::new);
        return overParams.stream().map(s::apply).toList();
    }
}
