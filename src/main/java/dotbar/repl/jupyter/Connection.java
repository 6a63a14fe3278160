package dotbar.repl.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A kernel's connection file, as a Jupyter client writes it before starting the kernel:
 * {@code {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, …, "key": "…",
 * "signature_scheme": "hmac-sha256"}}. The kernel binds its five sockets to exactly these
 * addresses and nothing else.
 */
record Connection(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
                  int controlPort, int hbPort, String key, String signatureScheme) {

    /** A connection file that cannot be used; the message says which and why. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Reads and checks the file. */
    static Connection read(Path file) throws Invalid {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new Invalid("no such connection file: " + file);
        } catch (IOException e) {
            throw new Invalid("cannot read the connection file " + file + ": " + e.getMessage());
        }
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new Invalid(file + " is not a connection file: it holds no JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new Invalid(file + " is not a connection file: its JSON does not parse ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
        }
        String transport = text(json, file, "transport", "tcp");
        if (!transport.equals("tcp") && !transport.equals("ipc")) {
            throw new Invalid(file + ": transport \"" + transport + "\" is not tcp or ipc");
        }
        String scheme = text(json, file, "signature_scheme", "hmac-sha256");
        if (!scheme.equals("hmac-sha256")) {
            throw new Invalid(file + ": signature_scheme \"" + scheme + "\" is not supported (only hmac-sha256)");
        }
        return new Connection(transport, text(json, file, "ip", null),
                port(json, file, "shell_port"), port(json, file, "iopub_port"), port(json, file, "stdin_port"),
                port(json, file, "control_port"), port(json, file, "hb_port"),
                text(json, file, "key", ""), scheme);
    }

    private static String text(JsonObject json, Path file, String name, String fallback) throws Invalid {
        JsonElement e = json.get(name);
        if (e == null || e.isJsonNull()) {
            if (fallback == null) {
                throw new Invalid(file + ": \"" + name + "\" is missing");
            }
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new Invalid(file + ": \"" + name + "\" must be a string, not " + e);
        }
        return e.getAsString();
    }

    private static int port(JsonObject json, Path file, String name) throws Invalid {
        JsonElement e = json.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new Invalid(file + ": \"" + name + "\" is " + (e == null ? "missing" : "not a number: " + e));
        }
        double port = e.getAsDouble();
        if (port != Math.rint(port) || port < 1 || port > 65535) {
            throw new Invalid(file + ": \"" + name + "\" is " + e + ", not a port (1 to 65535)");
        }
        return (int) port;
    }

    /** The ZeroMQ address of a port: {@code tcp://127.0.0.1:53794}, or {@code ipc://IP-PORT} for ipc. */
    String address(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : "tcp://" + ip + ":" + port;
    }
}
