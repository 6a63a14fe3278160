package dotbar.base;

/**
 * The one table of superscript digits and signs ({@code ⁰¹²³⁴⁵⁶⁷⁸⁹ ⁻ ⁺}): the parser reads
 * {@code x²} and {@code x⁻¹} with it, the Unicode printer writes exponents and Leibniz orders
 * with it, and the REPL's Tab turns {@code \^2} into {@code ²}.
 */
public final class Superscripts {
    private Superscripts() {}

    private static final String DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** Superscript minus and plus. */
    public static final char MINUS = '⁻', PLUS = '⁺';

    /** {@code n} in superscript digits, with {@code ⁻} when negative: {@code ⁻¹²}. */
    public static String of(long n) {
        var s = new StringBuilder(n < 0 ? String.valueOf(MINUS) : "");
        for (char c : Long.toString(n).toCharArray()) if (c != '-') s.append(DIGITS.charAt(c - '0'));
        return s.toString();
    }

    /** The value of a superscript digit, or −1 when {@code c} is none. */
    public static int digit(int c) {
        return DIGITS.indexOf(c);
    }

    /** The superscript of a digit, {@code -} or {@code +} ({@code '2'} → {@code '²'}), or 0 when there is none. */
    public static char of(char c) {
        if (c >= '0' && c <= '9') return DIGITS.charAt(c - '0');
        return c == '-' ? MINUS : c == '+' ? PLUS : 0;
    }
}
