package dotbar.optim;

import dotbar.expr.Point;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** How optimizer numbers print: hyperparameters exactly, running values to six digits. */
final class Format {
    private Format() {}

    /** The shortest exact form, with a lower-case exponent: {@code 0.001}, {@code 1e-08} → {@code 1e-8}. */
    static String exact(double v) {
        String s = Point.formatNumber(v);
        return s.contains("E") ? s.replace(".0E", "E").replace("E", "e") : s;
    }

    /** Six significant digits, trailing zeros dropped: {@code 0.0123457}, {@code 1.5e-9}. */
    static String brief(double v) {
        if (v == 0 || !Double.isFinite(v)) return exact(v);
        double m = Math.abs(v);
        String s = m >= 1e-4 && m < 1e7 ? String.format(Locale.ROOT, "%.6g", v) : String.format(Locale.ROOT, "%.5e", v);
        if (s.contains("e")) {
            String mantissa = s.substring(0, s.indexOf('e')), exponent = s.substring(s.indexOf('e') + 1);
            return trimZeros(mantissa) + "e" + Integer.parseInt(exponent);
        }
        return trimZeros(s);
    }

    /** {@code (x=0.5, y=-1.2)} with {@link #brief} values. */
    static String point(List<String> names, double[] values) {
        var j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < names.size(); i++) j.add(names.get(i) + "=" + brief(values[i]));
        return j.toString();
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
