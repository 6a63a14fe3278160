package dotbar.tape;

import static dotbar.DotBar.at;
import static dotbar.DotBar.compile;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;
import dotbar.reference.RefFiles;
import dotbar.reference.RefFiles.Case;
import dotbar.tensor.TorchNetworkText;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code compile(L, "W1", "b1", …)} for a scalar loss over matrix symbols (the tensor tape): its
 * value and gradient against {@code torch.autograd} (refs/torch-networks, float64, computed outside
 * the project) within 1e-12 relative, against central finite differences, and against
 * {@code grad(L, p)}; the gradient allocates nothing once warm; wrong array lengths are errors
 * that name the expected layout.
 */
class TensorTapeTest {
    private static final AtomicInteger FRESH = new AtomicInteger();

    /** A network case of the torch files in the DSL: its loss, its point and its parameter names. */
    private record Network(Expr loss, Point point, List<String> params, Map<String, double[]> values, List<String> declared) {
        /** The parameters' entries flattened in order, each row by row. */
        double[] flat() {
            int n = 0;
            for (String p : params) n += values.get(p).length;
            double[] x = new double[n];
            int o = 0;
            for (String p : params) {
                double[] v = values.get(p);
                System.arraycopy(v, 0, x, o, v.length);
                o += v.length;
            }
            return x;
        }

        void forget() { declared.forEach(Shapes::forget); }
    }

    /** The case's network, written as TorchNetworkGradientsTest writes it; parameters W1, b1, …, then x and y. */
    private static Network network(Case c, String prefix) {
        var text = new TorchNetworkText(c, prefix);
        var values = new LinkedHashMap<String, double[]>();
        text.values().forEach((name, rows) -> values.put(name, flat(rows)));
        var params = new ArrayList<>(text.parameters());
        params.add(prefix + "x");
        params.add(prefix + "y");
        return new Network(parse(text.loss(TorchNetworkText.CrossEntropy.LOGSUMEXP)), at(text.pointArguments()), params, values, text.declared());
    }

