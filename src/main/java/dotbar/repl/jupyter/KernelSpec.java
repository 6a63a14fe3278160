package dotbar.repl.jupyter;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The kernelspec: {@code kernels/dotbar/kernel.json} (running {@code scripts/dotbar --kernel
 * {connection_file}}) and its logos, in the user's Jupyter data folder as Jupyter's own tools find
 * it: {@code $JUPYTER_DATA_DIR} when set, else what {@code jupyter --data-dir} prints, else
 * {@code ~/.local/share/jupyter} under {@code $HOME}.
 *
 * <p>The logo is drawn here (a dot with a bar over it, dotbar's name as a picture): no binary file
 * in the repository.
 */
final class KernelSpec {

    /** The kernel's name, as in {@code jupyter console --kernel dotbar}. */
    static final String NAME = "dotbar";

    private KernelSpec() {
    }

    static int install(PrintStream out, PrintStream err) {
        String launcher = System.getProperty("dotbar.launcher");
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            err.println("dotbar: --install-kernel must be run through scripts/dotbar (it names the launcher in kernel.json)");
            return KernelMain.BAD_INPUT;
        }
        Path folder = folder(System::getenv);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("kernel.json"), Message.GSON.newBuilder().setPrettyPrinting().create()
                    .toJson(kernelJson(Path.of(launcher).toAbsolutePath().normalize().toString())) + "\n", StandardCharsets.UTF_8);
            for (int size : List.of(32, 64)) {
                ImageIO.write(logo(size), "png", folder.resolve("logo-" + size + "x" + size + ".png").toFile());
            }
            Files.writeString(folder.resolve("logo-svg.svg"), LOGO_SVG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("dotbar: cannot write the kernelspec in " + folder + ": " + e.getMessage());
            return 1;
        }
        out.println("installed the Jupyter kernel \"" + NAME + "\" in " + folder);
        out.println("try: jupyter console --kernel " + NAME + "   (or pick \"dotbar (Java)\" in JupyterLab)");
        return 0;
    }

    static int uninstall(PrintStream out, PrintStream err) {
        Path folder = folder(System::getenv);
        if (!Files.exists(folder)) {
            out.println("no dotbar kernel installed in " + folder);
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            err.println("dotbar: cannot remove " + folder + ": " + e.getMessage());
            return 1;
        }
        out.println("removed the Jupyter kernel \"" + NAME + "\" from " + folder);
        return 0;
    }

    static JsonObject kernelJson(String launcher) {
        JsonObject spec = new JsonObject();
        JsonArray argv = new JsonArray();
        argv.add(launcher);
        argv.add("--kernel");
        argv.add("{connection_file}");
        spec.add("argv", argv);
        spec.addProperty("display_name", "dotbar (Java)");
        spec.addProperty("language", "java");
        // interrupts come as interrupt_request on the control channel; SIGINT works as well
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return spec;
    }

    /** {@code DATA/kernels/dotbar}, DATA found as Jupyter finds it. */
    static Path folder(UnaryOperator<String> env) {
        return dataFolder(env).resolve("kernels").resolve(NAME);
    }

    private static Path dataFolder(UnaryOperator<String> env) {
        String configured = env.apply("JUPYTER_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String asked = askJupyter();
        if (asked != null) {
            return Path.of(asked);
        }
        String home = env.apply("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /** What {@code jupyter --data-dir} prints, or {@code null} when there is no such command or it fails. */
    private static String askJupyter() {
        try {
            Process p = new ProcessBuilder("jupyter", "--data-dir").redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && !text.isEmpty() && !text.contains("\n") ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static final String LOGO_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
              <rect x="2" y="2" width="60" height="60" rx="12" fill="#1f3b73"/>
              <line x1="16" y1="20" x2="48" y2="20" stroke="#ffffff" stroke-width="6" stroke-linecap="round"/>
              <circle cx="32" cy="41" r="9" fill="#f2b134"/>
            </svg>
            """;

    /** The same picture as {@link #LOGO_SVG}, {@code size} pixels square. */
    static BufferedImage logo(int size) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(size / 64.0, size / 64.0);
        g.setColor(new Color(0x1f3b73));
        g.fill(new RoundRectangle2D.Double(2, 2, 60, 60, 24, 24));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(16, 20, 48, 20));
        g.setColor(new Color(0xf2b134));
        g.fill(new Ellipse2D.Double(23, 32, 18, 18));
        g.dispose();
        return image;
    }

    /** For tests: the environment lookups {@link #folder} makes. */
    static Path folder(Map<String, String> env) {
        return folder(env::get);
    }
}
