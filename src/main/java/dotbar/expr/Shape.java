package dotbar.expr;

import dotbar.base.DotbarException;

/**
 * The shape of an expression's value, (rows, columns) as in the textbook: a scalar is 1×1, a
 * vector a column n×1, {@code xᵀ} a row 1×n. Every {@link Expr} has one ({@link Shapes#of}).
 *
 * @param rows    the number of rows, ≥ 1
 * @param columns the number of columns, ≥ 1
 */
public record Shape(int rows, int columns) {
    /** The shape of every scalar. */
    public static final Shape SCALAR = new Shape(1, 1);

    /** The largest number of entries a shaped symbol may have (a 10⁴×10⁴ matrix is refused). */
    public static final long MAX_ENTRIES = 4_000_000;

    public Shape {
        if (rows < 1 || columns < 1) throw new DotbarException("a shape needs at least one row and one column, got " + rows + "×" + columns);
        if ((long) rows * columns > MAX_ENTRIES) {
            throw new DotbarException("a " + rows + "×" + columns + " shape has " + (long) rows * columns
                    + " entries, more than the " + MAX_ENTRIES + " dotbar holds in one value");
        }
    }

    /** True for 1×1. */
    public boolean isScalar() { return rows == 1 && columns == 1; }

    /** rows · columns. */
    public int size() { return rows * columns; }

    /** The transposed shape, columns × rows. */
    public Shape transposed() { return new Shape(columns, rows); }

    /** {@code {rows, columns}}, as {@code L.shape()} returns it. */
    public int[] toArray() { return new int[]{rows, columns}; }

    /** {@code 3×4}. */
    @Override public String toString() { return rows + "×" + columns; }
}
