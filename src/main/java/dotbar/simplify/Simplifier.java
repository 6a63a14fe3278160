package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Op;
import dotbar.expr.Products;
import dotbar.expr.Sums;

import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Simplification by rewrite rules, run to a fixed point: {@code simplify(parse("x + x"))} is
 * {@code 2·x}, {@code x·x} is {@code x²}, {@code x − x} is 0, {@code x/x} is 1.
 *
 * <p>Each pass rebuilds the DAG bottom-up (in topological order, no recursion on depth) and
 * applies to every node, its operands being simplified already, the rules in phases:
 * <ol>
 * <li>function identities ({@code log(eˣ) → x}, {@code sin(−x) → −sin(x)}, …; {@link FunctionRules});</li>
 * <li>products and powers: flatten, multiply numbers out, add the exponents of like factors,
 *     drop zero exponents ({@link Products}, unbounded);</li>
 * <li>sums: flatten, collect like terms, add the numbers, drop zero terms ({@link Sums}, unbounded);</li>
 * <li>canonical order of terms and factors (dotbar.expr's canonical order; construction builds the same forms with a bound on flattening), so that equal sums and
 *     products become the same node.</li>
 * </ol>
 * Passes repeat until one changes nothing (at most {@value #MAX_PASSES}).
 *
 * <p>{@link #simplifyWithAlgebra} then tries the exact algebra on the result ({@link Candidates}): expanded, over one
 * denominator, factored, each with the identities of {@link Identities} (sin² + cos² = 1,
 * cosh² − sinh² = 1, σ(u) = 1/(1 + e⁻ᵘ)); a candidate replaces the result only when it has
 * strictly fewer distinct nodes, so {@code sin(x)^2 + cos(x)^2} is 1, the quotient rule's two
 * forms simplify to one, and {@code σ(x)·(1 − σ(x))} stays as it is.
 *
 * <p><b>The value never changes</b> wherever the original expression is defined: every rule is
 * an identity of real numbers there. Where the original is undefined the result may be defined
 * ({@code x/x → 1} also at x = 0, {@code exp(log x) → x} also at x ≤ 0): the domain can only grow.
 * No rule is applied that would change a defined value, so (x²)^½ stays as it is (it is |x|, not
 * x) and (a·b)ⁿ is split only for integer n. Floating-point rounding may differ in the last
 * places, as with any reassociation.
 */
public final class Simplifier {
    private static final int MAX_PASSES = 16;

    private Simplifier() {}

    /**
     * The simplified form of {@code e}, never with more distinct operations and symbols than
     * {@code e} (numbers do not count, so x + x → 2·x is no growth): where the rules would grow
     * the DAG — collecting the terms of y ← y·y + y repeated a thousand times multiplies it out
     * into 131 times as many nodes — {@code e} itself is returned.
     */
    public static Expr simplify(Expr e) {
        Expr r = rewrite(e);
        return r == e || weight(r) <= weight(e) ? r : e;
    }

    /**
     * {@link #simplify} and then the exact algebra ({@link Candidates}): the result's factored,
     * together and expanded forms, with sin² + cos² = 1, cosh² − sinh² = 1 and σ(u) = 1/(1 + e⁻ᵘ)
     * ({@link Identities}), one of them kept only when it has strictly fewer distinct nodes (or as
     * many and fewer divisions). {@code DotBar.simplify} is this:
     * {@code simplifyWithAlgebra(parse("sin(x)^2 + cos(x)^2"))} is 1,
     * {@code simplifyWithAlgebra(diff(parse("1/(1+exp(-x))"), "x"))} is σ(x)·(1 − σ(x)), and the
     * quotient rule's cos(x)/x − sin(x)/x² is (x·cos(x) − sin(x))/x². Never more distinct nodes
     * than {@code simplify}'s result; a fixed point.
     *
     * <p>The derivation checker still calls {@link #simplify} (the rules only), so its verdicts and
     * messages are unchanged; switching it over is one call.
     */
    public static Expr simplifyWithAlgebra(Expr e) {
        Expr best = simplify(e);
        return Candidates.smallest(best, weight(best), Simplifier::rewrite, Simplifier::weight);
    }

    /** The distinct nodes of the DAG that are not numbers. */
    static long weight(Expr e) {
        return Graph.topologicalOrder(e).stream().filter(n -> !(n instanceof dotbar.expr.Num)).count();
    }

    static Expr rewrite(Expr e) {
        var s = new Simplifier();
        Expr current = e;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Interrupted.check();
            Set<Expr> inner = innerNodes(current);
            Expr next = Graph.rebuild(current, (n, kids) -> {
                Expr rebuilt = Graph.withChildrenIfChanged(n, kids);
                return inner.contains(n) ? rebuilt : s.rule(rebuilt);
            });
            if (next == current) return next;
            current = next;
        }
        return current;
    }

    /**
     * The sums whose only user is a sum, and the products whose only user is a product: the
     * user's rule walks through them anyway, so they are left for it. Without this, a chain of
     * n additions would be flattened n times, at O(n²) cost.
     */
    private static Set<Expr> innerNodes(Expr root) {
        var users = new IdentityHashMap<Expr, Integer>();
        var onlyUser = new IdentityHashMap<Expr, Expr>();
        for (Expr n : Graph.topologicalOrder(root)) {
            for (Expr k : n.children()) {
                users.merge(k, 1, Integer::sum);
                onlyUser.put(k, n);
            }
        }
        Set<Expr> inner = Collections.newSetFromMap(new IdentityHashMap<>());
        onlyUser.forEach((n, user) -> {
            if (users.get(n) == 1 && (family(n, SUMS) && family(user, SUMS) || family(n, PRODUCTS) && family(user, PRODUCTS))) {
                inner.add(n);
            }
        });
        return inner;
    }

    private static final Set<Op> SUMS = EnumSet.of(Op.ADD, Op.SUB, Op.NEG);
    private static final Set<Op> PRODUCTS = EnumSet.of(Op.MUL, Op.DIV);

    private static boolean family(Expr n, Set<Op> ops) {
        return n instanceof Call c && ops.contains(c.op());
    }

    /** The rules for one node whose operands are simplified. */
    Expr rule(Expr n) {
        if (!(n instanceof Call c)) return n;
        return switch (c.op()) {
            case ADD, SUB, NEG -> orElse(Sums.canonical(c.op(), c.args(), Integer.MAX_VALUE, true), c);
            case MUL, DIV, POW, SQRT -> orElse(Products.canonical(c.op(), c.args(), Integer.MAX_VALUE, true), c);
            default -> FunctionRules.apply(c);
        };
    }

    private static Expr orElse(Expr canonical, Expr n) {
        return canonical != null ? canonical : n;
    }
}
