package dotbar.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Typing into the REPL through JLine's line discipline on in-memory streams, a dumb terminal: no
 * echo of the typed bytes (JLine itself shows what it reads, after the prompt), no line-end
 * translation, and Ctrl-C (byte 3) raising SIGINT as a real terminal does.
 */
final class Typing {

    private Typing() {
    }

    /** What the screen showed, with JLine's carriage returns removed, and the exit status. */
    record Screen(String text, int status) {
        boolean shows(String s) {
            return text.contains(s);
        }
    }

    /** Terminal modes with nothing but Ctrl-C raising SIGINT: no echo, no line-end translation. */
    static Attributes signals() {
        Attributes attributes = new Attributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        return attributes;
    }

    /** A dumb terminal of the given width (0: JLine's default) on these streams. */
    static Terminal terminal(InputStream in, OutputStream out, int columns) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(false).type("dumb").attributes(signals())
                .streams(in, out).encoding(StandardCharsets.UTF_8).build();
        if (columns > 0) {
            terminal.setSize(new Size(columns, 24));
        }
        return terminal;
    }

    /** Types {@code input} into a new REPL and returns the screen at its end. */
    static Screen type(String input, Path history) {
        return type(input.getBytes(StandardCharsets.UTF_8), history, 0);
    }

    /** Types bytes into a new REPL on a terminal {@code columns} wide. */
    static Screen type(byte[] input, Path history, int columns) {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(new ByteArrayInputStream(input), screen, columns)) {
            int status = new Repl(terminal, history).run();
            terminal.flush();
            return new Screen(text(screen), status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
    }
}
