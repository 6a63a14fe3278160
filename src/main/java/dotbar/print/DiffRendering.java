package dotbar.print;

import dotbar.diff.Cost;
import dotbar.diff.Grad;
import dotbar.diff.Hessian;
import dotbar.diff.Jacobian;
import dotbar.diff.Marks;
import dotbar.diff.Rendering;
import dotbar.diff.SymbolicTrace;
import dotbar.diff.Trace;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text and LaTeX of the differentiation results ({@link Rendering}, registered in
 * {@code META-INF/services/dotbar.diff.Rendering}): traces as tables in the seed's notation
 * (ẇ = ∂w/∂a·ȧ + …, eq. 24–30), gradients, Hessians, Jacobians and cost reports, numbers to 6 significant
 * digits ({@link TextTable#number(double)}).
 */
public final class DiffRendering implements Rendering {
    /** Public for {@link java.util.ServiceLoader}. */
    public DiffRendering() {}

    @Override
    public String text(Trace t) {
        var table = new TextTable("node", "value", t.isForward() ? "tangent" : "adjoint", "");
        for (Trace.Row r : t.rows()) table.row(label(r.name(), r.definition()), r.value(), t.derivativeName(r.name()) + " =", r.derivative());
        return heading(t) + "\n" + table + summary(t);
    }

    /** The heading line: mode, point and seed. */
    private static String heading(Trace t) {
        return (t.isForward() ? "forward mode at " : "reverse mode at ") + t.point() + ", seeded with "
                + t.derivativeName(t.seeded()) + " = 1";
    }

    /** The closing line: the result and the operation count. */
    private String summary(Trace t) {
        String result = t.isForward() ? "∂/∂" + t.seeded() + " = " + TextTable.number(t.derivative()) : text(t.gradient());
        return "value " + TextTable.number(t.value()) + "; " + result + "\n" + t.ops() + " operations: " + t.valueOps()
                + " for the values + " + t.derivativeOps() + " multiply-adds for the " + (t.isForward() ? "tangents" : "adjoints");
    }

    @Override
    public String latex(Trace t) {
        var out = new StringBuilder("% ").append(heading(t)).append('\n');
        out.append("\\begin{tabular}{l r l}\n\\hline\n");
        out.append(latexRow("node", "value", t.isForward() ? "tangent" : "adjoint")).append("\\hline\n");
        for (Trace.Row r : t.rows()) {
            String node = LatexPrinter.print(Exprs.sym(r.name()));
            String definition = r.definition() instanceof Sym ? "" : " = " + LatexPrinter.print(r.definition());
            String d = LatexPrinter.print(Exprs.sym(t.derivativeName(r.name())));
            out.append(latexRow("$" + node + definition + "$", "$" + latexNumber(r.value()) + "$",
                    "$" + d + " = " + latexNumber(r.derivative()) + "$"));
        }
        return out.append("\\hline\n\\end{tabular}\n").toString();
    }

    /**
     * The most characters of expressions a symbolic trace's text or LaTeX holds, as one expression's
     * text ({@link UnicodePrinter#print(Expr)}): row k of a chain of depth n has a result of n − k
     * factors, so the whole text grows as n² (88 million characters at depth 4000). Beyond it the
     * rows stop with a note; {@link SymbolicTrace#rows()} holds them all.
     */
    static final int MAX_CHARS = 4_000_000;

    @Override
    public String text(SymbolicTrace t) {
        String mark = t.isForward() ? "tangent" : "adjoint";
        var table = new TextTable("node", mark + " (chain rule)", "seeded with " + t.derivativeName(t.seeded())
                + (t.isForward() && !dotbar.expr.Shapes.declared(t.seeded()).isScalar() ? ", a direction" : " = 1"));
        int budget = MAX_CHARS, shown = 0;
        for (SymbolicTrace.Row r : t.rows()) {
            if (budget <= 0) break;
            String lhs = t.derivativeName(r.name()) + " = ";
            String rule = UnicodePrinter.print(r.chainRule(), budget);
            boolean same = r.chainRule().equals(r.result());
            String result = same ? "" : "= " + UnicodePrinter.print(r.result(), budget);
            String label = label(r.name(), r.definition());
            budget -= label.length() + lhs.length() + rule.length() + result.length();
            table.row(label, lhs + rule, result);
            shown++;
        }
        return (t.isForward() ? "forward mode, symbolic\n" : "reverse mode, symbolic\n") + table + moreRows(t, shown);
    }

    @Override
    public String latex(SymbolicTrace t) {
        var out = new StringBuilder("\\begin{aligned}\n");
        int budget = MAX_CHARS, shown = 0;
        for (SymbolicTrace.Row r : t.rows()) {
            if (budget <= 0) break;
            int before = out.length();
            out.append(LatexPrinter.print(Exprs.sym(t.derivativeName(r.name())))).append(" &= ").append(LatexPrinter.print(r.chainRule(), budget));
            if (!r.chainRule().equals(r.result())) out.append(" = ").append(LatexPrinter.print(r.result(), budget));
            out.append(" \\\\\n");
            budget -= out.length() - before;
            shown++;
        }
        String more = moreRows(t, shown);
        return out.append(more.isEmpty() ? "" : "% " + more).append("\\end{aligned}\n").toString();
    }

    /** The note closing a trace cut at {@link #MAX_CHARS}, or nothing when every row is shown. */
    private static String moreRows(SymbolicTrace t, int shown) {
        int left = t.rows().size() - shown;
        return left == 0 ? "" : "… [" + left + " more rows: the text stops after " + MAX_CHARS
                + " characters; rows() and result(name) hold them all]\n";
    }

    @Override
    public String text(Grad g) {
        var j = new StringJoiner(", ", "∇ = (", ")");
        double[] values = g.values();
        for (int i = 0; i < values.length; i++) j.add("∂/∂" + g.names().get(i) + ": " + TextTable.number(values[i]));
        return j.toString();
    }

    @Override
    public String text(Hessian h) {
        return "Hessian at " + h.point() + "\n" + table(h.names(), h.names(), h.toArray());
    }

    @Override
    public String text(Jacobian j) {
        return "Jacobian of " + j.of() + " at " + j.point() + "\n"
                + table(j.rows(), j.columns(), j.toArray());
    }

    /** A matrix under its column labels, each row led by its label. */
    private static TextTable table(List<String> rows, List<String> columns, double[][] m) {
        var header = new ArrayList<String>();
        header.add("");
        header.addAll(columns);
        var t = new TextTable(header.toArray(String[]::new));
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = new Object[columns.size() + 1];
            row[0] = rows.get(i);
            for (int j = 0; j < columns.size(); j++) row[j + 1] = m[i][j];
            t.row(row);
        }
        return t;
    }

    @Override
    public String text(Cost c) {
        var perSweep = new StringBuilder();
        for (String x : c.inputs()) {
            perSweep.append(perSweep.isEmpty() ? "" : ", ").append(Marks.dotted(x)).append(" = 1: ").append(c.forwardOps(x));
        }
        var t = new TextTable("mode", "sweeps", "operations", "");
        t.row("forward", c.forwardSweeps(), c.forwardOps(), perSweep.length() == 0 ? "" : "(" + perSweep + ")");
        t.row("reverse", c.reverseSweeps(), c.reverseOps(), "(" + c.valueOps() + " for the values + "
                + (c.reverseOps() - c.valueOps()) + " multiply-adds for the adjoints)");
        List<String> inputs = c.inputs();
        return "the gradient by " + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s")
                + (inputs.isEmpty() ? "" : " (" + String.join(", ", inputs) + ")") + " of an expression of "
                + c.nodes() + " nodes, " + c.valueOps() + " operations to evaluate\n" + t;
    }

    /** A row as printed: {@code t3 = t1·t2}; an input's row reads just its name. */
    private static String label(String name, Expr definition) {
        return definition instanceof Sym ? name : name + " = " + definition;
    }

    /** A number in LaTeX to 6 significant digits, as the text tables show it. */
    private static String latexNumber(double v) {
        if (Double.isNaN(v)) return "\\mathrm{NaN}";
        if (Double.isInfinite(v)) return v > 0 ? "\\infty" : "-\\infty";
        return LatexPrinter.print(Exprs.num(Double.parseDouble(TextTable.number(v))));
    }

    /** A table row of a LaTeX tabular: the cells joined with {@code &}, ended by {@code \\}. */
    private static String latexRow(String... cells) {
        return String.join(" & ", cells) + " \\\\\n";
    }
}
