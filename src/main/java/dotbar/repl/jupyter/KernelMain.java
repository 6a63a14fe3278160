package dotbar.repl.jupyter;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The command line's Jupyter entries ({@code scripts/dotbar --kernel FILE}, {@code --install-kernel},
 * {@code --uninstall-kernel}), called from {@link dotbar.repl.Main}.
 */
public final class KernelMain {

    /** Bad usage, an unusable connection file, a port that cannot be bound. */
    public static final int BAD_INPUT = 2;

    private KernelMain() {
    }

    /** Whether {@code option} is one of this class's. */
    public static boolean handles(String option) {
        return option.equals("--kernel") || option.equals("--install-kernel") || option.equals("--uninstall-kernel");
    }

    /**
     * Runs the option.
     *
     * @param argv the option and its arguments
     * @return the exit status
     */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        switch (argv[0]) {
            case "--install-kernel" -> {
                return KernelSpec.install(out, err);
            }
            case "--uninstall-kernel" -> {
                return KernelSpec.uninstall(out, err);
            }
            default -> {
                if (argv.length != 2) {
                    err.println("dotbar: usage: dotbar --kernel CONNECTION_FILE (Jupyter starts it so; see --install-kernel)");
                    return BAD_INPUT;
                }
                Connection connection;
                try {
                    connection = Connection.read(Path.of(argv[1]));
                } catch (Connection.Invalid e) {
                    err.println("dotbar: " + e.getMessage());
                    return BAD_INPUT;
                }
                Kernel kernel = new Kernel(connection, err);
                onSigint(kernel);
                return kernel.run();
            }
        }
    }

    /**
     * A client whose kernelspec asks for signal interrupts (or a user at a terminal) sends SIGINT:
     * it stops the running cell, as an {@code interrupt_request} does, instead of ending the JVM.
     */
    private static void onSigint(Kernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException noSignals) {
            // a platform without SIGINT: interrupt_request still works
        }
    }

    /** dotbar's version, from the jar's manifest when there is one. */
    static String version() {
        String v = KernelMain.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
