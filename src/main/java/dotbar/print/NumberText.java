package dotbar.print;

import dotbar.expr.Point;

/** Numbers as people write them, and as the parser reads them back exactly. */
final class NumberText {
    private NumberText() {}

    /**
     * A finite non-negative number: {@code 2} rather than {@code 2.0}, else the shortest decimal
     * that reads back as the same double ({@link Point#formatNumber}), with Java's exponent
     * {@code 1.0E-5} written {@code 1e-5}.
     */
    static String decimal(double nonNegative) {
        String s = Point.formatNumber(nonNegative);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }

    /** True for negative numbers and −0 (the sign bit is set); false for NaN. */
    static boolean negative(double v) {
        return !Double.isNaN(v) && Math.copySign(1.0, v) < 0;
    }
}
