package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums in canonical form: Σ cᵢ·mᵢ + c₀ with one term per monomial mᵢ, terms in canonical order
 * and the constant last.
 *
 * <p>Identities used, each exact wherever the left side is defined: flattening
 * ((a + b) − c → a + b + (−1)·c, −(a + b) → (−1)·a + (−1)·b); like terms collected,
 * c₁·m + c₂·m → (c₁ + c₂)·m, so x + x → 2·x and x − x → 0·x → 0; numbers added up.
 */
final class Sums {
    private Sums() {}

    /** A monomial's total coefficient and its factors (for ordering and rebuilding). */
    private static final class Term {
        double coefficient;
        final List<Map.Entry<Expr, Expr>> factors;

        Term(List<Map.Entry<Expr, Expr>> factors) {
            this.factors = factors;
        }
    }

    /** The canonical form of a sum whose operands are already simplified; walked iteratively. */
    static Expr canonical(Expr e, Simplifier s) {
        double constant = 0;
        var terms = new LinkedHashMap<Expr, Term>();
        var nodes = new ArrayDeque<Expr>();
        var signs = new ArrayDeque<Double>();
        nodes.push(e);
        signs.push(1.0);
        long steps = 0;
        while (!nodes.isEmpty()) {
            Interrupted.poll(++steps);
            Expr n = nodes.pop();
            double sign = signs.pop();
            if (n instanceof Num x) {
                constant += sign * x.value();
            } else if (n instanceof Call c && (c.op() == Op.ADD || c.op() == Op.SUB)) {
                // pushed right first so the left operand's terms come first
                nodes.push(c.args().get(1));
                signs.push(c.op() == Op.SUB ? -sign : sign);
                nodes.push(c.args().get(0));
                signs.push(sign);
            } else if (n instanceof Call c && c.op() == Op.NEG) {
                nodes.push(c.arg());
                signs.push(-sign);
            } else {
                Products.Factors f = Products.of(n, s);
                var factors = f.sorted(s.order());
                Expr monomial = Products.build(1, factors);
                if (monomial instanceof Num m) {  // the factors cancelled: x/x is 1
                    constant += sign * f.coefficient * m.value();
                    continue;
                }
                terms.computeIfAbsent(monomial, k -> new Term(factors)).coefficient += sign * f.coefficient;
            }
        }
        var ordered = new ArrayList<Term>();
        for (Term t : terms.values()) if (t.coefficient != 0) ordered.add(t);
        ordered.sort((a, b) -> compare(a.factors, b.factors, s.order()));
        // a sum reads better starting with a plus: y − x rather than −x + y, 1 − σ rather than −σ + 1
        Expr sum = null;
        if (!ordered.isEmpty() && ordered.get(0).coefficient < 0) {
            int positive = 0;
            while (positive < ordered.size() && ordered.get(positive).coefficient < 0) positive++;
            if (positive < ordered.size()) {
                ordered.add(0, ordered.remove(positive));
            } else if (constant > 0) {
                sum = Exprs.num(constant);
                constant = 0;
            }
        }
        for (Term t : ordered) {
            Interrupted.poll(++steps);
            if (sum == null) sum = Products.build(t.coefficient, t.factors);
            else if (t.coefficient < 0) sum = Exprs.sub(sum, Products.build(-t.coefficient, t.factors));
            else sum = Exprs.add(sum, Products.build(t.coefficient, t.factors));
        }
        if (sum == null) return Exprs.num(constant);
        if (constant < 0) return Exprs.sub(sum, Exprs.num(-constant));
        return constant != 0 ? Exprs.add(sum, Exprs.num(constant)) : sum;
    }

    /** Monomials by their factors, base by base, higher powers and more factors first: x² before x·y before x before y. */
    private static int compare(List<Map.Entry<Expr, Expr>> a, List<Map.Entry<Expr, Expr>> b, CanonicalOrder order) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Products.compareFactors(a.get(i), b.get(i), order);
            if (c != 0) return c;
        }
        return Integer.compare(b.size(), a.size());
    }
}
