package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.Arrays;

/**
 * The value of a tensor: its shape and its entries in row-major order (entry (i, j) at
 * {@code i·columns + j}). Immutable by convention: nobody writes into a value once made.
 *
 * @param shape   rows × columns
 * @param entries rows·columns numbers, row by row
 */
public record TensorValue(Shape shape, double[] entries) {
    public TensorValue {
        if (entries.length != shape.size()) throw new IllegalArgumentException(shape + " needs " + shape.size() + " entries");
    }

    /** A 1×1 value. */
    public static TensorValue scalar(double v) {
        return new TensorValue(Shape.SCALAR, new double[]{v});
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        return entries[i * shape.columns() + j];
    }

    /** The entries as rows, {@code double[rows][columns]} (a fresh copy). */
    public double[][] toArray() {
        double[][] r = new double[shape.rows()][];
        for (int i = 0; i < r.length; i++) r[i] = Arrays.copyOfRange(entries, i * shape.columns(), (i + 1) * shape.columns());
        return r;
    }

    /**
     * The value of symbol {@code name}, declared with shape {@code declared}, from what a user
     * passed to {@code at(...)}: a {@code double[]} for a column vector (or a row), a
     * {@code double[][]} by rows. Wrong sizes, ragged rows and non-finite entries are errors
     * naming the symbol and both shapes.
     */
    public static TensorValue of(String name, Shape declared, Object value) {
        double[] flat;
        Shape given;
        if (value instanceof double[] v) {
            flat = v.clone();
            given = declared.rows() == 1 && v.length > 0 ? new Shape(1, v.length) : new Shape(Math.max(1, v.length), 1);
            if (v.length == 0) throw new DotbarException("at(...): " + name + " is " + declared + " but its array is empty");
        } else if (value instanceof double[][] rows) {
            if (rows.length == 0 || rows[0] == null || rows[0].length == 0) {
                throw new DotbarException("at(...): " + name + " is " + declared + " but its array has no entries");
            }
            int columns = rows[0].length;
            for (int i = 1; i < rows.length; i++) {
                if (rows[i] == null || rows[i].length != columns) {
                    throw new DotbarException("at(...): the rows of " + name + " are ragged: row 1 has " + columns + " entries, row "
                            + (i + 1) + " has " + (rows[i] == null ? 0 : rows[i].length) + " (" + name + " is " + declared + ")");
                }
            }
            given = new Shape(rows.length, columns);
            flat = new double[given.size()];
            for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * columns, columns);
        } else {
            throw new DotbarException("at(...): the value of " + name + " should be a number, a double[] or a double[][], got " + value);
        }
        if (!given.equals(declared)) {
            throw new DotbarException("at(...): " + name + " is declared " + declared + " but was given a " + given + " array");
        }
        for (int i = 0; i < flat.length; i++) {
            if (!Double.isFinite(flat[i])) {
                throw new DotbarException("at(...): entry (" + (i / given.columns() + 1) + ", " + (i % given.columns() + 1) + ") of " + name
                        + " is " + flat[i] + ", not a finite number");
            }
        }
        return new TensorValue(declared, flat);
    }

    @Override public boolean equals(Object o) {
        return o instanceof TensorValue t && shape.equals(t.shape) && Arrays.equals(entries, t.entries);
    }

    @Override public int hashCode() { return 31 * shape.hashCode() + Arrays.hashCode(entries); }

    /** {@code [[1, 2], [3, 4]]}. */
    @Override public String toString() {
        var s = new StringBuilder("[");
        for (int i = 0; i < shape.rows(); i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < shape.columns(); j++) s.append(j == 0 ? "" : ", ").append(Point.formatNumber(get(i, j)));
            s.append(']');
        }
        return s.append(']').toString();
    }
}
