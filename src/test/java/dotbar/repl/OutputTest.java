package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the REPL prints: long values, errors that teach, colours, narrow terminals, bad input. */
class OutputTest {

    @TempDir
    Path dir;

    private Typing.Screen type(String input) {
        return Typing.type(input, dir.resolve("history"));
    }

    @Test
    void aLongValueIsCutWithANoteAndShowPrintsItAll() {
        Typing.Screen s = type("""
                String lines = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> "row " + i).collect(java.util.stream.Collectors.joining("\\n"))
                /show
                "x".repeat(5000)
                /show lines
                /show linez
                /show nosuch
                /vars
                """);
        assertTrue(s.shows("lines =\nrow 1\nrow 2\n"), s.text());
        assertTrue(s.shows("\nrow 40\n… 60 more lines (691 characters in all; /show prints it all)\n"), s.text());
        assertFalse(s.text().substring(0, s.text().indexOf("/show")).contains("row 41\n"), "cut after 40 lines");
        String afterShow = s.text().substring(s.text().indexOf("dotbar> /show\n"));
        assertTrue(afterShow.contains("row 41\n") && afterShow.contains("row 100\n"), "/show prints all of the last value");
        assertTrue(s.shows("\n" + "x".repeat(4000) + "… 1 000 more characters (5 000 characters in all; /show prints it all)\n"), s.text());
        String showLines = s.text().substring(s.text().indexOf("dotbar> /show lines\n"));
        assertTrue(showLines.contains("row 100\ndotbar> /show linez"), "/show NAME prints the variable in full");
        assertTrue(s.shows("no variable linez; did you mean lines?"), s.text());
        assertTrue(s.shows("no variable nosuch\n"), s.text());
        assertTrue(s.shows("String lines = \"row 1\\nrow 2\\n"), "/vars shows a String as its literal: " + s.text());
        assertTrue(s.shows("\\nrow 16\\n … (/show lines prints it all)\n"), "/vars cuts too, to one line: " + s.text());
    }

    @Test
    void errorsTeach() {
        Typing.Screen s = type("""
                /trace
                parse("a + * b")
                Object o = null
                o.hashCode()
                /trace
                int k = "text"
                """);
        assertTrue(s.shows("dotbar> /trace\nno exception to trace yet\n"), s.text());
        assertTrue(s.shows("dotbar> parse(\"a + * b\")\nexpected a number, a name or '(' but found '*' at column 5\na + * b\n    ^\ndotbar> "),
                "a DotbarException is its message alone, no hint: " + s.text());
        assertTrue(s.shows("dotbar> o.hashCode()\nNullPointerException"), s.text());
        assertTrue(s.shows("\"o\" is null; /trace shows the stack\n"), s.text());
        assertTrue(s.shows("dotbar> /trace\nNullPointerException: Cannot invoke \"Object.hashCode()\" because \"o\" is null (java.lang.NullPointerException)\n"
                + "    at snippet 3, line 1\n"), s.text());
        assertTrue(s.shows("error: incompatible types: java.lang.String cannot be converted to int\nint k = \"text\";\n        ^\n"), s.text());
    }

    @Test
    void aNarrowTerminalStillWorksAndPlotsSaySoInsteadOfDrawing() {
        Typing.Screen s = Typing.type("plot(\"x^2\", \"x\", -1, 1)\nparse(\"a*b + sin(c)^2\")\n".getBytes(StandardCharsets.UTF_8),
                dir.resolve("history"), 20);
        assertTrue(s.shows("(the terminal is 20 columns wide; a plot needs at least 30)"), s.text());
        assertTrue(s.shows("\na·b + sin(c)²\n"), s.text());
    }

    @Test
    void aPlotAssignedToAVariableStartsOnItsOwnLine() {
        Typing.Screen s = type("var p = plot(\"x^2\", \"x\", -1, 1).size(40, 6)\n");
        assertTrue(s.shows("dotbar> var p = plot(\"x^2\", \"x\", -1, 1).size(40, 6)\np =\n"), s.text());
        assertTrue(s.shows("y = x²"), s.text());
    }

