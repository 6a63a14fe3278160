package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.optim.Optimizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Printed plots of every kind, character for character, against golden files in
 * {@code src/test/resources/plots/} (recorded before {@code Plot} became a family of one class per
 * kind, so the split changed no picture). {@code -Ddotbar.golden.write=true} records them anew.
 */
class PlotGoldenTest {
    private static final Path FOLDER = Path.of("src/test/resources/plots");

    /** A picture drawn for a terminal {@code columns} wide with {@code rows} rows (0: unknown), in colour or not. */
    private static String draw(Plot p, int columns, int rows, boolean colour) {
        Terminal.environment = name -> null;   // NO_COLOR as if unset
        try {
            return p.render(new Terminal(columns, rows, colour));
        } finally {
            Terminal.environment = System::getenv;
        }
    }

    private static String plain(Plot p) { return draw(p, 72, 0, false); }

    private static String coloured(Plot p) { return draw(p, 72, 0, true); }

    private static String sha256(String svg) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(svg.replaceAll("_\\d+clip", "_clip").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Supplier<String>> pictures() {
        var m = new LinkedHashMap<String, Supplier<String>>();
        m.put("function", () -> plain(plot("x^2*sin(x)", "x", -3, 3)));
        m.put("three-functions-coloured", () -> coloured(plot(sin(sym("x")), cos(sym("x")), parse("x/3"), "x", -3, 3)));
        m.put("function-ylim-series-path", () -> plain(plot("1/x", "x", -2, 2).ylim(-5, 5).title("a pole")
                .series("data", new double[] {-2, -1, 1, 2}, new double[] {-0.5, -1, 1, 0.5})
                .path("walk", new double[] {0.5, 1, 1.5}, null).size(60, 12)));
        m.put("function-log", () -> plain(plot("exp(x)", "x", 0, 10).logScale().size(50, 10)));
        m.put("contour", () -> plain(contour("(1-x)^2 + 100*(y-x^2)^2", "x", -2, 2, "y", -1, 3).size(60, 16)));
        m.put("contour-levels-path", () -> plain(contour("x^2 + 3*y^2", "x", -1, 1, "y", -1, 1).levels(0.1, 0.5, 1)
                .path("gd", List.of(at("x=0.9, y=0.8"), at("x=0.5, y=0.2"), at("x=0.1, y=0.01"))).size(60, 16)));
        m.put("contour-shaded-coloured", () -> coloured(contour("x^2 + y^2", "x", -1, 1, "y", -1, 1).shaded().size(40, 10)));
        m.put("contour-log-linear", () -> plain(contour("x^2 + y^2", "x", -1, 1, "y", -1, 1).logLevels().size(40, 10))
                + plain(contour("x^2 + y^2", "x", -1, 1, "y", -1, 1).linearLevels().levels(4).size(40, 10)));
        m.put("loss-curves", () -> plain(lossCurve("a", new double[] {10, 3, 1, 0.3, 0.1, 0.05})
                .lossCurve("b", new double[] {10, 5, 0, 2, 1, 0.9})));
        m.put("bars", () -> plain(bars(List.of("one", "two", "three"), new double[] {0.25, -0.0625, 1.5})));
        m.put("bars-log-two-series-coloured", () -> coloured(bars(List.of("1", "2", "3"), "sigmoid", new double[] {0.25, 0.0625, 1e-12})
                .bars("relu", new double[] {1, 0, 1}).logScale()));
        m.put("narrow", () -> draw(plot("x", "x", 0, 1), 29, 0, false));
        m.put("short-terminal", () -> draw(plot("x", "x", 0, 1), 80, 14, false));
        m.put("optimizers", () -> {
            var bowl = parse("(x-1)^2 + 10*(y+2)^2");
            Optimizer gd = gd(bowl, at("x=0, y=0")).lr(0.01).step(40);
            Optimizer adam = adam(bowl, at("x=0, y=0")).lr(0.1).step(40);
            return plain(contour(bowl, "x", -1, 2, "y", -3, 1).size(60, 20).path(gd, adam))
                    + plain(gd.plot()) + plain(Plot.losses(gd, adam));
        });
        // the files' pictures by their SHA-256 (JFreeSVG numbers its clip paths by the clock: those ids are left out)
        m.put("svg-sha256", () -> sha256(plot("x^2*sin(x)", "x", -3, 3).series("d", new double[] {0, 1}, new double[] {1, 0}).svg(400, 300)) + "\n"
                + sha256(contour("x^2 + y^2", "x", -1, 1, "y", -1, 1).path("p", new double[] {0.5, 0}, new double[] {0.5, 0}).svg(400, 300)) + "\n"
                + sha256(bars(List.of("1", "2"), "a", new double[] {1, 2}).bars("b", new double[] {2, 1}).logScale().svg(400, 300)) + "\n"
                + sha256(lossCurve("l", new double[] {3, 2, 1}).svg(400, 300)) + "\n");
        return m;
    }

    /** Printing draws for the session's terminal; a picture for another terminal is asked for, not set globally. */
    @Test
    void printingUsesTheSessionTerminalAndRenderTakesOne() {
        var p = plot("x^2", "x", -1, 1);
        assertEquals(p.render(Plot.session()), p.toString());
        assertEquals(draw(p, 72, 0, false), p.render(new Terminal(72, 0, false)));
        assertEquals(80, Plot.session().columns(), "rendering for 72 columns left the session alone");
        String ascii = p.render(new Terminal(72, 0, false, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("(the terminal's charset US-ASCII has no braille; a plot needs UTF-8; save(\"plot.svg\") writes a file)\n", ascii);
    }

    @Test
    void everyKindPrintsAsRecorded() throws IOException {
        boolean write = Boolean.getBoolean("dotbar.golden.write");
        var wrong = new ArrayList<String>();
        for (var e : pictures().entrySet()) {
            Path file = FOLDER.resolve(e.getKey() + ".txt");
            String text = e.getValue().get();
            if (write) {
                Files.createDirectories(FOLDER);
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else if (!text.equals(Files.readString(file, StandardCharsets.UTF_8))) {
                wrong.add(e.getKey() + ":\n" + text);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
