package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** onehot, split and standardise: their results against direct computation, and their refusals. */
class DatasetHelpersTest {
    @AfterEach
    void forget() {
        for (String s : List.of("lab", "xh")) Shapes.forget(s);
    }

    @Test
    void onehotWritesALabelAsTenColumnsInItsPlace() {
        double[][] rows = new double[10][];
        for (int i = 0; i < 10; i++) rows[i] = new double[]{i * 1.5, (i * 7) % 10, -i};
        Dataset d = data("a lab b", rows).onehot("lab", 10);
        var names = new ArrayList<>(List.of("a"));
        for (int k = 1; k <= 10; k++) names.add("lab" + k);
        names.add("b");
        assertEquals(names, d.columns());
        assertEquals(new Shape(10, 1), Shapes.declared("lab"), "lab is bound as a 10-vector");
        for (int i = 0; i < 10; i++) {
            double[] r = d.row(i);
            assertEquals(i * 1.5, r[0]);
            assertEquals(-i, r[11]);
            int label = (i * 7) % 10;
            for (int k = 0; k < 10; k++) assertEquals(k == label ? 1 : 0, r[1 + k], "row " + i + ", class " + k);
        }
    }

    @Test
    void onehotRefusesLabelsOutOfRangeOrNotWhole() {
        Dataset d = data("a lab", new double[][]{{0, 1}, {0, 2}, {0, 3}});
        var e = assertThrows(DotbarException.class, () -> d.onehot("lab", 3));
        assertEquals("onehot(\"lab\", 3): row 3, column lab: 3 is not a class (a whole number from 0 to 2)", e.getMessage());
        assertEquals(Shape.SCALAR, Shapes.declared("lab"), "refused: nothing declared");
        e = assertThrows(DotbarException.class, () -> data("lab", new double[][]{{0}, {1.5}}).onehot("lab", 3));
        assertEquals("onehot(\"lab\", 3): row 2, column lab: 1.5 is not a class (a whole number from 0 to 2)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("lab", new double[][]{{-1}}).onehot("lab", 3));
        assertTrue(e.getMessage().contains("row 1, column lab: -1 is not a class"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> d.onehot("nope", 3));
        assertEquals("no column nope in the dataset (columns: a, lab)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> d.onehot("lab", 1));
        assertTrue(e.getMessage().endsWith("needs at least 2 classes"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("lab lab2", new double[][]{{0, 1}}).onehot("lab", 3));
        assertTrue(e.getMessage().endsWith("column lab2 is named twice"), e.getMessage());
        vector("lab", 4);
        e = assertThrows(DotbarException.class, () -> data("lab", new double[][]{{0}}).onehot("lab", 3));
        assertTrue(e.getMessage().endsWith("as a 3×1 vector, but lab is declared 4×1"), e.getMessage());
    }

    private static Dataset numbered(int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[]{i, i * i};
        return data("i sq", rows);
    }

    /** Any fraction and seed: the two sides partition the rows, train has round(f·n), each side keeps the order. */
    @Property(tries = 300)
    void splitPartitionsTheRows(@ForAll @IntRange(min = 2, max = 300) int n, @ForAll @DoubleRange(min = 0, max = 1) double f,
                                @ForAll long seed) {
        int train = (int) Math.round(f * n);
        if (train == 0 || train == n) {
            assertThrows(DotbarException.class, () -> numbered(n).split(f, seed));
            return;
        }
        Dataset.Split s = numbered(n).split(f, seed);
        assertEquals(train, s.train().size());
        assertEquals(n - train, s.test().size());
        var seen = new HashSet<Double>();
        for (Dataset side : List.of(s.train(), s.test())) {
            double[] i = side.column("i"), sq = side.column("sq");
            for (int r = 0; r < i.length; r++) {
                assertTrue(seen.add(i[r]), "row " + i[r] + " on one side only");
                assertEquals(i[r] * i[r], sq[r], "rows stay whole");
                if (r > 0) assertTrue(i[r] > i[r - 1], "each side keeps the dataset's order");
            }
        }
        assertEquals(n, seen.size());
    }

    @Test
    void splitIsReproducibleBySeedAndRefusesAnEmptySide() {
        Dataset d = numbered(100);
        assertArrayEquals(d.split(0.8, 3).test().column("i"), d.split(0.8, 3).test().column("i"));
        assertFalse(Arrays.equals(d.split(0.8, 3).test().column("i"), d.split(0.8, 4).test().column("i")), "another seed, other rows");
        double[] test = d.split(0.8, 3).test().column("i");
        assertFalse(Arrays.equals(new double[]{80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99}, test),
                "shuffled, not the last rows");
        var e = assertThrows(DotbarException.class, () -> d.split(0.996, 1));
        assertEquals("split(0.996, 1) of 100 rows gives 100 to train and 0 to test: each side needs at least one row", e.getMessage());
        e = assertThrows(DotbarException.class, () -> d.split(0, 1));
        assertEquals("split(0, 1) of 100 rows gives 0 to train and 100 to test: each side needs at least one row", e.getMessage());
        e = assertThrows(DotbarException.class, () -> numbered(1).split(0.5, 1));
        assertTrue(e.getMessage().contains("each side needs at least one row"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> d.split(Double.NaN, 1));
        assertTrue(e.getMessage().endsWith("the fraction for training is a number from 0 to 1"), e.getMessage());
        assertThrows(DotbarException.class, () -> d.split(1.5, 1));
    }

    /** Random columns: standardised, each has mean 0 and population sd 1 (computed here, directly). */
    @Property(tries = 200)
    void standardiseGivesMeanZeroAndSdOne(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed) {
        var random = new Random(seed);
        double[][] rows = new double[n][3];
        for (double[] r : rows) {
            r[0] = 100 + 30 * random.nextGaussian();
            r[1] = random.nextDouble() * 1e-3;
            r[2] = 7.25;   // constant
        }
        rows[0][0] += 1;   // never constant
        rows[0][1] += 1e-3;
        Dataset s = data("a b c", rows).standardise();
        for (String c : List.of("a", "b")) {
            double[] v = s.column(c);
            double mean = Arrays.stream(v).sum() / n, var = 0;
            for (double x : v) var += (x - mean) * (x - mean) / n;
            assertEquals(0, mean, 1e-12, c);
            assertEquals(1, var, 1e-10, c);
        }
        for (double x : s.column("c")) assertEquals(0, x, 0, "a constant column is 0");
    }

    @Test
    void theTrainingStatisticsApplyToTheTestSet() {
        Dataset train = data("u v k", new double[][]{{1, 10, 5}, {2, 20, 5}, {3, 60, 5}});
        Dataset test = data("u v k", new double[][]{{4, 0, 6}, {0, 30, 5}});
        Standardiser s = train.standardiser();
        // by hand: u has μ = 2, σ = √(2/3); v has μ = 30, σ = √((400 + 100 + 900)/3); k is constant 5
        double su = Math.sqrt(2.0 / 3), sv = Math.sqrt(1400.0 / 3);
        assertEquals(2, s.mean("u"), 1e-15);
        assertEquals(su, s.sd("u"), 1e-15);
        assertEquals(sv, s.sd("v"), 1e-12);
        assertEquals(0, s.sd("k"));
        Dataset t = s.apply(test);
        assertArrayEquals(new double[]{2 / su, -2 / su}, t.column("u"), 1e-14);
        assertArrayEquals(new double[]{-30 / sv, 0}, t.column("v"), 1e-14);
        assertArrayEquals(new double[]{1, 0}, t.column("k"), 0, "a constant column is shifted by its mean, not scaled");
        assertArrayEquals(new double[]{4, 0}, test.column("u"), "the test set itself is unchanged");
        assertTrue(s.toString().startsWith("standardiser of 3 columns: u (μ=2, σ=0.816497"), s.toString());
        var e = assertThrows(DotbarException.class, () -> s.apply(data("u v", new double[][]{{1, 2}})));
        assertEquals("the standardiser scales column k, which the dataset does not have (columns: u, v)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> s.sd("w"));
        assertTrue(e.getMessage().startsWith("the standardiser has no column w"), e.getMessage());
    }

    @Test
    void standardiseByNameScalesAVectorsColumnsOnly() {
        Dataset d = data("xh:2 y", new double[][]{{1, 4, 0}, {3, 8, 1}});
        Dataset s = d.standardise("xh");
        assertEquals(List.of("xh1", "xh2"), d.standardiser("xh").columns());
        assertArrayEquals(new double[]{-1, 1}, s.column("xh1"), 1e-15);
        assertArrayEquals(new double[]{-1, 1}, s.column("xh2"), 1e-15);
        assertArrayEquals(new double[]{0, 1}, s.column("y"), 0, "y is not named: unchanged");
        assertEquals(List.of("y"), d.standardiser("y").columns());
        var e = assertThrows(DotbarException.class, () -> d.standardise("z"));
        assertEquals("no column z in the dataset (columns: xh1, xh2, y)", e.getMessage());
    }
}
