package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code scripts/dotbar}: JDK discovery and a few script runs. The jar is not built here
 * ({@code DOTBAR_CLASSPATH} points the launcher at the test class path instead).
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("scripts/dotbar").toAbsolutePath();

    @TempDir
    Path dir;

    private Path fakeJdk17;
    private Path fakeBin;
    private Path emptyJvmDir;
    private Path realJdkLink;

    record Run(int status, String out, String err) { }

    @BeforeEach
    void fakeOldJdk() throws IOException {
        fakeJdk17 = dir.resolve("jdk-17");
        Path bin = Files.createDirectories(fakeJdk17.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path p = bin.resolve(tool);
            Files.writeString(p, "#!/bin/sh\necho 'openjdk version \"17.0.2\"' >&2\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(fakeJdk17.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
        fakeBin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(fakeBin.resolve("java"), bin.resolve("java"));
        emptyJvmDir = Files.createDirectories(dir.resolve("jvm"));
    }

    private Run launch(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
        pb.environment().put("DOTBAR_JVM_DIR", emptyJvmDir.toString());
        pb.environment().put("DOTBAR_CLASSPATH", testClassPath());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path in = dir.resolve("in.txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** A JVM directory holding the JDK running this test (>= 21, as the build requires). */
    private Map<String, String> withRealJdk() throws IOException {
        Path jvm = Files.createDirectories(dir.resolve("jvm-with-jdk"));
        realJdkLink = Files.createSymbolicLink(jvm.resolve("some-jdk"), Path.of(System.getProperty("java.home")));
        return Map.of("DOTBAR_JVM_DIR", jvm.toString());
    }

    @AfterEach
    void removeLinkOutOfTheTempDir() throws IOException {
        if (realJdkLink != null) {
            Files.delete(realJdkLink); // JUnit warns about links leading out of a temp dir it deletes
        }
    }

    @Test
    void noJdk21AnywhereGivesAClearMessage() throws Exception {
        Run r = launch(Map.of("JAVA_HOME", fakeJdk17.toString()), "");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("dotbar: needs a JDK 21 or newer, and found none.\n"), r.err());
        assertTrue(r.err().contains("JAVA_HOME=" + fakeJdk17 + ": JDK 17"), r.err());
        assertTrue(r.err().contains("java on PATH (" + fakeBin.resolve("java") + "): JDK 17"), r.err());
        assertTrue(r.err().contains(emptyJvmDir + ": no JDK"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void findsAJdkInTheJvmDirectoryRunsAScriptWithArgsAndSystemExitGivesItsStatus() throws Exception {
        // One JVM for three things: each launch costs seconds on a busy machine.
        Path script = dir.resolve("hello.jsh");
        Files.writeString(script, """
                System.out.println("θ " + String.join(",", args));
                System.out.print("bye");
                System.exit(3);
                System.out.println("not reached");
                """);
        Run r = launch(withRealJdk(), "", script.toString(), "a", "b c");
        assertEquals("θ a,b c\nbye", r.out());
        assertEquals("", r.err(), "no stack trace");
        assertEquals(3, r.status());
    }

    @Test
    void stdinThatIsNotATerminalRunsAsAScript() throws Exception {
        Run r = launch(withRealJdk(), "int x = 2;\nSystem.out.println(x * 21);\nint y = x / 0;\n", "-", "ignored");
        assertEquals("42\n", r.out());
        assertEquals("stdin:3: ArithmeticException: / by zero\n", r.err());
        assertEquals(1, r.status());
    }
}
