package dotbar.repl;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry point, started by {@code scripts/dotbar}.
 *
 * <pre>
 * dotbar                  the REPL (standard input a terminal)
 * dotbar FILE.jsh ARGS…   runs the script with {@code String[] args} bound to ARGS
 * dotbar [- ARGS…]        standard input not a terminal (or "-"): runs it as a script
 * </pre>
 *
 * Text is UTF-8 in and out whatever the locale says. History goes to {@code $HOME/.dotbar_history},
 * or to the file named by the system property {@code dotbar.history}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the REPL or a script and exits with its status.
     *
     * @param argv a script and its arguments, or nothing
     */
    public static void main(String[] argv) {
        PrintStream out = utf8(FileDescriptor.out);
        PrintStream err = utf8(FileDescriptor.err);
        System.setOut(out);
        System.setErr(err);
        // A snippet may print without a newline and then call System.exit: flush on any exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.flush();
            err.flush();
        }));
        System.exit(run(argv, out, err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length > 0 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.println("usage: dotbar                 interactive REPL");
            out.println("       dotbar FILE.jsh ARGS…  run a script, String[] args = ARGS");
            out.println("       … | dotbar [- ARGS…]   run standard input as a script");
            out.println("       dotbar --install-kernel    register the Jupyter kernel \"dotbar\" for this user");
            out.println("       dotbar --uninstall-kernel  remove it");
            out.println("       dotbar --kernel FILE       run the kernel (Jupyter starts it so)");
            return 0;
        }
        if (argv.length > 0 && dotbar.repl.jupyter.KernelMain.handles(argv[0])) {
            return dotbar.repl.jupyter.KernelMain.run(argv, out, err);
        }
        if (argv.length == 1 && argv[0].equals("--aot-train")) {
            return AotTraining.run();
        }
        List<String> rest = argv.length > 1 ? Arrays.asList(argv).subList(1, argv.length) : List.of();
        if (argv.length > 0 && !argv[0].equals("-")) {
            return ScriptRunner.run(Path.of(argv[0]), rest, out, err);
        }
        if (argv.length > 0 || !stdinIsTerminal()) {
            return ScriptRunner.run(System.in, "stdin", rest, out, err);
        }
        return repl(err);
    }

    /**
     * Opening the terminal (JLine runs {@code stty}) and starting JShell (the compiler warms up on
     * the startup imports) are both slow and independent: do them at the same time.
     */
    private static int repl(PrintStream err) {
        DeferredOutputStream screen = new DeferredOutputStream();
        PrintStream sessionOut = new PrintStream(screen, true, StandardCharsets.UTF_8);
        FutureTask<Session> starting = new FutureTask<>(() -> new Session(sessionOut, sessionOut));
        Thread starter = new Thread(starting, "dotbar-startup");
        starter.setDaemon(true);
        starter.start();
        try (Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .encoding(StandardCharsets.UTF_8)
                .stdinEncoding(StandardCharsets.UTF_8)
                .stdoutEncoding(StandardCharsets.UTF_8)
                .build()) {
            screen.connect(terminal.output());
            return new Repl(terminal, historyFile()).run(starting.get(), sessionOut);
        } catch (IOException e) {
            err.println("dotbar: cannot open the terminal: " + e.getMessage());
            return 1;
        } catch (ExecutionException e) {
            err.println("dotbar: cannot start JShell: " + e.getCause());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd)), true, StandardCharsets.UTF_8);
    }

    /** The launcher knows ({@code [ -t 0 ]}); started otherwise, ask the JDK. */
    private static boolean stdinIsTerminal() {
        String told = System.getProperty("dotbar.stdin.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+: a Console exists even when redirected; isTerminal() says whether it is one.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException jdk21) {
            return true;
        }
    }

    private static Path historyFile() {
        String configured = System.getProperty("dotbar.history");
        if (configured != null) {
            return Path.of(configured);
        }
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".dotbar_history");
    }
}
