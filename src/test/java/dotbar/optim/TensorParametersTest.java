package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Optimizers over matrix and vector parameters. The oracle: the same loss written with one scalar
 * symbol per entry (its matrix products, broadcasts and per-column logsumexp spelled out by hand
 * as sums over entries) is optimized by the scalar path, which matches {@code torch.optim} step for
 * step (TorchReferenceTest); the tensor run must end at the same numbers.
 */
class TensorParametersTest {
    // W 2×3, V 3×2, b 2×1, c scalar; names of this class only (declarations are global)
    static {
        matrix("Wtp", 2, 3);
        matrix("Vtp", 3, 2);
        vector("btp", 2);
    }

    /** Z = W·V + b (b across the columns); L = Σ tanh(Z)²/2 + (Σ_columns logsumexp(Z))²/4 + c²·Σ W²/10 + Σ V²/20 + (c − 1)². */
    static final Expr TENSOR = parse("sum(tanh(Wtp·Vtp + btp)^2)/2 + sum(logsumexp(Wtp·Vtp + btp))^2/4 + c^2*sum(Wtp*Wtp)/10"
            + " + sum(Vtp⊙Vtp)/20 + (c - 1)^2");

    static final double[][] W0 = {{0.3, -0.2, 0.5}, {0.1, 0.4, -0.6}};
    static final double[][] V0 = {{0.7, -0.1}, {0.2, 0.3}, {-0.5, 0.8}};
    static final double[] B0 = {0.05, -0.15};
    static final double C0 = 0.4;

    static Point tensorStart() {
        return at("c", C0, "Wtp", W0, "Vtp", V0, "btp", B0);
    }

    /** The scalar names of entry (i, j) from 1. */
    static String entry(String m, int i, int j) {
        return m + "_" + i + "_" + j;
    }

    /** The same loss over scalar symbols Wtp_i_j, Vtp_i_j, btp_i_1 and c, by hand. */
    static final Expr SCALAR = scalarLoss();

    private static Expr scalarLoss() {
        var z = new String[2][2];
        for (int i = 1; i <= 2; i++) {
            for (int j = 1; j <= 2; j++) {
                var s = new StringBuilder("(");
                for (int k = 1; k <= 3; k++) s.append(entry("Wtp", i, k)).append("*").append(entry("Vtp", k, j)).append(" + ");
                z[i - 1][j - 1] = s.append(entry("btp", i, 1)).append(")").toString();
            }
        }
        var l = new StringBuilder("(");
        for (var row : z) for (String zij : row) l.append("tanh(").append(zij).append(")^2 + ");
        l.append("0)/2 + (0");
        for (int j = 0; j < 2; j++) l.append(" + log(exp(").append(z[0][j]).append(") + exp(").append(z[1][j]).append("))");
        l.append(")^2/4 + c^2*(");
        for (int i = 1; i <= 2; i++) for (int k = 1; k <= 3; k++) l.append(entry("Wtp", i, k)).append("^2 + ");
        l.append("0)/10 + (");
        for (int k = 1; k <= 3; k++) for (int j = 1; j <= 2; j++) l.append(entry("Vtp", k, j)).append("^2 + ");
        l.append("0)/20 + (c - 1)^2");
        return parse(l.toString());
    }

    static Point scalarStart() {
        var pairs = new ArrayList<Object>(List.of("c", C0));
        for (int i = 1; i <= 2; i++) for (int k = 1; k <= 3; k++) pairs.addAll(List.of(entry("Wtp", i, k), W0[i - 1][k - 1]));
        for (int k = 1; k <= 3; k++) for (int j = 1; j <= 2; j++) pairs.addAll(List.of(entry("Vtp", k, j), V0[k - 1][j - 1]));
        for (int i = 1; i <= 2; i++) pairs.addAll(List.of(entry("btp", i, 1), B0[i - 1]));
        return at(pairs.toArray());
    }