    private static double[] flat(double[][] rows) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * cols, cols);
        return flat;
    }

    private static List<Case> cases() {
        var cases = RefFiles.cases("/refs/torch-networks/networks.tsv");
        cases.addAll(RefFiles.cases("/refs/torch-networks/mlp-64-32-10.tsv.gz"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> theCompiledGradientOfEveryTorchNetworkAgreesWithTorchAndWithGrad() {
        var cases = cases();
        assertEquals(26, cases.size());
        var tests = new ArrayList<DynamicTest>();
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            String prefix = "tt" + k + "_";
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Network net = network(c, prefix);
                try {
                    Compiled tape = compile(net.loss(), net.params().toArray(String[]::new));
                    double[] x = net.flat(), g = new double[x.length];
                    double value = tape.gradient(x, g);
                    close(c.get("loss", "L").values()[0], value, 1e-12, c.name() + " L");
                    close(c.get("loss", "L").values()[0], tape.value(x), 1e-12, c.name() + " value(x)");
                    var reverse = grad(net.loss(), net.point());
                    int o = 0;
                    for (String p : net.params()) {
                        String bare = p.substring(prefix.length());
                        double[][] expected = reverse.array(p);
                        int cols = expected[0].length, size = expected.length * cols;
                        boolean parameter = bare.startsWith("W") || bare.startsWith("b");
                        double[] torch = parameter ? c.get("grad", bare).values() : null;
                        for (int i = 0; i < size; i++) {
                            close(expected[i / cols][i % cols], g[o + i], 1e-12, c.name() + " ∂L/∂" + bare + "[" + i + "] against grad(L, p)");
                            if (torch != null) close(torch[i], g[o + i], 1e-12, c.name() + " ∂L/∂" + bare + "[" + i + "] against torch");
                        }
                        o += size;
                    }
                    assertEquals(x.length, o);
                } finally {
                    net.forget();
                }
            }));
        }
        return tests.stream();
    }

    /** Central differences on the two-layer and three-layer networks, the data (x, y) held fixed: the gradient by the first parameters only. */
    @Test
    void theGradientByTheWeightsOnlyMatchesCentralDifferences() {
        int checked = 0;
        for (Case c : cases()) {
            if (Integer.parseInt(c.spec().get("batch")) != 1 || c.spec().get("layers").startsWith("64")) continue;
            Network net = network(c, "fd" + FRESH.incrementAndGet() + "_");
            try {
                int weights = net.params().size() - 2;
                Compiled tape = Tapes.of(net.loss(), net.params(), weights);
                double[] x = net.flat();
                int n = 0;
                for (String p : net.params().subList(0, weights)) n += net.values().get(p).length;
                double[] g = new double[n];
                tape.gradient(x, g);
                assertEquals(net.params().subList(0, weights), tape.wrt());
                for (int i = 0; i < n; i++) {
                    double h = 1e-6 * Math.max(1, Math.abs(x[i])), keep = x[i];
                    x[i] = keep + h;
                    double up = tape.value(x);
                    x[i] = keep - h;
                    double down = tape.value(x);
                    x[i] = keep;
                    double fd = (up - down) / (2 * h);
                    assertTrue(Math.abs(fd - g[i]) <= 1e-6 * Math.max(1, Math.abs(g[i])),
                            c.name() + " entry " + i + ": tape " + g[i] + ", central difference " + fd);
                    checked++;
                }
            } finally {
                net.forget();
            }
        }
        assertTrue(checked > 100, checked + " entries checked");
    }

    private static final String[] ACTIVATIONS = {"σ", "tanh", "relu", "exp", "sin", ""};

    /**
     * Random small shapes: a layer f(W·X + b) (b a column broadcast across the k columns of X),
     * a scalar c scaling it, a second layer V·(…), and a softmax, logsumexp, mean or dot
     * head; the compiled gradient equals grad(L, p) entry by entry and the value L.eval(p).
     */
    @Property(tries = 60)
    void theCompiledGradientEqualsGradOnRandomShapes(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int n,
                                                    @ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 0, max = 5) int act,
                                                    @ForAll @IntRange(min = 0, max = 3) int head, @ForAll long seed) {
        String p = "rp" + FRESH.incrementAndGet() + "_";
        var names = List.of(p + "W", p + "X", p + "b", p + "V", p + "c");
        int[][] shapes = {{m, n}, {n, k}, {m, 1}, {2, m}, {1, 1}};
        var rnd = new java.util.Random(seed);
        var args = new ArrayList<Object>();
        double[] x = new double[m * n + n * k + m + 2 * m + 1];
        int o = 0;
        try {
            for (int i = 0; i < names.size(); i++) {
                if (shapes[i][0] * shapes[i][1] > 1) matrix(names.get(i), shapes[i][0], shapes[i][1]);
                double[][] v = new double[shapes[i][0]][shapes[i][1]];
                for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = x[o++] = rnd.nextDouble() * 2 - 1;
                args.add(names.get(i));
                args.add(shapes[i][0] * shapes[i][1] > 1 ? v : (Object) v[0][0]);
            }
            String f = ACTIVATIONS[act];
            String hidden = f + "(" + p + "c*(" + p + "W·" + p + "X + " + p + "b))";
            String out = "(" + p + "V·" + hidden + ")";  // 2×k
            String loss = switch (head) {
                case 0 -> "sum(softmax(" + out + ") * " + out + ")";
                case 1 -> "sum(logsumexp(" + out + "))/" + k;
                case 2 -> "mean((" + out + ")^2) + sum(rowsum(" + hidden + "ᵀ))";
                default -> "dot(colsum(" + out + ")ᵀ, colsum(" + hidden + ")ᵀ) - sum(" + p + "b)/" + p + "c";
            };
            Expr L = parse(loss);
            Point point = at(args.toArray());
            Compiled tape = compile(L, names.toArray(String[]::new));
            double[] g = new double[x.length];
            double v = tape.gradient(x, g);
            close(L.eval(point), v, 1e-12, loss + " value");
            var reverse = grad(L, point);
            o = 0;
            for (int i = 0; i < names.size(); i++) {
                int size = shapes[i][0] * shapes[i][1];
                for (int j = 0; j < size; j++) {
                    double expected = size > 1 ? reverse.array(names.get(i))[j / shapes[i][1]][j % shapes[i][1]] : reverse.get(names.get(i));
                    close(expected, g[o + j], 1e-10, loss + " ∂/∂" + names.get(i) + "[" + j + "]");
                }
                o += size;
            }
        } finally {
            for (int i = 0; i < names.size(); i++) if (shapes[i][0] * shapes[i][1] > 1) Shapes.forget(names.get(i));
        }
    }

    @Test
    void aGradientCallOnTheMlpAllocatesNothingOnceWarm() {
        Case c = cases().stream().filter(x -> x.spec().get("layers").startsWith("64")).findFirst().orElseThrow();
        Network net = network(c, "al_");
        try {
            Compiled tape = Tapes.of(net.loss(), net.params(), net.params().size() - 2);
            double[] x = net.flat(), g = new double[x.length - 64 - 10];
            double sink = 0;
            for (int i = 0; i < 2_000; i++) sink += tape.gradient(x, g) + tape.value(x);
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 5_000; i++) sink += tape.gradient(x, g) + tape.value(x);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(Double.isFinite(sink));
            assertEquals(0, allocated, "5 000 gradient and value calls allocated " + allocated + " bytes");
        } finally {
            net.forget();
        }
    }

    @Test
    void wrongLengthsAndUnknownSymbolsAreErrorsThatSayWhatIsExpected() {
        matrix("bi_W", 2, 3);
        matrix("bi_x", 3, 1);
        try {
            Expr L = parse("sum(σ(bi_W·bi_x))");
            Compiled tape = compile(L, "bi_W", "bi_x");
            var e = assertThrows(DotbarException.class, () -> tape.value(new double[8]));
            assertTrue(e.getMessage().contains("x has length 8 but should have 9 entries: bi_W 2×3, bi_x 3×1"), e.getMessage());
            e = assertThrows(DotbarException.class, () -> tape.gradient(new double[9], new double[6]));
            assertTrue(e.getMessage().contains("g has length 6 but should have 9"), e.getMessage());
            e = assertThrows(DotbarException.class, () -> compile(L, "bi_W"));
            assertTrue(e.getMessage().contains("bi_x (3×1), which is not a parameter"), e.getMessage());
            e = assertThrows(DotbarException.class, () -> compile(parse("σ(bi_W·bi_x)"), "bi_W", "bi_x"));
            assertTrue(e.getMessage().contains("2×1"), e.getMessage());
            // the tape over the symbols in alphabetical order, and its gradient at a point
            Compiled all = compile(L);
            assertEquals(List.of("bi_W", "bi_x"), all.params());
            double[][] w = {{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}};
            Point p = at("bi_W", w, "bi_x", new double[]{1, 2, 3});
            double[] g = all.gradient(p);
            var expected = grad(L, p);
            for (int i = 0; i < 6; i++) close(expected.array("bi_W")[i / 3][i % 3], g[i], 1e-15, "∂/∂W " + i);
            for (int i = 0; i < 3; i++) close(expected.array("bi_x")[i][0], g[6 + i], 1e-15, "∂/∂x " + i);
            close(L.eval(p), all.value(p), 1e-15, "value(p)");
        } finally {
            Shapes.forget("bi_W");
            Shapes.forget("bi_x");
        }
    }

    /** A 20 000-deep chain of matrix products compiles and runs without overflowing the stack; its gradient against grad(L, p). */
    @Test
    void aChainOf20000MatrixProductsCompiles() {
        matrix("dc_A", 2, 2);
        matrix("dc_v", 2, 1);
        try {
            Expr e = dotbar.expr.Exprs.sym("dc_v");
            for (int i = 0; i < 20_000; i++) e = dotbar.expr.Exprs.call(dotbar.expr.Op.TANH, dotbar.DotBar.matmul(dotbar.expr.Exprs.sym("dc_A"), e));
            Expr L = dotbar.DotBar.sum(e);
            Compiled tape = compile(L, "dc_A", "dc_v");
            double[] x = {0.5, -0.3, 0.2, 0.9, 0.7, -0.4}, g = new double[6];
            tape.gradient(x, g);
            var reverse = grad(L, at("dc_A", new double[][]{{0.5, -0.3}, {0.2, 0.9}}, "dc_v", new double[]{0.7, -0.4}));
            for (int i = 0; i < 4; i++) close(reverse.array("dc_A")[i / 2][i % 2], g[i], 1e-9, "∂L/∂A[" + i + "]");
            for (int i = 0; i < 2; i++) assertEquals(reverse.array("dc_v")[i][0], g[4 + i], 1e-12, "∂L/∂v[" + i + "]");
        } finally {
            Shapes.forget("dc_A");
            Shapes.forget("dc_v");
        }
    }

    private static void close(double expected, double actual, double tolerance, String where) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), 1e-300) || actual == expected,
                () -> where + ": expected " + expected + ", got " + actual + " (relative " + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }
}
