package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: re-declaring, redefining or saving never changes another variable's value without a
 * word — at the prompt, in scripts and for {@code /open}.
 */
class StateKeptTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) { }

    private Run script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScriptRunner.run(file, List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Typing.Screen type(String input) {
        return Typing.type(input, dir.resolve("history"));
    }

    /** The optimizer transcript of the issue: what was built from the first {@code opt} keeps its value. */
    private static final String REDECLARED_OPTIMIZER = """
            var rosen = parse("(1-x)^2 + 100*(y-x^2)^2");
            var opt = adam(rosen, at("x=-1.5, y=2")); opt.step(100); var before = opt.loss();
            double kept = before;
            var pic = contour(rosen, "x", -2, 2, "y", -1, 3).path(opt);
            var opt = momentum(rosen, at("x=-1.5, y=2"));
            System.out.println((before == kept) + " " + (before > 0) + " " + (pic != null) + " " + opt.t());
            """;

    @Test
    void variablesBuiltFromAReplacedVariableKeepTheirValuesInScripts() throws IOException {
        Run r = script("opt.jsh", REDECLARED_OPTIMIZER);
        assertEquals("", r.err());
        assertEquals("true true true 0\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void variablesBuiltFromAReplacedVariableKeepTheirValuesAtThePrompt() {
        Typing.Screen s = type("""
                var k = new StringBuilder("abc")
                var len = k.length()
                var same = k
                var k = new StringBuilder("zz")
                len
                same
                """);
        assertTrue(s.shows("\nlen = 3\n"), "len keeps 3, as bare jshell: " + s.text());
        assertTrue(s.shows("\nsame = abc\n"), "same keeps the first builder: " + s.text());
        assertFalse(s.shows("note:"), "nothing was lost, so nothing to say: " + s.text());
    }

    @Test
    void aDependentThatNoLongerCompilesIsDroppedOnTheSpotNamingIt() {
        Typing.Screen s = type("""
                var k = 5; var twice = k*2; var k = "five"
                twice
                /vars
                """);
        assertTrue(s.shows("k = five\nnote: twice was dropped: it used k, which is now a String"), s.text());
        assertTrue(s.shows("symbol:   variable twice"), "dropped, not left holding 0: " + s.text());
        assertTrue(s.shows("int twice = (dropped: its declaration does not compile now; it comes back when it does)\n"),
                "/vars says so, and shows no value: " + s.text());
    }

    @Test
    void aDroppedDependentIsNamedInScriptsAndForOpen() throws IOException {
        Path lib = dir.resolve("lib.jsh");
        Files.writeString(lib, "var k = \"five\";\n", StandardCharsets.UTF_8);
        Run r = script("drop.jsh", """
                var k = 5;
                var twice = k*2;
                /open lib.jsh
                System.out.println(k);
                var k = 7;
                System.out.println(twice);
                """);
        assertEquals("five\n10\n", r.out(), "back with its value, not with 0: " + r.err());
        assertTrue(r.err().startsWith("lib.jsh:1: note: twice was dropped: it used k, which is now a String"), r.err());
        assertTrue(r.err().contains(dir.resolve("drop.jsh") + ":5: note: twice is back, with the value it had\n"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void whatWasBuiltOnADroppedVariableKeepsItsValueToo() throws IOException {
        Run r = script("chain.jsh", """
                var k = 5; var twice = k*2; var thrice = twice + 1;
                var k = "five";
                var k = 7;
                System.out.println(twice + " " + thrice + " " + k);
                """);
        assertTrue(r.err().contains(":2: note: thrice was dropped: it used twice, which was dropped"), r.err());
        assertTrue(r.err().contains(":3: note: thrice is back, with the value it had"), r.err());
        assertEquals("10 11 7\n", r.out(), "values stay what they were computed as, as in bare jshell");
    }

    @Test
    void aMethodThatNoLongerCompilesIsNamed() {
        Typing.Screen s = type("""
                var k = 5
                int twiceK() { return k*2; }
                var k = "five"
                """);
        assertTrue(s.shows("note: twiceK(…) cannot be called until it compiles again: it used k, which is now a String"), s.text());
    }

    @Test
    void aVariableWhoseTypeWasRedefinedIsDroppedNamingIt() {
        Typing.Screen s = type("""
                class Box { int v = 1; }
                var b = new Box()
                class Box { int v = 2; int w; }
                b
                """);
        assertTrue(s.shows("note: b was dropped: it used Box, which was redefined"), s.text());
    }

    @Test
    void varsListsTheUsersVariablesOneLineEachInNaturalOrder() {
        Typing.Screen s = type("""
                var x10 = 10
                var x2 = 2
                String table = "a\\nb\\nc"
                var tr = reverse(parse("a*b"), at("a=1, b=2"))
                1 + 1
                /vars
                """);
        String vars = s.text().substring(s.text().indexOf("dotbar> /vars\n") + "dotbar> /vars\n".length());
        assertTrue(vars.startsWith("String table = \"a\\nb\\nc\"\nTrace tr = reverse mode at (a=1, b=2), seeded with t̄1 = 1 … (8 lines; /show tr prints it all)\n"), vars);
        assertTrue(vars.contains("/show tr prints it all)\nint x2 = 2\nint x10 = 10\ndotbar> "), "x2 before x10, no $1: " + vars);
    }

    @Test
    void saveWritesWhatReRunsToTheSameState() throws IOException {
        Path saved = dir.resolve("saved.jsh");
        Typing.Screen s = type("""
                var e = parse("x^2")
                diff(e, "x")
                var d = diff(e, "x")
                var e = parse("x^3")
                int boom = 1/0;
                def("g(u) = u^2"); var ge = parse("g(x)");
                /save %s
                """.formatted(saved));
        assertTrue(s.shows("e = x³"), s.text());
        String text = Files.readString(saved);
        assertTrue(text.startsWith("var e = parse(\"x^2\");\ndiff(e, \"x\")\nvar d = diff(e, \"x\");\nvar e = parse(\"x^3\");\n"),
                "the e the derivatives used comes first, then the current one: " + text);
        assertFalse(text.contains("boom"), "what threw is left out: " + text);
        Files.writeString(saved, text + "System.out.println(e + \" \" + d + \" \" + ge.eval(at(\"x=3\")));\n");
        Run r = script("saved.jsh", Files.readString(saved));
        assertEquals("", r.err());
        assertEquals("x³ 2·x 9.0\n", r.out());
    }

    @Test
    void saveAllHistoryAndStartDoWhatJShellsDo() throws IOException {
        Path all = dir.resolve("all.jsh");
        Path history = dir.resolve("history.jsh");
        Path start = dir.resolve("start.jsh");
        Typing.Screen s = type("""
                int a = 1
                int b = 1/0;
                int a = 2
                /vars
                /save -all %s
                /save -history %s
                /save -start %s
                /save -everything %s
                """.formatted(all, history, start, all));
        assertTrue(s.shows("unknown option -everything of /save"), s.text());
        String allText = Files.readString(all);
        assertTrue(allText.contains("import static dotbar.DotBar.*;\n"), "the startup too: " + allText);
        assertTrue(allText.endsWith("int a = 1;\nint b = 1/0;\nint a = 2;\n"), "replaced and failed too: " + allText);
        assertEquals("int a = 1\nint b = 1/0;\nint a = 2\n/vars\n/save -all " + all + "\n/save -history " + history + "\n",
                Files.readString(history));
        String startText = Files.readString(start);
        assertTrue(startText.contains("import static dotbar.DotBar.*;") && !startText.contains("int a"), startText);
    }
}
