package dotbar.simplify;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Exact algebra on expressions, SymPy's {@code expand}, {@code factor}, {@code collect} and
 * {@code together}, over the rationals. Each reads the expression as a polynomial or a quotient
 * of polynomials whose "variables" are its atoms — symbols and every subexpression that is not a
 * sum, product or integer power ({@code sin(x)}, {@code f(x)}, {@code x^0.5}) — computes there
 * with exact {@code BigFraction} coefficients, and writes the result back.
 *
 * <pre>{@code
 * expand(parse("(x+1)^3"))               // x³ + 3·x² + 3·x + 1
 * expand(parse("(a*b + c)*d"))           // a·b·d + c·d
 * factor(parse("x^3 - x"))               // x·(x + 1)·(x - 1)
 * collect(parse("a*x + b*x + c"), "x")   // (a + b)·x + c
 * together(parse("1/x + 1/y"))           // (x + y)/(x·y)
 * }</pre>
 *
 * <p>Results over {@value Budget#MAX_TERMS} terms are refused before they are computed
 * ({@code expand((x+1)^100000)} names the estimated term count and the limit), a call stops after
 * {@value Budget#MAX_WORK} coefficient operations, and every loop polls for Ctrl-C. Values never change where the input is defined; like {@code simplify}, the domain
 * may grow ({@code x/x} is 1).
 */
public final class Algebra {
    private Algebra() {}

    /** {@code e} multiplied out into a sum of monomials with no like terms (see {@link Expansion}). */
    public static Expr expand(Expr e) {
        return Expansion.expand(e, Budget.user("expand"));
    }

    /**
     * {@code e} over one common denominator, reduced (see {@link Fractions}):
     * {@code together(parse("1/x + 1/y"))} is {@code (x + y)/(x·y)}.
     */
    public static Expr together(Expr e) {
        return Fractions.together(e, Budget.user("together"));
    }

    /**
     * {@code e} as a product of factors over the rationals: {@link #together} first, then numerator
     * and denominator factored by {@link SquareFree} — the numeric and monomial content, the
     * square-free decomposition (Yun), and linear factors from rational roots in one atom:
     * {@code factor(parse("x^2 - 1"))} is {@code (x + 1)·(x − 1)}, {@code x^2 + 2*x + 1} is
     * {@code (x + 1)²}, {@code 2*x*y + 4*x} is {@code 2·x·(y + 2)}.
     */
    public static Expr factor(Expr e) {
        Budget budget = Budget.user("factor");
        var atoms = new Atoms();
        Fractions.Quotient q = new Fractions(atoms, budget).quotient(e);
        return factored(q, atoms, budget);
    }

    static Expr factored(Fractions.Quotient q, Atoms atoms, Budget budget) {
        if (q.numerator().isZero()) return Exprs.ZERO;
        SquareFree.Factored n = SquareFree.factor(q.numerator(), budget), d = SquareFree.factor(q.denominator(), budget);
        var top = new ArrayList<>(n.factors());   // every factor is written as it is: coefficients are exact numbers
        var bottom = new ArrayList<>(d.factors());
        BigFraction c = n.coefficient().divide(d.coefficient());
        // −σ·(σ − 1) reads better as σ·(1 − σ): a minus goes into the last factor of odd multiplicity with several terms
        if (c.getNumerator().signum() < 0) {
            for (int i = top.size() - 1; i >= 0; i--) {
                if (top.get(i).getValue() % 2 == 1 && top.get(i).getKey().size() > 1) {
                    top.set(i, Map.entry(top.get(i).getKey().negate(), top.get(i).getValue()));
                    c = c.negate();
                    break;
                }
            }
        }
        return Coefficient.term(c, written(top, atoms), written(bottom, atoms));
    }

    private static List<Expr> written(List<Map.Entry<Poly, Integer>> factors, Atoms atoms) {
        var out = new ArrayList<Expr>();
        for (Map.Entry<Poly, Integer> factor : factors) out.add(PolyExprs.power(PolyExprs.toExpr(factor.getKey(), atoms), factor.getValue()));
        out.sort(atoms.order()::compare);
        return out;
    }

    /**
     * {@code e} expanded and its terms grouped by powers of the symbol {@code x}, highest first:
     * {@code collect(parse("a*x + b*x + c"), "x")} is {@code (a + b)·x + c}. (SymPy's {@code collect}
     * does not multiply products out first; this does, so that every power of x is collected.)
     */
    public static Expr collect(Expr e, String x) {
        Sym s = Exprs.sym(x);
        var atoms = new Atoms();
        Poly p = new Expansion(atoms, Budget.user("collect")).poly(e);
        int atom = atoms.find(s);
        if (atom < 0) return PolyExprs.toExpr(p, atoms);
        TreeMap<Integer, Poly> byPower = p.coefficients(atom);
        Expr sum = null;
        for (var entry : byPower.descendingMap().entrySet()) {
            int k = entry.getKey();
            Poly c = entry.getValue();
            boolean negative = c.size() == 1 && c.terms().values().iterator().next().getNumerator().signum() < 0;
            if (negative && sum != null) c = c.negate();
            Expr term;
            if (c.size() == 1) {
                var t = c.terms().entrySet().iterator().next();
                term = PolyExprs.term(t.getValue(), t.getKey().times(Monomial.of(atom, k)), atoms);
            } else {
                term = k == 0 ? PolyExprs.toExpr(c, atoms) : Exprs.mul(PolyExprs.toExpr(c, atoms), PolyExprs.power(s, k));
            }
            sum = sum == null ? term : negative ? Exprs.sub(sum, term) : Exprs.add(sum, term);
        }
        return sum == null ? Exprs.ZERO : sum;
    }

    /** The limit on the size of results, for messages: {@value Budget#MAX_TERMS} terms. */
    public static int maxTerms() {
        return Budget.MAX_TERMS;
    }
}
