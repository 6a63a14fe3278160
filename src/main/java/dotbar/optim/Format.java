package dotbar.optim;

import dotbar.diff.Grad;
import dotbar.expr.Flat;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.TensorValue;
import dotbar.print.TextTable;

import java.util.Arrays;

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

    /** The states as a table: a row per parameter, a column per state ({@code v}, {@code w}, …); a tensor's cells as {@link #tensor}. */
    static String states(List<String> parameters, java.util.Map<String, Point> states) {
        var header = new java.util.ArrayList<String>(List.of("θ"));
        header.addAll(states.keySet());
        var table = new TextTable(header.toArray(new String[0]));
        for (String p : parameters) {
            var cells = new java.util.ArrayList<Object>(List.of(p));
            states.values().forEach(s -> cells.add(s.tensor(p) == null ? (Object) s.get(p) : tensor(s.tensor(p).shape(), s.tensor(p).entries())));
            table.row(cells.toArray());
        }
        return table.toString();
    }

    /** Tensors of at most this many entries print every entry; larger ones by shape and norm. */
    static final int LISTED_ENTRIES = 6;

    /**
     * A tensor's value for reading: its entries when few ({@code [[0.5, -1], [2, 0.25]]}, {@link #brief}),
     * else its shape and norm, {@code 32×64 ‖·‖=5.17} — a 32×64 weight is not 2 048 numbers on a line.
     */
    static String tensor(Shape shape, double[] entries) {
        if (entries.length > LISTED_ENTRIES) return shape + " ‖·‖=" + brief(Grad.norm(entries));
        var s = new StringBuilder("[");
        for (int i = 0; i < shape.rows(); i++) {
            s.append(i == 0 ? "" : ", ").append(shape.columns() == 1 ? "" : "[");
            for (int j = 0; j < shape.columns(); j++) s.append(j == 0 ? "" : ", ").append(brief(entries[i * shape.columns() + j]));
            s.append(shape.columns() == 1 ? "" : "]");
        }
        return s.append(']').toString();
    }

    /** {@code (x=0.5, y=-1.2, W1=32×64 ‖·‖=5.17)}: θ laid out by {@code flat}, {@link #brief} values, tensors as {@link #tensor}. */
    static String point(Flat flat, double[] values) {
        var j = new StringJoiner(", ", "(", ")");
        for (int k = 0; k < flat.count(); k++) {
            int from = flat.offset(k);
            Shape shape = flat.shape(k);
            j.add(flat.names().get(k) + "=" + (shape.isScalar() ? brief(values[from])
                    : tensor(shape, Arrays.copyOfRange(values, from, from + shape.size()))));
        }
        return j.toString();
    }

    /** A point as {@link #point(Flat, double[])} prints it: scalars, then tensors. */
    static String point(Point p) {
        var j = new StringJoiner(", ", "(", ")");
        p.asMap().forEach((name, v) -> j.add(name + "=" + brief(v)));
        for (String name : p.arrayNames()) {
            TensorValue v = p.tensor(name);
            j.add(name + "=" + tensor(v.shape(), v.entries()));
        }
        return j.toString();
    }
}
