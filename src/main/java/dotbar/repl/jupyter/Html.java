package dotbar.repl.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dotbar.check.Check;
import dotbar.diff.Grad;
import dotbar.diff.Hessian;
import dotbar.diff.SymbolicTrace;
import dotbar.diff.Trace;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.optim.History;
import dotbar.optim.Optimizer;
import dotbar.print.LatexPrinter;
import dotbar.print.TextTable;

/**
 * HTML tables for the DSL's result types, built from their public accessors (numbers with the
 * 6 significant digits of the terminal tables, {@link TextTable#number}); a notebook shows these
 * where the prompt prints the aligned text. Symbolic cells are LaTeX ({@code $…$}), which
 * notebook front ends typeset inside HTML output.
 */
final class Html {

    private Html() {
    }

    /** The table for {@code value}, or {@code null} when its type has none. */
    static String of(Object value) {
        return switch (value) {
            case Trace t -> trace(t);
            case SymbolicTrace t -> symbolicTrace(t);
            case Check c -> check(c);
            case Hessian h -> hessian(h);
            case Optimizer o -> optimizer(o);
            case History h -> history(h);
            case Grad g -> grad(g);
            case Point p -> point(p);
            case null, default -> null;
        };
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table: a caption, a header row, rows of cells (already HTML), an optional footer paragraph. */
    private static String table(String caption, List<String> header, List<List<String>> rows, String footer) {
        StringBuilder b = new StringBuilder();
        if (caption != null) {
            // a paragraph, not a <caption>: a caption is as narrow as its table and wraps
            b.append("<p style=\"margin:0.2em 0\">").append(escape(caption)).append("</p>");
        }
        b.append("<table class=\"dotbar\">");
        b.append("<thead><tr>");
        header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(cell -> b.append(cell.startsWith("<td") ? cell : "<td>" + cell + "</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (footer != null) {
            b.append("<p>").append(escape(footer).replace("\n", "<br>")).append("</p>");
        }
        return b.toString();
    }

    private static String number(double v) {
        return "<td style=\"text-align:right;font-variant-numeric:tabular-nums\">" + TextTable.number(v) + "</td>";
    }

    private static String text(Object o) {
        return escape(String.valueOf(o));
    }

    private static String math(Expr e) {
        return "$" + escape(LatexPrinter.print(e)) + "$";
    }

    private static String trace(Trace t) {
        String[] lines = t.toString().split("\n");
        List<List<String>> rows = new ArrayList<>();
        for (Trace.Row r : t.rows()) {
            rows.add(List.of(text(r.name()), r.definition() instanceof dotbar.expr.Sym ? "" : text(r.definition()),
                    number(r.value()), number(r.derivative())));
        }
        // the heading and the closing lines (result, operation count) are the terminal table's own
        String footer = lines.length >= 2 ? lines[lines.length - 2] + "\n" + lines[lines.length - 1] : null;
        return table(lines[0], List.of("node", "definition", "value", t.isForward() ? "tangent" : "adjoint"), rows, footer);
    }

    private static String symbolicTrace(SymbolicTrace t) {
        List<List<String>> rows = new ArrayList<>();
        for (SymbolicTrace.Row r : t.rows()) {
            rows.add(List.of(text(r.name()), math(r.definition()), math(r.chainRule()), math(r.result())));
        }
        return table(t.isForward() ? "symbolic forward mode" : "symbolic reverse mode",
                List.of("node", "definition", "chain rule", "result"), rows, null);
    }

    private static String check(Check c) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("holds", switch (c.verdict()) {
            case SIMPLIFIED, RANDOM_POINTS -> "✓ yes";
            case COUNTEREXAMPLE -> "✗ no";
            case UNDECIDED -> "? undecided";
        }));
        rows.add(List.of("verdict", text(c.verdict())));
        rows.add(List.of("reason", text(c.reason())));
        rows.add(List.of("points tried", String.valueOf(c.points())));
        rows.add(List.of("largest relative error", TextTable.number(c.largestRelativeError())));
        c.counterexample().ifPresent(p -> rows.add(List.of("counterexample", text(p))));
        return table(c.toString().split("\n")[0], List.of("", ""), rows, null);
    }

    private static String hessian(Hessian h) {
        List<String> names = h.names();
        double[][] m = h.toArray();
        List<String> header = new ArrayList<>(List.of(""));
        names.forEach(n -> header.add("∂" + n));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> row = new ArrayList<>(List.of("<td><b>∂" + text(names.get(i)) + "</b></td>"));
            for (int j = 0; j < names.size(); j++) {
                row.add(number(m[i][j]));
            }
            rows.add(row);
        }
        return table("Hessian", header, rows, null);
    }

    private static String optimizer(Optimizer o) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rule", text(o.label())));
        rows.add(List.of("t", String.valueOf(o.t())));
        rows.add(List.of("loss", TextTable.number(o.loss())));
        for (Map.Entry<String, Double> e : o.at().asMap().entrySet()) {
            rows.add(List.of(text(e.getKey()), TextTable.number(e.getValue())));
        }
        for (String name : o.at().arrayNames()) {   // a tensor by its shape and norm
            var v = o.at().tensor(name);
            rows.add(List.of(text(name), text(v.shape() + " ‖·‖=") + TextTable.number(dotbar.diff.Grad.norm(v.entries()))));
        }
        rows.add(List.of("‖g‖", TextTable.number(norm(o.gradient()))));
        o.hyperparameters().forEach((k, v) -> rows.add(List.of(text(k), TextTable.number(v))));
        return table(o.toString(), List.of("", ""), rows, null) + history(o.history());
    }

    /** ‖g‖ over every entry, scalars and tensors. */
    private static double norm(Point g) {
        double s = 0;
        for (double v : g.asMap().values()) s = Math.hypot(s, v);
        for (String name : g.arrayNames()) s = Math.hypot(s, dotbar.diff.Grad.norm(g.tensor(name).entries()));
        return s;
    }

    /** All rows when few, else the first and last five, as the terminal table does. */
    private static String history(History h) {
        List<String> header = new ArrayList<>(List.of("t", "loss"));
        header.addAll(h.columns());
        header.add("‖g‖");
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < h.size(); r++) {
            if (h.size() > 12 && r == 5) {
                List<String> gap = new ArrayList<>(List.of("…"));
                for (int i = 1; i < header.size(); i++) {
                    gap.add("");
                }
                rows.add(gap);
                r = h.size() - 5;
            }
            History.Row row = h.get(r);
            List<String> cells = new ArrayList<>(List.of(String.valueOf(row.t()), number(row.loss())));
            for (double c : h.cells(r)) cells.add(number(c));
            cells.add(number(row.gradientNorm()));
            rows.add(cells);
        }
        return table("history: " + h.size() + " recorded step" + (h.size() == 1 ? "" : "s"), header, rows, null);
    }

    private static String grad(Grad g) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < g.names().size(); i++) {
            rows.add(List.of("∂/∂" + text(g.names().get(i)), number(g.values()[i])));
        }
        return table("gradient, ‖∇‖ = " + TextTable.number(g.norm()), List.of("", "value"), rows, null);
    }

    private static String point(Point p) {
        List<List<String>> rows = new ArrayList<>();
        p.asMap().forEach((k, v) -> rows.add(List.of(text(k), number(v))));
        return table(null, List.of("symbol", "value"), rows, null);
    }
}
