package dotbar.optim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a checked-in reference table: tab-separated fields, {@code #} comment lines and blank lines skipped. */
final class RefTsv {
    private RefTsv() {}

    static List<String[]> read(String resource) throws IOException {
        var rows = new ArrayList<String[]>();
        try (var in = new BufferedReader(new InputStreamReader(RefTsv.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) rows.add(line.split("\t"));
            }
        }
        return rows;
    }
}
