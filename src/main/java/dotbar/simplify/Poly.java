package dotbar.simplify;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * An immutable sparse polynomial over the rationals in the numbered atoms of an {@link Atoms}
 * table: Σ cᵢ·mᵢ with distinct {@link Monomial}s mᵢ and non-zero {@link BigFraction}
 * coefficients cᵢ. Like terms cannot exist in this form, so equal polynomials have equal term
 * maps. Arithmetic that could grow large takes a {@link Budget}, which refuses a product or power
 * whose estimated size is over its limit before computing it.
 */
final class Poly {
    static final Poly ZERO = new Poly(Map.of());
    static final Poly ONE = constant(BigFraction.ONE);

    private final Map<Monomial, BigFraction> terms;

    private Poly(Map<Monomial, BigFraction> terms) {
        this.terms = terms;
    }

    static Poly constant(BigFraction c) {
        return c.getNumerator().signum() == 0 ? ZERO : new Poly(Map.of(Monomial.ONE, c));
    }

    static Poly term(BigFraction c, Monomial m) {
        return c.getNumerator().signum() == 0 ? ZERO : new Poly(Map.of(m, c));
    }

    static Poly atom(int a) {
        return term(BigFraction.ONE, Monomial.of(a, 1));
    }

    /** The terms, monomial to non-zero coefficient (unmodifiable). */
    Map<Monomial, BigFraction> terms() { return terms; }

    int size() { return terms.size(); }
    boolean isZero() { return terms.isEmpty(); }
    boolean isConstant() { return terms.isEmpty() || terms.size() == 1 && terms.containsKey(Monomial.ONE); }

    /** The value of a constant polynomial. */
    BigFraction constantValue() {
        return terms.getOrDefault(Monomial.ONE, BigFraction.ZERO);
    }

    /** True when no exponent is negative. */
    boolean isPolynomial() {
        for (Monomial m : terms.keySet()) if (!m.isPolynomial()) return false;
        return true;
    }

    /** The atoms that occur, increasing. */
    TreeSet<Integer> atoms() {
        var s = new TreeSet<Integer>();
        for (Monomial m : terms.keySet()) for (int i = 0; i < m.size(); i++) s.add(m.atom(i));
        return s;
    }

    int degree(int atom) {
        int d = Integer.MIN_VALUE;
        for (Monomial m : terms.keySet()) d = Math.max(d, m.exponentOf(atom));
        return terms.isEmpty() ? 0 : d;
    }

    int minDegree(int atom) {
        int d = Integer.MAX_VALUE;
        for (Monomial m : terms.keySet()) d = Math.min(d, m.exponentOf(atom));
        return terms.isEmpty() ? 0 : d;
    }

    /** This polynomial as Σ cₖ·atomᵏ: the coefficients cₖ (free of {@code atom}) by k. */
    TreeMap<Integer, Poly> coefficients(int atom) {
        var by = new TreeMap<Integer, Builder>();
        for (var t : terms.entrySet()) {
            int k = t.getKey().exponentOf(atom);
            by.computeIfAbsent(k, x -> new Builder()).add(t.getKey().without(atom), t.getValue());
        }
        var out = new TreeMap<Integer, Poly>();
        by.forEach((k, b) -> out.put(k, b.build()));
        return out;
    }

    /** The coefficient of atomᵏ. */
    Poly coefficient(int atom, int k) {
        var b = new Builder();
        for (var t : terms.entrySet()) if (t.getKey().exponentOf(atom) == k) b.add(t.getKey().without(atom), t.getValue());
        return b.build();
    }

    /** The greatest monomial in lexicographic order (atom 0 first); this must not be 0. */
    Monomial leading() {
        Monomial best = null;
        for (Monomial m : terms.keySet()) if (best == null || m.compareLex(best) > 0) best = m;
        return best;
    }

    BigFraction leadingCoefficient() { return terms.get(leading()); }

    Poly plus(Poly other) {
        if (other.isZero()) return this;
        if (isZero()) return other;
        var b = new Builder(this);
        b.add(other, BigFraction.ONE);
        return b.build();
    }

    Poly minus(Poly other) {
        var b = new Builder(this);
        b.add(other, BigFraction.MINUS_ONE);
        return b.build();
    }

    Poly negate() { return scale(BigFraction.MINUS_ONE); }

