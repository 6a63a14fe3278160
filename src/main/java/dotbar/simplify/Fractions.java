package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * An expression read as one quotient N/D of polynomials over the rationals in its {@link Atoms}:
 * SymPy's {@code together} (with {@code deep=False}: a function's arguments are atoms' business and
 * stay as they are). Sums over a common denominator, a/b + c/d = (a·(d/g) + c·(b/g))/(b·d/g) with
 * g = gcd(b, d); products and integer powers multiply numerators and denominators; each quotient
 * is kept reduced, N/D with gcd(N, D) = 1 ({@link PolyGcd}) and D with coprime integer coefficients
 * and a positive leading one. A division by a denominator that is the zero polynomial stays an atom
 * (so x/0 keeps its IEEE value ∞ or NaN).
 *
 * <p>As everywhere in {@code simplify}, cancelling a common factor may grow the domain:
 * (x² − 1)/(x − 1) is x + 1, also at x = 1.
 */
final class Fractions extends Reader<Fractions.Quotient> {
    /** N/D, D ≠ 0. */
    record Quotient(Poly numerator, Poly denominator) {}

    Fractions(Atoms atoms, Budget budget) {
        super(atoms, budget);
    }

    /** {@code e} over one denominator, written back: {@code together(1/x + 1/y)} is {@code (x + y)/(x·y)}. */
    static Expr together(Expr e, Budget budget) {
        var atoms = new Atoms();
        Quotient q = new Fractions(atoms, budget).quotient(e);
        return write(clearNumericDenominators(q), atoms);
    }

    static Expr write(Quotient q, Atoms atoms) {
        Expr n = PolyExprs.toExpr(q.numerator(), atoms);
        return q.denominator().equals(Poly.ONE) ? n : Exprs.div(n, PolyExprs.toExpr(q.denominator(), atoms));
    }

    /** N/D with N's rational coefficients made integers, as SymPy writes x/2 + 1/3: (3·x + 2)/6. */
    static Quotient clearNumericDenominators(Quotient q) {
        BigFraction c = q.numerator().numericContent();
        BigFraction scale = new BigFraction(c.getDenominator());
        // (a denominator beyond a double's exact integers, as 2¹⁰⁷⁴ from 4.9e-324, is not written out)
        return scale.equals(BigFraction.ONE) || c.getDenominator().bitLength() > 53 ? q : new Quotient(q.numerator().scale(scale), q.denominator().scale(scale));
    }

    /** The reduced quotient of {@code root}. */
    Quotient quotient(Expr root) {
        return read(root);
    }

    @Override Quotient convert(Expr n) {
        if (n instanceof Num x && Coefficient.isRational(x)) return of(Poly.constant(Coefficient.of(x)));
        if (n instanceof Call c && Chains.SUMS.contains(c.op())) return sum(c);
        if (n instanceof Call c && Chains.PRODUCTS.contains(c.op())) return product(c);
        if (n instanceof Call c && c.op() == Op.POW && c.args().get(1) instanceof Num k
                && k.value() == Math.rint(k.value()) && Math.abs(k.value()) <= 1 << 24) {
            return power(c, (int) k.value());
        }
        return atom(n);
    }

    private Quotient atom(Expr n) {
        return of(Poly.atom(atoms.of(n)));
    }

    private static Quotient of(Poly p) {
        return new Quotient(p, Poly.ONE);
    }

    private Quotient sum(Call root) {
        var total = new Object() {
            Poly.Builder numerator = new Poly.Builder();
            Poly denominator = Poly.ONE;
        };
        Chains.leaves(root, inner, (n, s) -> {
            Quotient q = done.get(n);
            BigFraction sign = s > 0 ? BigFraction.ONE : BigFraction.MINUS_ONE;
            budget.work(q.numerator().size());
            if (q.denominator().equals(total.denominator)) {
                total.numerator.add(q.numerator(), sign);
            } else {
                Poly g = PolyGcd.gcd(total.denominator, q.denominator(), budget);
                Poly mine = SquareFree.exact(q.denominator(), g, budget), theirs = SquareFree.exact(total.denominator, g, budget);
                var next = new Poly.Builder();
                next.add(total.numerator.build().times(mine, budget, "a sum of fractions"), BigFraction.ONE);
                next.add(q.numerator().times(theirs, budget, "a sum of fractions"), sign);
                total.numerator = next;
                total.denominator = total.denominator.times(mine, budget, "a common denominator");
            }
            budget.terms(total.numerator.size(), "a sum of fractions");
        });
        return reduced(total.numerator.build(), total.denominator);
    }

    private Quotient product(Call root) {
        var acc = new Object() {
            Poly numerator = Poly.ONE;
            Poly denominator = Poly.ONE;
        };
        Chains.leaves(root, inner, (n, k) -> {
            Quotient q = done.get(n);
            Poly top = k > 0 ? q.numerator() : q.denominator(), bottom = k > 0 ? q.denominator() : q.numerator();
            acc.numerator = acc.numerator.times(top, budget, "a product");
            acc.denominator = acc.denominator.times(bottom, budget, "a product");
        });
        if (acc.denominator.isZero()) return atom(root);
        return reduced(acc.numerator, acc.denominator);
    }

    private Quotient power(Call c, int k) {
        Quotient base = done.get(c.args().get(0));
        Poly top = k >= 0 ? base.numerator() : base.denominator(), bottom = k >= 0 ? base.denominator() : base.numerator();
        if (bottom.isZero()) return atom(c);
        int n = Math.abs(k);
        Poly t = top.pow(n, budget, c), b = bottom.pow(n, budget, c);
        BigFraction content = b.numericContent();  // D/N may have a negative or fractional lead: move it up
        return new Quotient(t.scale(content.reciprocal()), b.scale(content.reciprocal()));
    }

    /** N/D with the gcd cancelled and D normalised (a number taken out of D goes to N). */
    Quotient reduced(Poly n, Poly d) {
        if (n.isZero()) return of(Poly.ZERO);
        if (!d.isConstant()) {
            Poly g = PolyGcd.gcd(n, d, budget);
            if (!g.isConstant()) {
                n = SquareFree.exact(n, g, budget);
                d = SquareFree.exact(d, g, budget);
            }
        }
        BigFraction c = d.numericContent();
        return new Quotient(n.scale(c.reciprocal()), d.scale(c.reciprocal()));
    }
}
