package dotbar.check;

import dotbar.print.TextTable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * Both sides of a claim at one point in {@value Precise#DIGITS}-digit arithmetic, and whether they
 * agree: within 10⁻³⁰ relative to the larger side, but not below 10⁻²⁰ of the largest
 * intermediate value (what cancelled carries 10⁻⁶⁰ of its size). So a claim off by 10⁻⁹ or 10⁻¹²
 * is refuted while the arithmetic's own rounding never is. When a side has a constant that is a
 * rounded double ({@link Precise#inexact()}), the test is that of doubles made 10⁴ times stricter:
 * 10⁻¹² relative, not below 10⁻⁴ of the largest intermediate value.
 */
record Comparison(boolean agree, double error, BigDecimal left, BigDecimal right, boolean inexact) {
    static final String INEXACT = " (a constant is a rounded double, so agreement is tested to 10⁻¹² only)";
    private static final BigDecimal EXACT_TOLERANCE = new BigDecimal("1e-30"), INEXACT_TOLERANCE = new BigDecimal("1e-12");

    /**
     * The comparison at {@code point} of sides without unknowns; null where a side is undefined
     * or out of the high-precision range (the caller then falls back to doubles).
     */
    static Comparison at(Precise sides, Map<String, BigDecimal> point, boolean inexact) {
        return at(sides, point, (n, args) -> {
            throw new IllegalStateException("no unknowns expected: " + n);
        }, inexact);
    }

    /** The comparison at {@code point}, the unknowns' values from {@code unknown}; null as above. */
    static Comparison at(Precise sides, Map<String, BigDecimal> point, Precise.UnknownValues unknown, boolean inexact) {
        BigDecimal[] v;
        try {
            v = sides.values(point, unknown);
        } catch (Precise.Impossible | ArithmeticException tooLarge) {
            return null;
        }
        BigDecimal a = sides.left(v), b = sides.right(v);
        if (a == null || b == null) return null;
        BigDecimal scale = Precise.largest(v);
        BigDecimal floor = scale.multiply(inexact ? new BigDecimal("1e-4") : new BigDecimal("1e-20"));
        BigDecimal denominator = a.abs().max(b.abs()).max(floor);
        BigDecimal error = a.subtract(b).abs().divide(denominator, new MathContext(10));
        return new Comparison(error.compareTo(inexact ? INEXACT_TOLERANCE : EXACT_TOLERANCE) <= 0, error.doubleValue(), a, b, inexact);
    }

    /** The left value with enough digits to show how it differs from the right one. */
    String shownLeft() {
        return show(left, digits());
    }

    String shownRight() {
        return show(right, digits());
    }

    String inexactNote() {
        return inexact ? INEXACT : "";
    }

    private int digits() {
        if (error >= 1e-10 || error == 0) return 12;
        return Math.min(Precise.DIGITS - 10, (int) Math.ceil(-Math.log10(error)) + 3);
    }

    static String show(BigDecimal v, int digits) {
        if (digits <= 12) return TextTable.number(v.doubleValue(), 12);
        BigDecimal r = v.round(new MathContext(digits)).stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        return exponent >= -6 && exponent < digits ? r.toPlainString() : r.toString();
    }
}
