package dotbar.repl;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One line that redraws itself while a long run goes on (an optimizer's {@code step(n)} that takes
 * more than a second), and disappears when it ends:
 * {@code [██████████░░░░░░░░░░]  52%  520 000 / 1 000 000 steps  2.1 s, about 1.9 s left}.
 * Only on terminals that can return to the start of a line; a dumb terminal gets no bar.
 */
final class ProgressBar {

    /** Narrower than this, the bar is left out and only the numbers are drawn. */
    private static final int MIN_BAR = 10;

    private final PrintWriter screen;
    private final IntSupplier columns;
    private final boolean capable;
    private boolean drawn;
    private int lastColumns = Repl.DEFAULT_COLUMNS;

    /**
     * @param screen  where to draw
     * @param columns the terminal's width now (it may change while the run goes on)
     * @param capable whether the terminal understands a carriage return and "erase to the end of the line"
     */
    ProgressBar(PrintWriter screen, IntSupplier columns, boolean capable) {
        this.screen = screen;
        this.columns = columns;
        this.capable = capable;
    }

    /** Draws the run's state, or erases the bar when the run has {@code finished}. */
    synchronized void show(long done, long total, double seconds, boolean finished) {
        if (!capable) {
            return;
        }
        if (finished) {
            if (drawn) {
                screen.print("\r\u001b[K");
                screen.flush();
                drawn = false;
            }
            return;
        }
        int width;
        try {
            width = columns.getAsInt();
            lastColumns = width;
        } catch (RuntimeException | java.io.IOError cannotTell) {
            width = lastColumns; // a bar must never be what a run fails with
        }
        screen.print("\r" + line(done, total, seconds, Math.max(1, width - 1)) + "\u001b[K");
        screen.flush();
        drawn = true;
    }

    /** The bar's text, at most {@code width} characters when it can be. */
    static String line(long done, long total, double seconds, int width) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        String numbers = String.format(Locale.ROOT, "%3d%%  %s / %s steps  %s", (int) Math.floor(100 * fraction),
                Display.count(done), Display.count(total), time(seconds));
        if (done > 0 && done < total) {
            numbers += ", about " + time(seconds * (total - done) / done) + " left";
        }
        int bar = width - numbers.length() - 4;
        if (bar < MIN_BAR) {
            return numbers.length() <= width ? numbers : numbers.substring(0, width);
        }
        int full = (int) Math.round(bar * fraction);
        return "[" + "█".repeat(full) + "░".repeat(bar - full) + "]  " + numbers;
    }

    private static String time(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
