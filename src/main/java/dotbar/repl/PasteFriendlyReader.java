package dotbar.repl;

import java.io.IOException;
import java.util.Map;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader, redrawing the line only when no more keys are waiting. JLine redraws after
 * every key, and a redraw measures the whole line, so a line pasted character by character (a
 * terminal without bracketed paste, tmux {@code send-keys}) cost time quadratic in its length: 10 000
 * characters took 24 s. Redrawing once the keys already typed have been read makes a paste one redraw
 * at its end (and at each line's accept, which JLine draws through {@code redisplay(false)}, kept).
 */
final class PasteFriendlyReader extends LineReaderImpl {

    PasteFriendlyReader(Terminal terminal, String appName, Map<String, Object> variables) {
        super(terminal, appName, variables);
    }

    @Override
    protected void redisplay(boolean flush) {
        if (flush && keysWaiting()) {
            return; // the next key's redraw (or the last one's) shows this state too
        }
        super.redisplay(flush);
    }

    private boolean keysWaiting() {
        try {
            return terminal.reader().peek(1) >= 0; // waits at most 1 ms: typing is unaffected
        } catch (IOException e) {
            return false;
        }
    }
}
