package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Sym;
import dotbar.sweep.Dag;
import dotbar.sweep.SymbolicAdjoints;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Every first partial derivative ∂e/∂xᵢ of an expression as an expression, from ONE symbolic
 * reverse sweep (seed eq. 27–30 carried out on expressions, {@code ē = 1}): {@code grad(e)}.
 *
 * <pre>{@code
 * var g = grad(parse("a*b + sin(c)^2"));
 * g.get("c")        // 2·sin(c)·cos(c)
 * g                 // ∇ = (∂/∂a: b, ∂/∂b: a, ∂/∂c: 2·sin(c)·cos(c))
 * }</pre>
 *
 * The partials share their subexpressions: each is ū = Σ w̄·∂w/∂u over the users w of u, so
 * the adjoint w̄ of an intermediate is one node used by all the partials below it. That makes
 * all n partials of an n-variable function cost about one {@code diff(e, x)}, where n calls of
 * {@code diff} walk the graph n times. Each partial has the value of {@code diff(e, x)} (the same
 * local partials from the op table); its printed form reads in reverse-mode order and may differ.
 */
public final class Partials {
    private final List<String> names;
    private final Expr[] partials;
    private volatile Map<String, Integer> index;

    private Partials(List<String> names, Expr[] partials) {
        this.names = names;
        this.partials = partials;
    }

    /** The partials of {@code e} by each of its free symbols {@code e.vars()}, from one reverse sweep. */
    public static Partials of(Expr e) {
        var dag = new Dag(e);
        var adjoints = SymbolicAdjoints.of(dag);
        // the symbols are the DAG's leaves: e.vars() without a second walk
        var bySymbol = new TreeMap<String, Expr>();
        for (int i = 0; i < dag.size(); i++) {
            if (dag.node(i) instanceof Sym s) bySymbol.put(s.name(), adjoints.adjoint(i));
        }
        return new Partials(List.copyOf(bySymbol.keySet()), bySymbol.values().toArray(Expr[]::new));
    }

    /** ∂e/∂name; an error naming the variables when e has no such variable. */
    public Expr get(String name) {
        Map<String, Integer> known = index;
        if (known == null) {
            var m = new HashMap<String, Integer>();
            for (int k = 0; k < names.size(); k++) m.put(names.get(k), k);
            index = known = m;
        }
        Integer k = known.get(name);
        if (k == null) {
            throw new DotbarException("the gradient has no component " + name + "; the variables are "
                    + (names.isEmpty() ? "none (the expression is constant)" : String.join(", ", names)));
        }
        return partials[k];
    }

    /** The variables, sorted by name. */
    public List<String> names() {
        return names;
    }

    /** The partials in the order of {@link #names()}. */
    public List<Expr> values() {
        return List.of(partials);
    }

    /** The partials by name, in name order (unmodifiable). */
    public Map<String, Expr> asMap() {
        var m = new LinkedHashMap<String, Expr>();
        for (int k = 0; k < partials.length; k++) m.put(names.get(k), partials[k]);
        return Collections.unmodifiableMap(m);
    }

    /** The number of variables. */
    public int size() {
        return partials.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partials p && names.equals(p.names) && List.of(partials).equals(List.of(p.partials));
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + List.of(partials).hashCode();
    }

    /** {@code ∇ = (∂/∂a: b, ∂/∂b: a, …)}, one entry per variable, as {@link Grad} prints numbers. */
    @Override
    public String toString() {
        var j = new StringJoiner(", ", "∇ = (", ")");
        for (int k = 0; k < partials.length; k++) j.add("∂/∂" + names.get(k) + ": " + partials[k]);
        return j.toString();
    }
}
