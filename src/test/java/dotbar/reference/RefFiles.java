package dotbar.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the reference formats of {@code src/test/resources/refs/torch-networks} and
 * {@code torch-training} (see the READMEs there): text lines of tab-separated fields, {@code #}
 * comment lines, optionally gzipped; a matrix is written as {@code NAME ROWS COLS v1 … vN} with the
 * entries row-major. Plain JDK only, so the files stay usable without dotbar.
 */
public final class RefFiles {
    private RefFiles() {}

    /** A ROWS×COLS matrix read from a record, entries row-major. */
    public record Tensor(String name, int rows, int cols, double[] values) {
        public double get(int row, int col) {
            return values[row * cols + col];
        }

        /** The entries column by column: for a batch matrix (one column per sample) that is sample-major. */
        public double[] columnMajor() {
            double[] out = new double[values.length];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
            return out;
        }
    }

    /** One case of a torch reference file (refs/torch-networks): spec key → value, and "kind name" → matrix. */
    public record Case(String name, java.util.Map<String, String> spec, java.util.Map<String, Tensor> tensors) {
        /** The matrix recorded as {@code kind tensor}; a missing one fails the test that asks for it. */
        public Tensor get(String kind, String tensor) {
            Tensor t = tensors.get(kind + " " + tensor);
            if (t == null) throw new AssertionError(name + ": no " + kind + " " + tensor);
            return t;
        }
    }

    /** The cases of a reference file, in file order: its records grouped by their first field. */
    public static List<Case> cases(String resource) {
        var byName = new java.util.LinkedHashMap<String, Case>();
        for (String[] f : records(resource)) {
            Case c = byName.computeIfAbsent(f[0], n -> new Case(n, new java.util.HashMap<>(), new java.util.HashMap<>()));
            if (f[1].equals("spec")) c.spec().put(f[2], f[3]);
            else c.tensors().put(f[1] + " " + f[2], tensor(f, 2));
        }
        return new ArrayList<>(byName.values());
    }

    /** The records of a classpath resource (gunzipped when its name ends in {@code .gz}), comments and blank lines left out. */
    public static List<String[]> records(String resource) {
        InputStream raw = RefFiles.class.getResourceAsStream(resource);
        if (raw == null) throw new IllegalArgumentException("no resource " + resource);
        var out = new ArrayList<String[]>();
        try (raw; var in = new BufferedReader(new InputStreamReader(
                resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return out;
    }

    /** The matrix whose {@code NAME} field is {@code fields[at]}. */
    public static Tensor tensor(String[] fields, int at) {
        String name = fields[at];
        int rows = Integer.parseInt(fields[at + 1]), cols = Integer.parseInt(fields[at + 2]);
        if (fields.length != at + 3 + rows * cols)
            throw new IllegalArgumentException(name + ": " + rows + "×" + cols + " needs " + rows * cols
                    + " entries, the record has " + (fields.length - at - 3));
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(fields[at + 3 + i]);
        return new Tensor(name, rows, cols, v);
    }

    /** The integers {@code fields[at..]}. */
    public static int[] ints(String[] fields, int at) {
        int[] v = new int[fields.length - at];
        for (int i = 0; i < v.length; i++) v[i] = Integer.parseInt(fields[at + i]);
        return v;
    }
}
