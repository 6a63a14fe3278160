package dotbar.sweep;

import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Instances;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.Substitution;
import dotbar.expr.Sym;
import dotbar.expr.Tensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The chain-rule terms of an application of a function with a matrix body
 * ({@code w1(v) = W1·v + b1} applied to x): one symbolic sweep over the body built for the
 * arguments' shapes ({@link Instances}), so the terms are the op table's own rules read through
 * the body. Reverse: the body's adjoints seeded with an adjoint ȳ of the application's shape,
 * v̄ = W1ᵀ·ȳ, W̄1 = ȳ·vᵀ, b̄1 = ȳ; forward: the body's tangent in a direction u̇ of one
 * parameter's shape, ẏ = W1·v̇. Each is kept as a template over the parameters and ȳ (or u̇),
 * per instance, and the arguments and the actual adjoint (or tangent) substituted for them:
 * {@code w̄1·xᵀ} in a trace, the expressions themselves in {@code diff}.
 */
final class MatrixBodies {
    private static final Map<Instances.Instance, Templates> KEPT = Collections.synchronizedMap(new WeakHashMap<>());

    private MatrixBodies() {}

    /** Per instance: the seed symbols' names and, per parameter, the adjoint and the tangent template (null until asked). */
    private static final class Templates {
        final String ybar, tangent;
        final Expr[] vjp, jvp;

        Templates(Instances.Instance instance) {
            var params = instance.fn().params();
            ybar = fresh("ȳ", params);
            tangent = fresh("u̇", params);
            vjp = new Expr[params.size()];
            jvp = new Expr[params.size()];
        }
    }

    /** {@code base}, or base with a number, that is no parameter's name. */
    private static String fresh(String base, List<String> params) {
        String name = Exprs.sym(base).name();
        for (int i = 2; params.contains(name); i++) name = Exprs.sym(base + i).name();
        return name;
    }

    /** ū_k for operand k of {@code a}, written over {@code args} (a's operands or the names standing for them), from the adjoint {@code ybar}. */
    static Expr vjp(Apply a, List<Expr> args, int k, Expr ybar) {
        var instance = Instances.of(a);
        var t = KEPT.computeIfAbsent(instance, Templates::new);
        Expr template;
        synchronized (t) {
            if (t.vjp[0] == null) reverse(instance, t);
            template = t.vjp[k];
        }
        return substitute(a, args, t.ybar, ybar, template);
    }

    /** ẏ's term for operand k of {@code a}, written over {@code args}, from operand k's tangent {@code tangent}. */
    static Expr jvp(Apply a, List<Expr> args, int k, Expr tangent) {
        var instance = Instances.of(a);
        var t = KEPT.computeIfAbsent(instance, Templates::new);
        Expr template;
        synchronized (t) {
            if (t.jvp[k] == null) t.jvp[k] = forward(instance, k, t.tangent);
            template = t.jvp[k];
        }
        return substitute(a, args, t.tangent, tangent, template);
    }

    private static Expr substitute(Apply a, List<Expr> args, String seed, Expr seedValue, Expr template) {
        var binding = new HashMap<String, Expr>();
        for (int i = 0; i < args.size(); i++) binding.put(a.fn().params().get(i), args.get(i));
        binding.put(seed, seedValue);
        return new Substitution(binding).apply(template);
    }

    /** Every parameter's adjoint in the body, seeded with ȳ at its root: one pull walk. */
    private static void reverse(Instances.Instance instance, Templates t) {
        var params = instance.fn().params();
        Expr[] r = within(instance, t.ybar, instance.shape(), () -> {
            var dag = new Dag(instance.body());
            var acc = new SymbolicAdjoints(dag, new LocalPartials(), Exprs.sym(t.ybar));
            Walk.reverse(dag, dag.size() - 1, dag.notNumbers(), Walk.Order.PULL, acc);
            var out = new Expr[params.size()];
            for (int i = 0; i < out.length; i++) {
                Sym p = Exprs.sym(params.get(i));
                int at = dag.find(p);
                out[i] = Tensors.expandTo(at < 0 ? Exprs.ZERO : acc.adjoint(at), p);
            }
            return out;
        });
        System.arraycopy(r, 0, t.vjp, 0, r.length);
    }

    /** The body's tangent in a direction u̇ of parameter k's shape: one forward walk. */
    private static Expr forward(Instances.Instance instance, int k, String tangent) {
        String p = instance.fn().params().get(k);
        return within(instance, tangent, instance.shapes().get(p), () -> {
            var dag = new Dag(instance.body());
            Expr[] tangents = SymbolicTangents.of(dag, p, Exprs.sym(tangent), new LocalPartials());
            return Tensors.expandTo(tangents[dag.size() - 1], instance.body());
        });
    }

    /** Runs {@code task} with the instance's parameter shapes and the seed symbol's. */
    private static <T> T within(Instances.Instance instance, String seed, Shape seedShape, java.util.function.Supplier<T> task) {
        return instance.within(() -> Shapes.within(Map.of(seed, seedShape), task));
    }
}
