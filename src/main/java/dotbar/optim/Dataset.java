package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Exprs;
import dotbar.expr.NumberSyntax;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.StringJoiner;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of finite numbers whose columns are named like symbols: the samples a per-sample loss
 * is averaged over by {@code sgd(loss, data, start)}. A loss's symbols named like columns are
 * read from the current row; its other symbols are the parameters. Immutable.
 *
 * <pre>{@code
 * Dataset d = data("u v", new double[][]{{0, 1}, {1, 3}, {2, 5}});   // v = 2u + 1
 * Dataset e = csv("points.csv");                                      // the header names the columns
 * }</pre>
 */
public final class Dataset {
    private final List<String> columns;
    private final double[][] rows;

    private Dataset(List<String> columns, double[][] rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * A dataset from column names separated by spaces or commas ({@code "x y"}) and rows of
     * numbers; every row needs one finite number per column.
     */
    public static Dataset of(String columnNames, double[][] rows) {
        List<String> names = names(columnNames, "data(\"" + columnNames + "\", …)");
        if (rows == null || rows.length == 0) throw new DotbarException("data(\"" + columnNames + "\", …) has no rows");
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != names.size()) {
                throw new DotbarException("row " + (r + 1) + " has " + (rows[r] == null ? 0 : rows[r].length) + " values, expected "
                        + names.size() + " (" + String.join(", ", names) + ")");
            }
            for (int c = 0; c < names.size(); c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new DotbarException("row " + (r + 1) + ", column " + names.get(c) + ": " + rows[r][c] + " is not a finite number");
                }
            }
            copy[r] = rows[r].clone();
        }
        return new Dataset(names, copy);
    }

    /**
     * A dataset read from a CSV file whose header row names the columns; blank lines and lines
     * starting with {@code #} are skipped. A cell that is not a finite number is an error naming
     * the line and the column.
     */
    public static Dataset csv(String path) {
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        if (path == null) throw new DotbarException("csv: the path is null");
        try (Reader in = new Limited(Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8), path);
             var parser = format.parse(in)) {
            List<String> names = names(String.join(",", parser.getHeaderNames()), path);
            var rows = new ArrayList<double[]>();
            for (CSVRecord record : parser) {
                if (record.size() != names.size()) {
                    throw new DotbarException(path + " line " + record.getParser().getCurrentLineNumber() + ": " + record.size()
                            + " values, expected " + names.size() + " (" + String.join(", ", names) + ")");
                }
                double[] row = new double[names.size()];
                for (int c = 0; c < row.length; c++) row[c] = number(record.get(c), path, record, names.get(c));
                rows.add(row);
            }
            if (rows.isEmpty()) throw new DotbarException(path + " has a header but no rows");
            return new Dataset(names, rows.toArray(new double[0][]));
        } catch (NoSuchFileException e) {
            throw new DotbarException("no such file: " + path);
        } catch (java.io.UncheckedIOException e) {
            // commons-csv reports a malformed record (an unterminated quote) so, with the line in the message
            throw new DotbarException("cannot read " + path + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DotbarException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The most characters {@link #csv} reads: a larger file (or /dev/zero) is refused, not read into memory. */
    public static final long MAX_CSV_CHARS = 64L << 20;

    /** A reader that refuses to read past {@link #MAX_CSV_CHARS}. */
    private static final class Limited extends java.io.FilterReader {
        private final String path;
        private long read;

        Limited(Reader in, String path) {
            super(in);
            this.path = path;
        }

        @Override public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count(1);
            return c;
        }

        @Override public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_CSV_CHARS) {
                throw new DotbarException(path + " is larger than the " + (MAX_CSV_CHARS >> 20) + " Mi characters csv reads");
            }
        }
    }

    private static double number(String cell, String path, CSVRecord record, String column) {
        Double v = NumberSyntax.parse(cell);  // the parser's numbers: no 0x1p3, 1d, 2f, NaN
        if (v != null && Double.isFinite(v)) return v;
        throw new DotbarException(path + " line " + record.getParser().getCurrentLineNumber() + ", column " + column
                + ": '" + cell + "' is not a finite number");
    }

    private static List<String> names(String text, String where) {
        var names = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String n : text.strip().split("[\\s,]+")) {
            if (n.isEmpty()) continue;
            String name;
            try {
                name = Exprs.sym(n).name();
            } catch (DotbarException e) {
                throw new DotbarException(where + ": column '" + n + "' is not a symbol name (letters, digits and _, starting with a letter)");
            }
            if (!seen.add(name)) throw new DotbarException(where + ": column " + name + " is named twice");
            names.add(name);
        }
        if (names.isEmpty()) throw new DotbarException(where + ": no column names");
        return List.copyOf(names);
    }

    /** The column names, in order. */
    public List<String> columns() { return columns; }

    /** The number of rows. */
    public int size() { return rows.length; }

    /** A copy of one column; an error naming the known columns when there is none by that name. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) throw new DotbarException("no column " + name + " in the dataset (columns: " + String.join(", ", columns) + ")");
        double[] r = new double[rows.length];
        for (int i = 0; i < r.length; i++) r[i] = rows[i][c];
        return r;
    }

    /** A copy of row {@code i} (from 0). */
    public double[] row(int i) {
        if (i < 0 || i >= rows.length) throw new DotbarException("no row " + i + ": the dataset has rows 0 to " + (rows.length - 1));
        return rows[i].clone();
    }

    /** {@code 3 rows × 2 columns (u, v)} and the first rows. */
    @Override
    public String toString() {
        var s = new StringBuilder(rows.length + " row" + (rows.length == 1 ? "" : "s") + " × " + columns.size() + " column"
                + (columns.size() == 1 ? "" : "s") + " (" + String.join(", ", columns) + ")");
        for (int i = 0; i < Math.min(rows.length, 5); i++) {
            var j = new StringJoiner("  ", "\n  ", "");
            Arrays.stream(rows[i]).forEach(v -> j.add(Format.brief(v)));
            s.append(j);
        }
        if (rows.length > 5) s.append("\n  …");
        return s.toString();
    }
}
