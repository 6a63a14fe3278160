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

    /** {@code (x=0.5, y=-1.2)} with {@link #brief} values. */
    static String point(List<String> names, double[] values) {
        var j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < names.size(); i++) j.add(names.get(i) + "=" + brief(values[i]));
        return j.toString();
    }
}
