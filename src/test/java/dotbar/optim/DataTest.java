package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets, CSV, minibatch epochs, SGD determinism, and full batch = gd on the mean loss. */
class DataTest {
    private static final Expr LINE = parse("(m*u + b - v)^2");
    /** v = 2u + 1 with a wobble, ten rows. */
    private static final double[][] ROWS = new double[10][];

    static {
        for (int i = 0; i < 10; i++) ROWS[i] = new double[]{i * 0.3, 2 * i * 0.3 + 1 + 0.05 * Math.sin(i)};
    }

    @Test
    void fullBatchIsGdOnTheMeanLoss() {
        Dataset d = data("u v", ROWS);
        Expr mean = Exprs.ZERO;
        for (double[] r : ROWS) mean = mean.plus(LINE.subs(Map.of("u", num(r[0]), "v", num(r[1]))));
        mean = mean.div(ROWS.length);
        Optimizer full = sgd(LINE, d, at("m=0, b=0")).lr(0.05).batch(10);
        Optimizer gd = gd(mean, at("m=0, b=0")).lr(0.05);
        for (int t = 1; t <= 200; t++) {
            full.step();
            gd.step();
            assertEquals(gd.at().get("m"), full.at().get("m"), 1e-12 * Math.abs(gd.at().get("m")), "m at " + t);
            assertEquals(gd.at().get("b"), full.at().get("b"), 1e-12 * Math.abs(gd.at().get("b")), "b at " + t);
        }
        assertEquals(gd.loss(), full.loss(), 1e-12 * gd.loss());
        assertEquals(gd.history().last().loss(), full.history().last().loss(), 1e-12 * gd.loss(), "whole-loss rows");
    }

    @Test
    void aSeedMakesTheRunReproducible() {
        Dataset d = data("u v", ROWS);
        Optimizer a = sgd(LINE, d, at("m=0, b=0")).lr(0.02).batch(3).seed(42).step(40);
        Optimizer b = sgd(LINE, d, at("m=0, b=0")).lr(0.02).batch(3).seed(42).step(40);
        Optimizer c = sgd(LINE, d, at("m=0, b=0")).lr(0.02).batch(3).seed(43).step(40);
        assertArrayEquals(a.history().column("m"), b.history().column("m"));
        assertArrayEquals(a.history().losses(), b.history().losses());
        assertNotEquals(a.at(), c.at(), "another seed, another order");
        var replay = a.history().column("m");
        a.reset().step(40);
        assertArrayEquals(replay, a.history().column("m"), "reset starts the same epochs again");
        Optimizer unseeded = sgd(LINE, d, at("m=0, b=0")).lr(0.02).batch(3).step(40);
        assertArrayEquals(sgd(LINE, d, at("m=0, b=0")).lr(0.02).batch(3).seed(0).step(40).history().column("m"),
                unseeded.history().column("m"), "the default seed is 0");
    }

    @Test
    void sgdOnDataFindsTheLine() {
        Optimizer o = sgd(LINE, data("u v", ROWS), at("m=0, b=0")).lr(0.02).batch(2).seed(5).step(4000);
        // least squares by hand: the normal equations of v ≈ m·u + b
        double su = 0, sv = 0, suu = 0, suv = 0;
        for (double[] r : ROWS) {
            su += r[0];
            sv += r[1];
            suu += r[0] * r[0];
            suv += r[0] * r[1];
        }
        int n = ROWS.length;
        double m = (n * suv - su * sv) / (n * suu - su * su), b = (sv - m * su) / n;
        assertEquals(m, o.at().get("m"), 0.05);
        assertEquals(b, o.at().get("b"), 0.05);
    }

