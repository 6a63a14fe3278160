package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns bound to vector symbols: counts in data(…), CSV headers x1 … xk, and every refusal naming row and column. */
class VectorDataTest {
    @AfterEach
    void forget() {
        for (String s : List.of("xv", "yv", "zv", "pv", "qv", "Mv", "wv")) Shapes.forget(s);
    }

    @Test
    void aCountNamesConsecutiveColumnsAndDeclaresTheVector() {
        Dataset d = data("xv:4 t yv:2", new double[][]{{1, 2, 3, 4, 5, 6, 7}});
        assertEquals(List.of("xv1", "xv2", "xv3", "xv4", "t", "yv1", "yv2"), d.columns());
        assertEquals(new Shape(4, 1), Shapes.declared("xv"));
        assertEquals(new Shape(2, 1), Shapes.declared("yv"));
        assertEquals(Shape.SCALAR, Shapes.declared("t"), "a plain name stays a scalar column");
        assertArrayEquals(new double[]{6}, d.column("yv1"));
        assertTrue(d.toString().startsWith("1 row × 7 columns (xv1 … xv4, t, yv1, yv2)"), d.toString());
        Dataset same = data("xv:4 t yv:2", new double[][]{{1, 2, 3, 4, 5, 6, 7}});
        assertEquals(d.columns(), same.columns(), "declaring the same shape again is allowed");
        assertEquals(List.of("zv"), data("zv:1", new double[][]{{1}}).columns(), "a 1-entry vector is a scalar column");
        assertEquals(Shape.SCALAR, Shapes.declared("zv"));
    }

    @Test
    void aCountAgainstAnotherDeclaredShapeIsRefusedNamingBoth() {
        vector("xv", 3);
        var e = assertThrows(DotbarException.class, () -> data("yv:2 xv:4", new double[][]{{1, 2, 3, 4, 5, 6}}));
        assertEquals("data(\"yv:2 xv:4\", …): xv:4 binds xv to 4 columns (xv1 … xv4) as a 4×1 vector, but xv is declared 3×1",
                e.getMessage());
        assertEquals(Shape.SCALAR, Shapes.declared("yv"), "nothing declared when refused");
        matrix("Mv", 2, 2);
        e = assertThrows(DotbarException.class, () -> data("Mv:4", new double[][]{{1, 2, 3, 4}}));
        assertTrue(e.getMessage().endsWith("but Mv is declared 2×2"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("pv:2", new double[][]{{1, 2}, {3, Double.NaN}}));
        assertEquals("row 2, column pv2: NaN is not a finite number", e.getMessage());
        assertEquals(Shape.SCALAR, Shapes.declared("pv"), "rows refused: nothing declared");
        for (String bad : List.of("qv:0", "qv:x", "qv:", "qv:-2")) {
            e = assertThrows(DotbarException.class, () -> data(bad, new double[][]{{1}}));
            assertTrue(e.getMessage().contains("'" + bad + "' needs a count of columns"), e.getMessage());
        }
        e = assertThrows(DotbarException.class, () -> data("qv:2 qv1", new double[][]{{1, 2, 3}}));
        assertTrue(e.getMessage().endsWith("column qv1 is named twice"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("qv:2 qv", new double[][]{{1, 2, 3}}));
        assertTrue(e.getMessage().contains("qv is named twice"), e.getMessage());
        assertEquals(Shape.SCALAR, Shapes.declared("qv"));
    }

    /** A header of x1 … x64 and y: a loss over a declared 64-vector reads them as one; refusals name the column. */
    @Test
    void aCsvHeaderOfNumberedColumnsIsReadByAVectorSymbol(@TempDir Path dir) throws IOException {
        int k = 64;
        var header = new StringJoiner(",");
        for (int i = 1; i <= k; i++) header.add("xv" + i);
        header.add("t");
        var text = new StringBuilder(header + "\n");
        double[][] rows = new double[5][k + 1];
        for (int r = 0; r < 5; r++) {
            var line = new StringJoiner(",");
            for (int i = 0; i <= k; i++) {
                rows[r][i] = (r + 1) * 0.5 + i * 0.01;
                line.add(Double.toString(rows[r][i]));
            }
            text.append(line).append('\n');
        }
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, text);
        Dataset d = csv(f.toString());
        assertEquals(k + 1, d.columns().size());
        assertEquals(Shape.SCALAR, Shapes.declared("xv"), "csv declares nothing: the loss's shapes decide");
        vector("xv", k);
        Expr loss = parse("(wv·sum(xv) - t)^2");
        Objective o = Objectives.minibatch(loss, d, at("wv=0.25"));
        double[] g = new double[1];
        double want = 0, grad = 0;
        for (double[] r : rows) {
            double s = 0;
            for (int i = 0; i < k; i++) s += r[i];
            want += (0.25 * s - r[k]) * (0.25 * s - r[k]) / 5;
            grad += 2 * (0.25 * s - r[k]) * s / 5;
        }
        assertEquals(want, o.full(new double[]{0.25}, g), 1e-12 * want);
        assertEquals(grad, g[0], 1e-12 * Math.abs(grad));

        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, text.toString().replaceFirst(",xv37,", ",other,"));
        var e = assertThrows(DotbarException.class, () -> Objectives.minibatch(loss, csv(missing.toString()), at("wv=0.25")));
        assertEquals("the data has no column xv37 for the loss's xv (64×1, columns xv1 … xv64)", e.getMessage());
        Path extra = dir.resolve("extra.csv");
        Files.writeString(extra, text.toString().replaceFirst(",t\n", ",xv65\n"));
        e = assertThrows(DotbarException.class, () -> Objectives.minibatch(parse("wv·sum(xv)"), csv(extra.toString()), at("wv=0.25")));
        assertEquals("the data has a column xv65, past the 64 entries of the loss's xv (64×1, columns xv1 … xv64)", e.getMessage());
    }

