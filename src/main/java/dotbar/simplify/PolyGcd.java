package dotbar.simplify;

import java.util.TreeSet;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Greatest common divisors of multivariate polynomials over the rationals (exponents ≥ 0), by the
 * recursive primitive polynomial remainder sequence: a polynomial in atoms x, y, … is read as one
 * in x with coefficients in Q[y, …]; then gcd(a, b) = gcd(cont(a), cont(b)) · pp(last non-zero
 * remainder of the sequence rᵢ₊₁ = pp(prem(rᵢ₋₁, rᵢ))), where cont is the gcd of the coefficients
 * (recursively, in one atom fewer), pp the quotient by it, and prem the pseudo-remainder
 * lc(b)^(deg a − deg b + 1)·a mod b, which stays in Q[y, …][x] (Knuth, TAOCP vol. 2, §4.6.1,
 * Algorithm E; Geddes, Czapor and Labahn, <i>Algorithms for Computer Algebra</i>, 1992, §7.2).
 * Taking primitive parts at each step keeps the coefficients from swelling.
 *
 * <p>The monomial content (the exponent-wise minimum, x² in x³ + x²·y) is split off first. With more
 * than {@value #MAX_ATOMS} atoms only the monomial content is returned: still a common divisor,
 * so callers stay correct, just not fully reduced (and the recursion stays shallow).
 *
 * <p>Results are normalised: coprime integer coefficients and a positive leading coefficient in
 * lexicographic order; gcd(a, 0) is a normalised.
 */
final class PolyGcd {
    /** Past this many atoms only the monomial content is taken. */
    static final int MAX_ATOMS = 24;

    private PolyGcd() {}

    static Poly gcd(Poly a, Poly b, Budget budget) {
        if (a.isZero()) return normalise(b);
        if (b.isZero()) return normalise(a);
        if (a.isConstant() || b.isConstant()) return Poly.ONE;
        Monomial common = a.monomialContent().min(b.monomialContent());
        a = a.times(BigFraction.ONE, a.monomialContent().pow(-1));
        b = b.times(BigFraction.ONE, b.monomialContent().pow(-1));
        Poly mono = Poly.term(BigFraction.ONE, common);
        var atoms = new TreeSet<>(a.atoms());
        atoms.addAll(b.atoms());
        if (atoms.size() > MAX_ATOMS) return mono;
        return primitiveGcd(a, b, budget).times(BigFraction.ONE, common);
    }

    /** gcd of polynomials without monomial content. */
    private static Poly primitiveGcd(Poly a, Poly b, Budget budget) {
        if (a.isConstant() || b.isConstant()) return Poly.ONE;
        if (a.equals(b)) return normalise(a);
        int v = a.atoms().first();
        if (b.degree(v) == 0) return gcd(content(a, v, budget), b, budget);
        if (a.degree(v) == 0) return gcd(a, content(b, v, budget), budget);
        Poly ca = content(a, v, budget), cb = content(b, v, budget);
        Poly g = gcd(ca, cb, budget);
        Poly p = normalise(a.divide(ca, budget)), q = normalise(b.divide(cb, budget));
        if (p.degree(v) < q.degree(v)) {
            Poly t = p;
            p = q;
            q = t;
        }
        while (true) {
            budget.work(1);
            Poly r = pseudoRemainder(p, q, v, budget);
            if (r.isZero()) break;
            if (r.degree(v) == 0) {
                q = Poly.ONE;
                break;
            }
            p = q;
            q = normalise(r.divide(content(r, v, budget), budget));  // numbers too: the primitive part has coprime integer coefficients
        }
        return normalise(g.times(q, budget, "a gcd"));
    }

    /** The gcd of the coefficients of p as a polynomial in atom v (a polynomial free of v). */
    static Poly content(Poly p, int v, Budget budget) {
        Poly g = Poly.ZERO;
        for (Poly c : p.coefficients(v).values()) {
            g = gcd(g, c, budget);
            if (g.isConstant()) return Poly.ONE;
        }
        return g;
    }

    /** prem(a, b) in atom v: lc(b)^(deg a − deg b + 1)·a reduced by b until its degree is below deg b. */
    static Poly pseudoRemainder(Poly a, Poly b, int v, Budget budget) {
        int db = b.degree(v);
        Poly lead = b.coefficient(v, db);
        Poly r = a;
        while (!r.isZero() && r.degree(v) >= db) {
            int dr = r.degree(v);
            Poly lr = r.coefficient(v, dr);
            Poly shifted = b.times(lr, budget, "a remainder").times(BigFraction.ONE, Monomial.of(v, dr - db));
            r = r.times(lead, budget, "a remainder").minus(shifted);
            budget.terms(r.size(), "a remainder");
        }
        return r;
    }

    /** p with coprime integer coefficients and a positive leading coefficient (0 stays 0). */
    static Poly normalise(Poly p) {
        return p.isZero() ? p : p.scale(p.numericContent().reciprocal());
    }
}
