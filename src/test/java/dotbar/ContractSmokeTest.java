package dotbar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.repl.ScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dsl.md as a runnable script ({@code contract-smoke.jsh}, dotbar's copy of the shared one):
 * every contract name called once, with values worked out by hand, run exactly as a user's
 * script runs — through the script runner, with the startup imports.
 */
class ContractSmokeTest {
    @Test
    void theContractScriptEndsWithContractOk() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (InputStream script = getClass().getResourceAsStream("/contract-smoke.jsh")) {
            status = ScriptRunner.run(script, "contract-smoke.jsh", List.of(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "stderr of the contract script");
        assertEquals("CONTRACT OK\n", printed);
        assertEquals(ScriptRunner.OK, status);
    }
}
