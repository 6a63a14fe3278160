package dotbar.expr;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * A numeric constant, of one of three kinds, each its own node (so exact ½ and floating 0.5 are
 * different nodes, as SymPy's {@code Rational(1, 2)} and {@code Float(0.5)} are):
 * <ul>
 * <li><b>exact</b>: an integer or rational of any size ({@link #exact()} is not null), what a
 *     number typed in a formula is ({@code 1/3}, {@code 2^100}, {@code 0.1} = 1/10); built with
 *     {@link Exprs#num(long)}, {@link Exprs#num(java.math.BigInteger)},
 *     {@link Exprs#rational(java.math.BigInteger, java.math.BigInteger)}, {@link Exprs#num(BigFraction)};</li>
 * <li><b>floating</b>: a Java {@code double} handed to the builder ({@link Exprs#num(double)},
 *     {@code x.times(0.5)}), or a value that floating arithmetic produced;</li>
 * <li><b>π</b>: the symbolic constant ({@link Exprs#PI}), which is no free variable and folds to
 *     {@link Math#PI} only when a value is asked for.</li>
 * </ul>
 * {@link #value()} is always the double the constant evaluates to (for an exact number the
 * double nearest to it; ±∞ beyond the double range).
 */
public record Num(double value, BigFraction exact, boolean isPi) implements Expr {
    /** A floating constant. */
    Num(double value) {
        this(value, null, false);
    }

    /** A floating ({@code exact} null) or exact constant; not π. */
    public Num(double value, BigFraction exact) {
        this(value, exact, false);
    }

    /**
     * Equal kind and number. Written out rather than the record's: that one calls
     * {@link BigFraction#equals}, which reduces both fractions (two gcds) on every call, and
     * interning compares numbers on every construction (JFR: a fifth of {@code grad(e)} on
     * Rosenbrock n = 1000). A BigFraction is always in lowest terms with a positive denominator
     * (its constructors and arithmetic reduce), so comparing numerator and denominator is exact;
     * BigFraction's own hashCode relies on the same.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Num n) || isPi != n.isPi || Double.compare(value, n.value) != 0) return false;
        if (exact == null || n.exact == null) return exact == n.exact;
        return exact.getNumerator().equals(n.exact.getNumerator()) && exact.getDenominator().equals(n.exact.getDenominator());
    }

    @Override
    public int hashCode() {
        return (31 * Double.hashCode(value) + (exact == null ? 0 : exact.hashCode())) * 31 + Boolean.hashCode(isPi);
    }

    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> children) { return this; }
    @Override public String toString() { return Exprs.print(this); }

    /**
     * True when this is exactly {@code c} (so {@code -0.0} is not 0 here, as IEEE's compare says). An
     * exact number is compared exactly, not through its rounded double: 10⁻⁴⁰⁰ is not 0.
     */
    public boolean is(double c) {
        if (isPi) return false;
        if (exact != null) {
            // value is the double nearest to exact, so exact = c (a double) implies value = c: most
            // calls (is(0), is(1) on other coefficients, at every construction) end here cheaply
            if (value != c) return false;
            if (!Double.isFinite(c)) return false;
            if (c == Math.rint(c) && Math.abs(c) < 0x1p62) {
                return exact.getDenominator().equals(java.math.BigInteger.ONE) && exact.getNumerator().bitLength() < 63
                        && exact.getNumerator().longValue() == (long) c;
            }
            return exact.equals(new BigFraction(c));
        }
        return Double.compare(value, c) == 0 || (value == 0 && c == 0);
    }

    /** True for an exact integer or rational ({@link #exact()} gives it). */
    public boolean isExact() { return exact != null; }

    /** True for a floating constant (a Java double, or the result of floating arithmetic). */
    public boolean isFloat() { return exact == null && !isPi; }

    /** True for an exact integer. */
    public boolean isInteger() { return exact != null && exact.getDenominator().equals(java.math.BigInteger.ONE); }

    /** True for a negative number (exact or floating, −0.0 included); π is positive. */
    public boolean isNegative() {
        return exact != null ? exact.getNumerator().signum() < 0 : !isPi && !Double.isNaN(value) && Math.copySign(1.0, value) < 0;
    }
}
