package dotbar.simplify;

import java.util.Arrays;

/**
 * A power product x₁^e₁·x₂^e₂⋯ over the numbered atoms of an {@link Atoms} table, stored sparse
 * as pairs (atom, exponent) sorted by atom, exponents non-zero. Exponents may be negative (the
 * Laurent monomials of {@code expand}, where x/x is 1); the gcd and factoring code works on
 * polynomials whose exponents are all ≥ 0.
 */
final class Monomial {
    static final Monomial ONE = new Monomial(new int[0]);

    /** atom₀, e₀, atom₁, e₁, … by increasing atom. */
    private final int[] pairs;
    private final int hash;

    private Monomial(int[] pairs) {
        this.pairs = pairs;
        this.hash = Arrays.hashCode(pairs);
    }

    /** x^e for one atom (ONE when e = 0). */
    static Monomial of(int atom, int e) {
        return e == 0 ? ONE : new Monomial(new int[]{atom, e});
    }

    int size() { return pairs.length / 2; }
    int atom(int i) { return pairs[2 * i]; }
    int exponent(int i) { return pairs[2 * i + 1]; }
    boolean isOne() { return pairs.length == 0; }

    /** The exponent of {@code atom} (0 when absent). */
    int exponentOf(int atom) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == atom) return pairs[i + 1];
            if (pairs[i] > atom) break;
        }
        return 0;
    }

    /** The sum of the exponents. */
    long degree() {
        long d = 0;
        for (int i = 1; i < pairs.length; i += 2) d += pairs[i];
        return d;
    }

    /** this · other^k (k = 1: product, k = −1: quotient). */
    Monomial times(Monomial other, int k) {
        int[] out = new int[pairs.length + other.pairs.length];
        int i = 0, j = 0, n = 0;
        while (i < pairs.length || j < other.pairs.length) {
            int a = i < pairs.length ? pairs[i] : Integer.MAX_VALUE;
            int b = j < other.pairs.length ? other.pairs[j] : Integer.MAX_VALUE;
            long e;
            int atom;
            if (a < b) { atom = a; e = pairs[i + 1]; i += 2; }
            else if (b < a) { atom = b; e = (long) k * other.pairs[j + 1]; j += 2; }
            else { atom = a; e = pairs[i + 1] + (long) k * other.pairs[j + 1]; i += 2; j += 2; }
            if (e != 0) {
                out[n++] = atom;
                out[n++] = Math.toIntExact(e);
            }
        }
        return new Monomial(Arrays.copyOf(out, n));
    }

    Monomial times(Monomial other) { return times(other, 1); }

    /** this^k. */
    Monomial pow(int k) {
        if (k == 0) return ONE;
        int[] out = pairs.clone();
        for (int i = 1; i < out.length; i += 2) out[i] = Math.multiplyExact(out[i], k);
        return new Monomial(out);
    }

    /** This monomial without {@code atom}. */
    Monomial without(int atom) {
        return exponentOf(atom) == 0 ? this : times(of(atom, exponentOf(atom)), -1);
    }

    /** The exponent-wise minimum (the gcd of monomials with exponents ≥ 0; absent atoms count 0). */
    Monomial min(Monomial other) {
        int[] out = new int[Math.max(pairs.length, other.pairs.length) + other.pairs.length];
        int n = 0;
        int i = 0, j = 0;
        while (i < pairs.length || j < other.pairs.length) {
            int a = i < pairs.length ? pairs[i] : Integer.MAX_VALUE;
            int b = j < other.pairs.length ? other.pairs[j] : Integer.MAX_VALUE;
            int atom, e;
            if (a < b) { atom = a; e = Math.min(pairs[i + 1], 0); i += 2; }
            else if (b < a) { atom = b; e = Math.min(other.pairs[j + 1], 0); j += 2; }
            else { atom = a; e = Math.min(pairs[i + 1], other.pairs[j + 1]); i += 2; j += 2; }
            if (e != 0) {
                out[n++] = atom;
                out[n++] = e;
            }
        }
        return new Monomial(Arrays.copyOf(out, n));
    }

    /** True when every exponent is ≥ 0. */
    boolean isPolynomial() {
        for (int i = 1; i < pairs.length; i += 2) if (pairs[i] < 0) return false;
        return true;
    }

    /** True when {@code this} divides {@code other} among monomials with exponents ≥ 0. */
    boolean divides(Monomial other) {
        for (int i = 0; i < pairs.length; i += 2) if (other.exponentOf(pairs[i]) < pairs[i + 1]) return false;
        return true;
    }

    /**
     * Lexicographic order with atom 0 &gt; atom 1 &gt; …: positive when {@code this} comes first
     * (the leading term of a polynomial is the greatest).
     */
    int compareLex(Monomial other) {
        int i = 0, j = 0;
        while (i < pairs.length || j < other.pairs.length) {
            int a = i < pairs.length ? pairs[i] : Integer.MAX_VALUE;
            int b = j < other.pairs.length ? other.pairs[j] : Integer.MAX_VALUE;
            if (a < b) return Integer.signum(pairs[i + 1]);
            if (b < a) return -Integer.signum(other.pairs[j + 1]);
            if (pairs[i + 1] != other.pairs[j + 1]) return Integer.compare(pairs[i + 1], other.pairs[j + 1]);
            i += 2;
            j += 2;
        }
        return 0;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Monomial m && m.hash == hash && Arrays.equals(m.pairs, pairs);
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() {
        var s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) s.append(i > 0 ? "·" : "").append('a').append(pairs[i]).append('^').append(pairs[i + 1]);
        return s.length() == 0 ? "1" : s.toString();
    }
}
