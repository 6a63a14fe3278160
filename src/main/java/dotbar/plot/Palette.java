package dotbar.plot;

import java.awt.Color;

/**
 * The look of series number {@code i}: a marker character for the terminal (so series stay
 * apart without colour), an ANSI colour for the terminal and the same colour for files.
 * {@link #MUTED} is the grey of contour lines and axes' helpers.
 */
final class Palette {
    static final String RESET = "\u001b[0m";
    /** The style index of contour lines. */
    static final int MUTED = 1000;

    private static final char[] MARKERS = {'•', '+', 'x', 'o', '#', '@', '%', '&'};
    private static final String[] ANSI = {"34", "31", "32", "35", "33", "36"};
    private static final Color[] AWT = {
            new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(230, 140, 0), new Color(23, 170, 190)};

    private Palette() {}

    static final Palette INSTANCE = new Palette();

    static char marker(int i) { return MARKERS[i % MARKERS.length]; }

    String ansi(int style) {
        return style == MUTED ? "\u001b[90m" : "\u001b[" + ANSI[style % ANSI.length] + "m";
    }

    static Color awt(int style) {
        return style == MUTED ? new Color(140, 140, 140) : AWT[style % AWT.length];
    }
}
