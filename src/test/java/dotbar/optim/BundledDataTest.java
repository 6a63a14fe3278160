package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * digits() and iris() from the jar's resources. The expected numbers were read from the files
 * with shell commands, not from this code: {@code zcat digits.csv.gz | awk -F, '{print $65}' |
 * sort -n | uniq -c} gives the class counts, {@code sed -n '1p;1797p'} the first and last rows,
 * {@code awk '{s+=$37} END {print s}'} the sum of column 37 (18 512), and the sum of every pixel
 * is 561 718; three pixel columns (1, 33, 40) are 0 in every image.
 */
class BundledDataTest {
    @Test
    void digitsHasItsRowsColumnsAndClasses() {
        Dataset d = digits();
        assertEquals(1797, d.size());
        var names = new ArrayList<String>();
        for (int i = 1; i <= 64; i++) names.add("x" + i);
        names.add("y");
        assertEquals(names, d.columns());
        int[] counts = new int[10];
        for (double y : d.column("y")) counts[(int) y]++;
        assertArrayEquals(new int[]{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
        // row 1 of the file: 0,0,5,13,9,1,0,0,0,0,13,15,…, class 0; the last row ends …,14,12,1,0, class 8
        double[] first = d.row(0), last = d.row(1796);
        assertEquals(5 / 16.0, first[2]);
        assertEquals(13 / 16.0, first[3]);
        assertEquals(15 / 16.0, first[11]);
        assertEquals(0, first[64]);
        assertEquals(14 / 16.0, last[60]);
        assertEquals(1 / 16.0, last[62]);
        assertEquals(8, last[64]);
        double s37 = 0, all = 0;
        for (double v : d.column("x37")) s37 += v;
        for (int r = 0; r < d.size(); r++) for (int c = 0; c < 64; c++) all += d.row(r)[c];
        assertEquals(18512 / 16.0, s37, 1e-9);
        assertEquals(561718 / 16.0, all, 1e-6);
        for (int c = 0; c < 64; c++) for (double v : d.column("x" + (c + 1))) assertTrue(v >= 0 && v <= 1);
        Standardiser s = d.standardiser("x");
        for (String blank : List.of("x1", "x33", "x40")) assertEquals(0, s.sd(blank), blank + " is blank in every image");
        assertTrue(d.toString().startsWith("1797 rows × 65 columns (x1 … x64, y)"), d.toString());
        assertSame(d, digits(), "read once");
    }

    @Test
    void irisHasItsRowsAndThreeClassesOfFifty() {
        Dataset d = iris();
        assertEquals(150, d.size());
        assertEquals(List.of("x1", "x2", "x3", "x4", "y"), d.columns());
        assertArrayEquals(new double[]{5.1, 3.5, 1.4, 0.2, 0}, d.row(0));
        assertArrayEquals(new double[]{7.0, 3.2, 4.7, 1.4, 1}, d.row(50));
        assertArrayEquals(new double[]{5.9, 3.0, 5.1, 1.8, 2}, d.row(149));
        int[] counts = new int[3];
        for (double y : d.column("y")) counts[(int) y]++;
        assertArrayEquals(new int[]{50, 50, 50}, counts);
    }

    /** digits().onehot("y", 10): every row has one 1 among y1 … y10, at its label. */
    @Test
    void digitsOnehot() {
        try {
            Dataset d = digits().onehot("y", 10);
            assertEquals(74, d.columns().size());
            double[] labels = digits().column("y");
            for (int r = 0; r < d.size(); r++) {
                double[] row = d.row(r);
                double sum = 0;
                for (int k = 0; k < 10; k++) sum += row[64 + k];
                assertEquals(1, sum);
                assertEquals(1, row[64 + (int) labels[r]]);
            }
        } finally {
            dotbar.expr.Shapes.forget("y");
        }
    }
}