    /** Every entry of the tensor run's point equals the scalar run's, within {@code tol} relative. */
    static void assertSamePoint(Point scalar, Point tensor, double tol, String what) {
        assertClose(scalar.get("c"), tensor.get("c"), tol, what + " c");
        for (String m : List.of("Wtp", "Vtp", "btp")) {
            double[][] a = tensor.array(m);
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[i].length; j++) {
                    assertClose(scalar.get(entry(m, i + 1, j + 1)), a[i][j], tol, what + " " + m + "[" + (i + 1) + "," + (j + 1) + "]");
                }
            }
        }
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertTrue(Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void theOracleLossesAgreeAtTheStart() {
        assertEquals(SCALAR.eval(scalarStart()), TENSOR.eval(tensorStart()), 1e-13);
        assertEquals(List.of("c", "Wtp", "Vtp", "btp"), adam(TENSOR, tensorStart()).parameters());
    }

    @Test
    void everyOptimizerStepsEveryEntryAsTheScalarPathDoes() {
        List<BiFunction<Expr, Point, Optimizer>> factories = List.of(
                (l, p) -> gd(l, p).lr(0.1),
                (l, p) -> sgd(l, p).lr(0.05).momentum(0.9).weightDecay(0.01),
                (l, p) -> momentum(l, p).lr(0.2),
                (l, p) -> nesterov(l, p).lr(0.2),
                (l, p) -> adagrad(l, p).lr(0.1),
                (l, p) -> rmsprop(l, p).lr(0.01),
                (l, p) -> adam(l, p).lr(0.05),
                (l, p) -> adamw(l, p).lr(0.05).weightDecay(0.1),
                (l, p) -> adam(l, p).lr(0.05).weightDecay(0.02),                  // coupled: g + λθ over every entry
                (l, p) -> adam(l, p).lr(0.05).clipNorm(0.5),                      // ‖g‖ over every entry
                (l, p) -> adam(l, p).lr(0.05).schedule(cosine(40)),
                (l, p) -> rule("ema", "v = α*v - (1-α)*g", "θ = θ + η*v").set("α", 0.8).set("η", 0.3).on(l, p));
        for (var f : factories) {
            Optimizer scalar = f.apply(SCALAR, scalarStart()).step(40);
            Optimizer tensor = f.apply(TENSOR, tensorStart()).step(40);
            String name = tensor.label();
            assertSamePoint(scalar.at(), tensor.at(), 1e-11, name + " θ");
            assertClose(scalar.loss(), tensor.loss(), 1e-11, name + " loss");
            assertClose(scalar.history().last().gradientNorm(), tensor.history().last().gradientNorm(), 1e-10, name + " ‖g‖");
            assertSamePoint(scalar.gradient(), tensor.gradient(), 1e-9, name + " gradient");
            for (var s : scalar.state().keySet()) assertSamePoint(scalar.state().get(s), tensor.state().get(s), 1e-9, name + " state " + s);
            assertNotEquals(TENSOR.eval(tensorStart()), tensor.loss(), name + " moved");
        }
    }

    /** Random starts and learning rates: the tensor run and the per-entry scalar run agree at every step. */
    @Property(tries = 25)
    void randomStartsStepAsTheScalarPathDoes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 7) int which,
                                             @ForAll @DoubleRange(min = 0.01, max = 0.1) double lr) {
        var random = new java.util.SplittableRandom(seed);
        double[][] w = new double[2][3], v = new double[3][2];
        double[] b = new double[2];
        for (double[] row : w) for (int j = 0; j < row.length; j++) row[j] = random.nextDouble(-1, 1);
        for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = random.nextDouble(-1, 1);
        for (int i = 0; i < 2; i++) b[i] = random.nextDouble(-1, 1);
        double c = random.nextDouble(-1, 1);
        var pairs = new ArrayList<Object>(List.of("c", c));
        for (int i = 1; i <= 2; i++) for (int k = 1; k <= 3; k++) pairs.addAll(List.of(entry("Wtp", i, k), w[i - 1][k - 1]));
        for (int k = 1; k <= 3; k++) for (int j = 1; j <= 2; j++) pairs.addAll(List.of(entry("Vtp", k, j), v[k - 1][j - 1]));
        for (int i = 1; i <= 2; i++) pairs.addAll(List.of(entry("btp", i, 1), b[i - 1]));
        Rule rule = List.of(gd(), sgd().set("momentum", 0.9), momentum(), nesterov(), adagrad(), rmsprop(), adam(), adamw()).get(which);
        Optimizer scalar = rule.on(SCALAR, at(pairs.toArray())).lr(lr);
        Optimizer tensor = rule.on(TENSOR, at("c", c, "Wtp", w, "Vtp", v, "btp", b)).lr(lr);
        for (int t = 1; t <= 15; t++) {
            scalar.step();
            tensor.step();
            assertSamePoint(scalar.at(), tensor.at(), 1e-11, rule.name() + " step " + t);
        }
    }

    @Test
    void stepUntilResetAndHistoryWorkOnTensors() {
        Optimizer scalar = adam(SCALAR, scalarStart()).lr(0.05).stepUntil(gradNorm(1e-3), steps(3000));
        Optimizer tensor = adam(TENSOR, tensorStart()).lr(0.05).stepUntil(gradNorm(1e-3), steps(3000));
        assertEquals(scalar.t(), tensor.t(), "the same stopping step");
        assertTrue(tensor.t() < 3000, tensor.history().stopped());
        assertTrue(tensor.history().stopped().startsWith("‖g‖"), tensor.history().stopped());
        assertSamePoint(scalar.at(), tensor.at(), 1e-10, "stepUntil θ");
        History h = tensor.history();
        assertEquals(List.of("c", "‖Wtp‖", "‖Vtp‖", "‖btp‖"), h.columns());
        assertEquals(h.size(), scalar.history().size());
        // row i's θ is the point after step i: the same as the scalar run's row, and its norm cells are its norms
        for (int i : new int[]{0, 1, h.size() / 2, h.size() - 1}) {
            assertSamePoint(scalar.history().get(i).at(), h.get(i).at(), 1e-10, "row " + i);
            double[] w = h.get(i).at().array("Wtp")[0], w2 = h.get(i).at().array("Wtp")[1];
            double norm = Math.sqrt(sq(w) + sq(w2));
            assertEquals(norm, h.cells(i)[1], 1e-14 * norm);
        }
        assertEquals(W0[1][2], h.get(0).at().array("Wtp")[1][2], "row 0 is the start");
        var e = assertThrows(DotbarException.class, () -> h.column("Wtp"));
        assertTrue(e.getMessage().contains("Wtp is a 2×3 tensor"), e.getMessage());
        assertEquals(h.size(), h.column("c").length);
        tensor.reset();
        assertEquals(0, tensor.t());
        assertSamePoint(scalarStart(), tensor.at(), 0, "reset");
    }

    private static double sq(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    @Test
    void arraysComeBackInTheirShapes() {
        Optimizer o = adam(TENSOR, tensorStart()).lr(0.01).step(3);
        assertEquals(2, o.at().array("Wtp").length);
        assertEquals(3, o.at().array("Wtp")[0].length);
        assertEquals(2, o.at().array("btp").length);
        assertEquals(1, o.at().array("btp")[0].length);
        assertEquals(3, o.gradient().array("Vtp").length);
        assertEquals(List.of("v", "w"), List.copyOf(o.state().keySet()).subList(0, 2));
        assertEquals(2, o.state().get("w").array("Vtp")[0].length);
        // w after 3 steps is Σ (1−ρ)ρ^(3−s) g_s² ≥ 0 entry by entry
        for (double[] row : o.state().get("w").array("Wtp")) for (double w : row) assertTrue(w > 0);
        // another optimizer starts where this one is
        Optimizer next = rmsprop(TENSOR, o.at());
        assertArrayEquals(o.at().array("Vtp")[2], next.at().array("Vtp")[2]);
    }

    @Test
    void bigTensorsPrintAsShapeAndNorm() {
        matrix("Wbig", 32, 64);
        vector("bbig", 32);
        Expr l = parse("sum((sum(Wbig)/64 + bbig)^2)/2 + sum(Wbig^2)/100");
        double[][] w = new double[32][64];
        for (int i = 0; i < 32; i++) for (int j = 0; j < 64; j++) w[i][j] = 0.01 * Math.sin(i * 64 + j);
        double[] b = new double[32];
        for (int i = 0; i < 32; i++) b[i] = 0.1 * Math.cos(i);
        Optimizer o = adam(l, at("Wbig", w, "bbig", b)).lr(0.01).step(20);
        String text = o.toString();
        assertTrue(text.length() < 200, text);
        assertTrue(text.contains("Wbig=32×64 ‖·‖="), text);
        assertTrue(text.contains("bbig=32×1 ‖·‖="), text);
        assertTrue(o.history().toString().contains("‖Wbig‖"), o.history().toString());
        assertTrue(o.history().toString().length() < 3000, o.history().toString());
        assertTrue(o.state().toString().contains("32×64 ‖·‖="), o.state().toString());
        assertTrue(o.history().last().toString().length() < 200, o.history().last().toString());
        assertNotNull(o.plot().toString());
        // a small tensor prints its entries
        assertTrue(adam(TENSOR, tensorStart()).toString().contains("btp=[0.05, -0.15]"), adam(TENSOR, tensorStart()).toString());
    }

    @Test
    void badStartPointsNameTheSymbolAndBothShapes() {
        matrix("Wsh", 2, 2);
        Point old = at("Wsh", new double[][]{{1, 2}, {3, 4}});
        Shapes.forget("Wsh");
        matrix("Wsh", 3, 2);
        Expr l = parse("sum(Wsh^2)");
        var e = assertThrows(DotbarException.class, () -> adam(l, old));
        assertEquals("Wsh is declared 3×2 but is given a 2×2 array", e.getMessage());
        e = assertThrows(DotbarException.class, () -> adam(TENSOR, at("c", 1.0, "Wtp", W0, "Vtp", V0)));
        assertTrue(e.getMessage().contains("no value for btp"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> adam(TENSOR, at("c", 1.0, "Wtp", W0, "Vtp", V0, "btp", B0, "Wsh", new double[][]{{1, 2}, {3, 4}, {5, 6}})));
        assertTrue(e.getMessage().contains("names Wsh, which the loss does not contain"), e.getMessage());
    }

    @Test
    void aStepThatIsNotFiniteNamesTheEntry() {
        matrix("Wnf", 1, 2);
        Expr l = parse("sum(Wnf^2)*1e300");   // g = 2e300·W: with η = 1e10 the update of W[2] = 3 (a row: one index) overflows, W[1] = 0 stays
        Optimizer d = gd(l, at("Wnf", new double[][]{{0, 3}})).lr(1e10);
        var e = assertThrows(DotbarException.class, () -> d.step(5));
        assertTrue(e.getMessage().contains("step 1 is not finite: the update of Wnf[2] is -Infinity"), e.getMessage());
        assertEquals(0, d.t());
        assertArrayEquals(new double[]{0, 3}, d.at().array("Wnf")[0]);
    }

    @Test
    void aTensorStepAllocatesNothingBeyondItsHistoryRow() {
        matrix("Wal", 8, 16);
        vector("bal", 8);
        matrix("Val", 16, 3);
        Expr l = parse("sum(logsumexp(tanh(Wal·Val + bal))) + sum(Wal^2)/10 + sum(Val^2)/10");
        double[][] w = new double[8][16];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 16; j++) w[i][j] = 0.05 * Math.sin(i + 3 * j);
        double[][] v = new double[16][3];
        for (int i = 0; i < 16; i++) for (int j = 0; j < 3; j++) v[i][j] = 0.1 * Math.cos(i - 5 * j);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (UnaryOperator<Optimizer> configure : List.<UnaryOperator<Optimizer>>of(
                o -> o, o -> o.weightDecay(0.01).clipNorm(0.1).schedule(cosine(1000)))) {
            Optimizer o = configure.apply(adam(l, at("Wal", w, "bal", new double[8], "Val", v)).lr(0.001));
            o.step(1000);        // warm up, and the history's arrays grow to 1000 rows
            o.reset();           // keeps them
            long before = threads.getCurrentThreadAllocatedBytes();
            o.step(1000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.println("1000 tensor Adam steps (184 entries) allocated " + allocated + " bytes");
            assertTrue(allocated < 4_000, "1000 steps allocated " + allocated + " bytes");
            assertEquals(1000, o.t());
        }
        // with held inputs (rule.on(loss, start, inputs)): θ is copied into the tape's input per call, nothing made
        matrix("Xal", 16, 4);
        Expr batch = parse("sum(logsumexp(tanh(Wal·Xal + bal))) + sum(Wal^2)/10");
        double[][] x = new double[16][4];
        for (int i = 0; i < 16; i++) for (int j = 0; j < 4; j++) x[i][j] = Math.sin(i * j + 1);
        Optimizer o = adam().on(batch, at("Wal", w, "bal", new double[8]), at("Xal", x)).lr(0.001);
        o.step(1000);
        o.reset();
        long before = threads.getCurrentThreadAllocatedBytes();
        o.step(1000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println("1000 tensor Adam steps with held inputs allocated " + allocated + " bytes");
        assertTrue(allocated < 4_000, "1000 steps with held inputs allocated " + allocated + " bytes");
    }
}
