package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script mode, run in-process: output, exit statuses and {@code FILE:LINE} messages. */
class ScriptRunnerTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) { }

    private Run run(String script, String... args) throws IOException {
        Path file = dir.resolve("s.jsh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return run(file, args);
    }

    private Run run(Path file, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScriptRunner.run(file, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String name() {
        return dir.resolve("s.jsh").toString();
    }

    @Test
    void printsOnlyWhatTheScriptPrintsAndSeesArgs() throws IOException {
        Run r = run("""
                // values are not echoed
                1 + 1
                var greek = "θφσ";
                int twice(int a) {
                    return 2 * a;
                }
                System.out.println(twice(21) + " " + greek + " " + args.length + " " + String.join("|", args));
                int a = 1; int b = a + 1; System.out.println(b);
                """, "one", "two words", "\"q\"\\", "é\n");
        assertEquals("42 θφσ 4 one|two words|\"q\"\\|é\n\n2\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void compileErrorOnLineNReportsLineN() throws IOException {
        Run r = run("""
                int x = 1;

                int y = x +
                    1 +
                    zz;
                System.out.println("not reached");
                """);
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith(name() + ":5: cannot find symbol\n"), r.err());
        assertTrue(r.err().contains("\n    zz;\n    ^\n"), r.err());
    }

    @Test
    void everyCompileErrorOfTheSnippetHasItsOwnLine() throws IOException {
        Run r = run("int a = 1;\nint b = q1 +\n  q2;\n");
        assertTrue(r.err().startsWith(name() + ":2: cannot find symbol\n"), r.err());
        assertTrue(r.err().contains("\n" + name() + ":3: cannot find symbol\n"), r.err());
    }

    @Test
    void exceptionOnLineNReportsLineN() throws IOException {
        Run r = run("""
                int divide(int a, int b) {
                    int q = a / b;
                    return q;
                }
                System.out.println("before");
                for (int i = 0; i < 3; i++) {
                    System.out.println(
                        divide(6, 2 - i));
                }
                """);
        assertEquals(1, r.status());
        assertEquals("before\n3\n6\n", r.out());
        assertEquals(name() + ":8: ArithmeticException: / by zero (in divide at " + name() + ":2)\n", r.err());
    }

    @Test
    void dotbarExceptionIsItsMessageAlone() throws IOException {
        // Until the core lands, a snippet-defined class of that name stands in for dotbar.base.DotbarException.
        Run r = run("""
                class DotbarException extends RuntimeException { DotbarException(String m) { super(m); } }
                throw new DotbarException("no value for b");
                """);
        assertEquals(name() + ":2: no value for b\n", r.err());
    }

    @Test
    void theDslIsImportedAndItsErrorsAreTheirMessageAlone() throws IOException {
        Run r = run("""
                Expr x = sym("x");
                System.out.println(x instanceof Sym);

                var e = parse("a + * b");
                """);
        assertEquals("true\n", r.out());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(name() + ":4: "), r.err());
        assertTrue(r.err().contains("column 5"), r.err());
        assertTrue(!r.err().contains("Exception"), "a DotbarException (here the parser's) is its message alone: " + r.err());
    }

    @Test
    void unresolvedReferenceFailsWhereItIsUsed() throws IOException {
        Run r = run("""
                int f() { return g(); }
                System.out.println("declared");
                f();
                """);
        assertEquals("declared\n", r.out());
        assertEquals(name() + ":3: f cannot be used until method g() is defined\n", r.err());
    }

    @Test
    void forwardReferencesResolvedLaterAreFine() throws IOException {
        Run r = run("""
                boolean even(int n) { return n == 0 || odd(n - 1); }
                boolean odd(int n) { return n != 0 && even(n - 1); }
                System.out.println(even(10));
                """);
        assertEquals("true\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void openRunsAnotherScriptAndReportsItsLines() throws IOException {
        Files.writeString(dir.resolve("lib.jsh"), "int helper() { return 5; }\n\nint bad = 1 / 0;\n");
        Run r = run("""
                /open lib.jsh
                System.out.println("not reached");
                """);
        assertEquals(1, r.status());
        assertEquals("lib.jsh:3: ArithmeticException: / by zero\n", r.err());
        Run missing = run("int a = 1;\n/open nothere.jsh\n");
        assertEquals(1, missing.status());
        assertEquals(name() + ":2: no such file: nothere.jsh\n", missing.err());
    }

    @Test
    void exitCommandGivesItsStatus() throws IOException {
        Run r = run("System.out.println(1);\n/exit 7\nSystem.out.println(2);\n");
        assertEquals(7, r.status());
        assertEquals("1\n", r.out());
    }

    @Test
    void unreadableScripts() {
        Run missing = run(dir.resolve("none.jsh"));
        assertEquals(ScriptRunner.UNREADABLE, missing.status());
        assertEquals("dotbar: no such file: " + dir.resolve("none.jsh") + "\n", missing.err());
        Run directory = run(dir);
        assertEquals(ScriptRunner.UNREADABLE, directory.status());
        assertEquals("dotbar: " + dir + " is a directory, not a script\n", directory.err());
    }

    @Test
    void stdinScriptWithBadBytesOrAnUnfinishedSnippet() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        byte[] latin1 = "int a = 1;\nString s = \"caf\u00e9\";\n".getBytes(StandardCharsets.ISO_8859_1);
        int status = ScriptRunner.run(new ByteArrayInputStream(latin1), "stdin", List.of(), System.out, errStream);
        assertEquals(1, status);
        assertEquals("stdin:2: not UTF-8 text (byte 0xE9 at column 16)\n", err.toString(StandardCharsets.UTF_8));

        err.reset();
        byte[] unfinished = "int f() {\n  return 1;\n".getBytes(StandardCharsets.UTF_8);
        status = ScriptRunner.run(new ByteArrayInputStream(unfinished), "stdin", List.of(), System.out, errStream);
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("stdin:2: reached end of file while parsing"), err.toString());
    }

    @Test
    void argsLiteralSurvivesAnyCharacter() {
        assertEquals("{\"a\\\"b\", \"\\\\\", \"\\012\", \"\\u03b8\"}", ScriptRunner.arrayLiteral(List.of("a\"b", "\\", "\n", "θ")));
    }
}
