package dotbar.optim;

import dotbar.base.DotbarException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The data sets dotbar ships, read from its own resources ({@code dotbar/data/}, provenance in the
 * README there); nothing is downloaded. Each is read once and shared (a {@link Dataset} is immutable).
 *
 * <pre>{@code
 * var d = digits().onehot("y", 10);   // x1 … x64 and y1 … y10
 * vector("x", 64); vector("y", 10);   // a loss over x and y reads those columns
 * }</pre>
 */
public final class Datasets {
    private Datasets() {}

    private static volatile Dataset digits, iris;

    /**
     * The 1 797 handwritten digits of the UCI "Optical Recognition of Handwritten Digits" test set,
     * as scikit-learn's {@code load_digits()}: columns x1 … x64, the 8×8 image row by row, each a
     * pixel count 0 … 16 divided by 16 (so in [0, 1]), then y, the digit 0 … 9.
     */
    public static Dataset digits() {
        Dataset d = digits;
        if (d == null) {
            Dataset counts = read("digits.csv.gz", 0, columns(64));
            double[][] rows = counts.table();
            for (double[] row : rows) for (int c = 0; c < 64; c++) row[c] /= 16;
            digits = d = counts.withRows(rows);
        }
        return d;
    }

    /**
     * Fisher's 150 irises, as scikit-learn's {@code load_iris()}: columns x1 … x4 the sepal
     * length, sepal width, petal length and petal width in cm, then y the class: 0 setosa,
     * 1 versicolor, 2 virginica (50 each).
     */
    public static Dataset iris() {
        Dataset d = iris;
        if (d == null) iris = d = read("iris.csv", 1, columns(4));
        return d;
    }

    /** x1 … xk, y. */
    private static List<String> columns(int k) {
        var names = new ArrayList<String>();
        for (int i = 1; i <= k; i++) names.add("x" + i);
        names.add("y");
        return names;
    }

    /** The resource {@code name} without its first {@code skip} lines, in {@code columns}. */
    private static Dataset read(String name, int skip, List<String> columns) {
        String path = "/dotbar/data/" + name;
        InputStream raw = Datasets.class.getResourceAsStream(path);
        if (raw == null) throw new DotbarException("the data set " + name + " is missing from dotbar's resources (" + path + ")");
        try (raw) {
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (int i = 0; i < skip; i++) reader.readLine();
            return Csv.read(reader, path, columns);
        } catch (IOException e) {
            throw new DotbarException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
