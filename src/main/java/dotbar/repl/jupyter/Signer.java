package dotbar.repl.jupyter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC of the Jupyter wire protocol: the lowercase hex digest, under the connection file's
 * key, of a message's four JSON frames (header, parent header, metadata, content) in that order.
 * An empty key means messages are not signed (the protocol's rule); the connection file names
 * the scheme, and only {@code hmac-sha256} is accepted.
 */
final class Signer {

    private final byte[] key;

    Signer(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of the frames, {@code ""} when there is no key. */
    String sign(List<byte[]> frames) {
        if (key.length == 0) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            frames.forEach(mac::update);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code signature} is the frames' signature; compared in constant time. */
    boolean verify(String signature, List<byte[]> frames) {
        if (key.length == 0) {
            return true;
        }
        return MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                sign(frames).getBytes(StandardCharsets.US_ASCII));
    }
}
