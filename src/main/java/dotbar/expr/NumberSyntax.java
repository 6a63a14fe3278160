package dotbar.expr;

import java.util.regex.Pattern;

/**
 * The one syntax of numbers in text, shared by {@code parse}, {@code at("a=…")} and CSV cells:
 * decimal digits with an optional point and exponent ({@code 2}, {@code 2.5}, {@code .5},
 * {@code 1.5e-3}), with an optional sign where a value stands alone. Java's extras
 * ({@code 0x1p3}, {@code 1d}, {@code 2f}, {@code Infinity}, {@code NaN}) are not numbers here.
 */
public final class NumberSyntax {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private NumberSyntax() {}

    /** The value of {@code text} as a number of this syntax, or null when it is not one. */
    public static Double parse(String text) {
        return DECIMAL.matcher(text).matches() ? Double.valueOf(Double.parseDouble(text)) : null;
    }
}
