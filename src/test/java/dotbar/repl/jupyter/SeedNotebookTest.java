package dotbar.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/examples/seed.ipynb} executed headless by Debian's {@code jupyter nbconvert
 * --execute} on the installed kernel: no cell may fail, and the outputs are the rich ones the
 * notebook is for (eq. (31) as LaTeX, the contour map with the optimizers' paths inline); the
 * executed notebook then exports to HTML ({@code nbconvert --to html}).
 */
class SeedNotebookTest {

    private static final Path NOTEBOOK = Path.of("scripts/examples/seed.ipynb").toAbsolutePath();
    private static final String JUPYTER = Files.isExecutable(Path.of("/usr/bin/jupyter")) ? "/usr/bin/jupyter" : "jupyter";

    @TempDir
    Path dir;

    private static String text(JsonElement e) {
        if (e == null) {
            return "";
        }
        if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            e.getAsJsonArray().forEach(part -> b.append(part.getAsString()));
            return b.toString();
        }
        return e.getAsString();
    }

    @Test
    void theSeedNotebookRunsWithoutAnErrorCell() throws Exception {
        Jupyter.assumeInstalled("jupyter_client", "nbconvert");
        Path data = Files.createDirectories(dir.resolve("jupyter-data"));
        Jupyter.installKernel(data);
        Jupyter.Run r = Jupyter.run(List.of(JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--output-dir", dir.toString(), "--output", "executed.ipynb",
                NOTEBOOK.toString()), Jupyter.environment(data), dir, 900);
        assertEquals(0, r.status(), "nbconvert failed (an error cell stops it):\n" + r.err());
        JsonObject executed = JsonParser.parseString(Files.readString(dir.resolve("executed.ipynb"))).getAsJsonObject();
        List<String> errors = new ArrayList<>();
        List<String> latex = new ArrayList<>();
        int inlineContours = 0;
        int codeCells = 0;
        for (JsonElement c : executed.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            codeCells++;
            assertTrue(cell.get("execution_count").isJsonPrimitive(), "every code cell ran: " + text(cell.get("source")));
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                String type = output.get("output_type").getAsString();
                if (type.equals("error") || type.equals("stream") && output.get("name").getAsString().equals("stderr")) {
                    errors.add(text(cell.get("source")) + " → " + output);
                }
                JsonObject bundle = output.getAsJsonObject("data");
                if (bundle == null) {
                    continue;
                }
                if (bundle.has("text/latex")) {
                    latex.add(text(bundle.get("text/latex")));
                }
                if (bundle.has("image/svg+xml") && bundle.has("image/png") && text(bundle.get("image/svg+xml")).contains("Rosenbrock")) {
                    inlineContours++;
                }
            }
        }
        assertTrue(codeCells >= 15, "the notebook walks both sections: " + codeCells + " code cells");
        assertEquals(List.of(), errors, "no cell failed or wrote to stderr");
        // eq. (31): ∂L/∂a as the product of one local partial per edge, w1 → φ1 → w2 → φ2 → L
        String eq31 = "\\frac{\\partial w_{1}}{\\partial a}";
        assertTrue(latex.stream().anyMatch(l -> l.contains(eq31) && l.contains("\\frac{\\partial L}{\\partial \\varphi_{2}}")
                && l.contains("\\frac{\\partial \\varphi_{2}}{\\partial w_{2}}")), "eq. (31) is rendered: " + latex);
        assertEquals(1, inlineContours, "the Rosenbrock contour map with the optimizers' paths is inline as SVG and PNG");
        // and the executed notebook exports as a web page, pictures and math included. Debian's nbconvert 6.5
        // passes inline SVG through lxml's clean_html, which keeps only its text; the PNG beside it is what
        // such an exporter should take, and does when asked to prefer it
        Jupyter.Run html = Jupyter.run(List.of(JUPYTER, "nbconvert", "--to", "html", "--output-dir", dir.toString(),
                "--output", "executed.html", "--NbConvertBase.display_data_priority=['text/html', 'image/png', 'text/latex', 'text/plain']",
                dir.resolve("executed.ipynb").toString()), Jupyter.environment(data), dir, 300);
        assertEquals(0, html.status(), "nbconvert --to html failed:\n" + html.err());
        String page = Files.readString(dir.resolve("executed.html"));
        assertEquals(2, page.split("<img src=\"data:image/png;base64,", -1).length - 1, "the contour map and the bar chart are in the page");
        assertTrue(page.contains(eq31), "eq. (31) is in the page for MathJax");
    }
}
