package dotbar.optim;

import dotbar.expr.Point;
import dotbar.print.TextTable;

import java.util.List;
import java.util.StringJoiner;

/** How optimizer numbers print: hyperparameters exactly, running values as tables do (six digits). */
final class Format {
    private Format() {}

    /** The shortest exact form, with a lower-case exponent: {@code 0.001}, {@code 1e-8}. */
    static String exact(double v) {
        String s = Point.formatNumber(v);
        return s.contains("E") ? s.replace(".0E", "E").replace("E", "e") : s;
    }

    /** Six significant digits: {@code 0.0123457}, {@code 1.5e-09}. */
    static String brief(double v) {
        return TextTable.number(v);
    }

    /** {@code {η=0.001, α=0.9, ε=1e-8}}: hyperparameters with {@link #exact} values ({@code unset} for NaN). */
    static String hyperparameters(java.util.Map<String, Double> values) {
        var j = new StringJoiner(", ", "{", "}");
        values.forEach((k, v) -> j.add(k + "=" + (v.isNaN() ? "unset" : exact(v))));
        return j.toString();
    }

    /** The states as a table: a row per parameter, a column per state ({@code v}, {@code w}, …). */
    static String states(List<String> parameters, java.util.Map<String, Point> states) {
        var header = new java.util.ArrayList<String>(List.of("θ"));
        header.addAll(states.keySet());
        var table = new TextTable(header.toArray(new String[0]));
        for (String p : parameters) {
            var cells = new java.util.ArrayList<Object>(List.of(p));
            states.values().forEach(s -> cells.add(s.get(p)));
            table.row(cells.toArray());
        }
        return table.toString();
    }

    /** {@code (x=0.5, y=-1.2)} with {@link #brief} values. */
    static String point(List<String> names, double[] values) {
        var j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < names.size(); i++) j.add(names.get(i) + "=" + brief(values[i]));
        return j.toString();
    }
}
