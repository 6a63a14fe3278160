package dotbar.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/dotbar --install-kernel}, {@code --uninstall-kernel} and {@code --kernel FILE}
 * through the real launcher: where the kernelspec goes, what it says, and what bad input does.
 */
class KernelCommandLineTest {

    @TempDir
    Path dir;

    private Jupyter.Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Jupyter.LAUNCHER.toString()));
        command.addAll(List.of(args));
        return Jupyter.run(command, env, dir, 120);
    }

    @Test
    void installWritesTheKernelspecAndUninstallRemovesIt() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Jupyter.environment(data);
        Jupyter.Run installed = launch(env, "--install-kernel");
        assertEquals(0, installed.status(), installed.err());
        Path folder = data.resolve("kernels/dotbar");
        assertTrue(installed.out().contains(folder.toString()), installed.out());
        JsonObject spec = JsonParser.parseString(Files.readString(folder.resolve("kernel.json"))).getAsJsonObject();
        assertEquals(List.of(Jupyter.LAUNCHER.toString(), "--kernel", "{connection_file}"),
                spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals("java", spec.get("language").getAsString());
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
            byte[] png = Files.readAllBytes(folder.resolve(logo));
            assertEquals(0x89, png[0] & 0xff, logo);
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), logo);
            int width = (png[16] & 0xff) << 24 | (png[17] & 0xff) << 16 | (png[18] & 0xff) << 8 | (png[19] & 0xff);
            assertEquals(Integer.parseInt(logo.replaceAll("\\D+(\\d+)x.*", "$1")), width, logo + " is as wide as its name says");
        }
        Jupyter.Run removed = launch(env, "--uninstall-kernel");
        assertEquals(0, removed.status(), removed.err());
        assertFalse(Files.exists(folder));
        Jupyter.Run again = launch(env, "--uninstall-kernel");
        assertEquals(0, again.status());
        assertTrue(again.out().contains("no dotbar kernel installed"), again.out());
    }

    /** A PATH whose {@code jupyter} is a script of ours, and the tools the launcher needs. */
    private Map<String, String> withFakeJupyter(String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path jupyter = bin.resolve("jupyter");
        Files.writeString(jupyter, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(jupyter, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(Jupyter.environment(dir));
        env.remove("JUPYTER_DATA_DIR");
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("HOME", dir.resolve("home").toString());
        return env;
    }

    @Test
    void withoutJupyterDataDirTheKernelspecGoesWhereJupyterSays() throws Exception {
        Path said = dir.resolve("said-by-jupyter");
        Jupyter.Run r = launch(withFakeJupyter("[ \"$1\" = --data-dir ] && echo " + said), "--install-kernel");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(said.resolve("kernels/dotbar/kernel.json")), r.out());
    }

    @Test
    void withoutAWorkingJupyterItGoesUnderHome() throws Exception {
        Jupyter.Run r = launch(withFakeJupyter("exit 1"), "--install-kernel");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(dir.resolve("home/.local/share/jupyter/kernels/dotbar/kernel.json")), r.out());
    }

    @Test
    void aMissingConnectionFileIsExit2() throws Exception {
        Jupyter.Run r = launch(Jupyter.environment(dir), "--kernel", dir.resolve("nope.json").toString());
        assertEquals(2, r.status());
        assertEquals("dotbar: no such connection file: " + dir.resolve("nope.json") + "\n", r.err());
        Jupyter.Run none = launch(Jupyter.environment(dir), "--kernel");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("usage: dotbar --kernel CONNECTION_FILE"), none.err());
    }

    @Test
    void aMalformedConnectionFileIsExit2WithWhatIsWrong() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"ip\": \"127.0.0.1\", \"shell_port\": ");
        Jupyter.Run r = launch(Jupyter.environment(dir), "--kernel", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("dotbar: " + file + " is not a connection file: its JSON does not parse"), r.err());
        Files.writeString(file, "{\"ip\": \"127.0.0.1\", \"shell_port\": 5000, \"iopub_port\": 5001, \"stdin_port\": 5002,"
                + " \"control_port\": 5003, \"key\": \"k\"}");
        r = launch(Jupyter.environment(dir), "--kernel", file.toString());
        assertEquals(2, r.status());
        assertEquals("dotbar: " + file + ": \"hb_port\" is missing\n", r.err());
        Files.writeString(file, "[1, 2]");
        r = launch(Jupyter.environment(dir), "--kernel", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("holds no JSON object"), r.err());
    }

    /**
     * Five distinct free ports, the shell's first: the sockets that found them stay open until all
     * are found, so that two channels never get the same port (closing one at once and asking again
     * can hand the same port back, and the kernel then fails to bind its second channel).
     */
    private static int[] freePorts() throws Exception {
        List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            int[] ports = new int[5];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private Path connectionFile() throws Exception {
        return connectionFile(freePorts());
    }

    /** A connection file for the ports shell, iopub, stdin, control, heartbeat, in that order. */
    private Path connectionFile(int[] ports) throws Exception {
        Path file = dir.resolve("kernel-" + ports[0] + ".json");
        Files.writeString(file, String.format("{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": %d, \"iopub_port\": %d,"
                + " \"stdin_port\": %d, \"control_port\": %d, \"hb_port\": %d, \"key\": \"a-key\", \"signature_scheme\": \"hmac-sha256\"}",
                ports[0], ports[1], ports[2], ports[3], ports[4]));
        return file;
    }

    @Test
    void aPortInUseIsExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] ports = freePorts();  // distinct from the taken one, which is open meanwhile
            ports[0] = taken.getLocalPort();
            Path file = connectionFile(ports);
            Jupyter.Run r = launch(Jupyter.environment(dir), "--kernel", file.toString());
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("cannot bind the shell channel to tcp://127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use"), r.err());
        }
    }

    @Test
    void theKernelEndsWhenTheProcessThatStartedItIsKilled() throws Exception {
        Path file = connectionFile();
        Path log = dir.resolve("kernel.err");
        // a parent that starts the kernel, says its pid, and is then killed without a word to the kernel
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "\"$0\" --kernel \"$1\" 2>\"$2\" & echo $!; wait",
                Jupyter.LAUNCHER.toString(), file.toString(), log.toString()).redirectErrorStream(true);
        pb.environment().putAll(Jupyter.environment(dir));
        Process parent = pb.start();
        long kernelPid = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            kernelPid = Long.parseLong(lines.readLine().strip());
            ProcessHandle kernel = ProcessHandle.of(kernelPid).orElseThrow();
            // it is up once it listens on its shell port; a kernel that ended instead says why in its log
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            int shell = JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("shell_port").getAsInt();
            while (!listening(shell) && kernel.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(listening(shell), () -> "the kernel came up (alive: " + kernel.isAlive() + "); its log:\n" + read(log));
            parent.destroyForcibly().waitFor();
            assertTrue(kernel.onExit().get(300, TimeUnit.SECONDS) != null && !kernel.isAlive(), "the kernel ended after its parent");
        } finally {
            ProcessHandle.of(parent.pid()).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(kernelPid).ifPresent(ProcessHandle::destroyForcibly); // a failed test leaves no kernel behind
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void theKernelEndsWhenTheHeartbeatStops() throws Exception {
        Path file = connectionFile();
        JsonObject info = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        Map<String, String> env = new HashMap<>(Jupyter.environment(dir));
        env.put("JAVA_TOOL_OPTIONS", "-Ddotbar.kernel.heartbeat=2");
        ProcessBuilder pb = new ProcessBuilder(Jupyter.LAUNCHER.toString(), "--kernel", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile());
        pb.environment().putAll(env);
        Process kernel = pb.start();
        try (org.zeromq.ZContext context = new org.zeromq.ZContext()) {
            org.zeromq.ZMQ.Socket ping = context.createSocket(org.zeromq.SocketType.REQ);
            ping.setReceiveTimeOut(300_000);
            ping.connect("tcp://127.0.0.1:" + info.get("hb_port").getAsInt());
            ping.send("ping");
            assertEquals("ping", ping.recvStr(), "the heartbeat echoes");
            // the client goes silent: the kernel notices and ends
            assertTrue(kernel.waitFor(300, TimeUnit.SECONDS), "the kernel ended after its heartbeat stopped");
            assertEquals(0, kernel.exitValue());
            assertTrue(Files.readString(dir.resolve("kernel.log")).contains("no heartbeat for 2 s; the client is gone"),
                    Files.readString(dir.resolve("kernel.log")));
        } finally {
            kernel.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
