package dotbar.simplify;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Factoring a polynomial over the rationals as far as this package goes, in three steps:
 * <ol>
 * <li><b>common factors</b> (SymPy's {@code factor_terms}): the numeric content — the rational c
 *     that leaves coprime integer coefficients with a positive leading one — and the monomial
 *     content, x² in x³ + x²·y;</li>
 * <li><b>square-free decomposition</b> (SymPy's {@code sqf}): the rest is split, one atom x at a
 *     time, into its content in x (a polynomial in the other atoms, split in turn) and a primitive
 *     part f = ∏ aᵢⁱ with each aᵢ square-free and the aᵢ pairwise coprime, by Yun's algorithm
 *     (D. Y. Y. Yun, "On square-free decomposition algorithms", SYMSAC 1976):
 *     a₀ = gcd(f, f′), b₁ = f/a₀, c₁ = f′/a₀, d₁ = c₁ − b₁′; then aᵢ = gcd(bᵢ, dᵢ),
 *     bᵢ₊₁ = bᵢ/aᵢ, cᵢ₊₁ = dᵢ/aᵢ, dᵢ₊₁ = cᵢ₊₁ − bᵢ₊₁′ until bᵢ is constant. The other atoms are
 *     coefficients (Q[y, …][x] is a unique factorisation domain of characteristic 0, where Yun's
 *     identities hold; the gcds are {@link PolyGcd}'s);</li>
 * <li><b>linear factors</b> of a factor in one atom, by the rational root theorem: a root p/q of
 *     an integer polynomial has p | a₀ and q | aₙ, so x² − 1 is (x − 1)·(x + 1). Tried only while
 *     |a₀| and |aₙ| are below 10⁹ (divisors by trial division).</li>
 * </ol>
 * What is left is square-free but not necessarily irreducible: x⁴ + 1 and x² − 2 stay whole (as
 * over Q they should), but x² − y² is not split into (x − y)·(x + y), and a univariate factor with no
 * rational root but reducible over Q (x⁴ + 4 = (x² − 2x + 2)(x² + 2x + 2)) stays whole: full
 * factorisation needs Zassenhaus/Hensel lifting, which this does not do.
 */
final class SquareFree {
    private static final BigInteger ROOT_SEARCH_LIMIT = BigInteger.valueOf(1_000_000_000L);

    private SquareFree() {}

    /** c · ∏ fᵢ^mᵢ. */
    record Factored(BigFraction coefficient, List<Map.Entry<Poly, Integer>> factors) {}

    /** The factorisation of a polynomial p (exponents ≥ 0). */
    static Factored factor(Poly p, Budget budget) {
        if (p.isConstant()) return new Factored(p.constantValue(), List.of());
        BigFraction c = p.numericContent();
        var factors = new ArrayList<Map.Entry<Poly, Integer>>();
        Monomial mono = p.monomialContent();
        for (int i = 0; i < mono.size(); i++) factors.add(Map.entry(Poly.atom(mono.atom(i)), mono.exponent(i)));
        Poly rest = p.scale(c.reciprocal()).times(BigFraction.ONE, mono.pow(-1));
        var pending = new ArrayDeque<Poly>();
        pending.push(rest);
        while (!pending.isEmpty()) {
            Poly q = pending.pop();
            if (q.isConstant()) continue;
            int v = q.atoms().first();
            Poly content = PolyGcd.content(q, v, budget);
            Poly primitive = exact(q, content, budget);
            pending.push(content);
            for (var a : yun(primitive, v, budget)) {
                for (Poly f : linearFactors(a.getKey(), budget)) {
                    Poly n = PolyGcd.normalise(f);
                    if (!n.isConstant()) factors.add(Map.entry(n, a.getValue()));
                }
            }
        }
        // p = c·∏ fᵢ^mᵢ, and leading coefficients multiply (lex is a monomial order): c follows from them
        BigFraction lead = BigFraction.ONE;
        for (var f : factors) lead = lead.multiply(f.getKey().leadingCoefficient().pow(f.getValue()));
        return new Factored(p.leadingCoefficient().divide(lead), factors);
    }

    /** Yun's square-free decomposition of f, primitive in atom v: the non-constant aᵢ with their i. */
    static List<Map.Entry<Poly, Integer>> yun(Poly f, int v, Budget budget) {
        var out = new ArrayList<Map.Entry<Poly, Integer>>();
        Poly df = f.derivative(v);
        Poly a0 = PolyGcd.gcd(f, df, budget);
        Poly b = exact(f, a0, budget), c = exact(df, a0, budget);
        Poly d = c.minus(b.derivative(v));
        for (int i = 1; !b.isConstant(); i++) {
            budget.work(1);
            Poly a = PolyGcd.gcd(b, d, budget);
            if (!a.isConstant()) out.add(Map.entry(a, i));
            b = exact(b, a, budget);
            c = exact(d, a, budget);
            d = c.minus(b.derivative(v));
        }
        return out;
    }

    /** f split into linear factors q·x − p for its rational roots p/q and the rest (f itself when f is not in one atom). */
    static List<Poly> linearFactors(Poly f, Budget budget) {
        var out = new ArrayList<Poly>();
        if (f.isConstant() || f.atoms().size() != 1) {
            out.add(f);
            return out;
        }
        int x = f.atoms().first();
        Poly rest = PolyGcd.normalise(f);
        BigFraction scale = f.leadingCoefficient().divide(rest.leadingCoefficient());
        if (rest.degree(x) >= 2) {
            TreeMap<Integer, Poly> coefficients = rest.coefficients(x);
            BigInteger a0 = coefficients.firstEntry().getValue().constantValue().getNumerator().abs();
            BigInteger an = coefficients.lastEntry().getValue().constantValue().getNumerator().abs();
            if (coefficients.firstKey() == 0 && a0.compareTo(ROOT_SEARCH_LIMIT) < 0 && an.compareTo(ROOT_SEARCH_LIMIT) < 0) {
                for (long p : divisors(a0.longValue(), budget)) {
                    for (long q : divisors(an.longValue(), budget)) {
                        for (int sign : new int[]{1, -1}) {
                            if (rest.degree(x) < 2) break;
                            if (BigInteger.valueOf(p).gcd(BigInteger.valueOf(q)).intValue() != 1) continue;
                            BigFraction root = new BigFraction(BigInteger.valueOf(sign * p), BigInteger.valueOf(q));
                            if (value(rest, x, root, budget).getNumerator().signum() != 0) continue;
                            // q·x − p divides rest (Gauss: a primitive linear factor of an integer polynomial)
                            Poly linear = Poly.term(new BigFraction(q), Monomial.of(x, 1)).minus(Poly.constant(new BigFraction(sign * p)));
                            Poly quotient = rest.divide(linear, budget);
                            if (quotient == null) continue;
                            out.add(linear);
                            rest = quotient;
                        }
                    }
                }
            }
        }
        out.add(rest.scale(scale));
        return out;
    }

    /** a/b, which divides by construction. */
    static Poly exact(Poly a, Poly b, Budget budget) {
        Poly q = a.divide(b, budget);
        if (q == null) throw new IllegalStateException("not a divisor: " + b + " of " + a);
        return q;
    }

    private static BigFraction value(Poly f, int x, BigFraction at, Budget budget) {
        BigFraction sum = BigFraction.ZERO;
        for (var t : f.terms().entrySet()) {
            budget.work(1);
            sum = sum.add(t.getValue().multiply(at.pow(t.getKey().exponentOf(x))));
        }
        return sum;
    }

    private static List<Long> divisors(long n, Budget budget) {
        var small = new ArrayList<Long>();
        var large = new ArrayList<Long>();
        for (long d = 1; d * d <= n; d++) {
            budget.work(1);
            if (n % d == 0) {
                small.add(d);
                if (d != n / d) large.add(0, n / d);
            }
        }
        small.addAll(large);
        return small;
    }
}