    Poly scale(BigFraction c) {
        if (c.getNumerator().signum() == 0) return ZERO;
        if (c.equals(BigFraction.ONE)) return this;
        var m = new HashMap<Monomial, BigFraction>(terms.size() * 2);
        terms.forEach((k, v) -> m.put(k, v.multiply(c)));
        return new Poly(Collections.unmodifiableMap(m));
    }

    /** this · c·m. */
    Poly times(BigFraction c, Monomial mono) {
        if (c.getNumerator().signum() == 0) return ZERO;
        var m = new HashMap<Monomial, BigFraction>(terms.size() * 2);
        terms.forEach((k, v) -> m.put(k.times(mono), v.multiply(c)));
        return new Poly(Collections.unmodifiableMap(m));
    }

    /** The product, refused by {@code budget} when its estimated size is over the limit. */
    Poly times(Poly other, Budget budget, Object what) {
        if (isZero() || other.isZero()) return ZERO;
        if (other.size() == 1) {
            var t = other.terms.entrySet().iterator().next();
            budget.work(size());
            return times(t.getValue(), t.getKey());
        }
        if (size() == 1) return other.times(this, budget, what);
        budget.terms(Math.min((double) size() * other.size(), productDegreeBound(other)), what);
        var b = new Builder();
        for (var s : terms.entrySet()) {
            budget.work(other.size());  // per row, so that Ctrl-C is seen within one row of a large product
            for (var t : other.terms.entrySet()) b.add(s.getKey().times(t.getKey()), s.getValue().multiply(t.getValue()));
        }
        Poly r = b.build();
        budget.terms(r.size(), what);
        return r;
    }

    /** ∏ over atoms of (the exponent ranges added + 1): no product can have more terms. */
    private double productDegreeBound(Poly other) {
        var all = atoms();
        all.addAll(other.atoms());
        double bound = 1;
        for (int a : all) bound *= (double) (degree(a) - minDegree(a)) + (other.degree(a) - other.minDegree(a)) + 1;
        return bound;
    }

    /**
     * thisⁿ (n ≥ 0), refused when the estimated number of terms — the smaller of the multinomial
     * count C(n + t − 1, t − 1) for t terms and ∏ (n·range + 1) over the atoms' exponent ranges —
     * is over the limit. A binomial uses the binomial theorem, anything else repeated products.
     */
    Poly pow(int n, Budget budget, Object what) {
        if (n < 0) throw new IllegalArgumentException("negative power " + n);
        if (n == 0) return ONE;
        if (n == 1 || isZero()) return this;
        int t = size();
        double multinomial = 1;
        for (int i = 1; i < t && multinomial < 1e300; i++) multinomial *= (n + (double) i) / i;
        double ranges = 1;
        for (int a : atoms()) ranges *= (double) n * (degree(a) - minDegree(a)) + 1;
        budget.terms(Math.min(multinomial, ranges), what);
        if (t == 1) {
            var e = terms.entrySet().iterator().next();
            budget.work(n);
            return term(e.getValue().pow(n), e.getKey().pow(n));
        }
        if (t == 2) return binomial(n, budget);
        Poly r = this;
        for (int i = 1; i < n; i++) r = r.times(this, budget, what);
        return r;
    }

    /** (a + b)ⁿ = Σₖ C(n, k)·aᵏ·bⁿ⁻ᵏ, the coefficients C(n, k) updated in place. */
    private Poly binomial(int n, Budget budget) {
        var it = terms.entrySet().iterator();
        var a = it.next();
        var b = it.next();
        var out = new Builder();
        BigInteger choose = BigInteger.ONE;
        BigFraction[] bPowers = new BigFraction[n + 1];
        bPowers[0] = BigFraction.ONE;
        for (int k = 1; k <= n; k++) {
            budget.work(1);
            bPowers[k] = bPowers[k - 1].multiply(b.getValue());
        }
        BigFraction aPower = BigFraction.ONE;
        for (int k = 0; k <= n; k++) {
            budget.work(1);
            BigFraction c = aPower.multiply(bPowers[n - k]).multiply(choose);
            out.add(a.getKey().pow(k).times(b.getKey().pow(n - k)), c);
            aPower = aPower.multiply(a.getValue());
            choose = choose.multiply(BigInteger.valueOf(n - k)).divide(BigInteger.valueOf(k + 1));
        }
        return out.build();
    }

