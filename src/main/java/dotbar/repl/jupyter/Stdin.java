package dotbar.repl.jupyter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

/**
 * A cell's standard input: {@code System.in} reads become {@code input_request}s on the stdin
 * channel to the client that sent the running {@code execute_request}, one line per request, when
 * that request allows stdin ({@code allow_stdin}); otherwise reads end at once (end of file), as
 * for a script whose input is empty.
 *
 * <p>The cell's thread never touches the socket (it is interrupted when the cell is stopped, and
 * ZeroMQ's pipes close on an interrupt): it queues the request and waits; this class's thread sends
 * it and waits for the {@code input_reply}. A stopped cell stops waiting at once.
 */
final class Stdin extends InputStream {

    private record Request(Message execute, CompletableFuture<String> line) { }

    private final ZMQ.Socket socket;
    private final Signer signer;
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile Message execute;
    private byte[] pending = new byte[0];
    private int next;

    Stdin(ZMQ.Socket socket, Signer signer) {
        this.socket = socket;
        this.signer = signer;
    }

    /** The execute request now running ({@code null} between cells); its {@code allow_stdin} decides. */
    synchronized void cell(Message request) {
        execute = request;
        pending = new byte[0];
        next = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[next++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, pending.length - next);
        System.arraycopy(pending, next, b, off, n);
        next += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return pending.length - next;
    }

    /** Makes sure bytes are waiting: asks the client for a line when allowed; false at end of input. */
    private boolean fill() throws IOException {
        if (next < pending.length) {
            return true;
        }
        Message request = execute;
        if (request == null || !request.content().has("allow_stdin") || !request.content().get("allow_stdin").getAsBoolean()) {
            return false;
        }
        CompletableFuture<String> line = new CompletableFuture<>();
        requests.add(new Request(request, line));
        try {
            pending = (line.get() + "\n").getBytes(StandardCharsets.UTF_8);
            next = 0;
            return true;
        } catch (InterruptedException e) {
            line.cancel(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for input");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** The channel's thread: sends each request and waits for its reply. */
    void serve(java.util.function.BooleanSupplier running) {
        socket.setReceiveTimeOut(200);
        while (running.getAsBoolean()) {
            Request r;
            try {
                r = requests.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                continue;
            }
            JsonObject content = new JsonObject();
            content.addProperty("prompt", "");
            content.addProperty("password", false);
            Wire.send(socket, r.execute().reply("input_request", content), signer);
            while (running.getAsBoolean() && !r.line().isDone()) {
                var frames = Wire.receive(socket);
                if (frames == null) {
                    continue;
                }
                try {
                    Message reply = Message.decode(frames, signer);
                    if (reply.type().equals("input_reply")) {
                        r.line().complete(reply.content().has("value") ? reply.content().get("value").getAsString() : "");
                    }
                } catch (SecurityException | Message.Malformed e) {
                    // dropped, as on the other channels; the cell keeps waiting for a good reply
                }
            }
        }
    }
}
