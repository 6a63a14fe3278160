package dotbar.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a script non-interactively in a fresh session: only what the script prints is printed, and
 * the first failing snippet ends the run with {@code FILE:LINE: message} on stderr.
 *
 * <p>Exit statuses: 0 when every snippet ran; 1 at the first failing snippet (compile error,
 * reference to something undefined, exception); 2 when the script cannot be read (missing, a
 * directory); {@code /exit N} gives N. {@code System.exit(N)} in a snippet ends the JVM with N.
 */
public final class ScriptRunner {

    /** Every snippet ran. */
    public static final int OK = 0;
    /** A snippet failed. */
    public static final int FAILED = 1;
    /** The script could not be read. */
    public static final int UNREADABLE = 2;

    private ScriptRunner() {
    }

    /**
     * Runs a script file.
     *
     * @param file the script
     * @param args bound to {@code String[] args} in the script
     * @param out  the script's standard output
     * @param err  error messages and the script's standard error
     * @return the exit status
     */
    public static int run(Path file, List<String> args, PrintStream out, PrintStream err) {
        if (Files.isDirectory(file)) {
            err.println("dotbar: " + file + " is a directory, not a script");
            return UNREADABLE;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return run(in, file.toString(), args, out, err);
        } catch (NoSuchFileException e) {
            err.println("dotbar: no such file: " + file);
            return UNREADABLE;
        } catch (IOException e) {
            err.println("dotbar: cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    /**
     * Runs a script read from a stream (standard input when it is not a terminal).
     *
     * @param in   the script's text, UTF-8
     * @param name the name used in messages, e.g. {@code stdin}
     * @param args bound to {@code String[] args} in the script
     * @param out  the script's standard output
     * @param err  error messages and the script's standard error
     * @return the exit status
     */
    public static int run(InputStream in, String name, List<String> args, PrintStream out, PrintStream err) {
        try (Session session = new Session(out, err)) {
            session.hideWhile(() -> session.eval("String[] args = " + arrayLiteral(args) + ";", null));
            Commands commands = new Commands(session, out, err);
            Flow flow;
            try {
                flow = new ScriptFeeder(session, commands, err, ScriptFeeder.Mode.STRICT).feed(new Utf8Lines(in), name);
            } catch (RuntimeException | LinkageError bug) {
                flow = new Flow.Fail(name + ": internal error: " + bug); // a bug of ours, reported without a trace
            }
            out.flush();
            return switch (flow) {
                case Flow.Continue c -> OK;
                case Flow.Exit exit -> exit.status();
                case Flow.Fail fail -> {
                    err.println(fail.message());
                    yield FAILED;
                }
            };
        }
    }

    /** {@code {"a", "b"}}: any argument survives as typed. */
    static String arrayLiteral(List<String> values) {
        return values.stream().map(JavaText::quote).collect(Collectors.joining(", ", "{", "}"));
    }
}
