package dotbar.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered terminal plot read back: the body rows (right of the left axis), the axis line,
 * the tick-label line and the lines after it, and the braille dots of the body. Reading the
 * braille bits here is written from the Unicode chart (U+2800 + dot bits, ISO/TR 11548-1),
 * not from {@link BrailleCanvas}.
 */
record Picture(List<String> lines, int axisLine, int axisColumn, List<String> body, List<Integer> bodyLines) {

    static Picture of(String text) {
        var lines = List.of(text.split("\n", -1));
        int axisLine = -1, axisColumn = -1;
        for (int i = 0; i < lines.size(); i++) {
            int c = lines.get(i).indexOf('└');
            if (c >= 0) { axisLine = i; axisColumn = c; break; }
        }
        if (axisLine < 0) throw new AssertionError("no bottom axis in:\n" + text);
        var body = new ArrayList<String>();
        var bodyLines = new ArrayList<Integer>();
        for (int i = 0; i < axisLine; i++) {
            String l = lines.get(i);
            if (l.length() > axisColumn && (l.charAt(axisColumn) == '┤' || l.charAt(axisColumn) == '│')) {
                body.add(l.substring(axisColumn + 1));
                bodyLines.add(i);
            }
        }
        return new Picture(lines, axisLine, axisColumn, body, bodyLines);
    }

    int rows() { return body.size(); }

    int columns() { return body.get(0).length(); }

    char cell(int column, int row) { return body.get(row).charAt(column); }

    /** The label left of body row {@code row} (blank when none). */
    String leftLabel(int row) {
        return lines.get(bodyLines.get(row)).substring(0, axisColumn).strip();
    }

    String axis() { return lines.get(axisLine); }

    String tickLabels() { return lines.get(axisLine + 1); }

    /** True when dot (px, py) of the body is lit; marker cells count as unlit. */
    boolean dot(int px, int py) {
        char c = cell(px / 2, py / 4);
        if (c < 0x2800 || c > 0x28FF) return false;
        int bits = c - 0x2800;
        int[][] bit = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
        return (bits & bit[py % 4][px % 2]) != 0;
    }

    /** True when the cell shows anything: lit dots or a marker. */
    boolean inked(int column, int row) {
        char c = cell(column, row);
        return c != '\u2800' && c != ' ';
    }

    /** Where in the body (column, row) the character {@code c} first appears, or null. */
    int[] find(char c) {
        for (int r = 0; r < body.size(); r++) {
            int k = body.get(r).indexOf(c);
            if (k >= 0) return new int[]{k, r};
        }
        return null;
    }
}
