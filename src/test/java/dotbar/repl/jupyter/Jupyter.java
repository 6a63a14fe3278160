package dotbar.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The real Jupyter tools for the kernel's tests: Debian's {@code python3-jupyter-client} (and
 * {@code jupyter-nbconvert}), which {@code .ci/run} installs with apt-get when they are missing.
 * A test that needs them is skipped, saying so, only when they are still missing (the install failed).
 * The kernel is installed with the real {@code scripts/dotbar --install-kernel} into a temporary
 * {@code JUPYTER_DATA_DIR}, and runs from the test class path ({@code DOTBAR_CLASSPATH}).
 */
final class Jupyter {

    static final Path LAUNCHER = Path.of("scripts/dotbar").toAbsolutePath();
    /** Debian's interpreter: the Debian packages' modules are on its path, not on other Pythons'. */
    static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    record Run(int status, String out, String err) { }

    private Jupyter() {
    }

    /** Skips the calling test, saying why, when the Python modules are not installed. */
    static void assumeInstalled(String... modules) {
        String imports = "import " + String.join(", ", modules);
        Run r;
        try {
            r = run(List.of(PYTHON, "-c", imports), Map.of(), null, 60);
        } catch (IOException e) {
            r = new Run(-1, "", e.getMessage());
        }
        Assumptions.assumeTrue(r.status() == 0, "skipped: " + PYTHON + " cannot " + imports + " (" + r.err().strip()
                + "); .ci/run installs python3-jupyter-client and jupyter-nbconvert with apt-get, and that must have failed");
    }

    /** The environment under which the kernelspec in {@code dataDir} is found and the kernel runs from the test class path. */
    static Map<String, String> environment(Path dataDir) {
        Map<String, String> env = new TreeMap<>();
        env.put("JUPYTER_DATA_DIR", dataDir.toString());
        env.put("DOTBAR_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return env;
    }

    /** Installs the kernelspec with the launcher into {@code dataDir}. */
    static void installKernel(Path dataDir) throws IOException {
        Run r = run(List.of(LAUNCHER.toString(), "--install-kernel"), environment(dataDir), null, 120);
        assertEquals(0, r.status(), r.out() + r.err());
    }

    /** Runs a command to its end (at most {@code seconds}), its output captured. */
    static Run run(List<String> command, Map<String, String> env, Path dir, int seconds) throws IOException {
        Path out = Files.createTempFile("dotbar-jupyter", ".out");
        Path err = Files.createTempFile("dotbar-jupyter", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            try {
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + seconds + " s; its output:\n"
                            + Files.readString(out) + Files.readString(err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