    /** Each epoch visits every row once, in batches 3, 3, 3, 1, in a new order each epoch. */
    @Test
    void epochsVisitEveryRowOnce() {
        var seen = new ArrayList<List<Integer>>();
        var batch = new ArrayList<Integer>();
        Differentiable recorder = (x, g) -> {
            batch.add((int) x[1]);
            g[0] = 0;
            return 0;
        };
        double[][] rows = new double[10][];
        for (int i = 0; i < 10; i++) rows[i] = new double[]{i};
        var mb = new Minibatch(List.of("θ"), recorder, rows);
        mb.batch(3);
        mb.seed(11);
        var epochs = new ArrayList<List<Integer>>();
        for (int epoch = 0; epoch < 3; epoch++) {
            var order = new ArrayList<Integer>();
            for (int size : new int[]{3, 3, 3, 1}) {
                batch.clear();
                mb.next(new double[]{0}, new double[1]);
                assertEquals(size, batch.size());
                seen.add(List.copyOf(batch));
                order.addAll(batch);
            }
            assertEquals(10, new HashSet<>(order).size(), "epoch " + epoch + " visits every row: " + order);
            epochs.add(order);
        }
        assertNotEquals(epochs.get(0), epochs.get(1));
        assertNotEquals(epochs.get(1), epochs.get(2));
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epochs.get(0), "shuffled");
    }

    @Test
    void badData() {
        Dataset d = data("u v", ROWS);
        var e = assertThrows(DotbarException.class, () -> sgd(parse("(m*u + b - w)^2"), d, at("m=0, b=0")));
        assertEquals("the loss needs w, which is neither a column of the data (u, v) nor given in the start point (m, b)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> sgd(LINE, d, at("m=0, b=0, u=1")));
        assertTrue(e.getMessage().startsWith("the start point gives u, which is a column of the data"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> sgd(LINE, d, at("m=0, b=0")).batch(0));
        assertEquals("the batch size must be positive, got 0", e.getMessage());
        assertThrows(DotbarException.class, () -> sgd(LINE, d, at("m=0, b=0")).batch(-3));
        e = assertThrows(DotbarException.class, () -> data("u v", new double[][]{{1, 2}, {3}}));
        assertEquals("row 2 has 1 values, expected 2 (u, v)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("u v", new double[][]{{1, Double.NaN}}));
        assertEquals("row 1, column v: NaN is not a finite number", e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("u u", new double[][]{{1, 2}}));
        assertTrue(e.getMessage().endsWith("column u is named twice"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("u 2v", new double[][]{{1, 2}}));
        assertTrue(e.getMessage().contains("column '2v' is not a symbol name"), e.getMessage());
        assertThrows(DotbarException.class, () -> data("u", new double[0][]));
        e = assertThrows(DotbarException.class, () -> d.column("w"));
        assertEquals("no column w in the dataset (columns: u, v)", e.getMessage());
    }

    @Test
    void csvNamesColumnsByItsHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("line.csv");
        Files.writeString(f, "u, v, note\n# a comment\n0, 1, 7\n\n1, 3, 7\n2, 5, 7\n");
        Dataset d = csv(f.toString());
        assertEquals(List.of("u", "v", "note"), d.columns());
        assertEquals(3, d.size());
        assertArrayEquals(new double[]{1, 3, 5}, d.column("v"));
        Optimizer o = sgd(LINE, d, at("m=0, b=0")).lr(0.05).batch(3).step(3000);
        assertEquals(2, o.at().get("m"), 1e-6);
        assertEquals(1, o.at().get("b"), 1e-6);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "u,v\n0,1\n1,oops\n");
        var e = assertThrows(DotbarException.class, () -> csv(bad.toString()));
        assertEquals(bad + " line 3, column v: 'oops' is not a finite number", e.getMessage());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "u,v\n0,1\n1\n");
        e = assertThrows(DotbarException.class, () -> csv(ragged.toString()));
        assertEquals(ragged + " line 3: 1 values, expected 2 (u, v)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> csv(dir.resolve("none.csv").toString()));
        assertEquals("no such file: " + dir.resolve("none.csv"), e.getMessage());
    }
}
