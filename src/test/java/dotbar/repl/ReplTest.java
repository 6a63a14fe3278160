package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven through JLine's dumb terminal: typed lines in, screen out. */
class ReplTest {

    @TempDir
    Path dir;

    private Typing.Screen type(String input) {
        return Typing.type(input, dir.resolve("history"));
    }

    private Typing.Screen type(byte[] input) {
        return Typing.type(input, dir.resolve("history"), 0);
    }

    @Test
    void valuesMultiLineSnippetsErrorsAndExceptions() {
        Typing.Screen s = type("""
                1 + 1
                var x = 3
                int twice(int a) {
                  return 2 * a;
                }
                twice(x)
                "θ = " + 1.5
                int k = 1 +
                  zz;
                Integer.parseInt("z")
                for (int i = 0; i < 2; i++) {
                  Object o = i == 0 ? "fine" : null;
                  o.hashCode();
                }
                int a = 1; int b = a + 1;
                b
                System.out.println("printed " + b)
                """);
        assertTrue(s.shows("dotbar> "), s.text());
        assertTrue(s.shows("\n2\n"), s.text());
        assertTrue(s.shows("x = 3\n"), s.text());
        assertTrue(s.shows(Repl.CONTINUATION), "continuation prompt: " + s.text());
        assertTrue(s.shows("\n6\n"), s.text());
        assertTrue(s.shows("\nθ = 1.5\n"), "strings show as their toString(): " + s.text());
        assertTrue(s.shows("""
                error: cannot find symbol
                  symbol:   variable zz
                  zz;
                  ^
                """), s.text());
        assertFalse(s.shows("location: class"), s.text());
        assertTrue(s.shows("\nNumberFormatException: For input string: \"z\"; /trace shows the stack\n"), "one line, and a hint: " + s.text());
        assertTrue(s.shows("\nline 3: NullPointerException"), "which line of a multi-line snippet threw: " + s.text());
        assertTrue(s.shows("b = 2\n"), s.text());
        assertTrue(s.shows("printed 2\n"), s.text());
        assertEquals(0, s.status());
    }

    @Test
    void stringsShowAsTheirText() {
        Typing.Screen s = type("""
                "tab\\there, \\"quoted\\", back\\\\slash, θ, \\001"
                String tex = latex(parse("a*b"))
                """);
        assertTrue(s.shows("\ntab\there, \"quoted\", back\\slash, θ, \001\n"), s.text());
        assertTrue(s.shows("tex = a \\cdot b\n"), s.text());
    }

    @Test
    void caretUnderTheColumnOfACompileError() {
        Typing.Screen s = type("double y = Math.sqrt(2) + nosuch(1)\n");
        assertTrue(s.shows("""
                double y = Math.sqrt(2) + nosuch(1);
                                          ^
                """), s.text());
    }

    @Test
    void commands() throws IOException {
        Path saved = dir.resolve("saved.jsh");
        Path script = dir.resolve("lib.jsh");
        Files.writeString(script, "int fromFile = 7;\nString greet(String w) { return \"hi \" + w; }\n");
        Typing.Screen s = type("""
                int n = 5
                Math.abs(-2)
                /vars
                /vars -all
                /open %s
                greet("you")
                /methods
                /imports
                /list
                /save %s
                /lisst
                /open %s
                /help
                /reset
                n
                /exit 4
                1 + 1
                """.formatted(script, saved, dir.resolve("missing.jsh")));
        assertTrue(s.shows("int n = 5\n"), s.text());
        assertTrue(s.shows("/vars\nint n = 5\ndotbar> /vars -all\nint $1 = 2\nint n = 5\n"), "temporaries only with -all: " + s.text());
        assertTrue(s.shows("\nhi you\n"), s.text());
        assertTrue(s.shows("String greet(String)\n"), s.text());
        assertTrue(s.shows("import java.util.*;\n"), s.text());
        assertTrue(s.shows("   1 : int n = 5;\n"), s.text());
        assertTrue(s.shows("unknown command /lisst; did you mean /list?"), s.text());
        assertTrue(s.shows("no such file: " + dir.resolve("missing.jsh")), s.text());
        assertTrue(s.shows("/open FILE"), "help lists commands: " + s.text());
        assertTrue(s.shows("all definitions dropped"), s.text());
        assertTrue(s.shows("symbol:   variable n"), "n is gone after /reset: " + s.text());
        assertEquals(4, s.status());
        assertFalse(s.text().endsWith("2\n"), "nothing runs after /exit");
        String savedText = Files.readString(saved);
        assertTrue(savedText.startsWith("int n = 5;\nMath.abs(-2)\n"), savedText);
        assertTrue(savedText.contains("greet(\"you\")"), savedText);
    }

    @Test
    void historyPersistsAcrossSessions() throws IOException {
        type("double φ1 = 0.5\n/exit\n");
        String history = Files.readString(dir.resolve("history"), StandardCharsets.UTF_8);
        assertTrue(history.contains("double φ1 = 0.5"), history);
        Typing.Screen again = type("φ1 * 2\n");
        assertTrue(again.shows("symbol:   variable φ1"), "a new session, new state: " + again.text());
        assertTrue(Files.readString(dir.resolve("history"), StandardCharsets.UTF_8).contains("φ1 * 2"));
    }

    @Test
    void endOfInputInsideASnippetLeavesCleanly() {
        Typing.Screen s = type("int f() {\n  return 1;\n");
        assertEquals(0, s.status());
    }

    @Test
    void badBytesDoNotEndTheSession() {
        byte[] input = "String s = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] more = "1 + 2\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[input.length + more.length];
        System.arraycopy(input, 0, all, 0, input.length);
        System.arraycopy(more, 0, all, input.length, more.length);
        Typing.Screen s = type(all);
        assertTrue(s.shows("\n3\n"), s.text());
    }

    @Test
    void conditionalOverTwoSnippetClassesRuns() {
        // JDK-8366926: the stock local engine throws "Could not resolve class" here.
        Typing.Screen s = type("""
                class A { public String toString() { return "an A"; } }
                class B extends A {}
                boolean c = true
                var o = c ? new A() : new B()
                """);
        assertTrue(s.shows("o = an A\n"), s.text());
    }

    @Test
    void aMistypedJavaNameGetsADidYouMean() {
        Typing.Screen s = type("""
                var count = 1
                var e = parze("x")
                cont + 1
                Strin s = "a"
                parse("x").evl(at("x=1"))
                zzqq + 1
                """);
        assertTrue(s.shows("symbol:   method parze(java.lang.String)\n  did you mean parse?\n"), s.text());
        assertTrue(s.shows("symbol:   variable cont\n  did you mean count?\n"), "the user's own name first: " + s.text());
        assertTrue(s.shows("symbol:   class Strin\n  did you mean String?\n"), s.text());
        assertTrue(s.shows("symbol:   method evl(dotbar.expr.Point)\n  did you mean eval?\n"), "members too: " + s.text());
        assertTrue(s.shows("symbol:   variable zzqq\nzzqq + 1\n"), "nothing close, nothing said: " + s.text());
    }

    @Test
    void aLoopIsStoppedOnRequest() throws Exception {
        try (Session session = new Session(System.out, System.err)) {
            // stops as soon as the evaluation has begun: the session repeats the stop until it takes
            Thread stopper = new Thread(() -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!session.evaluating() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                session.stop();
            });
            stopper.start();
            Result r = session.eval("while (true) { }", null);
            stopper.join();
            assertEquals(Result.Kind.STOPPED, r.kind());
            assertEquals(Result.Kind.VALUE, session.eval("1 + 1", null).kind(), "the session survives");
        }
    }
}
