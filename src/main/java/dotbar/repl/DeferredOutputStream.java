package dotbar.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose destination is connected later; what is written before is kept and
 * passed on at connection. Lets the JShell session start while the terminal is still being opened.
 */
final class DeferredOutputStream extends OutputStream {

    private ByteArrayOutputStream early = new ByteArrayOutputStream();
    private OutputStream target;

    /** Sends what was written so far, then everything else, to {@code target}. */
    synchronized void connect(OutputStream target) throws IOException {
        early.writeTo(target);
        target.flush();
        early = null;
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (target == null) {
            early.write(b);
        } else {
            target.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (target == null) {
            early.write(b, off, len);
        } else {
            target.write(b, off, len);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (target != null) {
            target.flush();
        }
    }
}
