package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The help cannot lie: every example of every topic is run, and the REPL must print exactly the
 * transcript the help shows.
 */
class HelpTest {

    /** An example whose first line ends so is meant to fail (and the help shows its error). */
    private static final String FAILS = "// fails";

    @TempDir
    Path dir;

    static Stream<Help.Topic> topics() {
        return Help.topics().stream();
    }

    @Test
    void theTopicsTheIssueAsksForExistAndHaveExamples() {
        for (String name : List.of("syntax", "diff", "optim", "plot", "compile", "functions", "repl", "dsl")) {
            Help.Topic topic = Help.find(name).orElseThrow(() -> new AssertionError("no topic " + name));
            assertFalse(topic.examples().isEmpty(), name + " has examples");
            assertFalse(topic.summary().isEmpty(), name + " has a summary");
        }
    }

    /** Typing the examples gives exactly the screen the help shows: the inputs, and every line printed. */
    @ParameterizedTest(name = "/help {0}")
    @MethodSource("topics")
    void theReplPrintsWhatTheHelpShows(Help.Topic topic) {
        List<Help.Example> examples = topic.examples();
        String typed = examples.stream().map(e -> e.code() + "\n").collect(Collectors.joining());
        Typing.Screen screen = Typing.type((typed).getBytes(StandardCharsets.UTF_8), dir.resolve("history"), 100);
        String expected = examples.stream().map(Help.Example::screen).collect(Collectors.joining()) + Repl.PROMPT.strip();
        assertEquals(expected, screen.text().stripTrailing(), "/help " + topic.name() + ": the REPL's screen differs from the help's transcript");
    }

    /**
     * The examples, run as a script, succeed; those marked {@value #FAILS} fail. Commands are left
     * out: they are the REPL's, and the transcript test covers them.
     */
    @ParameterizedTest(name = "/help {0}")
    @MethodSource("topics")
    void theExamplesRunAsAScript(Help.Topic topic) {
        StringBuilder script = new StringBuilder();
        for (Help.Example e : topic.examples()) {
            if (e.code().startsWith("/")) {
                continue;
            }
            if (e.input().get(0).endsWith(FAILS)) {
                Run failing = run(script + e.code() + "\n");
                assertEquals(ScriptRunner.FAILED, failing.status(), "/help " + topic.name() + ": " + e.code() + " fails\n" + failing);
                continue;
            }
            script.append(e.code()).append('\n');
        }
        Run r = run(script.toString());
        // a note (a re-declaration dropped a variable, as an example shows) is no failure
        String errors = r.err().lines().filter(line -> !line.contains(": note: ")).collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("", errors, "/help " + topic.name() + ": the examples run");
        assertEquals(ScriptRunner.OK, r.status(), r.toString());
    }

    private record Run(int status, String out, String err) { }

    private static Run run(String script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScriptRunner.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "help", List.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpOnADslFunctionShowsItsSignaturesAndJavadoc() {
        Typing.Screen s = Typing.type("/help check\n/help adam\n", dir.resolve("history"));
        assertTrue(s.shows("Check DotBar.check(String equation)\n    Checks a derivation"), s.text());
        assertTrue(s.shows("Check DotBar.check(Expr lhs, Expr rhs)\n"), s.text());
        assertTrue(s.shows("Optimizer DotBar.adam(Expr perSampleLoss, Dataset data, Point start)"), "every factory takes data: " + s.text());
        assertFalse(s.shows("no help on check"), s.text());
    }

    @Test
    void anUnknownTopicListsTheTopicsAndACloseOneIsSuggested() {
        Typing.Screen s = Typing.type("/help difff\n/help nothing-like-it\n/help\n/help /vars\n", dir.resolve("history"));
        assertTrue(s.shows("no help on difff; did you mean diff?\nThe topics:\n  /help dsl"), s.text());
        assertTrue(s.shows("no help on nothing-like-it\nThe topics:\n"), s.text());
        for (Help.Topic t : Help.topics()) {
            assertTrue(s.shows("  /help " + t.name() + " "), "listed: " + t.name() + "\n" + s.text());
        }
        assertTrue(s.shows("/vars [-all]        your variables, one line each (-all: the $N temporaries too)\n"), s.text());
    }

    @Test
    void transcriptsAreReadFromTheTopicText() {
        Help.Topic t = new Help.Topic("t", "a test", """
                Prose.

                  dotbar> int f() {
                     ...>   return 1;
                     ...> }
                  dotbar> f()
                  1
                  dotbar> "two\\nlines"
                  two
                  lines

                More prose, then an example with no output shown.
                  dotbar> int x = 1;
                """);
        List<Help.Example> examples = t.examples();
        assertEquals(4, examples.size(), examples.toString());
        assertEquals("int f() {\n  return 1;\n}", examples.get(0).code());
        assertEquals(List.of(), examples.get(0).output());
        assertEquals(List.of("1"), examples.get(1).output());
        assertEquals(List.of("two", "lines"), examples.get(2).output());
        assertEquals("dotbar> f()\n1\n", examples.get(1).screen());
        assertEquals("int x = 1;", examples.get(3).code());
    }
}
