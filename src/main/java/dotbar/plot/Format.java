package dotbar.plot;

import dotbar.expr.Expr;

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

    /** Expressions larger than this many distinct nodes are named by their size in titles and legends. */
    static final int LABEL_NODES = 200;

    /** An expression as a title or legend names it: its text, or its size when printing it would fill screens. */
    static String expression(Expr e) {
        int n = e.size();
        return n > LABEL_NODES ? "an expression of " + n + " nodes" : e.toString();
    }

    /** {@code s} cut to {@code width} columns, ending in … when cut. */
    static String fit(String s, int width) {
        if (s.codePointCount(0, s.length()) <= width) return s;
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
    }

    /** A tick label for {@code v} on ticks {@code step} apart: enough decimals to tell ticks apart, no more. */
    static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) return "0";
        int digits = (int) Math.max(1, Math.floor(Math.log10(Math.abs(v))) - Math.floor(Math.log10(step) + 1e-9) + 1);
        return number(v, Math.min(digits, 15));
    }
}
