package dotbar.repl.jupyter;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;

/**
 * What a cell prints on {@code System.out} or {@code System.err}, sent to the clients as
 * {@code stream} messages as it comes: on every flush ({@code println} flushes), when 8 KiB are
 * waiting, and every 50 ms by the kernel's flusher. Bytes are read as UTF-8; bytes that are no
 * UTF-8 ("binary output") become U+FFFD, and a character split across writes is kept until its
 * last byte arrives. A cell's output is capped ({@link Budget}): past the cap it is counted, not sent.
 */
final class StreamOutput extends OutputStream {

    /** How many characters of output one cell may send, over both streams. */
    static final class Budget {
        private final long limit;
        private long used;
        private long dropped;

        Budget(long limit) {
            this.limit = limit;
        }

        synchronized void reset() {
            used = 0;
            dropped = 0;
        }

        /** How many of {@code n} characters may still be sent; the rest is counted as dropped. */
        synchronized int take(int n) {
            long allowed = Math.max(0, Math.min(n, limit - used));
            used += allowed;
            dropped += n - allowed;
            return (int) allowed;
        }

        synchronized long dropped() {
            return dropped;
        }

        long limit() {
            return limit;
        }
    }

    private static final int CHUNK = 8192;

    private final String name;
    private final Iopub iopub;
    private final Budget budget;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer undecoded = ByteBuffer.allocate(CHUNK);
    private final CharBuffer decoded = CharBuffer.allocate(CHUNK * 2);
    private final StringBuilder pending = new StringBuilder();

    /**
     * @param name {@code stdout} or {@code stderr}
     */
    StreamOutput(String name, Iopub iopub, Budget budget) {
        this.name = name;
        this.iopub = iopub;
        this.budget = budget;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, undecoded.remaining());
            undecoded.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
        if (pending.length() >= CHUNK) {
            flush();
        }
    }

    private void decode(boolean end) {
        undecoded.flip();
        while (true) {
            var result = decoder.decode(undecoded, decoded, end);
            decoded.flip();
            int allowed = budget.take(decoded.remaining());
            pending.append(decoded, 0, allowed);
            decoded.clear();
            if (!result.isOverflow()) {
                break;
            }
        }
        undecoded.compact(); // keeps the first bytes of a character not yet complete
    }

    /** Sends what is waiting. */
    @Override
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.addProperty("text", pending.toString());
        pending.setLength(0);
        iopub.send("stream", c);
    }
}
