package dotbar.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Signing and the wire form of messages. */
class MessageTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hmacSha256MatchesRfc4231() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new Signer("Jefe").sign(List.of(utf8("what do ya want for nothing?"))));
        // the frames are signed as one stream of bytes, in order
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new Signer("Jefe").sign(List.of(utf8("what do ya "), utf8("want for nothing?"))));
    }

    @Test
    void anEmptyKeyMeansUnsignedMessages() {
        assertEquals("", new Signer("").sign(List.of(utf8("{}"))));
        assertTrue(new Signer("").verify("", List.of(utf8("{}"))));
    }

    private static Message request() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "parse(\"θ^2\")");
        return new Message(List.of(utf8("client-id")), Message.newHeader("execute_request", "s1"), new JsonObject(),
                new JsonObject(), content);
    }

    @Test
    void aSignedMessageRoundTrips() throws Exception {
        Signer signer = new Signer("secret");
        Message back = Message.decode(request().encode(signer), signer);
        assertEquals("execute_request", back.type());
        assertEquals("parse(\"θ^2\")", back.content().get("code").getAsString());
        assertEquals("client-id", new String(back.identities().get(0), StandardCharsets.UTF_8));
        Message reply = back.reply("execute_reply", new JsonObject());
        assertEquals(back.header().get("msg_id"), reply.parent().get("msg_id"));
        assertEquals("client-id", new String(reply.identities().get(0), StandardCharsets.UTF_8), "a reply goes back to its sender");
    }

    @Test
    void aTamperedUnsignedOrForeignMessageIsRefused() {
        Signer signer = new Signer("secret");
        List<byte[]> frames = new ArrayList<>(request().encode(signer));
        int content = frames.size() - 1;
        frames.set(content, utf8("{\"code\": \"System.exit(0)\"}"));
        assertThrows(SecurityException.class, () -> Message.decode(frames, signer));
        List<byte[]> unsigned = new ArrayList<>(request().encode(new Signer("")));
        assertThrows(SecurityException.class, () -> Message.decode(unsigned, signer));
        assertThrows(SecurityException.class, () -> Message.decode(request().encode(new Signer("other")), signer));
    }

    @Test
    void framesWithoutTheDelimiterAreMalformed() {
        Signer signer = new Signer("");
        assertThrows(Message.Malformed.class, () -> Message.decode(List.of(utf8("hello")), signer));
        List<byte[]> notJson = List.of(Message.DELIMITER, utf8(""), utf8("{}"), utf8("{}"), utf8("{}"), utf8("[1"));
        assertThrows(Message.Malformed.class, () -> Message.decode(notJson, signer));
    }

    @Test
    void cursorPositionsCountCodePoints() {
        String code = "var 𝜃 = \\alpha";  // 𝜃 is outside the BMP: two UTF-16 units, one code point
        assertEquals(code.length() - 1, Unicode.toCodePoints(code, code.length()));
        assertEquals(code.length(), Unicode.toIndex(code, code.length() - 1));
        assertEquals(code.indexOf('='), Unicode.toIndex(code, Unicode.toCodePoints(code, code.indexOf('='))));
    }
}
