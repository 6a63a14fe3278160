package dotbar.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The startup script, {@code repl-init/startup.jsh}: imports evaluated before the first prompt and
 * before every script.
 *
 * <p>It ships inside the jar (Maven copies it to {@code dotbar/repl/startup.jsh}), so the program
 * needs no repository path. The system property {@code dotbar.startup} names a file to use instead.
 * Imports of packages that do not exist yet are skipped silently, so the list may name every
 * planned package; any other failure is a warning, never fatal.
 */
final class Startup {

    static final String RESOURCE = "/dotbar/repl/startup.jsh";

    private Startup() {
    }

    static void load(Session session, PrintStream err) {
        String override = System.getProperty("dotbar.startup");
        String name = override != null ? override : "startup.jsh";
        try (InputStream in = open(override)) {
            if (in == null) {
                err.println("warning: " + RESOURCE + " is missing from the class path; no imports loaded");
                return;
            }
            Commands commands = new Commands(session, err, err);
            Flow flow = new ScriptFeeder(session, commands, err, ScriptFeeder.Mode.TOLERANT)
                    .feed(new Utf8Lines(in), name);
            if (flow instanceof Flow.Fail fail) {
                err.println("warning: " + fail.message());
            }
        } catch (IOException e) {
            err.println("warning: cannot read " + name + ": " + e.getMessage());
        }
    }

    private static InputStream open(String override) throws IOException {
        if (override != null) {
            return override.isEmpty() ? new ByteArrayInputStream(new byte[0]) : Files.newInputStream(Path.of(override));
        }
        return Startup.class.getResourceAsStream(RESOURCE);
    }
}