    @Test
    void aScalarSymbolOverNumberedColumnsSaysToDeclareTheVector() {
        Dataset d = data("xv1 xv2 xv3 t", new double[][]{{1, 2, 3, 4}});
        var e = assertThrows(DotbarException.class, () -> Objectives.minibatch(parse("(wv*xv - t)^2"), d, at("wv=1")));
        assertEquals("the loss's xv is a scalar, but the data has columns xv1 … xv3: declare vector(\"xv\", 3) before parsing the loss "
                + "to read them as one vector", e.getMessage());
        // scalar symbols named like the columns read them as before
        Objective o = Objectives.minibatch(parse("(wv*xv2 - t)^2"), d, at("wv=1"));
        assertEquals(4, o.full(new double[]{1}, new double[1]), 0);
    }

    @Test
    void aScalarColumnForAVectorSymbolIsRefused() {
        Dataset d = data("xv t", new double[][]{{1, 2}});
        vector("xv", 3);
        var e = assertThrows(DotbarException.class, () -> Objectives.minibatch(parse("(wv*sum(xv) - t)^2"), d, at("wv=1")));
        assertEquals("the data's column xv is one number per row, but the loss's xv (3×1, columns xv1 … xv3) has 3 entries: "
                + "name its columns xv1 … xv3 (data(\"xv:3 …\", rows))", e.getMessage());
    }

    /** A declared matrix reads its entries row-major: M[i][j] is column M(2i + j + 1) for a 2×2. */
    @Test
    void aMatrixSymbolReadsItsColumnsRowMajor() {
        matrix("Mv", 2, 2);
        vector("xv", 2);
        Dataset d = data("Mv1 Mv2 Mv3 Mv4", new double[][]{{1, 2, 3, 4}, {0, 1, -1, 2}});
        Objective o = Objectives.minibatch(parse("sum(Mv·xv)"), d, at("xv", new double[]{5, 7}));
        double[] g = new double[2];
        // sum(M·x) = (M11 + M21)·x1 + (M12 + M22)·x2; rows: (1+3)·5 + (2+4)·7 = 62, (0−1)·5 + (1+2)·7 = 16
        assertEquals((62 + 16) / 2.0, o.full(new double[]{5, 7}, g), 1e-12);
        assertArrayEquals(new double[]{(4 - 1) / 2.0, (6 + 3) / 2.0}, g, 1e-12);
    }

    @Test
    void badCsvCellsAreRefusedNamingLineAndColumn(@TempDir Path dir) throws IOException {
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "xv1,xv2,t\n1,2,3\n4,NaN,6\n");
        var e = assertThrows(DotbarException.class, () -> csv(nan.toString()));
        assertEquals(nan + " line 3, column xv2: 'NaN' is not a finite number", e.getMessage());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "xv1,xv2,xv3,xv4,t\n1,2,3,4,5\n1,2,3,4,5,6\n");
        e = assertThrows(DotbarException.class, () -> csv(ragged.toString()));
        assertEquals(ragged + " line 3: 6 values, expected 5 (xv1 … xv4, t)", e.getMessage());
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,b\n1,2\n3,four\n");
        e = assertThrows(DotbarException.class, () -> csv(text.toString()));
        assertEquals(text + " line 3, column b: 'four' is not a finite number", e.getMessage());
        Path inf = dir.resolve("inf.csv");
        Files.writeString(inf, "a,b\n1,1e999\n");
        e = assertThrows(DotbarException.class, () -> csv(inf.toString()));
        assertEquals(inf + " line 2, column b: '1e999' is not a finite number", e.getMessage());
    }

    /**
     * Columns x1 … xk in any order are read by name: the gradient of mean(dot(w, x)) by w is the
     * mean of each column, entry by entry, and the loss is w·(column means).
     */
    @Property(tries = 150)
    void columnsAreReadByNameInAnyOrder(@ForAll @IntRange(min = 2, max = 9) int k, @ForAll long seed) {
        var random = new Random(seed);
        var names = new ArrayList<String>();
        for (int i = 1; i <= k; i++) names.add("xv" + i);
        names.add("t");
        Collections.shuffle(names, random);
        double[][] rows = new double[1 + random.nextInt(6)][k + 1];
        for (double[] r : rows) for (int c = 0; c <= k; c++) r[c] = random.nextGaussian();
        try {
            vector("xv", k);
            vector("wv", k);
            Dataset d = data(String.join(" ", names), rows);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) w[i] = random.nextGaussian();
            Objective o = Objectives.minibatch(parse("dot(wv, xv)"), d, at("wv", w));
            double[] g = new double[k], mean = new double[k];
            double want = 0;
            for (int i = 0; i < k; i++) {
                for (double v : d.column("xv" + (i + 1))) mean[i] += v / rows.length;
                want += w[i] * mean[i];
            }
            assertEquals(want, o.full(w, g), 1e-12);
            assertArrayEquals(mean, g, 1e-12);
        } finally {
            Shapes.forget("xv");
            Shapes.forget("wv");
        }
    }

    @Test
    void listedShortensRunsOfNumberedNames() {
        assertEquals("u, v", Dataset.listed(List.of("u", "v")));
        assertEquals("x1, x2, y", Dataset.listed(List.of("x1", "x2", "y")));
        assertEquals("x1 … x3, y1 … y10", Dataset.listed(new ArrayList<>(List.of("x1", "x2", "x3",
                "y1", "y2", "y3", "y4", "y5", "y6", "y7", "y8", "y9", "y10"))));
        assertEquals("x1, x3, x4", Dataset.listed(List.of("x1", "x3", "x4")));
    }
}
