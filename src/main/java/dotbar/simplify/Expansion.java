package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * An expression read as a Laurent polynomial over the rationals in its {@link Atoms}: sums and
 * products multiplied out (distributivity), integer powers by the binomial/multinomial theorem,
 * like terms collected — SymPy's {@code expand} with its default hints {@code mul},
 * {@code multinomial} and {@code power_exp}, and {@code deep=True}:
 * <ul>
 * <li>a function's arguments are expanded too: {@code sin((x+1)^2)} is {@code sin(x² + 2·x + 1)};</li>
 * <li>exp(a + b) = exp(a)·exp(b) when the sum has no constant term (a constant stays inside, since
 *     exp(1) would fold to a double today), and exp(2·x) = exp(x)²;</li>
 * <li>dividing by a monomial gives negative exponents (x/x is 1: the domain grows, as in
 *     {@code simplify}); a denominator with several terms stays a factor of its own, expanded
 *     inside: {@code (x+1)/(y+1)} is {@code x/(y + 1) + 1/(y + 1)} (SymPy would also expand a
 *     power in the denominator, {@code 1/(x+1)²} → {@code 1/(x² + 2·x + 1)}; here it stays
 *     {@code 1/(x + 1)²});</li>
 * <li>non-integer and symbolic exponents, √, ∞ and NaN are atoms.</li>
 * </ul>
 *
 * <p>The DAG is walked once in topological order (no recursion on depth); sum and product chains
 * are flattened ({@link Chains}), so a 20 000-term chain of additions costs linear time.
 */
final class Expansion extends Reader<Poly> {
    /** Integer exponents beyond this stay symbolic (an atom). */
    private static final int LARGEST_POWER = 1 << 24;

    private boolean identities;

    Expansion(Atoms atoms, Budget budget) {
        super(atoms, budget);
    }

    /** This expansion with the Pythagorean identities applied inside function arguments ({@link Identities}). */
    Expansion withIdentities() {
        identities = true;
        return this;
    }

    /** {@code e} expanded. */
    static Expr expand(Expr e, Budget budget) {
        var atoms = new Atoms();
        return PolyExprs.toExpr(new Expansion(atoms, budget).poly(e), atoms);
    }

    /** The polynomial of {@code root}. */
    Poly poly(Expr root) {
        return read(root);
    }

    @Override Poly convert(Expr n) {
        if (n instanceof Num x) return Coefficient.isRational(x) ? Poly.constant(Coefficient.of(x)) : atomPoly(x);
        if (!(n instanceof Call c)) return atomPoly(deep(n));
        if (Chains.SUMS.contains(c.op())) return sum(c);
        if (Chains.PRODUCTS.contains(c.op())) return product(c);
        if (c.op() == Op.POW && c.args().get(1) instanceof Num k && isPower(k.value())) return power(c, (int) k.value());
        if (c.op() == Op.EXP) return exponential(c);
        return atomPoly(deep(n));
    }

    private static boolean isPower(double k) {
        return k == Math.rint(k) && Math.abs(k) <= LARGEST_POWER;
    }

    private Poly sum(Call root) {
        var b = new Poly.Builder();
        Chains.leaves(root, inner, (n, s) -> {
            Poly p = done.get(n);
            budget.work(p.size());
            b.add(p, s > 0 ? BigFraction.ONE : BigFraction.MINUS_ONE);
            budget.terms(b.size(), "a sum");
        });
        return b.build();
    }