    @Test
    void coloursOnAColourTerminalUnlessNoColorIsSet() throws IOException {
        try (Terminal xterm = terminal("xterm-256color"); Terminal dumb = terminal("dumb")) {
            Style on = Style.forTerminal(xterm, name -> null);
            assertTrue(on.on());
            assertEquals("\u001b[31moops\u001b[0m\n\u001b[31mline 2\u001b[0m", on.error("oops\nline 2"), "each line painted");
            assertEquals("\u001b[1;32mdotbar>\u001b[0m", on.prompt("dotbar>"));
            assertFalse(Style.forTerminal(xterm, Map.of("NO_COLOR", "1")::get).on(), "NO_COLOR");
            assertTrue(Style.forTerminal(xterm, Map.of("NO_COLOR", "")::get).on(), "an empty NO_COLOR does not count");
            assertFalse(Style.forTerminal(dumb, name -> null).on(), "a dumb terminal");
            assertEquals("oops", Style.PLAIN.error("oops"));
        }
    }

    @Test
    void theReplOnAColourTerminalPaintsPromptErrorsAndNames() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal xterm = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream("int n = 2\nnosuch\n".getBytes(StandardCharsets.UTF_8)), screen)
                .encoding(StandardCharsets.UTF_8).build()) {
            new Repl(xterm, dir.resolve("history")).run();
        }
        String text = Typing.text(screen);
        if (System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty()) {
            assertTrue(text.contains("\u001b[1;36mn =\u001b[0m 2"), text);
            assertTrue(text.contains("\u001b[31merror: cannot find symbol\u001b[0m"), text);
            assertTrue(text.contains("dotbar>"), text);
        } else {
            assertFalse(text.contains("\u001b[31m"), "NO_COLOR is set where the tests run: " + text);
        }
    }

    private static Terminal terminal(String type) throws IOException {
        return TerminalBuilder.builder().system(false).type(type)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
    }

    @Test
    void resetForgetsTheNamedFunctionsToo() {
        Typing.Screen s = type("def(\"sq(u) = u^2\")\nparse(\"sq(3)\").eval(at(\"x=0\"))\n/reset\nparse(\"sq(3)\")\n");
        assertTrue(s.shows("\n9.0\n"), s.text());
        String after = s.text().substring(s.text().indexOf("/reset"));
        assertTrue(after.contains("sq") && after.contains("unknown"), "after /reset sq is unknown: " + after);
    }

    @Test
    void endOfInputInsideASnippetSaysItWasNotRun() {
        Typing.Screen s = type("int f() {\n  return 1;\n");
        assertTrue(s.shows("(the input ended inside an unfinished snippet, which was not run)"), s.text());
        assertEquals(0, s.status());
    }

    @Test
    void binaryInputGivesMessagesAndTheReplStaysUp() {
        byte[] junk = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0x7F, '\n', (byte) 0xC3, '(', '\n'};
        byte[] then = "6 * 7\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[junk.length + then.length];
        System.arraycopy(junk, 0, all, 0, junk.length);
        System.arraycopy(then, 0, all, junk.length, then.length);
        Typing.Screen s = Typing.type(all, dir.resolve("history"), 0);
        assertTrue(s.shows("\n42\n"), s.text());
        assertEquals(0, s.status());
    }

    @Test
    void openingAMissingOrBinaryFileSaysWhatIsWrongAndTheReplGoesOn() throws IOException {
        Path binary = dir.resolve("image.jsh");
        java.nio.file.Files.write(binary, new byte[]{'i', 'n', 't', ' ', 'x', ';', '\n', (byte) 0x89, 'P', 'N', 'G', '\n'});
        Typing.Screen s = type("/open " + dir.resolve("missing.jsh") + "\n/open " + binary + "\n/open " + dir + "\n1 + 2\n");
        assertTrue(s.shows("no such file: " + dir.resolve("missing.jsh") + "\n"), s.text());
        assertTrue(s.shows(binary + ":2: not UTF-8 text (byte 0x89 at column 1)\n"), s.text());
        assertTrue(s.shows(dir + " is a directory, not a script\n"), s.text());
        assertTrue(s.shows("\n3\n"), s.text());
    }

    @Test
    void theProgressBarFillsTheLineAndDisappearsAtTheEnd() {
        String line = ProgressBar.line(520_000, 1_000_000, 2.1, 80);
        assertEquals(80, line.length(), line);
        assertTrue(line.endsWith("]   52%  520 000 / 1 000 000 steps  2.1 s, about 1.9 s left"), line);
        int bar = line.indexOf(']') - 1;
        assertEquals(Math.round(bar * 0.52), line.chars().filter(c -> c == '█').count(), line);
        assertEquals("100%  10 / 10 steps  1 min 05 s", ProgressBar.line(10, 10, 65, 36), "too narrow for a bar");
        assertEquals("  0%  0 / 5 steps  0.0 s", ProgressBar.line(0, 5, 0, 200).substring(ProgressBar.line(0, 5, 0, 200).indexOf(']') + 3));
        assertEquals(12, ProgressBar.line(1, 3, 3700, 12).length(), "cut to a very narrow terminal");

        java.io.StringWriter screen = new java.io.StringWriter();
        ProgressBar shown = new ProgressBar(new java.io.PrintWriter(screen), () -> 41, true);
        shown.show(1, 4, 1.5, false);
        shown.show(2, 4, 3.0, false);
        shown.show(4, 4, 6.0, true);
        assertEquals("\r" + ProgressBar.line(1, 4, 1.5, 40) + "\u001b[K\r" + ProgressBar.line(2, 4, 3.0, 40) + "\u001b[K\r\u001b[K",
                screen.toString(), "each update redraws the line; the end erases it");
        java.io.StringWriter dumb = new java.io.StringWriter();
        ProgressBar none = new ProgressBar(new java.io.PrintWriter(dumb), () -> 80, false);
        none.show(1, 4, 1.5, false);
        none.show(4, 4, 6.0, true);
        assertEquals("", dumb.toString(), "a dumb terminal cannot redraw a line");
    }

    @Test
    void aTerminalThatCannotTellItsWidthNeverFailsTheRun() {
        // an interrupted thread asking the exec provider for the size gets an IOError (issue 11, item 4)
        java.io.StringWriter screen = new java.io.StringWriter();
        int[] calls = {0};
        ProgressBar bar = new ProgressBar(new java.io.PrintWriter(screen), () -> {
            if (calls[0]++ > 0) {
                throw new java.io.IOError(new java.io.InterruptedIOException("Command interrupted"));
            }
            return 41;
        }, true);
        bar.show(1, 4, 1.5, false);
        bar.show(2, 4, 3.0, false);
        bar.show(4, 4, 6.0, true);
        assertEquals("\r" + ProgressBar.line(1, 4, 1.5, 40) + "\u001b[K\r" + ProgressBar.line(2, 4, 3.0, 40) + "\u001b[K\r\u001b[K",
                screen.toString(), "the last width it told is used");
    }

    @Test
    void valuesAreCutAtLinesOrCharactersAndCountedReadably() {
        Display d = new Display(Style.PLAIN, new LastOutput());
        assertEquals("short", d.cut("short"));
        String forty = "a\n".repeat(39) + "a";
        assertEquals(forty, d.cut(forty), "40 lines fit");
        assertEquals(forty + "\n… 1 more line (82 characters in all; /show prints it all)", d.cut(forty + "\nb\n"));
        assertEquals("1 234 567", Display.count(1_234_567));
        assertEquals("999", Display.count(999));
        String emoji = "a" + "😀".repeat(2500); // char 4000 is the second half of a pair: never split one
        String cut = d.cut(emoji);
        assertTrue(cut.startsWith("a" + "😀".repeat(1999) + "… 1 002 more characters"), cut.substring(3990));
    }
}
