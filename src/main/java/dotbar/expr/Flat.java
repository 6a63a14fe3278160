package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layout of named parameters, scalars and tensors, in one flat {@code double[]}: parameter k
 * occupies {@code x[offset(k) … offset(k+1)−1]}, a tensor row by row (entry (i, j) of an m×n
 * matrix at {@code offset(k) + i·n + j}), in the order of the names. It is the layout a tensor
 * tape ({@code compile(L, "W1", "b1", …)}) reads its x in, and the one an optimizer keeps θ, its
 * gradient and its states in, so that a rule runs on whole arrays. This class converts between
 * that array and a {@link Point} (tensors as arrays of their declared shapes).
 *
 * <pre>{@code
 * matrix("W", 2, 3); vector("b", 2);
 * var f = Flat.of(List.of("W", "b", "c"));   // W: x[0…5], b: x[6…7], c: x[8]
 * double[] x = f.flatten(at("W", new double[][]{{1, 2, 3}, {4, 5, 6}}, "b", new double[]{7, 8}, "c", 9));
 * f.point(x).array("W")                      // {{1, 2, 3}, {4, 5, 6}}
 * }</pre>
 *
 * Shapes are the declared ones ({@link Shapes#declared}) when the layout is made.
 */
public final class Flat {
    private final List<String> names;
    private final Shape[] shapes;
    private final int[] offset;
    private final boolean scalarsOnly;

    private Flat(List<String> names, List<Shape> shapes) {
        this.names = List.copyOf(names);
        this.shapes = shapes.toArray(Shape[]::new);
        offset = new int[names.size() + 1];
        boolean scalars = true;
        for (int k = 0; k < this.shapes.length; k++) {
            scalars &= this.shapes[k].isScalar();
            long end = (long) offset[k] + this.shapes[k].size();
            if (end > Integer.MAX_VALUE) throw new DotbarException("the parameters have more than " + Integer.MAX_VALUE + " entries");
            offset[k + 1] = (int) end;
        }
        scalarsOnly = scalars;
    }

    /** The layout of {@code names} (NFC-normalised symbol names), each with its declared shape. */
    public static Flat of(List<String> names) {
        return new Flat(names, names.stream().map(Shapes::declared).toList());
    }

    /** The layout of {@code names} with the given shapes (a value's own entries, not a declared symbol's). */
    public static Flat of(List<String> names, List<Shape> shapes) {
        if (names.size() != shapes.size()) throw new IllegalArgumentException(names.size() + " names, " + shapes.size() + " shapes");
        return new Flat(names, shapes);
    }

    /** The parameter names, in order. */
    public List<String> names() { return names; }

    /** The number of parameters (scalars and tensors). */
    public int count() { return names.size(); }

    /** The number of entries of all parameters: the length of the flat array. */
    public int size() { return offset[names.size()]; }

    /** True when every parameter is a scalar (then entry i is parameter i). */
    public boolean scalarsOnly() { return scalarsOnly; }

    /** The shape of parameter k. */
    public Shape shape(int k) { return shapes[k]; }

    /** Where parameter k starts in the flat array. */
    public int offset(int k) { return offset[k]; }

    /** The parameter that entry {@code i} of the flat array belongs to. */
    public int parameterOf(int i) {
        if (scalarsOnly) return i;
        int k = Arrays.binarySearch(offset, i);  // offsets strictly increase: no parameter is empty
        return k >= 0 ? k : -k - 2;
    }

    /** Entry {@code i} by name, as {@link #label} writes it. */
    public String entryName(int i) {
        int k = parameterOf(i);
        return label(names.get(k), shapes[k], i - offset[k]);
    }

    /**
     * Entry {@code q} (row by row, from 0) of a symbol of shape {@code s} by name, the one spelling
     * of every entry label (optimizer messages, Hessian and Jacobian rows): {@code c} for a scalar,
     * {@code b[2]} for a vector's (row or column), {@code W[2,3]} for a matrix's (row and column from 1).
     */
    public static String label(String name, Shape s, int q) {
        if (s.isScalar()) return name;
        if (s.rows() == 1 || s.columns() == 1) return name + "[" + (q + 1) + "]";
        return name + "[" + (q / s.columns() + 1) + "," + (q % s.columns() + 1) + "]";
    }

    /**
     * The values of the parameters in {@code p}, flattened. Errors name what is wrong and leave
     * nothing changed: every symbol without a value, a value of the wrong shape (the symbol and
     * both shapes), a number for a tensor or an array for a scalar.
     */
    public double[] flatten(Point p) {
        double[] x = new double[size()];
        var missing = new ArrayList<String>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            TensorValue v = p.tensor(name);
            if (shapes[k].isScalar()) {
                if (v != null) {
                    throw new DotbarException(name + " is a scalar (it has no declared shape) but is given a " + v.shape()
                            + " array; give it a number, or declare it first with matrix(\"" + name + "\", rows, columns)");
                }
                if (p.has(name)) x[offset[k]] = p.get(name);
                else missing.add(name);
            } else if (v != null) {
                if (!v.shape().equals(shapes[k])) {
                    throw new DotbarException(name + " is declared " + shapes[k] + " but is given a " + v.shape() + " array");
                }
                System.arraycopy(v.entries(), 0, x, offset[k], v.entries().length);
            } else if (p.has(name)) {
                throw new DotbarException(name + " is declared " + shapes[k] + " but is given the number " + Point.formatNumber(p.get(name))
                        + " (a 1×1); give it a double[][] of " + shapes[k]);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) throw Point.missingValues(missing);
        return x;
    }

    /** The point of the flat array {@code x}: scalars as numbers, tensors as arrays of their shapes; every entry must be finite. */
    public Point point(double[] x) {
        if (x.length != size()) {
            throw new DotbarException("a flat array of " + x.length + " entries for parameters of " + size() + " entries (" + this + ")");
        }
        Object[] pairs = new Object[2 * names.size()];
        for (int k = 0; k < names.size(); k++) {
            pairs[2 * k] = names.get(k);
            pairs[2 * k + 1] = shapes[k].isScalar() ? (Object) x[offset[k]] : array(x, k);
        }
        return Point.of(pairs);
    }

    /** Parameter k's entries in {@code x} as rows, {@code double[rows][columns]} (a fresh copy). */
    public double[][] array(double[] x, int k) {
        return new TensorValue(shapes[k], Arrays.copyOfRange(x, offset[k], offset[k + 1])).toArray();
    }

    /** Parameter k's entries in {@code x}, a fresh copy. */
    public double[] entries(double[] x, int k) {
        return Arrays.copyOfRange(x, offset[k], offset[k + 1]);
    }

    /** {@code W 2×3, b 2×1, c}: the names with their shapes (scalars bare). */
    @Override
    public String toString() {
        var s = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            s.append(k == 0 ? "" : ", ").append(names.get(k));
            if (!shapes[k].isScalar()) s.append(' ').append(shapes[k]);
        }
        return s.toString();
    }
}
