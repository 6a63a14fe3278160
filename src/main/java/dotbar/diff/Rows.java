package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The names of a trace's rows, as the seed writes them: a symbol under its own name, an
 * application of a named function under the function's name ({@code w1}, {@code φ1}; a second,
 * different application of the same function {@code w1_2}), every other intermediate
 * {@code t1, t2, …} in evaluation order, skipping names the expression already uses. Numbers
 * get no row of their own; they appear inside definitions.
 */
final class Rows {
    private final IdentityHashMap<Expr, String> names = new IdentityHashMap<>();
    private final IdentityHashMap<Expr, Expr> rewritten = new IdentityHashMap<>();  // inNames, node by node

    Rows(List<Expr> order) {
        Set<String> taken = new HashSet<>();
        var used = new HashSet<String>();  // symbols keep their names: reserved from the start
        for (Expr n : order) {
            switch (n) {
                case Sym s -> {
                    taken.add(s.name());
                    used.add(s.name());
                }
                case Apply a -> taken.add(a.fn().name());
                case Partial p -> taken.add(p.fn().name());
                default -> { }
            }
        }
        int t = 0;
        // the next suffix to try per function name: names are only ever added to used, so every
        // suffix below it is still taken, and n applications of one function cost O(n), not O(n²)
        var nextSuffix = new java.util.HashMap<String, Integer>();
        for (Expr n : order) {
            String name;
            if (n instanceof Num && n != order.get(order.size() - 1)) continue;  // a constant root still gets a row
            if (n instanceof Sym s) {
                name = s.name();
            } else if (n instanceof Apply a) {
                String fn = a.fn().name();
                name = fn;
                int k = nextSuffix.getOrDefault(fn, 2);
                if (used.contains(name)) {
                    while (used.contains(name = fn + "_" + k)) k++;
                    nextSuffix.put(fn, k + 1);
                }
            } else {
                do name = "t" + ++t; while (taken.contains(name));
            }
            used.add(name);
            names.put(n, name);
        }
    }

    /** True when the node has a row. */
    boolean has(Expr n) {
        return names.containsKey(n);
    }

    String name(Expr n) {
        return names.get(n);
    }

    Sym sym(Expr n) {
        return Exprs.sym(names.get(n));
    }

    /**
     * What the node computes from the rows of its operands: {@code t1·t2}, {@code w1(a, b, c)},
     * {@code sin(t3)}; numbers stay numbers. A symbol is its own definition.
     */
    Expr definition(Expr n) {
        if (n.children().isEmpty()) return n;
        return n.withChildren(n.children().stream().map(k -> names.containsKey(k) ? (Expr) sym(k) : k).toList());
    }

    /**
     * {@code e} with every node that has a row replaced by the row's name. The rewriting of each
     * node is remembered across calls: a trace asks for every row's result, and the results
     * share their nodes (a chain's tangents contain each other), so the rows together cost one
     * walk over the union of the results, not one walk per row.
     */
    /** {@link #inNames(Expr)} of each. */
    List<Expr> inNames(List<Expr> es) {
        return es.stream().map(this::inNames).toList();
    }

    Expr inNames(Expr e) {
        for (Expr n : Graph.topologicalOrder(List.of(e), rewritten::containsKey)) {
            Expr r;
            if (names.containsKey(n) && !(n instanceof Num)) {
                r = sym(n);
            } else {
                List<Expr> kids = n.children();
                var newKids = new ArrayList<Expr>(kids.size());
                for (Expr k : kids) newKids.add(rewritten.get(k));
                r = Graph.withChildrenIfChanged(n, newKids);
            }
            rewritten.put(n, r);
        }
        return rewritten.get(e);
    }

    /** The row called {@code wanted}; an error listing the rows when there is none. */
    static <R> R find(List<R> rows, Function<R, String> name, String wanted) {
        return rows.stream().filter(r -> name.apply(r).equals(wanted)).findFirst().orElseThrow(() ->
                new DotbarException("no row " + wanted + "; the rows are " + String.join(", ", rows.stream().map(name).toList())));
    }

    /** Asking a forward trace for the gradient. */
    static DotbarException forwardHasNoGradient(String seed, String reverseCall) {
        return new DotbarException("a forward trace seeded with " + dotted(seed) + " = 1 holds only ∂/∂" + seed
                + ": use derivative(), or " + reverseCall + " for the whole gradient");
    }

    /** Asking a reverse trace for the one derivative. */
    static DotbarException reverseHasNoDerivative() {
        return new DotbarException("a reverse trace holds the whole gradient: use gradient(), or gradient().get(\"x\")");
    }

    /** {@code w1} → {@code ẇ1} ({@link Marks#dotted}). */
    static String dotted(String name) {
        return Marks.dotted(name);
    }

    /** {@code w1} → {@code w̄1} ({@link Marks#barred}). */
    static String barred(String name) {
        return Marks.barred(name);
    }
}
