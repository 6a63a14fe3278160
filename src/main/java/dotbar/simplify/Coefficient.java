package dotbar.simplify;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The one adapter between the expression's numbers ({@link Num}) and the exact rationals of the
 * algebra ({@link BigFraction}): everything in {@code expand}, {@code factor}, {@code collect} and
 * {@code together} reads a number through {@link #of(Num)} and writes one through
 * {@link #toExpr(BigFraction)} or {@link #term(BigFraction, List, List)}, nowhere else.
 *
 * <p>An exact {@code Num} ({@link Num#isExact()}) is read as its exact value: that is every number
 * typed in a formula. A floating {@code Num} (a Java double given to a builder, or the result of
 * floating arithmetic) is read by {@link #of(Num)} as the rational a person typing it meant, in
 * this order:
 * <ol>
 * <li>an integer-valued double is exactly that integer ({@code new BigFraction(double)} is exact
 *     for every double);</li>
 * <li>a double that is p/q rounded, for the smallest q ≤ {@value #SMALL_DENOMINATOR}, is p/q: the
 *     double 0.3333333333333333 is read back as 1/3 ({@code Coefficients.fraction});</li>
 * <li>a short decimal (at most 15 significant digits in its shortest form) is that decimal:
 *     {@code 0.1} is 1/10, not the dyadic 3602879701896397/2⁵⁵;</li>
 * <li>any other finite double is its exact binary value.</li>
 * </ol>
 * {@link #toExpr(BigFraction)} and {@link #term} write exact numbers ({@link Exprs#num(BigFraction)}),
 * of any size: what the algebra computes is printed as it is, {@code x²/4 + x/3 + 1/9}, and a
 * coefficient beyond the double range is still exact (its value, when evaluated, is ±∞ or 0).
 */
final class Coefficient {
    /** The largest denominator {@link #of(Num)} recognises in a rounded double. */
    static final int SMALL_DENOMINATOR = 1000;

    private Coefficient() {}

    /** True when {@code n} can be read as a rational: it is finite (∞ and NaN are kept as opaque atoms). */
    static boolean isRational(Num n) {
        return n.isExact() || Double.isFinite(n.value());
    }

    /** The rational {@code n} stands for (see the class comment); {@code n} must be finite. */
    static BigFraction of(Num n) {
        if (n.isExact()) return n.exact();  // an exact number (Exprs.rational, Exprs.decimal …) is already the rational it means
        double v = n.value();
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a rational: " + v);
        if (v == Math.rint(v)) return new BigFraction(v);
        long[] small = Coefficients.fraction(Math.abs(v));
        if (small != null) return new BigFraction(BigInteger.valueOf(v < 0 ? -small[0] : small[0]), BigInteger.valueOf(small[1]));
        BigDecimal shortest = new BigDecimal(Double.toString(v));
        if (shortest.precision() <= 15) {
            BigInteger unscaled = shortest.unscaledValue();
            int scale = shortest.scale();
            return scale >= 0 ? new BigFraction(unscaled, BigInteger.TEN.pow(scale))
                    : new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-scale)));
        }
        return new BigFraction(v);
    }

    /** The number {@code c} as an expression: the exact number, of any size. */
    static Expr toExpr(BigFraction c) {
        return Exprs.num(c);
    }

    /**
     * The term c·n₁·n₂⋯/(d₁·d₂⋯) (either list may be empty), left-nested as the parser reads a
     * product and written so that a fraction prints as one: (2/3)·x is {@code 2·x/3}, −x/2 is
     * {@code −x/2}, −2·x is {@code −2·x}; {@code c} is not 0. The numbers are exact.
     */
    static Expr term(BigFraction c, List<Expr> numerator, List<Expr> denominator) {
        BigInteger p = c.getNumerator().abs(), q = c.getDenominator();
        boolean negative = c.getNumerator().signum() < 0;
        Expr top = null;
        if (!p.equals(BigInteger.ONE) || numerator.isEmpty()) top = Exprs.num(negative ? p.negate() : p);  // the number carries the sign
        for (Expr f : numerator) top = top == null ? f : Exprs.mul(top, f);
        if (negative && p.equals(BigInteger.ONE) && !numerator.isEmpty()) top = Exprs.neg(top);
        Expr bottom = q.equals(BigInteger.ONE) ? null : Exprs.num(q);
        for (Expr f : denominator) bottom = bottom == null ? f : Exprs.mul(bottom, f);
        return bottom == null ? top : Exprs.div(top, bottom);
    }

    /** The double nearest c: an exact number's own rounding ({@link Exprs#nearestDouble}). */
    static double value(BigFraction c) {
        return Exprs.nearestDouble(c);
    }
}
