package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4 (the REPL's half): a huge value is shown cut, and its text is bounded where
 * JShell makes it; a value whose {@code toString()} fails shows one line and stays usable.
 */
class HugeValueTest {

    @TempDir
    Path dir;

    private static final Duration GENEROUS = Duration.ofSeconds(120);

    @Test
    void aHugeSumShowsABoundedPrefixAndShowHasTheRest() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (var s = new Session(out, out)) {
            Display display = new Display(Style.PLAIN, new LastOutput());
            Result r = assertTimeoutPreemptively(GENEROUS, () -> s.eval("var s = parse(java.util.stream.IntStream.range(0, 100_000)"
                    + ".mapToObj(i -> \"x\" + i).collect(java.util.stream.Collectors.joining(\" + \")));", null));
            assertEquals(Result.Kind.VALUE, r.kind(), () -> Messages.failure(r, s, line -> ""));
            String shown = display.value(r);
            assertTrue(shown.startsWith("s = x0 + x1 + x2 + "), shown.substring(0, 100));
            assertTrue(shown.length() < Display.MAX_CHARS + 200, "cut: " + shown.length());
            assertTrue(shown.endsWith("characters in all; /show prints it all)"), shown.substring(shown.length() - 200));
            assertTrue(r.value().endsWith(" + x99999"), "the whole sum reached the REPL (under the limit)");
        }
    }

    @Test
    void aStringOverTheLimitArrivesCutWithANote() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (var s = new Session(out, out)) {
            Result r = s.eval("String big = \"ab\".repeat(10_000_000);", null);
            assertEquals(Result.Kind.VALUE, r.kind(), () -> Messages.failure(r, s, line -> ""));
            String text = Messages.valueText(r);
            assertTrue(text.length() <= ValueText.LIMIT + 100, "bounded: " + text.length());
            assertTrue(text.startsWith("ababab"), text.substring(0, 10));
            assertTrue(text.endsWith("… (cut at 4 000 000 of 20 000 000 characters)"), text.substring(text.length() - 80));
            assertEquals("20000000", s.eval("big.length()", null).value(), "the variable itself is whole");
            Result array = s.eval("new int[5_000_000]", null);
            assertTrue(array.value().startsWith("int[5000000] { 0, 0, "), array.value().substring(0, 40));
            assertTrue(array.value().length() <= ValueText.LIMIT + 200, "bounded: " + array.value().length());
            assertTrue(array.value().contains(" more elements"), array.value().substring(array.value().length() - 80));
        }
    }

    @Test
    void aValueWhoseTextFailsShowsOneLineAndStaysUsable() {
        Typing.Screen s = Typing.type("""
                class Bad { public String toString() { throw new IllegalStateException("no text"); } }
                var b = new Bad()
                b
                class Huge { public String toString() { return "" + new long[Integer.MAX_VALUE].length; } }
                var h = new Huge()
                /vars
                /show b
                b.hashCode() == b.hashCode()
                h.getClass().getSimpleName()
                1 + 1
                """, dir.resolve("history"));
        String bad = "could not show the value of b: IllegalStateException: no text\n";
        assertEquals(3, s.text().split(java.util.regex.Pattern.quote(bad), -1).length - 1,
                "shown as one line, again when shown again, and by /show: " + s.text());
        assertTrue(s.shows("\ncould not show the value of h: OutOfMemoryError"), s.text());
        assertTrue(s.shows("Bad b = (could not show the value: IllegalStateException: no text)\n"), s.text());
        assertTrue(s.shows("Huge h = (could not show the value: OutOfMemoryError"), s.text());
        assertTrue(s.shows("\ntrue\n"), s.text());
        assertTrue(s.shows("\nHuge\n"), s.text());
        assertTrue(s.shows("\n2\n"), s.text());
        assertEquals(0, s.status());
    }
}
