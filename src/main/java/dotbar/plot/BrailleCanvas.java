package dotbar.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of terminal cells, each a Unicode braille character of 2×4 dots, so a canvas of
 * {@code w × h} cells has {@code 2w × 4h} dots. Dot {@code (px, py)} counts from the top-left
 * corner: {@code px} to the right, {@code py} downwards.
 *
 * <p>Braille cell U+2800 + bits, with the dots of a cell numbered (ISO/TR 11548-1)
 * <pre>
 *   1 4        0x01 0x08
 *   2 5   as   0x02 0x10
 *   3 6        0x04 0x20
 *   7 8        0x40 0x80
 * </pre>
 * A cell may instead hold a marker character (a path's or a legend's symbol), which hides its
 * dots. Each cell remembers the style index of whatever was drawn last into it, so that each
 * series can have its own colour.
 */
final class BrailleCanvas {
    /** The bit of dot (column, row) inside a cell, indexed [row][column]. */
    private static final int[][] BIT = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    static final char BLANK = '\u2800';

    private final int width;
    private final int height;
    private final int[] bits;
    private final char[] marker;
    private final int[] style;

    BrailleCanvas(int width, int height) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("canvas " + width + "×" + height);
        this.width = width;
        this.height = height;
        bits = new int[width * height];
        marker = new char[width * height];
        style = new int[width * height];
        java.util.Arrays.fill(style, -1);
    }

    int width() { return width; }
    int height() { return height; }
    int dotWidth() { return 2 * width; }
    int dotHeight() { return 4 * height; }

    /** Lights dot (px, py) in {@code styleIndex}; dots off the canvas are ignored. */
    void dot(int px, int py, int styleIndex) {
        if (px < 0 || py < 0 || px >= 2 * width || py >= 4 * height) return;
        int cell = (py / 4) * width + px / 2;
        bits[cell] |= BIT[py % 4][px % 2];
        style[cell] = styleIndex;
    }

    /** True when dot (px, py) is lit. */
    boolean isLit(int px, int py) {
        int cell = (py / 4) * width + px / 2;
        return (bits[cell] & BIT[py % 4][px % 2]) != 0;
    }

    /** Lights the dots of the straight segment between two dots; see {@link #walk}. */
    void line(int x0, int y0, int x1, int y1, int styleIndex) {
        walk(x0, y0, x1, y1, (px, py) -> dot(px, py, styleIndex));
    }

    /** Receives the dots of a segment. */
    interface DotVisitor {
        void visit(int px, int py);
    }

    /**
     * Visits the dots of the straight segment between two dots, both ends included (Bresenham).
     * The caller clips the segment to the canvas first (see {@link Clip}), so its length is bounded.
     */
    static void walk(int x0, int y0, int x1, int y1, DotVisitor visitor) {
        int dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            visitor.visit(x0, y0);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /** Puts {@code c} into cell (column, row), hiding its dots; cells off the canvas are ignored. */
    void mark(int column, int row, char c, int styleIndex) {
        if (column < 0 || row < 0 || column >= width || row >= height) return;
        marker[row * width + column] = c;
        style[row * width + column] = styleIndex;
    }

    /** The character shown in cell (column, row). */
    char charAt(int column, int row) {
        int cell = row * width + column;
        return marker[cell] != 0 ? marker[cell] : (char) (BLANK + bits[cell]);
    }

    /** The style index of what was drawn last in cell (column, row), or −1 for an empty cell. */
    int styleAt(int column, int row) {
        return style[row * width + column];
    }

    /** The rows as text; with {@code colours} non-null, each run of one style is wrapped in its ANSI colour. */
    List<String> rows(Palette colours) {
        var rows = new ArrayList<String>(height);
        for (int r = 0; r < height; r++) {
            var sb = new StringBuilder();
            int current = -1;
            for (int c = 0; c < width; c++) {
                int s = styleAt(c, r);
                if (colours != null && s != current) {
                    if (current >= 0) sb.append(Palette.RESET);
                    if (s >= 0) sb.append(colours.ansi(s));
                    current = s;
                }
                sb.append(charAt(c, r));
            }
            if (colours != null && current >= 0) sb.append(Palette.RESET);
            rows.add(sb.toString());
        }
        return rows;
    }
}
