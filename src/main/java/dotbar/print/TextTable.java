package dotbar.print;

import dotbar.base.Interrupted;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small aligned text table: a header, a rule under it, then rows. Text cells are left-aligned;
 * columns of numbers are right-aligned on the decimal point. Widths count what a terminal shows:
 * combining marks (the dot of {@code ẇ1}, the bar of {@code w̄1}) take no column.
 *
 * <pre>{@code
 * var t = new TextTable("node", "value").row("a", 0.5).row("w1", -12.25);
 * t.toString();
 * // node   value
 * // ─────────────
 * // a       0.5
 * // w1    -12.25
 * }</pre>
 *
 * <p>Numbers ({@link Number} cells) print with {@link #digits(int)} significant digits (6 unless
 * set), in plain notation between 10⁻⁴ and 10⁶ and in scientific notation ({@code 1.5e-07}) outside.
 */
public final class TextTable {
    /** How a column aligns its cells. {@code AUTO}: on the decimal point if it holds a number, else left. */
    public enum Align { LEFT, RIGHT, AUTO }

    private static final String GAP = "  ";
    /**
     * Cells wider than this do not widen their column: they run past it, so that one long cell
     * (a definition of thousands of characters) cannot pad every other row to its width.
     */
    static final int WIDEST_ALIGNED = 1000;

    private final List<String> header;
    private final List<Object[]> rows = new ArrayList<>();
    private final Align[] align;
    private int digits = 6;

    /** A table with these column headers (one column per header; an empty header is allowed). */
    public TextTable(String... header) {
        this.header = List.of(header);
        this.align = new Align[header.length];
        Arrays.fill(align, Align.AUTO);
    }

    /** Sets how column {@code column} (from 0) aligns. */
    public TextTable align(int column, Align a) {
        align[column] = a;
        return this;
    }

    /** Significant digits of number cells (1 to 17). */
    public TextTable digits(int digits) {
        if (digits < 1 || digits > 17) throw new IllegalArgumentException("digits must be 1..17, got " + digits);
        this.digits = digits;
        return this;
    }

    /** Adds a row: one cell per column ({@link Number}s are formatted, anything else by {@code toString}, null empty). */
    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + header.size() + " columns got " + cells.length + " cells");
        }
        rows.add(cells.clone());
        return this;
    }

    /** The number of rows added (the header not counted). */
    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        int n = header.size();
        String[][] text = new String[rows.size()][n];
        boolean[] numeric = new boolean[n];
        for (int r = 0; r < rows.size(); r++) {
            Interrupted.poll(r + 1);
            for (int c = 0; c < n; c++) {
                Object cell = rows.get(r)[c];
                if (cell instanceof Number) numeric[c] = true;
                text[r][c] = cell == null ? "" : cell instanceof Number x ? number(x.doubleValue(), digits) : cell.toString();
            }
        }
        // per column: widths of the integer part and of the rest ('.' and fraction, exponent) of numbers
        int[] intWidth = new int[n], restWidth = new int[n], width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = width(header.get(c));
            for (int r = 0; r < rows.size(); r++) {
                if (numeric[c] && align[c] == Align.AUTO && rows.get(r)[c] instanceof Number) {
                    int split = decimalSplit(text[r][c]);
                    intWidth[c] = Math.max(intWidth[c], split);
                    restWidth[c] = Math.max(restWidth[c], text[r][c].length() - split);
                } else {
                    int w = width(text[r][c]);
                    if (w <= WIDEST_ALIGNED) width[c] = Math.max(width[c], w);
                }
            }
            width[c] = Math.max(width[c], intWidth[c] + restWidth[c]);
        }
        var out = new StringBuilder();
        line(out, header.toArray(String[]::new), width, c -> align[c] == Align.RIGHT || numeric[c] && align[c] == Align.AUTO);
        int total = Arrays.stream(width).sum() + GAP.length() * (n - 1);
        out.append("─".repeat(Math.max(total, 1))).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            Interrupted.poll(r + 1);
            String[] cells = text[r].clone();
            for (int c = 0; c < n; c++) {
                if (numeric[c] && align[c] == Align.AUTO && rows.get(r)[c] instanceof Number) {
                    int split = decimalSplit(cells[c]);
                    // pad the fraction side so that the decimal points line up, then right-align
                    cells[c] = cells[c] + " ".repeat(restWidth[c] - (cells[c].length() - split));
                }
            }
            final int row = r;
            line(out, cells, width, c -> align[c] == Align.RIGHT
                    || numeric[c] && align[c] == Align.AUTO && rows.get(row)[c] instanceof Number);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width, java.util.function.IntPredicate right) {
        var line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append(GAP);
            boolean last = c == cells.length - 1;
            String pad = " ".repeat(Math.max(0, width[c] - width(cells[c])));
            if (right.test(c)) line.append(pad).append(cells[c]);
            else line.append(cells[c]).append(last ? "" : pad);  // trailing spaces would only be stripped
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') end--;
        out.append(line, 0, end).append('\n');
    }

    /** Index where a formatted number's integer part ends ('.' or 'e', else its length). */
    private static int decimalSplit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '.' || ch == 'e') return i;
        }
        return s.length();
    }

    /**
     * The columns a string takes in a terminal: its code points, less combining marks
     * (Unicode categories Mn, Me) and zero-width format characters.
     */
    public static int width(String s) {
        return (int) s.codePoints().filter(cp -> {
            int t = Character.getType(cp);
            return t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK && t != Character.FORMAT;
        }).count();
    }

    /** {@code s} padded with spaces on the right to {@link #width} {@code w}. */
    public static String padRight(String s, int w) {
        return s + " ".repeat(Math.max(0, w - width(s)));
    }

    /**
     * A number with {@code digits} significant digits and no trailing zeros: {@code 0.5},
     * {@code -1.2}, {@code 3}, {@code 1.5e-07}, {@code 2.5e+10}; {@code NaN}, {@code ∞}, {@code -∞}.
     */
    public static String number(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits));
        double m = Math.abs(d.doubleValue());
        if (m >= 1e-4 && m < 1e6) return d.stripTrailingZeros().toPlainString();
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** {@link #number(double, int)} with 6 significant digits. */
    public static String number(double v) {
        return number(v, 6);
    }
}