    /** ∂/∂atom. */
    Poly derivative(int atom) {
        var b = new Builder();
        for (var t : terms.entrySet()) {
            int k = t.getKey().exponentOf(atom);
            if (k != 0) b.add(t.getKey().times(Monomial.of(atom, 1), -1), t.getValue().multiply(k));
        }
        return b.build();
    }

    /** The exponent-wise minimum of the monomials: the monomial content (x² in x³ + x²·y). */
    Monomial monomialContent() {
        Monomial c = null;
        for (Monomial m : terms.keySet()) c = c == null ? m : c.min(m);
        return c == null ? Monomial.ONE : c;
    }

    /**
     * The rational c with this/c having coprime integer coefficients and a positive leading
     * coefficient: gcd of the numerators over the lcm of the denominators, signed like the leading
     * coefficient. 1 for 0.
     */
    BigFraction numericContent() {
        if (isZero()) return BigFraction.ONE;
        BigInteger g = BigInteger.ZERO, l = BigInteger.ONE;
        for (BigFraction c : terms.values()) {
            g = g.gcd(c.getNumerator());
            l = l.divide(l.gcd(c.getDenominator())).multiply(c.getDenominator());
        }
        BigFraction content = new BigFraction(g, l);
        return leadingCoefficient().getNumerator().signum() < 0 ? content.negate() : content;
    }

    /**
     * The exact quotient this/d when d divides this, else null: multivariate division by leading
     * terms in lexicographic order (each step cancels the remainder's leading term; if d divides
     * this, the remainder's leading term is always divisible by d's, since lex is a monomial order).
     * Both must be polynomials (no negative exponents).
     */
    Poly divide(Poly d, Budget budget) {
        if (d.isZero()) throw new ArithmeticException("division by the zero polynomial");
        if (d.size() == 1) {
            var t = d.terms.entrySet().iterator().next();
            for (Monomial m : terms.keySet()) if (!t.getKey().divides(m)) return null;
            budget.work(size());
            var m = new HashMap<Monomial, BigFraction>(terms.size() * 2);
            terms.forEach((k, v) -> m.put(k.times(t.getKey(), -1), v.divide(t.getValue())));
            return new Poly(Collections.unmodifiableMap(m));
        }
        Monomial dLead = d.leading();
        BigFraction dc = d.terms.get(dLead);
        var remainder = new Builder(this);
        var quotient = new Builder();
        while (!remainder.isZero()) {
            Monomial lead = remainder.leading();
            if (!dLead.divides(lead)) return null;
            Monomial q = lead.times(dLead, -1);
            BigFraction c = remainder.get(lead).divide(dc);
            quotient.add(q, c);
            budget.work(d.size());
            for (var t : d.terms.entrySet()) remainder.add(t.getKey().times(q), t.getValue().multiply(c).negate());
            budget.terms(quotient.size(), "a quotient");
        }
        return quotient.build();
    }

    @Override public boolean equals(Object o) { return o instanceof Poly p && p.terms.equals(terms); }
    @Override public int hashCode() { return terms.hashCode(); }
    @Override public String toString() { return terms.toString(); }

    /** A mutable sum of terms; like terms are added as they come, zero terms dropped. */
    static final class Builder {
        private final HashMap<Monomial, BigFraction> terms = new HashMap<>();

        Builder() {}

        Builder(Poly start) {
            terms.putAll(start.terms);
        }

        void add(Monomial m, BigFraction c) {
            if (c.getNumerator().signum() == 0) return;
            BigFraction sum = terms.merge(m, c, BigFraction::add);
            if (sum.getNumerator().signum() == 0) terms.remove(m);
        }

        void add(Poly p, BigFraction factor) {
            for (var t : p.terms.entrySet()) add(t.getKey(), t.getValue().multiply(factor));
        }

        int size() { return terms.size(); }
        boolean isZero() { return terms.isEmpty(); }
        BigFraction get(Monomial m) { return terms.get(m); }

        Monomial leading() {
            Monomial best = null;
            for (Monomial m : terms.keySet()) if (best == null || m.compareLex(best) > 0) best = m;
            return best;
        }

        Poly build() {
            return terms.isEmpty() ? ZERO : new Poly(Collections.unmodifiableMap(new HashMap<>(terms)));
        }
    }
}
