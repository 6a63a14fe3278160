package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Exprs;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

/**
 * A table of finite numbers whose columns are named like symbols: the samples a per-sample loss
 * is averaged over by {@code sgd(loss, data, start)}. Immutable.
 *
 * <pre>{@code
 * Dataset d = data("u v", new double[][]{{0, 1}, {1, 3}, {2, 5}});   // v = 2u + 1
 * Dataset e = csv("points.csv");                                      // the header names the columns
 * Dataset f = data("x:4 y:3", rows);     // x is a 4-vector over columns x1 … x4, y a 3-vector over y1 … y3
 * }</pre>
 *
 * <h2>How a loss reads a row</h2>
 * A scalar symbol of the loss named like a column reads that column. A symbol with a declared
 * shape of k entries ({@code vector("x", 64)}) reads the k columns {@code x1 … xk}, in row-major
 * order for a matrix; a column of the set that is missing ({@code x37}), or one past k
 * ({@code x65}), is an error naming it. The loss's other symbols are the parameters.
 *
 * <p>The grouping of columns into vectors is decided when the loss is bound to the data (by the
 * loss's declared shapes), not when the file is read: a CSV whose header says
 * {@code x1,x2,y} may equally be read by a loss over scalars {@code x1, x2} (as before vectors
 * existed) or over a 2-vector {@code x}, and a table is never guessed into vectors it was not
 * asked for. A count in {@code data("x:4", …)} is the same table (columns x1 … x4) together with
 * the declaration {@code vector("x", 4)}: an undeclared x becomes a 4×1 vector, an x declared
 * with another shape is an error naming both. {@code x:1} is the column x (a 1-entry vector is a
 * scalar).
 */
public final class Dataset {
    private final List<String> columns;
    private final double[][] rows;

