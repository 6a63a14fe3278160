package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.check;
import static dotbar.DotBar.compile;
import static dotbar.DotBar.def;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.inline;
import static dotbar.DotBar.latex;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Point;
import dotbar.expr.Shapes;
import dotbar.parse.ParseException;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Named functions whose bodies use matrix operations (issue 15): {@code def("m1(v) = Wm1·v + bm1")}
 * captures the matrix and vector symbols of its body, and an application {@code m1(xm)} has the
 * shape of the body built for its argument's shape. Every mode is held to independent oracles:
 * values to the network computed by hand in plain Java loops, derivatives to central
 * differences (with forward mode's directional derivative, {@link TensorChecks#agree}).
 */
class MatrixDefsTest {
    static final Map<String, int[]> NAMES = Map.of("Wm1", new int[]{3, 4}, "bm1", new int[]{3, 1}, "Wm2", new int[]{2, 3},
            "bm2", new int[]{2, 1}, "xm", new int[]{4, 1}, "ym", new int[]{2, 1}, "zm", new int[]{3, 1}, "Am", new int[]{2, 2},
            "um", new int[]{2, 1});

    static final double[][] W1 = {{0.2, -0.4, 0.1, 0.5}, {-0.3, 0.8, -0.6, 0.2}, {0.7, 0.1, 0.3, -0.5}}, W2 = {{0.6, -0.7, 0.2}, {-0.1, 0.4, 0.9}};
    static final double[] B1 = {0.1, -0.2, 0.3}, B2 = {-0.3, 0.2}, X = {1.0, 0.5, -1.5, 2.0}, Y = {0.0, 1.0};

    @BeforeAll
    static void declare() {
        NAMES.forEach((n, s) -> matrix(n, s[0], s[1]));
        def("m1(v) = Wm1·v + bm1");
        def("ψ1(w) = σ(w)");
        def("m2(v) = Wm2·v + bm2");
        def("ψ2(w) = σ(w)");
    }

    @AfterAll
    static void forget() {
        TensorChecks.forget(NAMES);
    }

    static Point point() {
        return at("Wm1", W1, "bm1", B1, "Wm2", W2, "bm2", B2, "xm", X, "ym", Y);
    }

    static Expr loss() {
        return parse("sum((ψ2(m2(ψ1(m1(xm)))) - ym)^2)/2");
    }

    /** The network by hand: w1 = W1·x + b1, φ1 = σ(w1), w2 = W2·φ1 + b2, φ2 = σ(w2), L = Σ(φ2 − y)²/2. */
    static double byHand() {
        double[] phi2 = sigmoid(affine(W2, sigmoid(affine(W1, X, B1)), B2));
        double L = 0;
        for (int i = 0; i < phi2.length; i++) L += (phi2[i] - Y[i]) * (phi2[i] - Y[i]) / 2;
        return L;
    }

    /** W·v + b in plain loops. */
    static double[] affine(double[][] W, double[] v, double[] b) {
        double[] r = b.clone();
        for (int i = 0; i < r.length; i++) for (int j = 0; j < v.length; j++) r[i] += W[i][j] * v[j];
        return r;
    }

    static double[] sigmoid(double[] w) {
        double[] r = new double[w.length];
        for (int i = 0; i < r.length; i++) r[i] = 1 / (1 + Math.exp(-w[i]));
        return r;
    }

    @Test
    void anApplicationHasItsBodysShapePrintsAsWrittenAndParsesBack() {
        Expr e = parse("m1(xm)");
        assertArrayEquals(new int[]{3, 1}, e.shape());
        assertEquals("m1(xm)", e.toString());
        assertEquals("m_{1}\\left(\\mathrm{xm}\\right)", latex(e));
        assertEquals(List.of("Wm1", "bm1", "xm"), e.vars(), "the application depends on the symbols its body captures");
        Fn m1 = ((Apply) e).fn();
        assertEquals(1, m1.arity());
        assertEquals(List.of("Wm1", "bm1"), m1.captured());
        assertEquals("m1(v) = Wm1·v + bm1", m1.toString());
        Expr L = loss();
        assertSame(L, parse(L.toString()), "the round trip gives the same node");
        assertArrayEquals(new int[]{1, 1}, L.shape());
        // a def's application to a matrix: the body built for 4×5 is 3×5
        matrix("Xm5", 4, 5);
        try {
            assertArrayEquals(new int[]{3, 5}, parse("m1(Xm5)").shape());
        } finally {
            Shapes.forget("Xm5");
        }
    }

    @Test
    void valuesAgreeWithTheNetworkByHand() {
        assertEquals(byHand(), loss().eval(point()), 1e-15);
        double[][] w1 = parse("m1(xm)").evalArray(point());
        double[] expected = affine(W1, X, B1);
        for (int i = 0; i < 3; i++) assertEquals(expected[i], w1[i][0], 1e-15);
        assertEquals(byHand(), inline(loss()).eval(point()), 1e-15, "inlined, the bodies are built for the arguments' shapes");
        assertSame(parse("sum((σ(Wm2·σ(Wm1·xm + bm1) + bm2) - ym)^2)/2"), inline(loss()), "the network as written without defs");
    }

    @Test
    void everyDerivativeAgreesWithCentralDifferences() {
        var random = new Random(15);
        TensorChecks.agree("the two-layer network of defs", loss(), point(), random);
        for (int k = 0; k < 5; k++) {
            TensorChecks.agree("the network at random weights", loss(),
                    TensorChecks.randomPoint(random, -1.5, 1.5, List.of("Wm1", "bm1", "Wm2", "bm2", "xm", "ym")), random);
        }
        // a def applied twice with a transpose and a reduction in its body
        assertEquals("q(u) = dot(u, Am·u) + sum(Amᵀ·u)", def("q(u) = dot(u, Am·u) + sum(Amᵀ·u)").toString(), "a matrix body prints as written");
        TensorChecks.agree("q(q(um)·um)", parse("q(q(um)·um + um)"), TensorChecks.randomPoint(random, -1, 1, List.of("Am", "um")), random);
    }

    @Test
    void diffByAMatrixReadsInMatrixNotation() {
        assertEquals("σ(m2(ψ1(m1(xm)))) ⊙ (1 - σ(m2(ψ1(m1(xm))))) ⊙ (ψ2(m2(ψ1(m1(xm)))) - ym)·ψ1(m1(xm))ᵀ", diff(loss(), "Wm2").toString());
    }

    @Test
    void theCompiledTapeInlinesTheBodies() {
        var c = compile(loss(), "Wm1", "bm1", "Wm2", "bm2", "xm", "ym");
        double[] x = new double[12 + 3 + 6 + 2 + 4 + 2];
        int k = 0;
        for (double[] row : W1) for (double v : row) x[k++] = v;
        for (double v : B1) x[k++] = v;
        for (double[] row : W2) for (double v : row) x[k++] = v;
        for (double v : B2) x[k++] = v;
        for (double v : X) x[k++] = v;
        for (double v : Y) x[k++] = v;
        double[] g = new double[x.length];
        assertEquals(byHand(), c.gradient(x, g), 1e-15);
        double[][] expected = grad(loss(), point()).array("Wm1");
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertEquals(expected[i][j], g[i * 4 + j], 1e-15);
        assertEquals(byHand(), c.value(x), 1e-15);
    }

    @Test
    void matrixClaimsAboutDefsAreChecked() {
        assertTrue(check("∂/∂Wm1 (sum(m1(xm))) = ones(bm1)·xmᵀ").holds());
        assertTrue(check("∂/∂Wm2 (sum((ψ2(m2(ψ1(m1(xm)))) - ym)^2)/2) = (ψ2(m2(ψ1(m1(xm)))) * (1 - ψ2(m2(ψ1(m1(xm))))) "
                + "* (ψ2(m2(ψ1(m1(xm)))) - ym))·ψ1(m1(xm))ᵀ").holds());
        assertTrue(!check("∂/∂Wm2 (sum(m2(ψ1(m1(xm))))) = ones(bm2)·m1(xm)ᵀ").holds(), "φ1, not w1, is the outer factor");
    }

    @Test
    void aBodyWithAReductionSumsATensorArgument() {
        def("tot(v) = sum(v)");
        assertArrayEquals(new int[]{1, 1}, parse("tot(xm)").shape());
        assertEquals(1.0 + 0.5 - 1.5 + 2.0, parse("tot(xm)").eval(point()), 1e-15);
        assertEquals(3.0, parse("tot(3)").eval(at()), 0, "a scalar's sum is itself");
        assertEquals("ones(xm)", diff(parse("tot(xm)"), "xm").toString());
    }

    @Test
    void elementwiseDefsApplyEntryByEntryAsBefore() {
        def("sq(a, b) = a·b + a");  // no tensor in the body: entry by entry, · between the parameters the product of entries
        assertArrayEquals(new int[]{3, 1}, parse("sq(zm, bm1)").shape());
        double[][] z = {{1}, {2}, {-3}};
        var p = at("zm", z, "bm1", B1);
        double[][] v = parse("sq(zm, bm1)").evalArray(p);
        for (int i = 0; i < 3; i++) assertEquals(z[i][0] * B1[i] + z[i][0], v[i][0], 1e-15);
        TensorChecks.agree("sum(sq(zm, bm1))", parse("sum(sq(zm, bm1)^2)"), TensorChecks.randomPoint(new Random(2), -1, 1, List.of("zm", "bm1")), new Random(3));
        assertTrue(assertThrows(DotbarException.class, () -> def("g(x) = x + a")).getMessage().contains("uses a"), "a scalar body captures nothing");
        def("sc(v) = c0·sum(v)");   // a matrix body captures a scalar symbol too (a network's 1×1 output bias)
        assertEquals(List.of("c0"), Functions.lookup("sc").orElseThrow().captured());
        assertEquals(2 * (1.0 + 0.5 - 1.5 + 2.0), parse("sc(xm)").eval(at("c0", 2.0, "xm", X)), 1e-15);
        assertEquals(1.0 + 0.5 - 1.5 + 2.0, diff(parse("sc(xm)"), "c0").eval(at("c0", 2.0, "xm", X)), 1e-15, "∂/∂c0 (c0·sum(x)) = sum(x)");
    }

    @Test
    void aMatrixBodyAppliedToTheWrongShapeNamesTheDefTheParameterAndBothShapes() {
        var e = assertThrows(ParseException.class, () -> parse("1 + m1(zm)"));
        assertEquals("m1(v) = Wm1·v + bm1 with v = zm (3×1): Wm1·v: 3×4 · 3×1 (the left factor's columns must be as many as the right one's"
                + " rows) (column 12 of the definition) at column 5\n1 + m1(zm)\n    ^", e.getMessage());
        var fromJava = assertThrows(DotbarException.class, () -> Functions.lookup("m1").orElseThrow().apply(parse("zm")));
        assertTrue(fromJava.getMessage().startsWith("m1(v) = Wm1·v + bm1 with v = zm (3×1): Wm1·v: 3×4 · 3×1"), fromJava.getMessage());
        assertEquals(1, parse("m1(xm)").shape()[1], "a refused application leaves the good ones alone");
    }

    @Test
    void aRedefinitionKeepsTheCapturedSymbolsOrIsAnotherFunction() {
        def("lay(v) = Am·v");
        Expr before = parse("sum(lay(um))");
        var p = at("Am", new double[][]{{1, 2}, {3, 4}}, "um", new double[]{1, -1});
        assertEquals(-1 + -1, before.eval(p), 0);
        def("lay(v) = Amᵀ·v");   // the same symbols: the expressions built before use the new body
        assertEquals(1 - 3 + 2 - 4, before.eval(p), 0);
        double[][] g = grad(before, p).array("um");
        assertEquals(1 + 2, g[0][0], 0, "∂/∂u sum(Aᵀ·u) = A·1");
        assertEquals(3 + 4, g[1][0], 0);
        def("lay(v) = Am·v + um");  // another captured symbol: another function; before keeps the old one
        assertEquals(1 - 3 + 2 - 4, before.eval(p), 0);
        assertEquals(-1 - 1 + 0, parse("sum(lay(um))").eval(p), 0);
    }

    @Test
    void aTwentyThousandDeepChainOfApplications() {
        def("rot(v) = Am·v");
        Fn rot = Functions.lookup("rot").orElseThrow();
        Expr e = parse("um");
        int depth = 20_000;
        for (int i = 0; i < depth; i++) e = rot.apply(e);
        Expr L = dotbar.expr.Exprs.call(dotbar.expr.Op.TOTAL, e);
        double c = Math.cos(1e-4), s = Math.sin(1e-4);
        var p = at("Am", new double[][]{{c, -s}, {s, c}}, "um", new double[]{1, 0});
        double angle = depth * 1e-4;
        assertEquals(Math.cos(angle) + Math.sin(angle), L.eval(p), 1e-9, "a rotation by 2 rad in 20 000 steps");
        double[][] du = grad(L, p).array("um");
        assertEquals(Math.cos(angle) + Math.sin(angle), du[0][0], 1e-9);   // ∂/∂u of (1,1)·R²ᵏ·u is (1,1)·R²ᵏ
        assertEquals(Math.cos(angle) - Math.sin(angle), du[1][0], 1e-9);
    }
}
