package dotbar.repl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The workload of the JDK 25 AOT-cache training run ({@code dotbar --aot-train}, started by the
 * launcher with {@code -XX:AOTCacheOutput}): a script and a REPL session on an in-memory terminal,
 * so the classes both paths load at startup are cached. Nothing is printed.
 */
final class AotTraining {

    /**
     * Snippets typical of a first minute; DSL calls fail harmlessly if the DSL is not there. The
     * tape, grad and optimizer lines load those classes and leave the JIT profiles of the tape's
     * interpreter in the cache, so a user's first compiled gradients do not wait for the JIT.
     */
    private static final String INPUT = """
            1 + 1
            int twice(int a) {
                return 2 * a;
            }
            twice(21)
            var e = parse("a*b + sin(c)^2")
            diff(e, "c")
            Math.sqrt(2)
            var f = parse("100*(y - x^2)^2 + (1 - x)^2")
            var tape = compile(f, "x", "y")
            double[] xy = {-1.2, 1}, gxy = new double[2]
            for (int i = 0; i < 100_000; i++) tape.gradient(xy, gxy);
            for (int i = 0; i < 100_000; i++) tape.value(xy);
            grad(f, at("x=-1.2, y=1"))
            grad(f)
            adam(f, at("x=-1.5, y=2")).lr(0.01).step(2000)
            nosuch(1)
            /vars
            """;

    private AotTraining() {
    }

    static int run() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        ScriptRunner.run(new ByteArrayInputStream(INPUT.replace("nosuch(1)\n", "").getBytes(StandardCharsets.UTF_8)),
                "training", List.of(), nowhere, nowhere);
        Path history = null;
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("dumb")
                .streams(new ByteArrayInputStream((INPUT + "/exit\n").getBytes(StandardCharsets.UTF_8)),
                        OutputStream.nullOutputStream())
                .encoding(StandardCharsets.UTF_8).build()) {
            history = Files.createTempFile("dotbar-training", ".history");
            new Repl(terminal, history).run();
        } catch (IOException e) {
            return 1;
        } finally {
            if (history != null) {
                history.toFile().delete();
            }
        }
        return 0;
    }
}
