package dotbar.repl.jupyter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dotbar.base.Displays;
import dotbar.optim.Optimizer;
import dotbar.plot.Plot;
import dotbar.repl.Cells;
import dotbar.repl.Session;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A Jupyter kernel around one dotbar {@link Session}: the five channels of the messaging protocol
 * (5.3) on JeroMQ, bound to the connection file's addresses only.
 *
 * <ul>
 * <li><b>shell</b> (this thread): {@code execute_request} runs the cell through {@link Cells}, as the
 *     prompt would; {@code complete}, {@code inspect}, {@code is_complete}, {@code history},
 *     {@code kernel_info}, {@code comm_info} requests;
 * <li><b>control</b> (its own thread, so it is heard while a cell runs): {@code interrupt_request}
 *     stops the running cell ({@link Session#stop()}, as Ctrl-C does; SIGINT does the same),
 *     {@code shutdown_request} ends the kernel (a client that asked for a restart starts a new one);
 * <li><b>iopub</b>: status, the cell's input, streams as they come, displays, results, errors;
 * <li><b>stdin</b>: a cell's {@code System.in} reads ask the client for lines ({@link Stdin}) when the
 *     request allows it, else they end at once;
 * <li><b>heartbeat</b>: echoes. Once a client has pinged, a minute without a ping means it is gone
 *     and the kernel exits; so it does when the process that started it ends.
 * </ul>
 *
 * Every incoming message's HMAC is checked; one that is unsigned or wrongly signed is dropped
 * and logged on the kernel's standard error, as is one that is not a protocol message.
 */
final class Kernel {

    /**
     * Silence of a heartbeat that has been pinged before, after which the client counts as gone
     * (clients ping every few seconds); the system property {@code dotbar.kernel.heartbeat} sets
     * another number of seconds (tests shorten it).
     */
    static final int HEARTBEAT_LOST_SECONDS = Integer.getInteger("dotbar.kernel.heartbeat", 60);
    /** Characters one cell may print; the rest is counted and reported (the kernel stays up). */
    static final long OUTPUT_LIMIT = 1_000_000;

    private final Connection connection;
    private final Signer signer;
    private final PrintStream log;
    private final ZContext context = new ZContext(1);
    private final List<String[]> history = new ArrayList<>(); // [execution count, input]
    private final AtomicLong lastPing = new AtomicLong();
    private final StreamOutput.Budget budget = new StreamOutput.Budget(OUTPUT_LIMIT);
    private volatile boolean running = true;
    private volatile boolean executing;
    /** Counts the cells run, so that an interrupt meant for one cell never stops the next. */
    private volatile long cellNumber;
    private int executionCount;
    private Iopub iopub;
    private StreamOutput stdout;
    private StreamOutput stderr;
    private Stdin stdin;
    private Session session;
    private Cells cells;

    Kernel(Connection connection, PrintStream log) {
        this.connection = connection;
        this.signer = new Signer(connection.key());
        this.log = log;
    }

    /**
     * Binds the sockets, starts the session and serves until shut down.
     *
     * @return the exit status: 0 after a shutdown request or a lost client, 2 when a port cannot be bound
     */
    int run() {
        watchParent(); // first: the parent may go while the session starts
        ZMQ.Socket shell;
        ZMQ.Socket control;
        ZMQ.Socket heartbeat;
        ZMQ.Socket stdinSocket;
        try {
            shell = bind(SocketType.ROUTER, connection.shellPort(), "shell");
            control = bind(SocketType.ROUTER, connection.controlPort(), "control");
            stdinSocket = bind(SocketType.ROUTER, connection.stdinPort(), "stdin");
            heartbeat = bind(SocketType.REP, connection.hbPort(), "heartbeat");
            iopub = new Iopub(bind(SocketType.PUB, connection.iopubPort(), "iopub"), signer);
        } catch (BindFailed e) {
            log.println("dotbar kernel: " + e.getMessage());
            context.close();
            return 2;
        }
        stdout = new StreamOutput("stdout", iopub, budget);
        stderr = new StreamOutput("stderr", iopub, budget);
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        stdin = new Stdin(stdinSocket, signer);
        System.setIn(stdin);
        Plot.session(new dotbar.plot.Terminal(80, 0, false));
        session = new Session(out, err);
        cells = new Cells(session, out);
        Displays.install(this::display);
        Optimizer.onProgress(new ProgressDisplay(iopub, this::flushStreams));
        List<Thread> threads = List.of(daemon("dotbar-heartbeat", () -> heartbeat(heartbeat)),
                daemon("dotbar-control", () -> serve(control, "control")), daemon("dotbar-flush", this::flushLoop),
                daemon("dotbar-stdin", () -> stdin.serve(() -> running)));
        iopub.status("starting", new JsonObject());
        iopub.status("idle", new JsonObject());
        serve(shell, "shell");
        // a shutdown request: the channels' loops end within their receive timeouts, then the sockets
        // close, sending what is still queued (the shutdown reply) within their linger time
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optimizer.onProgress(null);
        Displays.install(null);
        session.close();
        iopub.close();
        context.close();
        return 0;
    }

    private static final class BindFailed extends Exception {
        BindFailed(String message) {
            super(message);
        }
    }

    private ZMQ.Socket bind(SocketType type, int port, String channel) throws BindFailed {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(1000);
        String address = connection.address(port);
        try {
            socket.bind(address);
        } catch (ZMQException | IllegalArgumentException e) {
            throw new BindFailed("cannot bind the " + channel + " channel to " + address + ": "
                    + (e instanceof ZMQException z && z.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode()
                    ? "the port is in use" : e.getMessage()));
        }
        return socket;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---- channels -------------------------------------------------------------------------

    /** Serves one ROUTER channel until shutdown. Only this thread touches {@code socket}. */
    private void serve(ZMQ.Socket socket, String channel) {
        socket.setReceiveTimeOut(200);
        while (running) {
            List<byte[]> frames;
            try {
                frames = Wire.receive(socket);
            } catch (ZMQException e) {
                if (!running) {
                    return;
                }
                throw e;
            }
            if (frames == null) {
                continue;
            }
            Message request;
            try {
                request = Message.decode(frames, signer);
            } catch (SecurityException e) {
                log.println("dotbar kernel: dropped " + e.getMessage() + " on the " + channel + " channel");
                continue;
            } catch (Message.Malformed e) {
                log.println("dotbar kernel: dropped a malformed message on the " + channel + " channel: " + e.getMessage());
                continue;
            }
            try {
                handle(socket, channel, request);
            } catch (RuntimeException | LinkageError bug) {
                // a bug of ours: the client gets an error reply, the kernel stays up
                log.println("dotbar kernel: internal error on " + request.type() + ": " + bug);
                bug.printStackTrace(log);
                reply(socket, request, request.type().replace("_request", "_reply"), error("InternalError", bug.toString(), List.of(bug.toString())));
            }
        }
    }

    private void handle(ZMQ.Socket socket, String channel, Message request) {
        String type = request.type();
        iopub.status("busy", request.header());
        try {
            switch (type) {
                case "execute_request" -> execute(socket, request);
                case "kernel_info_request" -> reply(socket, request, "kernel_info_reply", kernelInfo());
                case "complete_request" -> reply(socket, request, "complete_reply", complete(request.content()));
                case "inspect_request" -> reply(socket, request, "inspect_reply", inspect(request.content()));
                case "is_complete_request" -> reply(socket, request, "is_complete_reply", isComplete(request.content()));
                case "history_request" -> reply(socket, request, "history_reply", history(request.content()));
                case "comm_info_request" -> {
                    JsonObject c = ok();
                    c.add("comms", new JsonObject());
                    reply(socket, request, "comm_info_reply", c);
                }
                case "interrupt_request" -> {
                    interrupt();
                    reply(socket, request, "interrupt_reply", ok());
                }
                case "shutdown_request" -> shutdown(socket, request);
                default -> log.println("dotbar kernel: ignored a " + type + " on the " + channel + " channel (not supported)");
            }
        } finally {
            iopub.status("idle", request.header());
        }
    }

    /** A reply goes out after the outputs it concludes (only shell and control threads call this). */
    private void reply(ZMQ.Socket socket, Message request, String type, JsonObject content) {
        iopub.sync();
        Wire.send(socket, request.reply(type, content), signer);
    }

    private static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    private static JsonObject error(String ename, String evalue, List<String> traceback) {
        JsonObject c = new JsonObject();
        c.addProperty("status", "error");
        c.addProperty("ename", ename);
        c.addProperty("evalue", evalue);
        JsonArray t = new JsonArray();
        traceback.forEach(t::add);
        c.add("traceback", t);
        return c;
    }

    // ---- execute ----------------------------------------------------------------------------

    private void execute(ZMQ.Socket socket, Message request) {
        JsonObject content = request.content();
        String code = text(content, "code", "");
        boolean silent = content.has("silent") && content.get("silent").getAsBoolean();
        boolean store = !silent && (!content.has("store_history") || content.get("store_history").getAsBoolean());
        if (store) {
            executionCount++;
        }
        iopub.parent(request);
        JsonObject input = new JsonObject();
        input.addProperty("code", code);
        input.addProperty("execution_count", executionCount);
        Cells.Outcome outcome;
        cellNumber++;
        // executing before the input is published: a client interrupts once it sees execute_input
        executing = true;
        iopub.send("execute_input", input);
        budget.reset();
        stdin.cell(request);
        try {
            outcome = cells.run(code);
        } finally {
            executing = false;
            stdin.cell(null);
            flushStreams();
        }
        if (budget.dropped() > 0) {
            JsonObject note = new JsonObject();
            note.addProperty("name", "stderr");
            note.addProperty("text", "\n… " + budget.dropped() + " more characters of output were not shown (a cell shows at most "
                    + budget.limit() + ")\n");
            iopub.send("stream", note);
        }
        if (store) {
            history.add(new String[] {String.valueOf(executionCount), code});
        }
        JsonObject reply;
        if (outcome.failure() != null) {
            Cells.Failure f = outcome.failure();
            reply = error(f.ename(), f.evalue(), f.traceback());
            if (!silent) {
                JsonObject e = error(f.ename(), f.evalue(), f.traceback());
                e.remove("status");
                iopub.send("error", e);
            }
        } else {
            if (outcome.shown() != null && !silent) {
                JsonObject result = new JsonObject();
                result.addProperty("execution_count", executionCount);
                result.add("data", MimeBundle.of(outcome.shown().value(), outcome.shown().text(), outcome.shown().name()));
                result.add("metadata", new JsonObject());
                iopub.send("execute_result", result);
            }
            reply = ok();
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", new JsonObject());
        }
        reply.addProperty("execution_count", executionCount);
        reply(socket, request, "execute_reply", reply);
    }

    /** {@code display(x)} in a cell: the value's bundle below the cell, after what it printed so far. */
    private void display(Object value) {
        flushStreams();
        JsonObject d = new JsonObject();
        d.add("data", MimeBundle.of(value, String.valueOf(value), null));
        d.add("metadata", new JsonObject());
        d.add("transient", new JsonObject());
        iopub.send("display_data", d);
    }

    private void flushStreams() {
        System.out.flush(); // the cell's System.out is ours while it runs; a stream it wrapped may hold bytes
        stdout.flush();
        stderr.flush();
    }

    private void flushLoop() {
        while (running) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            stdout.flush();
            stderr.flush();
        }
    }

    /**
     * Stops the running cell, as Ctrl-C does at the prompt; between cells it does nothing. A client
     * may interrupt as soon as it sees the cell's {@code execute_input}, before the cell's first
     * snippet is under way (on a loaded machine the cell is still being read then), when the
     * session has nothing to stop yet. So the request is repeated until a snippet of this cell takes
     * it, or this cell ends; never for the next cell.
     */
    void interrupt() {
        if (!executing) return;
        long cell = cellNumber;
        if (session.stop()) return;
        Thread retry = new Thread(() -> {
            while (executing && cellNumber == cell && !session.stop()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dotbar-interrupt");
        retry.setDaemon(true);
        retry.start();
    }

    private void shutdown(ZMQ.Socket socket, Message request) {
        boolean restart = request.content().has("restart") && request.content().get("restart").getAsBoolean();
        JsonObject c = ok();
        c.addProperty("restart", restart);
        reply(socket, request, "shutdown_reply", c);
        iopub.send("shutdown_reply", c, request.header());
        running = false; // the shell loop ends (after the running cell, which is stopped) and closes up
        interrupt();
    }

    // ---- requests answered from the session -----------------------------------------------------

    private JsonObject kernelInfo() {
        JsonObject c = ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "dotbar");
        c.addProperty("implementation_version", KernelMain.version());
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().feature() + "");
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".jsh");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        c.add("language_info", language);
        c.addProperty("banner", "dotbar " + KernelMain.version() + " — JShell " + Runtime.version()
                + " with the dotbar DSL (parse, diff, grad, optimizers, plots)");
        c.addProperty("debugger", false);
        c.add("help_links", new JsonArray());
        return c;
    }

    private JsonObject complete(JsonObject content) {
        String code = text(content, "code", "");
        int cursor = Unicode.toIndex(code, content.has("cursor_pos") ? content.get("cursor_pos").getAsInt() : code.codePointCount(0, code.length()));
        Cells.Completion completion = cells.complete(code, cursor);
        JsonObject c = ok();
        JsonArray matches = new JsonArray();
        completion.matches().forEach(matches::add);
        c.add("matches", matches);
        c.addProperty("cursor_start", Unicode.toCodePoints(code, completion.start()));
        c.addProperty("cursor_end", Unicode.toCodePoints(code, completion.end()));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject inspect(JsonObject content) {
        String code = text(content, "code", "");
        int cursor = Unicode.toIndex(code, content.has("cursor_pos") ? content.get("cursor_pos").getAsInt() : code.length());
        String docs = cells.inspect(code, cursor);
        JsonObject c = ok();
        c.addProperty("found", docs != null);
        JsonObject data = new JsonObject();
        if (docs != null) {
            data.addProperty("text/plain", docs);
        }
        c.add("data", data);
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject isComplete(JsonObject content) {
        JsonObject c = new JsonObject();
        boolean incomplete = cells.incomplete(text(content, "code", ""));
        c.addProperty("status", incomplete ? "incomplete" : "complete");
        if (incomplete) {
            c.addProperty("indent", "    ");
        }
        return c;
    }

    /** This kernel's inputs, as session 0: {@code tail}, {@code range} and {@code search} (glob, {@code *} and {@code ?}). */
    private JsonObject history(JsonObject content) {
        String access = text(content, "hist_access_type", "tail");
        List<String[]> chosen = new ArrayList<>();
        switch (access) {
            case "range" -> {
                int start = content.has("start") ? content.get("start").getAsInt() : 1;
                int stop = content.has("stop") && !content.get("stop").isJsonNull() ? content.get("stop").getAsInt() : Integer.MAX_VALUE;
                history.stream().filter(h -> Integer.parseInt(h[0]) >= start && Integer.parseInt(h[0]) < stop).forEach(chosen::add);
            }
            case "search" -> {
                Pattern glob = glob(text(content, "pattern", "*"));
                history.stream().filter(h -> glob.matcher(h[1]).matches()).forEach(chosen::add);
            }
            default -> chosen.addAll(history);
        }
        if (content.has("n") && !content.get("n").isJsonNull() && !access.equals("range")) {
            int n = content.get("n").getAsInt();
            chosen = new ArrayList<>(chosen.subList(Math.max(0, chosen.size() - n), chosen.size()));
        }
        JsonArray entries = new JsonArray();
        for (String[] h : chosen) {
            JsonArray e = new JsonArray();
            e.add(0);
            e.add(Integer.parseInt(h[0]));
            e.add(h[1]);
            entries.add(e);
        }
        JsonObject c = ok();
        c.add("history", entries);
        return c;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String text(JsonObject o, String name, String fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    // ---- a client that is gone --------------------------------------------------------------------

    private void heartbeat(ZMQ.Socket socket) {
        socket.setReceiveTimeOut(1000);
        while (running) {
            byte[] ping;
            try {
                ping = socket.recv();
            } catch (ZMQException e) {
                return;
            }
            long now = System.nanoTime();
            if (ping != null) {
                lastPing.set(now);
                socket.send(ping);
            } else if (lastPing.get() != 0 && Duration.ofNanos(now - lastPing.get()).toSeconds() >= HEARTBEAT_LOST_SECONDS) {
                log.println("dotbar kernel: no heartbeat for " + HEARTBEAT_LOST_SECONDS + " s; the client is gone, exiting");
                Runtime.getRuntime().halt(0);
            }
        }
    }

    /** The launcher (a notebook server, {@code jupyter console}) ended without a shutdown request: so does the kernel. */
    private void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            if (running) {
                log.println("dotbar kernel: the process that started the kernel has ended; exiting");
                Runtime.getRuntime().halt(0);
            }
        }));
    }
}
