package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule stepped symbolically: the gradient of step s is the symbol {@code gs}, the states start
 * at 0, θ at {@code θ0}, hyperparameters stay symbols. The result is written as the seed writes
 * eq. (12) and (16): a sum over the gradient terms, each with its coefficient in the
 * hyperparameters, {@code ρ²·(1 − ρ)·g1² + ρ·(1 − ρ)·g2² + (1 − ρ)·g3²}.
 *
 * <p>The collection distributes products and quotients by gradient-free factors over sums, and
 * gathers a term's gradient-free factors into powers ({@code ρ·ρ → ρ²}); gradient-free sums such
 * as {@code 1 − ρ} stay whole, and so does anything non-linear in the gradients ({@code √ŵ}).
 * It only regroups: the result has the value of the plain substitution everywhere.
 */
final class Unroll {
    private Unroll() {}

    /** The state {@code name} of {@code rule} after {@code steps} symbolic steps. */
    static Expr unroll(Rule rule, String name, int steps) {
        String target = Rule.symbolName(name);
        if (!rule.states().contains(target) && !target.equals(Rule.THETA)) {
            throw new DotbarException(rule.name() + " has no state " + name + "; its states are "
                    + String.join(", ", rule.states()) + (rule.states().isEmpty() ? "" : " and ") + "θ");
        }
        if (steps < 1) throw new DotbarException("unroll needs at least 1 step, got " + steps);
        var now = new HashMap<String, Expr>();
        for (String s : rule.states()) now.put(s, Exprs.ZERO);
        now.put(Rule.THETA, Exprs.sym(Rule.THETA + "0"));
        var gradients = new ArrayList<Sym>();
        for (int s = 1; s <= steps; s++) {
            Sym g = Exprs.sym(Rule.GRADIENT + s);
            gradients.add(g);
            now.put(Rule.GRADIENT, g);
            now.put(Rule.STEP, Exprs.num(s));
            for (Rule.Equation e : rule.updates()) now.put(e.target(), Graph.substitute(e.rhs(), now));
        }
        return collect(now.get(target), Set.copyOf(gradients));
    }

    /** One term c · Π factorᵖ · monomial; the factors are free of gradients, the monomial is not. */
    private record Term(double c, Map<Expr, Integer> factors, Expr monomial) {
        Term times(Term o) {
            var f = new LinkedHashMap<>(factors);
            o.factors.forEach((k, p) -> f.merge(k, p, Integer::sum));
            f.values().removeIf(p -> p == 0);
            return new Term(c * o.c, f, Exprs.mul(monomial, o.monomial));
        }

        Term negated() { return new Term(-c, factors, monomial); }
    }

    /** {@code e} as a sum of terms, gathered by monomial. */
    static Expr collect(Expr e, Set<Sym> gradients) {
        var hasGradient = new IdentityHashMap<Expr, Boolean>();
        var terms = new IdentityHashMap<Expr, List<Term>>();
        for (Expr n : Graph.topologicalOrder(e)) {
            boolean g = n instanceof Sym s ? gradients.contains(s) : n.children().stream().anyMatch(hasGradient::get);
            hasGradient.put(n, g);
            terms.put(n, g ? dependent(n, terms, hasGradient) : List.of(free(n, terms)));
        }
        return sum(terms.get(e));
    }

    /** A gradient-free node as one term: numbers and products gathered into c · Π factorᵖ. */
    private static Term free(Expr n, Map<Expr, List<Term>> terms) {
        if (n instanceof Num x) return new Term(x.value(), Map.of(), Exprs.ONE);
        if (n instanceof Call c) {
            List<Expr> a = c.args();
            switch (c.op()) {
                case MUL -> { return terms.get(a.get(0)).get(0).times(terms.get(a.get(1)).get(0)); }
                case NEG -> { return terms.get(a.get(0)).get(0).negated(); }
                case DIV -> { return terms.get(a.get(0)).get(0).times(inverse(terms.get(a.get(1)).get(0))); }
                case POW -> {
                    if (a.get(1) instanceof Num k && k.value() == Math.rint(k.value()) && Math.abs(k.value()) <= 64) {
                        return power(terms.get(a.get(0)).get(0), (int) k.value());
                    }
                }
                default -> { }
            }
        }
        return new Term(1, Map.of(n, 1), Exprs.ONE);
    }

