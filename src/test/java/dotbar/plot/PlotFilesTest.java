package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotFilesTest {
    private final Sym x = sym("x"), y = sym("y");
    @TempDir Path dir;

    private static Document parse(Path file) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);  // nothing fetched
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Document d) {
        var out = new ArrayList<String>();
        NodeList ts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < ts.getLength(); i++) out.add(ts.item(i).getTextContent());
        return out;
    }

    /** The path elements drawn with stroke {@code rgb} and their total number of line-to commands. */
    private static int strokedSegments(Document d, String rgb) {
        NodeList ps = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        int segments = 0;
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            if (stroke(p).contains("stroke:" + rgb + ";")) {
                segments += p.getAttribute("d").chars().filter(c -> c == 'L').count();
            }
        }
        return segments;
    }

    /** The style of the element or of the nearest enclosing group that sets a stroke. */
    private static String stroke(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.getAttribute("style").contains("stroke:")) return el.getAttribute("style");
        }
        return "";
    }

    @Test
    void svgIsWellFormedXmlWithTheSeriesTitleAndSize() throws Exception {
        Path file = plot(sin(x), cos(x), "x", -3, 3).title("waves <&>").save(dir.resolve("waves.svg").toString(), 640, 480);
        assertEquals(dir.resolve("waves.svg").toAbsolutePath(), file);
        Document d = parse(file);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(640, Double.parseDouble(root.getAttribute("width")), 1e-9);
        assertEquals(480, Double.parseDouble(root.getAttribute("height")), 1e-9);
        var texts = texts(d);
        assertTrue(texts.contains("waves <&>"), texts.toString());
        assertTrue(texts.contains(sin(x).toString()) && texts.contains(cos(x).toString()), "legend: " + texts);
        assertTrue(texts.contains("x"), "axis name");
        // each function is a line in its palette colour (the terminal's blue and red)
        assertTrue(strokedSegments(d, "rgb(31,119,180)") > 100, "sin drawn in blue");
        assertTrue(strokedSegments(d, "rgb(214,39,40)") > 100, "cos drawn in red");
        assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file left");
        assertTrue(Files.isReadable(file) && Files.size(file) > 1000);
        assertEquals("true", System.getProperty("java.awt.headless"));
    }

    @Test
    void theSvgOfAContourHasTheTerminalsLevelsAndPaths() throws Exception {
        Expr rosenbrock = num(1).minus(x).pow(2).plus(y.minus(x.pow(2)).pow(2).times(100));
        var p = contour(rosenbrock, "x", -2, 2, "y", -1, 3)
                .path("adam", List.of(Point.of("x", -1.5, "y", 2), Point.of("x", 0, "y", 0.5), Point.of("x", 1, "y", 1)));
        String terminal = p.size(60, 12).render();
        String levels = terminal.lines().filter(l -> l.strip().startsWith("levels")).findFirst().orElseThrow().strip();
        Document d = parse(p.save(dir.resolve("race.svg").toString()));
        var texts = texts(d);
        // the same levels, written with two spaces in the file's subtitle
        assertTrue(texts.contains(levels.replace(" ", "  ").replace("levels  (log):  ", "levels (log): ")), levels + " vs " + texts);
        assertTrue(texts.contains("adam"), texts.toString());
        assertTrue(strokedSegments(d, "rgb(31,119,180)") >= 2, "the path's two segments");
    }

    @Test
    void aLongPathIsOneLineThroughEveryPointWithAFewMarkers() throws Exception {
        // 3001 points of a spiral: the line has 3000 segments; markers on every 62nd point and the last
        var points = new ArrayList<Point>();
        for (int i = 0; i <= 3000; i++) points.add(Point.of("x", Math.cos(i / 100.0) * i / 3000, "y", Math.sin(i / 100.0) * i / 3000));
        Path file = contour(x.pow(2).plus(y.pow(2)), "x", -1, 1, "y", -1, 1).path("spiral", points).save(dir.resolve("spiral.svg").toString());
        Document d = parse(file);
        assertEquals(3000, strokedSegments(d, "rgb(31,119,180)") - 1, "the line through every point (and the legend's line)");
        NodeList gs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        int markers = 0;
        for (int i = 0; i < gs.getLength(); i++) {
            if (((Element) gs.item(i)).getAttribute("style").startsWith("fill:rgb(31,119,180)")) markers++;
        }
        assertEquals(3000 / 62 + 1 + 1 + 1, markers, "markers at 0, 62, …, 2976, the last point, and the legend's");
        assertTrue(markers <= ChartFiles.PATH_MARKERS + 1);
        assertTrue(Files.size(file) < 500_000, "size " + Files.size(file));
    }

    @Test
    void pngHasTheSignatureAndTheGivenSize() throws Exception {
        Path file = bars(List.of("1", "2", "3"), new double[]{0.25, 0.0625, 0.015625}).logScale().save(dir.resolve("bars.png").toString(), 320, 200);
        byte[] bytes = Files.readAllBytes(file);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < 8; i++) assertEquals(signature[i], bytes[i], "signature byte " + i);
        assertEquals("IHDR", new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(320, ByteBuffer.wrap(bytes, 16, 4).getInt());
        assertEquals(200, ByteBuffer.wrap(bytes, 20, 4).getInt());
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void everyKindSavesBothWaysAndOverwrites() throws Exception {
        var plots = List.of(
                plot(sqrt(x), "x", -1, 1),
                lossCurve("gd", new double[]{3, 1, 0, 0.1}),
                contour(x.pow(2).plus(y.pow(2)), "x", -1, 1, "y", -1, 1).shaded(),
                bars(List.of("a", "b"), new double[]{-1, 2}).bars("a", new double[]{1, 1}),
                plot(x.pow(2), "x", -1, 1).path("gd", new double[]{-1, -0.5, 0}, null).path("gd", new double[]{1, 0.5}, null));
        for (int k = 0; k < plots.size(); k++) {
            Path svg = plots.get(k).save(dir.resolve("p" + k + ".SVG").toString(), 200, 150);
            assertNotNull(parse(svg));
            Path png = plots.get(k).save(dir.resolve("p" + k + ".png").toString(), 200, 150);
            assertEquals(200, ImageIO.read(png.toFile()).getWidth());
        }
        Path again = plots.get(0).save(dir.resolve("p0.png").toString(), 100, 80);
        assertEquals(80, ImageIO.read(again.toFile()).getHeight());
    }

    @Test
    void badSavePathsAreClearErrorsAndLeaveNothing() throws Exception {
        var p = plot(x, "x", 0, 1);
        var missing = assertThrows(DotbarException.class, () -> p.save(dir.resolve("no/such/f.svg").toString()));
        assertTrue(missing.getMessage().contains("the folder " + dir.resolve("no/such") + " does not exist"), missing.getMessage());
        var jpg = assertThrows(DotbarException.class, () -> p.save(dir.resolve("f.jpg").toString()));
        assertEquals("save: unknown file type '.jpg' in f.jpg; use .svg or .png", jpg.getMessage());
        var none = assertThrows(DotbarException.class, () -> p.save(dir.resolve("f").toString()));
        assertTrue(none.getMessage().contains("(no extension)"), none.getMessage());
        var folder = assertThrows(DotbarException.class, () -> p.save(dir.toString()));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        var size = assertThrows(DotbarException.class, () -> p.save(dir.resolve("f.png").toString(), 0, 10));
        assertTrue(size.getMessage().contains("0×10"), size.getMessage());
        assertThrows(DotbarException.class, () -> p.save(""));
        assertEquals(List.of(), Files.list(dir).toList());
    }
}
