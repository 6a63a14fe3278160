package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.NumberSyntax;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads comma-separated numbers into a {@link Dataset}: {@code csv(path)} and the bundled data sets
 * ({@link Datasets}) share this one reader. Blank lines and lines starting with {@code #} are
 * skipped; every row needs one finite number per column, else the error names the line and the
 * column. At most {@link Dataset#MAX_CSV_CHARS} characters are read.
 */
final class Csv {
    private Csv() {}

    /**
     * The rows of {@code in}, read as {@code where} (a path, for the messages). With
     * {@code columns} null the first record is the header naming the columns; otherwise every
     * record is data in those columns.
     */
    static Dataset read(Reader source, String where, List<String> columns) throws IOException {
        var builder = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).setCommentMarker('#');
        if (columns == null) builder.setHeader().setSkipHeaderRecord(true);
        try (Reader in = new Limited(source, where); var parser = builder.get().parse(in)) {
            List<String> names = columns != null ? columns : Dataset.names(String.join(",", parser.getHeaderNames()), where);
            var rows = new ArrayList<double[]>();
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                if (record.size() != names.size()) {
                    throw new DotbarException(where + " line " + line + ": " + record.size() + " values, expected " + names.size()
                            + " (" + Dataset.listed(names) + ")");
                }
                double[] row = new double[names.size()];
                for (int c = 0; c < row.length; c++) row[c] = number(record.get(c), where, line, names.get(c));
                rows.add(row);
            }
            if (rows.isEmpty()) throw new DotbarException(where + (columns == null ? " has a header but no rows" : " has no rows"));
            return Dataset.trusted(names, rows.toArray(new double[0][]));
        }
    }

    private static double number(String cell, String where, long line, String column) {
        Double v = NumberSyntax.parse(cell);  // the parser's numbers: no 0x1p3, 1d, 2f, NaN
        if (v != null && Double.isFinite(v)) return v;
        throw new DotbarException(where + " line " + line + ", column " + column + ": '" + cell + "' is not a finite number");
    }

    /** A reader that refuses to read past {@link Dataset#MAX_CSV_CHARS}. */
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
            if (read > Dataset.MAX_CSV_CHARS) {
                throw new DotbarException(path + " is larger than the " + (Dataset.MAX_CSV_CHARS >> 20) + " Mi characters csv reads");
            }
        }
    }
}
