package dotbar.simplify;

import dotbar.base.DotbarException;
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
 * <p>An exact {@code Num} ({@link Num#isExact()}) is read as its exact value. The parser still
 * builds floating numbers, so for a floating {@code Num} {@link #of(Num)} reads the double as the
 * rational a person typing it meant, in this order:
 * <ol>
 * <li>an integer-valued double is exactly that integer ({@code new BigFraction(double)} is exact
 *     for every double);</li>
 * <li>a double that is p/q rounded, for the smallest q ≤ {@value #SMALL_DENOMINATOR}, is p/q: the
 *     parser folds {@code 1/3} to 0.3333333333333333 and this reads it back as 1/3 (the same rule
 *     the simplifier's printing uses, {@code Coefficients.fraction});</li>
 * <li>a short decimal (at most 15 significant digits in its shortest form) is that decimal:
 *     {@code 0.1} is 1/10, not the dyadic 3602879701896397/2⁵⁵;</li>
 * <li>any other finite double is its exact binary value.</li>
 * </ol>
 * {@link #toExpr(BigFraction)} writes a rational as the double nearest to it; a rational beyond
 * the double range is refused (a {@link DotbarException}) rather than printed as ∞ or as 0.
 *
 * <p><b>When the parser builds exact numbers</b> (issue 13, item 1) only this class changes again:
 * {@code toExpr}/{@code term} build exact numbers too.
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

    /** The number {@code c} as an expression. */
    static Expr toExpr(BigFraction c) {
        return Exprs.num(toDouble(c));
    }

    /**
     * The term c·n₁·n₂⋯/(d₁·d₂⋯) (either list may be empty), left-nested as the parser reads a
     * product and written so that a fraction prints as one: (2/3)·x is {@code 2·x/3}, −x/2 is
     * {@code −x/2}, −2·x is {@code −2·x}; {@code c} is not 0.
     */
    static Expr term(BigFraction c, List<Expr> numerator, List<Expr> denominator) {
        BigInteger p = c.getNumerator().abs(), q = c.getDenominator();
        boolean negative = c.getNumerator().signum() < 0;
        if (p.bitLength() > 53 || q.bitLength() > 53) {
            // p or q is no exact double (2⁻¹⁰⁷⁴ has a 324-digit denominator): the coefficient as one rounded double
            List<Expr> factors = new java.util.ArrayList<>(numerator);
            factors.add(0, toExpr(c));
            Expr top = factors.get(0);
            for (int i = 1; i < factors.size(); i++) top = Exprs.mul(top, factors.get(i));
            Expr bottom = null;
            for (Expr f : denominator) bottom = bottom == null ? f : Exprs.mul(bottom, f);
            return bottom == null ? top : Exprs.div(top, bottom);
        }
        Expr top = null;
        if (!p.equals(BigInteger.ONE) || numerator.isEmpty()) top = integer(negative ? p.negate() : p);  // the number carries the sign
        for (Expr f : numerator) top = top == null ? f : Exprs.mul(top, f);
        if (negative && p.equals(BigInteger.ONE) && !numerator.isEmpty()) top = Exprs.neg(top);
        Expr bottom = q.equals(BigInteger.ONE) ? null : integer(q);
        for (Expr f : denominator) bottom = bottom == null ? f : Exprs.mul(bottom, f);
        return bottom == null ? top : Exprs.div(top, bottom);
    }

    private static Expr integer(BigInteger i) {
        return Exprs.num(toDouble(new BigFraction(i)));
    }

    /** The double nearest c: an exact number's own rounding ({@link Exprs#nearestDouble}). */
    static double value(BigFraction c) {
        return Exprs.nearestDouble(c);
    }

    private static double toDouble(BigFraction c) {
        double d = value(c);
        if (!Double.isFinite(d)) {
            String digits = c.getNumerator().abs().toString().length() + " digits";
            throw new NoDouble("a coefficient of " + digits + " does not fit a double (numbers are doubles until "
                    + "exact numbers land); the expansion is exact but cannot be written");
        }
        if (Math.abs(d) < Double.MIN_NORMAL && c.getNumerator().signum() != 0) {
            // underflow: (x + 3.3e-189)² factored has a content near 10⁻³⁷⁷; written as 0 (or as a subnormal that kept
            // a few bits) it would make the whole form 0 (or wrong in its leading digits)
            String digits = c.getDenominator().toString().length() + " digits";
            throw new NoDouble("a coefficient with a denominator of " + digits + " is below the double range (numbers "
                    + "are doubles until exact numbers land); the result is exact but cannot be written");
        }
        return d;
    }

    /** True when {@code c} can be written: its value is within the double range (neither ∞ nor rounded to 0 or to a subnormal). */
    static boolean fits(BigFraction c) {
        double d = value(c);
        return Double.isFinite(d) && (Math.abs(d) >= Double.MIN_NORMAL || c.getNumerator().signum() == 0);
    }

    /** An exact result that cannot be written with today's double numbers. */
    static final class NoDouble extends DotbarException {
        private static final long serialVersionUID = 1L;

        NoDouble(String message) {
            super(message);
        }
    }
}
