package dotbar.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.zip.GZIPInputStream;

/**
 * The shipped digits ({@code dotbar/data/digits.csv.gz}: 1 797 rows of 64 pixel counts 0–16 and the
 * class) as the torch references use them: every row in file order, features = pixel/16 (exact in
 * binary), stored sample-major ({@code features[i*64 + j]}).
 */
public record Digits(double[] features, int[] labels) {
    public static final int FEATURES = 64, CLASSES = 10;

    public int size() {
        return labels.length;
    }

    public static Digits load() {
        InputStream raw = Digits.class.getResourceAsStream("/dotbar/data/digits.csv.gz");
        if (raw == null) throw new IllegalStateException("no resource /dotbar/data/digits.csv.gz");
        var rows = new ArrayList<String[]>();
        try (raw; var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine())
                if (!line.isBlank()) rows.add(line.split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] x = new double[rows.size() * FEATURES];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r.length != FEATURES + 1) throw new IllegalStateException("digits row " + (i + 1) + ": " + r.length + " fields");
            for (int j = 0; j < FEATURES; j++) x[i * FEATURES + j] = Integer.parseInt(r[j]) / 16.0;
            y[i] = Integer.parseInt(r[FEATURES]);
        }
        return new Digits(x, y);
    }
}
