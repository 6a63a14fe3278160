package dotbar.plot;

import dotbar.base.DotbarException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * What a terminal picture is drawn for: the width in columns, the height in rows (0: unknown; a
 * plot's body then fits on one screen), ANSI colours (shown only while the {@code NO_COLOR}
 * environment variable is unset) and the character set (a picture needs braille, U+2800–U+28FF;
 * a terminal whose charset cannot show it gets a line saying so instead). Passed to
 * {@link Plot#render(Terminal)}; printing a plot uses the session's terminal
 * ({@link Plot#session()}, which the REPL sets).
 *
 * <pre>{@code
 * plot("sin(x)", "x", -3, 3).render(new Terminal(60, 0, true))
 * }</pre>
 */
public record Terminal(int columns, int rows, boolean color, Charset charset) {
    /** 80 columns, height unknown, no colour, UTF-8: the default of a session nobody has set up. */
    public static final Terminal DEFAULT = new Terminal(80, 0, false);

    /** The environment as the colour switch reads it; tests replace it. */
    static volatile UnaryOperator<String> environment = System::getenv;

    public Terminal {
        if (columns < 1) throw new DotbarException("terminal: " + columns + " columns");
        if (rows < 0) throw new DotbarException("terminal: " + rows + " rows");
        if (charset == null) throw new DotbarException("terminal: charset is null");
    }

    /** A UTF-8 terminal. */
    public Terminal(int columns, int rows, boolean color) {
        this(columns, rows, color, StandardCharsets.UTF_8);
    }

    /** This terminal, {@code n} columns wide. */
    public Terminal withColumns(int n) { return new Terminal(n, rows, color, charset); }

    /** This terminal, {@code n} rows high (0: unknown). */
    public Terminal withRows(int n) { return new Terminal(columns, n, color, charset); }

    /** This terminal with colours on or off. */
    public Terminal withColor(boolean on) { return new Terminal(columns, rows, on, charset); }

    /** True when pictures are drawn with ANSI colours: switched on and {@code NO_COLOR} not set. */
    public boolean colorShown() {
        String noColor = environment.apply("NO_COLOR");
        return color && (noColor == null || noColor.isEmpty());
    }

    /** True when the charset can show braille, the dots every picture is drawn with. */
    public boolean showsBraille() {
        return charset.newEncoder().canEncode('\u28FF');
    }

    /** The body height of a picture {@code cols} wide: 8 to 16 rows, fitted to the screen with its axes when the height is known. */
    int bodyRows(int cols) {
        int body = Math.max(8, Math.min(16, cols / 5));
        return rows > 0 ? Math.max(6, Math.min(body, rows - 10)) : body;
    }
}
