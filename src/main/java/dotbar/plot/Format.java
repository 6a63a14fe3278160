package dotbar.plot;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a plot writes them: short, and in the same form on ticks, legends and files. */
final class Format {
    private Format() {}

    /**
     * {@code v} to {@code digits} significant digits without trailing zeros: {@code 2500},
     * {@code 0.0312}, {@code 3.12e-4}, {@code 1.23e5}; scientific below 10⁻³ and from 10⁶ on.
     */
    static String number(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double a = Math.abs(b.doubleValue());
        if (a >= 1e-3 && a < 1e6) return b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        String mantissa = b.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** A tick label for {@code v} on ticks {@code step} apart: enough decimals to tell ticks apart, no more. */
    static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) return "0";
        int digits = (int) Math.max(1, Math.floor(Math.log10(Math.abs(v))) - Math.floor(Math.log10(step) + 1e-9) + 1);
        return number(v, Math.min(digits, 15));
    }
}
