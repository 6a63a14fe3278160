package dotbar.repl.jupyter;

import java.util.Base64;

import com.google.gson.JsonObject;
import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.optim.Rule;
import dotbar.parse.Parser;
import dotbar.print.TextTable;
import dotbar.plot.Plot;
import dotbar.print.LatexPrinter;

/**
 * A value's MIME bundle, the {@code data} of {@code execute_result} and {@code display_data}:
 * always {@code text/plain} (what the prompt prints); for an {@link Expr} also {@code text/latex}
 * ({@code $…$} from the LaTeX printer, {@code $name = …$} for a variable); for the DSL's tables
 * {@code text/html} ({@link Html}); for an update {@link Rule} its equations as {@code text/latex}; for a {@link Plot} {@code image/svg+xml} and {@code image/png},
 * {@value #WIDTH}×{@value #HEIGHT} pixels, the picture {@code save("….svg")} writes (without the file's
 * XML declaration).
 */
final class MimeBundle {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private MimeBundle() {
    }

    /**
     * @param value the object, may be {@code null}
     * @param text  its text as the prompt prints it
     * @param name  the variable it is the value of, or {@code null}
     */
    static JsonObject of(Object value, String text, String name) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text);
        switch (value) {
            case Expr e -> data.addProperty("text/latex", "$" + (name == null ? "" : LatexPrinter.print(Exprs.sym(name)) + " = ")
                    + LatexPrinter.print(e) + "$");
            case Rule r -> {
                String latex = rule(r);
                if (latex != null) {
                    data.addProperty("text/latex", latex);
                }
            }
            case Plot p -> {
                data.addProperty("image/svg+xml", withoutXmlDeclaration(p.svg(WIDTH, HEIGHT)));
                data.addProperty("image/png", Base64.getEncoder().encodeToString(p.png(WIDTH, HEIGHT)));
            }
            case null -> { }
            default -> {
                String html = Html.of(value);
                if (html != null) {
                    data.addProperty("text/html", (name == null ? "" : "<p><code>" + Html.escape(name) + "</code> =</p>") + html);
                }
            }
        }
        return data;
    }

    /**
     * The {@code <svg>} element alone: the {@code <?xml …?>} line belongs to a file, and notebook tools
     * refuse it inline ({@code nbconvert --to html} fails on "encoding declaration"), as IPython's own
     * SVG display drops it.
     */
    static String withoutXmlDeclaration(String svg) {
        return svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).stripLeading() : svg;
    }

    /**
     * An update rule as aligned equations, {@code v ← α·v − (1 − α)·g} as
     * {@code v &\leftarrow \alpha \cdot v - …}, under its name and hyperparameters; {@code null} when
     * an equation's right side does not parse back (the text form is then all there is).
     */
    private static String rule(Rule r) {
        StringBuilder b = new StringBuilder("$$\\begin{aligned}&\\textsf{").append(r.name().replace("_", "\\_")).append("}");
        r.hyperparameters().forEach((name, value) -> {
            if (!value.isNaN()) {
                b.append("\\quad ").append(LatexPrinter.print(Exprs.sym(name))).append(" = ").append(TextTable.number(value, 12));
            }
        });
        for (String equation : r.equations()) {
            int arrow = equation.indexOf(" ← ");
            try {
                Expr rhs = Parser.parse(equation.substring(arrow + 3));
                b.append("\\\\ ").append(LatexPrinter.print(Exprs.sym(equation.substring(0, arrow))))
                        .append(" &\\leftarrow ").append(LatexPrinter.print(rhs));
            } catch (DotbarException | IndexOutOfBoundsException notParsed) {
                return null;
            }
        }
        return b.append("\\end{aligned}$$").toString();
    }
}