    private Dataset(List<String> columns, double[][] rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** A dataset over rows already checked (one finite number per column) and not shared. */
    static Dataset trusted(List<String> columns, double[][] rows) {
        return new Dataset(List.copyOf(columns), rows);
    }

    /**
     * A dataset from column names separated by spaces or commas ({@code "x y"}) and rows of
     * numbers; every row needs one finite number per column. A name may take a count:
     * {@code "x:4 y"} names the columns x1, x2, x3, x4, y and declares x a 4×1 vector (see
     * the class comment); nothing is declared when the rows are refused. As with any declaration,
     * make the dataset before parsing a loss over x, so that the loss is built with x's shape.
     */
    public static Dataset of(String columnNames, double[][] rows) {
        String where = "data(\"" + columnNames + "\", …)";
        var vectors = new LinkedHashMap<String, Integer>();
        List<String> names = names(expand(columnNames, where, vectors), where);
        for (String v : vectors.keySet()) {
            if (names.contains(v)) throw new DotbarException(where + ": " + v + " is named twice (as a column and as " + v + ":" + vectors.get(v) + ")");
        }
        if (rows == null || rows.length == 0) throw new DotbarException(where + " has no rows");
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != names.size()) {
                throw new DotbarException("row " + (r + 1) + " has " + (rows[r] == null ? 0 : rows[r].length) + " values, expected "
                        + names.size() + " (" + listed(names) + ")");
            }
            for (int c = 0; c < names.size(); c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new DotbarException("row " + (r + 1) + ", column " + names.get(c) + ": " + rows[r][c] + " is not a finite number");
                }
            }
            copy[r] = rows[r].clone();
        }
        vectors.forEach((v, k) -> vectorShape(v, k, where + ": " + v + ":" + k + " binds " + v));
        vectors.forEach((v, k) -> Shapes.declare(v, k, 1));
        return new Dataset(names, copy);
    }

    /**
     * The shape k×1 for the vector {@code name}, when it is undeclared or already k×1; else the
     * error, starting with {@code what}, that names both shapes.
     */
    private static Shape vectorShape(String name, int k, String what) {
        Shape want = new Shape(k, 1), before = Shapes.declared(name);
        if (!before.isScalar() && !before.equals(want)) {
            throw new DotbarException(what + " to " + k + " columns (" + name + "1 … " + name + k + ") as a " + want
                    + " vector, but " + name + " is declared " + before);
        }
        return want;
    }

    private static final Pattern COUNTED = Pattern.compile("(.*):(.*)");

    /** The names with each {@code x:k} (k ≥ 2) written out as x1 … xk, recorded in {@code vectors}. */
    private static String expand(String text, String where, Map<String, Integer> vectors) {
        var out = new StringJoiner(" ");
        for (String token : text.strip().split("[\\s,]+")) {
            Matcher m = COUNTED.matcher(token);
            if (!m.matches()) {
                out.add(token);
                continue;
            }
            String name = symbol(m.group(1), where);
            int k;
            try {
                k = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                k = 0;
            }
            if (k < 1 || k > Shape.MAX_ENTRIES) {
                throw new DotbarException(where + ": '" + token + "' needs a count of columns from 1 to " + Shape.MAX_ENTRIES + " after the colon");
            }
            if (k == 1) {
                out.add(name);
                continue;
            }
            if (vectors.put(name, k) != null) throw new DotbarException(where + ": " + name + " is named twice");
            for (int i = 1; i <= k; i++) out.add(name + i);
        }
        return out.toString();
    }

    /**
     * A dataset read from a CSV file whose header row names the columns; blank lines and lines
     * starting with {@code #} are skipped. A cell that is not a finite number (NaN, ∞, text) is
     * an error naming the line and the column; so is a row with more or fewer cells than the
     * header. Header names are single columns: a vector symbol x of k entries reads the columns
     * named x1 … xk when the loss is bound (see the class comment).
     */
    public static Dataset csv(String path) {
        if (path == null) throw new DotbarException("csv: the path is null");
        try {
            return Csv.read(Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8), path, null);
        } catch (NoSuchFileException e) {
            throw new DotbarException("no such file: " + path);
        } catch (java.io.UncheckedIOException e) {
            // commons-csv reports a malformed record (an unterminated quote) so, with the line in the message
            throw new DotbarException("cannot read " + path + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DotbarException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The values of a row {@link #toString} shows. */
    private static final int SHOWN = 12;

    /** The most characters {@link #csv} reads: a larger file (or /dev/zero) is refused, not read into memory. */
    public static final long MAX_CSV_CHARS = 64L << 20;

    /** The column names of {@code text} (separated by spaces or commas), each a symbol name, none twice. */
    static List<String> names(String text, String where) {
        var names = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String n : text.strip().split("[\\s,]+")) {
            if (n.isEmpty()) continue;
            String name = symbol(n, where);
            if (!seen.add(name)) throw new DotbarException(where + ": column " + name + " is named twice");
            names.add(name);
        }
        if (names.isEmpty()) throw new DotbarException(where + ": no column names");
        return List.copyOf(names);
    }

    private static String symbol(String n, String where) {
        try {
            return Exprs.sym(n).name();
        } catch (DotbarException e) {
            throw new DotbarException(where + ": column '" + n + "' is not a symbol name (letters, digits and _, starting with a letter)");
        }
    }

    /** The column names, in order. */
    public List<String> columns() { return columns; }

    /** The number of rows. */
    public int size() { return rows.length; }

    /** A copy of one column; an error naming the known columns when there is none by that name. */
    public double[] column(String name) {
        int c = index(name);
        double[] r = new double[rows.length];
        for (int i = 0; i < r.length; i++) r[i] = rows[i][c];
        return r;
    }

    /** The position of column {@code name}; an error naming the known columns when there is none. */
    int index(String name) {
        Integer c = lookup().positions().get(name);
        if (c == null) throw new DotbarException("no column " + name + " in the dataset (columns: " + listed(columns) + ")");
        return c;
    }

    /** True when a column is named {@code name}. */
    boolean has(String name) {
        return lookup().positions().containsKey(name);
    }

    /** Column positions by name, and the numbered columns (x1, x2, …) by prefix: made once, on first use. */
    private record Lookup(Map<String, Integer> positions, Map<String, TreeMap<Integer, Integer>> numbered) {}

    private volatile Lookup lookup;

    private Lookup lookup() {
        Lookup l = lookup;
        if (l == null) {
            var positions = new java.util.HashMap<String, Integer>();
            var numbered = new java.util.HashMap<String, TreeMap<Integer, Integer>>();
            for (int c = 0; c < columns.size(); c++) {
                positions.put(columns.get(c), c);
                Matcher m = ENTRY.matcher(columns.get(c));
                if (m.matches()) numbered.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), c);
            }
            lookup = l = new Lookup(positions, numbered);
        }
        return l;
    }

    /** The rows themselves, not a copy: for this package's readers, which must not change them. */
    double[][] table() { return rows; }

    /** A copy of row {@code i} (from 0). */
    public double[] row(int i) {
        if (i < 0 || i >= rows.length) throw new DotbarException("no row " + i + ": the dataset has rows 0 to " + (rows.length - 1));
        return rows[i].clone();
    }

    private static final Pattern ENTRY = Pattern.compile("(.*\\D)([1-9]\\d{0,8})");

    /**
     * The columns named {@code name} followed by a whole number without leading zeros (x1, x2, …,
     * x64 for {@code name} x), as entry number → column position, in entry order.
     */
    TreeMap<Integer, Integer> entries(String name) {
        var found = lookup().numbered().get(name);
        return found == null ? new TreeMap<>() : new TreeMap<>(found);
    }

    /**
     * The label column {@code column} (whole numbers 0 … classes−1) as {@code classes} columns
     * {@code column1 … column<classes>} in its place, one-hot: entry c+1 is 1 for the label c,
     * the others 0 (PyTorch's {@code one_hot(y, classes)}). The symbol is declared a
     * classes×1 vector, as {@code data("y:10", …)} declares it, so a loss over y reads the ten
     * columns. A label that is not a whole number in range is an error naming its row (from 1)
     * and value; so is a column already named like one of the new ones, or y declared with
     * another shape. Nothing is declared when the labels are refused.
     */
    public Dataset onehot(String column, int classes) {
        String where = "onehot(\"" + column + "\", " + classes + ")";
        String name = symbol(column, where);
        int c = index(name);
        if (classes < 2) throw new DotbarException(where + ": needs at least 2 classes");
        var names = new ArrayList<String>(columns.subList(0, c));
        for (int k = 1; k <= classes; k++) names.add(name + k);
        names.addAll(columns.subList(c + 1, columns.size()));
        names(String.join(" ", names), where);   // no new column clashes with an old one
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            double label = rows[r][c];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new DotbarException(where + ": row " + (r + 1) + ", column " + name + ": " + Format.brief(label)
                        + " is not a class (a whole number from 0 to " + (classes - 1) + ")");
            }
            out[r] = new double[names.size()];
            System.arraycopy(rows[r], 0, out[r], 0, c);
            out[r][c + (int) label] = 1;
            System.arraycopy(rows[r], c + 1, out[r], c + classes, columns.size() - c - 1);
        }
        vectorShape(name, classes, where + " binds " + name);
        Shapes.declare(name, classes, 1);
        return new Dataset(List.copyOf(names), out);
    }

    /** A training set and a test set, from {@link #split}. */
    public record Split(Dataset train, Dataset test) {
        /** {@code train 120 rows, test 30 rows (x1 … x4, y)}. */
        @Override public String toString() {
            return "train " + train.size() + " rows, test " + test.size() + " rows (" + listed(train.columns) + ")";
        }
    }

    /**
     * The rows dealt into a training set of round(fraction·size()) rows and a test set of the
     * rest, at random: a permutation by a {@link Well19937c} generator seeded with {@code seed}
     * (the generator the minibatches shuffle with), the first rows of it for training. Each set
     * keeps the dataset's order. A side that would be empty is an error saying how many rows
     * each side got.
     */
    public Split split(double fraction, long seed) {
        String where = "split(" + Format.brief(fraction) + ", " + seed + ")";
        if (!(fraction >= 0 && fraction <= 1)) throw new DotbarException(where + ": the fraction for training is a number from 0 to 1");
        int train = (int) Math.round(fraction * rows.length), test = rows.length - train;
        if (train == 0 || test == 0) {
            throw new DotbarException(where + " of " + rows.length + " row" + (rows.length == 1 ? "" : "s") + " gives " + train
                    + " to train and " + test + " to test: each side needs at least one row");
        }
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        MathArrays.shuffle(order, new Well19937c(seed));
        int[] first = Arrays.copyOf(order, train), rest = Arrays.copyOfRange(order, train, order.length);
        Arrays.sort(first);
        Arrays.sort(rest);
        return new Split(select(first), select(rest));
    }

    private Dataset select(int[] which) {
        double[][] out = new double[which.length][];
        for (int i = 0; i < which.length; i++) out[i] = rows[which[i]].clone();
        return new Dataset(columns, out);
    }

    /**
     * The statistics that standardise the columns named (every column when none is named; a name
     * like {@code x} that is no column means its entries x1, x2, …): each column's mean and
     * standard deviation over this dataset's rows, to apply to this set and then to a test set
     * with the same statistics ({@code train.standardiser().apply(test)}). See {@link Standardiser}.
     */
    public Standardiser standardiser(String... columns) {
        return Standardiser.of(this, selected(columns));
    }

    /**
     * This dataset with the columns named (every column when none is named) standardised to mean 0
     * and standard deviation 1: {@code standardiser(columns).apply(this)}. A column that is
     * constant here becomes 0.
     */
    public Dataset standardise(String... columns) {
        return standardiser(columns).apply(this);
    }

    /** The columns the names pick: a column itself, or a vector's entries x1, x2, …; every column for none. */
    private List<String> selected(String... names) {
        if (names == null || names.length == 0) return columns;
        var picked = new ArrayList<String>();
        for (String n : names) {
            String name = symbol(n, "standardise");
            if (has(name)) {
                picked.add(name);
                continue;
            }
            var entries = entries(name);
            if (entries.isEmpty()) index(name);  // the error naming the columns
            entries.values().forEach(c -> picked.add(columns.get(c)));
        }
        return List.copyOf(new java.util.LinkedHashSet<>(picked));
    }

    /** A copy with the given rows, in this dataset's columns: for this package, rows checked finite. */
    Dataset withRows(double[][] replaced) {
        return new Dataset(columns, replaced);
    }

    /** The names joined by ", " with each run x1, x2, …, xk (k ≥ 3) written {@code x1 … xk}. */
    static String listed(List<String> names) {
        var out = new StringJoiner(", ");
        for (int i = 0; i < names.size(); ) {
            Matcher m = ENTRY.matcher(names.get(i));
            int j = i + 1;
            if (m.matches()) {
                String prefix = m.group(1);
                long k = Long.parseLong(m.group(2));
                while (j < names.size() && names.get(j).equals(prefix + (k + j - i))) j++;
            }
            if (j - i >= 3) out.add(names.get(i) + " … " + names.get(j - 1));
            else for (int t = i; t < j; t++) out.add(names.get(t));
            i = j;
        }
        return out.toString();
    }

    /** {@code 3 rows × 2 columns (u, v)} and the first rows (their first {@value #SHOWN} values, then …). */
    @Override
    public String toString() {
        var s = new StringBuilder(rows.length + " row" + (rows.length == 1 ? "" : "s") + " × " + columns.size() + " column"
                + (columns.size() == 1 ? "" : "s") + " (" + listed(columns) + ")");
        for (int i = 0; i < Math.min(rows.length, 5); i++) {
            var j = new StringJoiner("  ", "\n  ", columns.size() > SHOWN ? "  …" : "");
            Arrays.stream(rows[i]).limit(SHOWN).forEach(v -> j.add(Format.brief(v)));
            s.append(j);
        }
        if (rows.length > 5) s.append("\n  …");
        return s.toString();
    }
}
