package dotbar.repl.jupyter;

import java.util.Base64;

import com.google.gson.JsonObject;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.plot.Plot;
import dotbar.print.LatexPrinter;

/**
 * A value's MIME bundle, the {@code data} of {@code execute_result} and {@code display_data}:
 * always {@code text/plain} (what the prompt prints); for an {@link Expr} also {@code text/latex}
 * ({@code $…$} from the LaTeX printer, {@code $name = …$} for a variable); for the DSL's tables
 * {@code text/html} ({@link Html}); for a {@link Plot} {@code image/svg+xml} and {@code image/png},
 * {@value #WIDTH}×{@value #HEIGHT} pixels, the picture {@code save("….svg")} writes.
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
            case Plot p -> {
                data.addProperty("image/svg+xml", p.svg(WIDTH, HEIGHT));
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
}
