package dotbar.parse;

import dotbar.base.DotbarException;
import dotbar.expr.Exprs;
import dotbar.expr.NumberSyntax;
import dotbar.expr.Point;

import java.util.LinkedHashMap;

/**
 * Reads a point written as text, {@code at("a=1.3, b=-0.7")}: comma-separated
 * {@code name=number} pairs; a number has the parser's syntax ({@link NumberSyntax}) with an
 * optional sign, or is {@code pi}/{@code π} or {@code -pi}. A malformed pair is an error naming
 * its column in the whole text ({@link Columns}).
 */
public final class Assignments {
    private Assignments() {}

    /** The point {@code text} assigns; blank text is the empty point. */
    public static Point parse(String text) {
        var map = new LinkedHashMap<String, Double>();
        if (text.isBlank()) return Point.of(map);
        int start = 0;
        for (String pair : text.split(",", -1)) {
            int index = start + (pair.length() - pair.stripLeading().length());  // the pair's first character
            start += pair.length() + 1;
            int eq = pair.indexOf('=');
            if (eq < 0) throw Columns.error("malformed point: '" + pair.strip() + "' has no '=value'", text, index);
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (name.isEmpty()) throw Columns.error("malformed point: no name before '='", text, index);
            String key = Exprs.sym(name).name();  // NFC: ŵ typed either way is one name
            if (map.containsKey(key)) throw new DotbarException("malformed point: " + name + " is given twice");
            map.put(key, Point.finite(name, number(value, name)));
        }
        return Point.of(map);
    }

    private static double number(String text, String name) {
        String t = text.strip();
        double sign = 1;
        if (t.startsWith("-")) {
            sign = -1;
            t = t.substring(1).strip();
        } else if (t.startsWith("+")) {
            t = t.substring(1).strip();
        }
        if (t.equals("pi") || t.equals("π")) return sign * Math.PI;
        Double v = t.startsWith("+") || t.startsWith("-") ? null : NumberSyntax.parse(t);  // the parser's numbers, no more
        if (v != null) return sign * v;
        throw new DotbarException("malformed point: the value of " + name + " is not a number: '" + text + "'");
    }
}
