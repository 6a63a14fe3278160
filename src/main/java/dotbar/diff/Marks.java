package dotbar.diff;

/**
 * The names of tangents and adjoints, as the seed writes them and as the symbols in the traces'
 * chain rules are called: the tangent of w is ẇ, its adjoint w̄, the mark on the first letter
 * ({@code w1} → {@code ẇ1}, {@code φ1} → {@code φ̇1}).
 */
public final class Marks {
    /** U+0307 COMBINING DOT ABOVE: the tangent of w is ẇ. */
    public static final char DOT = '\u0307';
    /** U+0304 COMBINING MACRON: the adjoint of w is w̄. */
    public static final char BAR = '\u0304';

    private Marks() {}

    /** {@code w1} → {@code ẇ1}: the mark goes on the first letter. */
    public static String dotted(String name) {
        return mark(name, DOT);
    }

    /** {@code w1} → {@code w̄1}. */
    public static String barred(String name) {
        return mark(name, BAR);
    }

    private static String mark(String name, char mark) {
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + mark + name.substring(first);
    }
}