    private Poly product(Call root) {
        var numerators = new ArrayList<Poly>();
        var denominators = new ArrayList<Poly>();
        Chains.leaves(root, inner, (n, k) -> (k > 0 ? numerators : denominators).add(done.get(n)));
        // x/0 keeps IEEE's ∞ and NaN: the quotient is one atom, as it is (its inner chain nodes were never read, so
        // they cannot be rewritten; an exact 0 divisor, which formulas now type, reaches this)
        for (Poly d : denominators) if (d.isZero()) return atomPoly(root);
        // the single terms first, into one coefficient and one monomial (linear in a long product)
        BigFraction c = BigFraction.ONE;
        var exponents = new HashMap<Integer, Long>();
        var multi = new ArrayList<Poly>();
        for (Poly p : numerators) {
            if (p.size() == 1) c = c.multiply(single(p, 1, exponents));
            else multi.add(p);
        }
        for (Poly d : denominators) {
            if (d.size() == 1) c = c.divide(single(d, -1, exponents));
            else exponents.merge(atoms.of(write(d)), -1L, Long::sum);
        }
        Poly r = Poly.constant(c);
        for (Poly p : multi) r = r.times(p, budget, "a product");
        var m = Monomial.ONE;
        for (var e : exponents.entrySet()) m = m.times(Monomial.of(e.getKey(), Math.toIntExact(e.getValue())));
        return r.times(BigFraction.ONE, m);
    }

    /** The coefficient of the one-term polynomial p; its monomial^k goes into {@code exponents}. */
    private static BigFraction single(Poly p, int k, Map<Integer, Long> exponents) {
        var t = p.terms().entrySet().iterator().next();
        Monomial m = t.getKey();
        for (int i = 0; i < m.size(); i++) exponents.merge(m.atom(i), (long) k * m.exponent(i), Long::sum);
        return t.getValue();
    }

    private Poly power(Call c, int k) {
        Poly base = done.get(c.args().get(0));
        if (k >= 0) return base.pow(k, budget, c);
        if (base.isZero()) return atomPoly(deep(c));
        if (base.size() == 1) {
            var t = base.terms().entrySet().iterator().next();
            return Poly.term(t.getValue().pow(k), t.getKey().pow(k));
        }
        return Poly.term(BigFraction.ONE, Monomial.of(atoms.of(write(base)), k));
    }

    /**
     * exp(a + b + …) = exp(a)·exp(b)⋯ for a sum without a constant term, and exp(k·m) = exp(m)ᵏ for
     * an integer |k| ≥ 2 (SymPy writes exp(2·x) where this writes exp(x)²; both are one atom's power);
     * anything else is an atom.
     */
    private Poly exponential(Call c) {
        Poly arg = identities ? Identities.pythagorean(done.get(c.arg()), atoms, budget) : done.get(c.arg());
        if (arg.isZero() || arg.terms().containsKey(Monomial.ONE)) return atomPoly(deep(c));
        var m = Monomial.ONE;
        for (var t : arg.terms().entrySet()) {
            BigFraction k = t.getValue();
            boolean integer = k.getDenominator().equals(java.math.BigInteger.ONE) && k.getNumerator().abs().bitLength() < 16;
            int power = integer ? Math.abs(k.getNumerator().intValue()) : 1;
            BigFraction inside = integer ? new BigFraction(Integer.signum(k.getNumerator().intValue())) : k;
            Expr factor = Exprs.call(Op.EXP, PolyExprs.term(inside, t.getKey(), atoms));
            m = m.times(Monomial.of(atoms.of(factor), power));
        }
        return Poly.term(BigFraction.ONE, m);
    }

    /** The node over its operands expanded. */
    private Expr deep(Expr n) {
        List<Expr> kids = n.children();
        if (kids.isEmpty()) return n;
        var expanded = new ArrayList<Expr>(kids.size());
        for (Expr k : kids) expanded.add(write(done.get(k)));
        return Graph.withChildrenIfChanged(n, expanded);
    }

    private Expr write(Poly p) {
        return PolyExprs.toExpr(identities ? Identities.pythagorean(p, atoms, budget) : p, atoms);
    }

    private Poly atomPoly(Expr e) {
        if (e instanceof Num x && Coefficient.isRational(x)) return Poly.constant(Coefficient.of(x));
        return Poly.atom(atoms.of(e));
    }

    /** The node's text for a message, cut short. */
    static String shortText(Expr e) {
        String s = e.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
