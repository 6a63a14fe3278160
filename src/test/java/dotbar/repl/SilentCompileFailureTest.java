package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A snippet javac rejects without JShell naming anything: the message says so instead of "cannot find " and nothing. */
class SilentCompileFailureTest {
    @Test
    void aStringLiteralOverTheClassFileLimitGetsAMessage() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (var s = new Session(out, out)) {
            assertEquals("41", s.eval("int before = 41;", null).value());
            Result r = s.eval("String big = \"" + "a".repeat(70_000) + "\";", null);
            assertEquals("L1: the snippet does not compile and JShell gives no reason (a string literal longer than 65 535 bytes is one;"
                    + " build long text with \"a\".repeat(n))", Messages.failure(r, s, line -> "L" + line + ": "));
            // The bad snippet fails alone: the session goes on, with what it had.
            Result sum = s.eval("1 + 1", null);
            assertEquals(Result.Kind.VALUE, sum.kind(), () -> Messages.failure(sum, s, line -> ""));
            assertEquals("2", sum.value());
            assertEquals("42", s.eval("before + 1", null).value());
            Result after = s.eval("String big = \"short\";", null);
            assertEquals(Result.Kind.VALUE, after.kind(), () -> Messages.failure(after, s, line -> ""));
            assertEquals("5", s.eval("big.length()", null).value());
            // and the same bad snippet again fails alone again
            assertEquals(Result.Kind.UNRESOLVED, s.eval("String big2 = \"" + "b".repeat(70_000) + "\";", null).kind());
            assertEquals("3", s.eval("1 + 2", null).value());
        }
    }
}
