package dotbar.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under the real client: {@code src/test/jupyter/kernel_checks.py} starts it from the
 * kernelspec with {@code jupyter_client}, runs cells and checks each MIME bundle, completion,
 * inspection, history, interrupts (message and SIGINT), huge and binary output, badly signed
 * messages, restart and shutdown. Each of its checks is one test here.
 */
class KernelClientTest {

    private static final Path CHECKS = Path.of("src/test/jupyter/kernel_checks.py").toAbsolutePath();
    /** The checks the script runs, in order: a check that went missing fails too. */
    private static final List<String> EXPECTED = List.of("kernel_info", "binds_only_to_the_connection_files_ip",
            "expression_as_latex_and_text", "grad_and_point_as_html_tables", "trace_check_hessian_as_html",
            "optimizer_status_and_history_as_html", "plot_as_svg_png_and_terminal_picture",
            "display_mid_cell_and_streams_in_order", "output_streams_while_the_cell_runs",
            "standard_input_asks_the_client", "errors_are_error_replies", "silent_and_store_history",
            "complete_and_inspect", "is_complete", "interrupt_a_runaway_cell_within_2_s",
            "sigint_stops_a_long_step_with_a_progress_display", "huge_and_binary_output",
            "badly_signed_and_unsigned_messages_are_dropped", "restart_starts_a_fresh_session",
            "shutdown_request_ends_the_kernel");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> theRealClientDrivesTheKernel() throws Exception {
        Jupyter.assumeInstalled("jupyter_client", "zmq");
        Path data = Files.createDirectories(dir.resolve("jupyter-data"));
        Jupyter.installKernel(data);
        Path log = dir.resolve("kernel.log");
        Jupyter.Run run = Jupyter.run(List.of(Jupyter.PYTHON, CHECKS.toString(), log.toString()), Jupyter.environment(data), dir, 600);
        List<JsonObject> results = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (line.startsWith("{")) {
                results.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        String context = "exit " + run.status() + "\nstderr:\n" + run.err() + "\nkernel log:\n"
                + (Files.exists(log) ? Files.readString(log) : "(none)");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every check ran", () -> assertEquals(EXPECTED,
                results.stream().map(r -> r.get("check").getAsString()).toList(), context)));
        for (JsonObject r : results) {
            tests.add(DynamicTest.dynamicTest(r.get("check").getAsString(),
                    () -> assertTrue(r.get("ok").getAsBoolean(), r.get("detail") + "\n" + context)));
        }
        return tests.stream();
    }
}
