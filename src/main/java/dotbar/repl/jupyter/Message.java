package dotbar.repl.jupyter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One message of the Jupyter messaging protocol (5.3) and its wire form: the routing identities,
 * the delimiter {@code <IDS|MSG>}, the HMAC signature, then header, parent header, metadata and
 * content as JSON, then any binary buffers.
 *
 * @param identities ZeroMQ routing prefixes (a reply goes back with the request's)
 * @param header     {@code msg_id}, {@code msg_type}, {@code session}, {@code username}, {@code date}, {@code version}
 * @param parent     the header of the message this one answers, or an empty object
 * @param metadata   free-form metadata
 * @param content    the message type's payload
 */
record Message(List<byte[]> identities, JsonObject header, JsonObject parent, JsonObject metadata, JsonObject content) {

    /** The protocol version this kernel speaks. */
    static final String PROTOCOL_VERSION = "5.3";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** Keeps non-ASCII text as it is (θ, not \u03b8) and HTML characters unescaped. */
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** A frame sequence that is no message of this protocol. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** The header's {@code msg_type}. */
    String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    /** A new message of {@code type} answering this one: its identities and its header as parent. */
    Message reply(String type, JsonObject replyContent) {
        return new Message(identities, newHeader(type, session()), header, new JsonObject(), replyContent);
    }

    /** The client session this message came from. */
    String session() {
        return header.has("session") ? header.get("session").getAsString() : "";
    }

    static JsonObject newHeader(String type, String session) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("msg_type", type);
        h.addProperty("session", session);
        h.addProperty("username", "dotbar");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("version", PROTOCOL_VERSION);
        return h;
    }

    /** The frames to send, signed by {@code signer}. */
    List<byte[]> encode(Signer signer) {
        List<byte[]> json = List.of(bytes(header), bytes(parent), bytes(metadata), bytes(content));
        List<byte[]> frames = new ArrayList<>(identities);
        frames.add(DELIMITER);
        frames.add(signer.sign(json).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(json);
        return frames;
    }

    /**
     * Reads the frames of one message.
     *
     * @throws SecurityException when the signature is missing or wrong (the caller drops the message)
     * @throws Malformed         when the frames are no message of this protocol
     */
    static Message decode(List<byte[]> frames, Signer signer) throws Malformed {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new Malformed("no <IDS|MSG> delimiter followed by a signature and four JSON frames");
        }
        List<byte[]> json = frames.subList(delimiter + 2, delimiter + 6);
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        if (!signer.verify(signature, json)) {
            throw new SecurityException(signature.isEmpty() ? "an unsigned message" : "a message with a wrong signature");
        }
        try {
            return new Message(List.copyOf(frames.subList(0, delimiter)), object(json.get(0)), object(json.get(1)),
                    object(json.get(2)), object(json.get(3)));
        } catch (RuntimeException e) {
            throw new Malformed("a frame is not a JSON object: " + e.getMessage());
        }
    }

    private static JsonObject object(byte[] frame) {
        return JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }
}
