package dotbar.repl;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of strict UTF-8, whatever the platform encoding, one at a time so that a script
 * piped in runs while it arrives. Malformed bytes are an error, not a silent U+FFFD.
 */
final class Utf8Lines implements Closeable {

    /** Bytes that are not UTF-8, on a given line. */
    static final class NotUtf8 extends IOException {
        NotUtf8(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean first = true;

    Utf8Lines(InputStream in) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in);
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or {@code null} at the end. */
    String next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer output = CharBuffer.allocate(length + 1); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            throw new NotUtf8(String.format("not UTF-8 text (byte 0x%02X at column %d)",
                    bytes[input.position()] & 0xFF, output.position() + 1));
        }
        decoder.flush(output);
        String text = output.flip().toString();
        if (first && text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark is not part of the program
        }
        first = false;
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
