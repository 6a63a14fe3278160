package dotbar.plot;

import java.util.List;
import java.util.Map;

/**
 * The text around a plot's body: a title line, labels and ticks down the left side (each
 * labelled row gets {@code ┤}), the bottom axis with {@code ┬} ticks and their labels, the
 * name of the horizontal variable, and the legend. The body rows come drawn (and coloured)
 * already, each {@code bodyWidth} columns wide; every other part is plain text.
 *
 * <pre>
 *     y = x²
 *   4 ┤⡇⠀⠀⠀⠀⠀⢸
 *     │⠘⡄⠀⠀⠀⢠⠃
 *   0 ┤⠀⠈⠒⠤⠔⠁⠀
 *     └┬──┬──┬
 *     -2  0  2
 *         x
 * </pre>
 */
record Frame(String title, String yName, List<String> body, int bodyWidth, Map<Integer, String> leftLabels,
             List<Integer> tickColumns, List<String> tickLabels, String xName, List<String> legend) {

    /** The columns taken on the left by labels this long, their gap and the axis line. */
    static int margin(Iterable<String> labels) {
        int w = 0;
        for (String l : labels) w = Math.max(w, width(l));
        return w + 2;
    }

    static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    String render() {
        int margin = margin(leftLabels.values());
        var out = new StringBuilder();
        String head = pad(yName, margin) + centred(Format.fit(title, bodyWidth), bodyWidth);
        if (!head.isBlank()) out.append(head.stripTrailing()).append('\n');
        for (int r = 0; r < body.size(); r++) {
            String label = leftLabels.get(r);
            out.append(" ".repeat(margin - 2 - (label == null ? 0 : width(label))))
               .append(label == null ? "" : label)
               .append(' ').append(label == null ? '│' : '┤')
               .append(body.get(r)).append('\n');
        }
        var axis = new StringBuilder(" ".repeat(margin - 1)).append('└').append("─".repeat(bodyWidth));
        var labels = new StringBuilder();
        int end = -1;
        for (int k = 0; k < tickColumns.size(); k++) {
            int col = tickColumns.get(k);
            if (col < 0 || col >= bodyWidth) continue;
            axis.setCharAt(margin + col, '┬');
            String text = tickLabels.get(k);
            int start = Math.max(0, margin + col - width(text) / 2);
            if (start <= end || start + width(text) > margin + bodyWidth + 2) continue;  // would overlap: leave it out
            labels.append(" ".repeat(start - labels.length())).append(text);
            end = labels.length();
        }
        out.append(axis).append('\n');
        if (!labels.isEmpty()) out.append(labels).append('\n');
        if (!xName.isEmpty()) out.append((" ".repeat(margin) + centred(xName, bodyWidth)).stripTrailing()).append('\n');
        for (String l : legend) out.append("  ").append(l).append('\n');
        return out.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - width(s)));
    }

    private static String centred(String s, int w) {
        int left = Math.max(0, (w - width(s)) / 2);
        return " ".repeat(left) + s;
    }
}