    /** A node with gradients in it: sums, differences, negation, products and quotients by free factors distribute. */
    private static List<Term> dependent(Expr n, Map<Expr, List<Term>> terms, Map<Expr, Boolean> hasGradient) {
        if (n instanceof Call c) {
            List<Expr> a = c.args();
            switch (c.op()) {
                case ADD -> { return concat(terms.get(a.get(0)), terms.get(a.get(1))); }
                case SUB -> { return concat(terms.get(a.get(0)), terms.get(a.get(1)).stream().map(Term::negated).toList()); }
                case NEG -> { return terms.get(a.get(0)).stream().map(Term::negated).toList(); }
                case MUL -> {
                    var r = new ArrayList<Term>();
                    for (Term x : terms.get(a.get(0))) for (Term y : terms.get(a.get(1))) r.add(x.times(y));
                    return r;
                }
                case DIV -> {
                    if (!hasGradient.get(a.get(1))) {
                        Term inv = inverse(terms.get(a.get(1)).get(0));
                        return terms.get(a.get(0)).stream().map(x -> x.times(inv)).toList();
                    }
                }
                default -> { }
            }
        }
        return List.of(new Term(1, Map.of(), n));
    }

    private static Term inverse(Term t) {
        return power(t, -1);
    }

    private static Term power(Term t, int k) {
        var f = new LinkedHashMap<Expr, Integer>();
        t.factors.forEach((x, p) -> f.put(x, p * k));
        return new Term(Math.pow(t.c, k), f, Exprs.pow(t.monomial, Exprs.num(k)));
    }

    private static List<Term> concat(List<Term> a, List<Term> b) {
        var r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    /** Σ (Σ cᵢ·Πᵢ)·monomial, monomials in order of first appearance, like coefficients added. */
    private static Expr sum(List<Term> terms) {
        var byMonomial = new LinkedHashMap<Expr, LinkedHashMap<Map<Expr, Integer>, Double>>();
        for (Term t : terms) byMonomial.computeIfAbsent(t.monomial, k -> new LinkedHashMap<>()).merge(t.factors, t.c, Double::sum);
        Expr total = null;
        for (var m : byMonomial.entrySet()) {
            var parts = m.getValue().entrySet().stream().filter(f -> f.getValue() != 0).toList();
            if (parts.isEmpty()) continue;
            if (total == null && parts.size() == 1) {
                // a leading term carries its own sign: −α²·(1 − α)·g1 rather than −(α²·(1 − α)·g1)
                total = Exprs.mul(product(parts.get(0).getValue(), parts.get(0).getKey()), m.getKey());
                continue;
            }
            boolean negative = parts.get(0).getValue() < 0;
            Expr coefficient = null;
            for (var f : parts) {
                Expr magnitude = product(Math.abs(f.getValue()), f.getKey());
                boolean same = (f.getValue() < 0) == negative;
                coefficient = coefficient == null ? magnitude : same ? coefficient.plus(magnitude) : coefficient.minus(magnitude);
            }
            Expr term = Exprs.mul(coefficient, m.getKey());
            if (total == null) total = negative ? term.neg() : term;
            else total = negative ? total.minus(term) : total.plus(term);
        }
        return total == null ? Exprs.ZERO : total;
    }

    /**
     * c · Π factorᵖ over positive powers, divided by the factors with negative powers; c = −1 is
     * written as the first factor's minus sign.
     */
    private static Expr product(double c, Map<Expr, Integer> factors) {
        boolean minus = c == -1 && factors.values().stream().anyMatch(p -> p > 0);
        Expr num = c == 1 || minus ? null : c == Math.rint(c) && Math.abs(c) < 1e15 ? Exprs.num((long) c) : Exprs.num(c), den = null;   // integers exact, as typed
        for (var f : factors.entrySet()) {
            int p = f.getValue();
            Expr x = Math.abs(p) == 1 ? f.getKey() : Exprs.pow(f.getKey(), Exprs.num(Math.abs(p)));
            if (p > 0 && num == null && minus) num = x.neg();
            else if (p > 0) num = num == null ? x : Exprs.mul(num, x);
            else den = den == null ? x : Exprs.mul(den, x);
        }
        if (num == null) num = Exprs.ONE;
        return den == null ? num : Exprs.div(num, den);
    }
}
