package dotbar.repl.jupyter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import org.zeromq.ZMQ;

/**
 * The IOPub channel: what every client sees (status, streams, results, displays, errors).
 *
 * <p>Messages come from several threads: the shell's, the stream flusher, the control channel, and
 * the cell's own thread ({@code display(x)}, progress). That last one is interrupted when the cell
 * is stopped, and ZeroMQ's sockets must not be touched from an interrupted thread (their NIO pipes
 * close on interrupt). So every message is queued, and one thread of this class sends them in
 * order; each names the request being handled as its parent.
 */
final class Iopub {

    private final ZMQ.Socket socket;
    private final Signer signer;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile JsonObject parent = new JsonObject();
    private volatile boolean open = true;

    Iopub(ZMQ.Socket socket, Signer signer) {
        this.socket = socket;
        this.signer = signer;
        this.sender = new Thread(this::sendLoop, "dotbar-iopub");
        sender.setDaemon(true);
        sender.start();
    }

    /** Messages from now on answer {@code request} (set when an execute request starts). */
    void parent(Message request) {
        parent = request.header();
    }

    /** Publishes a message of {@code type} under the current parent. */
    void send(String type, JsonObject content) {
        send(type, content, parent);
    }

    /** Publishes a message of {@code type} answering the request with header {@code parentHeader}. */
    void send(String type, JsonObject content, JsonObject parentHeader) {
        String session = parentHeader.has("session") ? parentHeader.get("session").getAsString() : "";
        queue.add(new Message(List.of(type.getBytes(StandardCharsets.UTF_8)),
                Message.newHeader(type, session), parentHeader, new JsonObject(), content));
    }

    /** {@code status: busy} or {@code idle} for the request with header {@code parentHeader}. */
    void status(String state, JsonObject parentHeader) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        send("status", c, parentHeader);
    }

    /**
     * Waits until everything queued so far has been handed to ZeroMQ: a reply on the shell channel
     * then follows the outputs it concludes. Called only from threads that are never interrupted.
     */
    void sync() {
        CountDownLatch sent = new CountDownLatch(1);
        queue.add(sent);
        try {
            if (!sent.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the iopub sender is stuck");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what is queued, then stops the sender; the socket is closed by its context. */
    void close() {
        sync();
        open = false;
        sender.interrupt();
    }

    private void sendLoop() {
        while (open) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            switch (next) {
                case Message m -> Wire.send(socket, m, signer);
                case CountDownLatch latch -> latch.countDown();
                default -> throw new IllegalStateException("not a message: " + next);
            }
        }
    }
}
