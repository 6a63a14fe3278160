package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.latex;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.sym;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.parse.ParseException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tensors in text and in the DAG: the notation ({@code ·} the matrix product, {@code ⊙} the
 * elementwise one, postfix {@code ᵀ}; LaTeX {@code \cdot}, {@code \odot}, {@code ^{\top}}), the
 * round trip, hash-consing without reordering, shapes and their errors, values at points, and
 * 20 000-deep matrix chains.
 */
class TensorTextTest {
    static final Map<String, int[]> NAMES = Map.of("Wt", new int[]{2, 3}, "xt", new int[]{3, 1}, "yt", new int[]{2, 1},
            "At", new int[]{2, 2}, "Bt", new int[]{2, 2}, "vt", new int[]{2, 1});

    @BeforeAll
    static void declare() {
        NAMES.forEach((n, s) -> matrix(n, s[0], s[1]));
    }

    @AfterAll
    static void forget() {
        TensorChecks.forget(NAMES);
        dotbar.expr.Shapes.forget("Ht");
    }

    @Test
    void theNotationOfTheContract() {
        assertEquals("Wt·xt - yt", parse("Wt·xt - yt").toString());
        assertEquals("Wt·xt - yt", parse("Wt @ xt - yt").toString());
        assertEquals("At ⊙ Bt", parse("At * Bt").toString());
        assertEquals("At ⊙ Bt", parse("At ⊙ Bt").toString());
        assertEquals("2·At", parse("2*At").toString());            // scaling is the ordinary product
        assertEquals("2·At", parse("2·At").toString());
        assertEquals("Atᵀ", parse("transpose(At)").toString());
        assertEquals("(At·Bt)ᵀ", parse("(At·Bt)ᵀ").toString());
        assertEquals("(At²)ᵀ", parse("(At^2)ᵀ").toString());
        assertEquals("At·(Bt·At)", parse("At·(Bt·At)").toString());  // the product is not associative in print: it keeps its grouping
        assertEquals("xtᵀ·xt", parse("xtᵀ·xt").toString());
        assertEquals("σ(Wt·xt) ⊙ yt", parse("sigmoid(Wt·xt) * yt").toString());
        assertEquals("sum((Wt·xt - yt)²)/2", parse("sum((Wt·xt - yt)^2)/2").toString());
    }

    @Test
    void latexUsesCdotOdotAndTop() {
        assertEquals("\\mathrm{At} \\odot \\mathrm{Bt}", latex(parse("At * Bt")));
        assertEquals("\\mathrm{At} \\cdot \\mathrm{Bt}", latex(parse("At · Bt")));
        assertEquals("\\mathrm{xt}^{\\top} \\cdot \\mathrm{xt}", latex(parse("xtᵀ·xt")));
        assertEquals("\\left(\\mathrm{At} \\cdot \\mathrm{Bt}\\right)^{\\top}", latex(parse("(At·Bt)ᵀ")));
    }

    @Test
    void everyTensorTextParsesBack() {
        for (String t : new String[]{"Wt·xt - yt", "At ⊙ Bt + 2·At", "(At·Bt)ᵀ·vt", "sum(σ(Wt·xt) ⊙ yt)", "At·(Bt·At)",
                "mean(At)", "dot(vt, yt)", "rowsum(Wt)", "colsum(Wt)ᵀ", "-Atᵀ", "(-At)ᵀ", "xtᵀ·Wtᵀ·yt", "tanh(At)²"}) {
            Expr e = parse(t);
            assertSame(e, parse(e.toString()), t + " printed " + e);
        }
    }

    @Test
    void theMatrixProductIsItsOwnOpAndNeverReordered() {
        Expr ab = parse("At·Bt"), ba = parse("Bt·At");
        assertNotEquals(ab, ba);
        assertEquals(Op.MATMUL, ((Call) ab).op());
        assertSame(ab, parse("At @ Bt"));                                // hash-consed: one node
        assertSame(ab, dotbar.DotBar.matmul(sym("At"), sym("Bt")));
        assertEquals(Op.MUL, ((Call) parse("At * Bt")).op());
        assertSame(sym("At"), parse("Atᵀᵀ"));                             // xᵀᵀ → x
        Expr shared = parse("At·Bt + (At·Bt)ᵀ");
        assertEquals(5, shared.size(), "At, Bt, At·Bt once, its transpose, the sum");
    }

    @Test
    void shapesAreInferred() {
        assertArrayEquals(new int[]{2, 1}, parse("Wt·xt - yt").shape());
        assertArrayEquals(new int[]{1, 1}, parse("sum((Wt·xt - yt)^2)").shape());
        assertArrayEquals(new int[]{3, 2}, parse("Wtᵀ").shape());
        assertArrayEquals(new int[]{2, 3}, parse("yt + Wt").shape());      // a column across the columns
        assertArrayEquals(new int[]{2, 3}, parse("xtᵀ * Wt").shape());     // a row across the rows
        assertArrayEquals(new int[]{2, 2}, parse("At*0").shape());         // W·0 is not folded to the scalar 0
        assertArrayEquals(new int[]{1, 1}, parse("xtᵀ·xt").shape());
        assertArrayEquals(new int[]{2, 3}, diff(parse("sum((Wt·xt - yt)^2)/2"), "Wt").shape());
    }

    @Test
    void aMismatchNamesTheOperationBothShapesAndTheColumn() {
        var e = assertThrows(ParseException.class, () -> parse("1 + Wt·yt"));
        assertTrue(e.getMessage().startsWith("Wt·yt: 2×3 · 2×1"), e.getMessage());
        assertEquals(7, e.column());
        var f = assertThrows(ParseException.class, () -> parse("xt + yt"));
        assertTrue(f.getMessage().startsWith("xt + yt: 3×1 + 2×1"), f.getMessage());
        assertEquals(4, f.column());
        var g = assertThrows(ParseException.class, () -> parse("dot(xt, yt)"));
        assertTrue(g.getMessage().contains("3×1 and 2×1"), g.getMessage());
        assertEquals(1, g.column());
        var h = assertThrows(DotbarException.class, () -> sym("At").times(sym("Wt").plus(1)).plus(sym("xt")));
        assertTrue(h.getMessage().contains("2×3"), h.getMessage());
    }

    @Test
    void aRedeclarationWithAnotherShapeNamesBoth() {
        matrix("Wt", 2, 3);  // the same shape again is fine
        var e = assertThrows(DotbarException.class, () -> vector("Wt", 4));
        assertTrue(e.getMessage().contains("Wt is declared 2×3") && e.getMessage().contains("4×1"), e.getMessage());
        var huge = assertThrows(DotbarException.class, () -> matrix("Ht", 10_000, 10_000));
        assertTrue(huge.getMessage().contains("10000×10000"), huge.getMessage());
    }

    @Test
    void valuesAtPoints() {
        var p = at("Wt", new double[][]{{1, 2, 3}, {4, 5, 6}}, "xt", new double[]{1, -1, 2}, "yt", new double[]{0.5, 1});
        // W·x = (1 − 2 + 6, 4 − 5 + 12) = (5, 11); minus y: (4.5, 10)
        assertArrayEquals(new double[][]{{4.5}, {10}}, parse("Wt·xt - yt").evalArray(p));
        assertEquals((4.5 * 4.5 + 100) / 2, parse("sum((Wt·xt - yt)^2)/2").eval(p), 1e-12);
        // ∂/∂W = (W·x − y)·xᵀ by hand
        double[][] expected = {{4.5, -4.5, 9}, {10, -10, 20}};
        var L = parse("sum((Wt·xt - yt)^2)/2");
        assertArrayEquals(expected, grad(L, p).array("Wt"));
        assertArrayEquals(expected, diff(L, "Wt").evalArray(p));
        assertArrayEquals(new double[][]{{1, 4}, {2, 5}, {3, 6}}, parse("Wtᵀ").evalArray(p));
        var notScalar = assertThrows(DotbarException.class, () -> parse("Wt·xt").eval(p));
        assertTrue(notScalar.getMessage().contains("2×1") && notScalar.getMessage().contains("evalArray"), notScalar.getMessage());
    }

    @Test
    void wrongArraysAreRefusedNamingTheSymbolAndTheShapes() {
        var wrong = assertThrows(DotbarException.class, () -> at("Wt", new double[][]{{1, 2}, {3, 4}, {5, 6}}));
        assertTrue(wrong.getMessage().contains("Wt is declared 2×3 but was given a 3×2 array"), wrong.getMessage());
        var ragged = assertThrows(DotbarException.class, () -> at("Wt", new double[][]{{1, 2, 3}, {4, 5}}));
        assertTrue(ragged.getMessage().contains("ragged") && ragged.getMessage().contains("row 2 has 2"), ragged.getMessage());
        var vector = assertThrows(DotbarException.class, () -> at("xt", new double[]{1, 2}));
        assertTrue(vector.getMessage().contains("xt is declared 3×1 but was given a 2×1 array"), vector.getMessage());
        var undeclared = assertThrows(DotbarException.class, () -> at("qq", new double[]{1, 2}));
        assertTrue(undeclared.getMessage().contains("declare it first"), undeclared.getMessage());
        var nan = assertThrows(DotbarException.class, () -> at("xt", new double[]{1, Double.NaN, 2}));
        assertTrue(nan.getMessage().contains("entry (2, 1) of xt"), nan.getMessage());
        var missing = assertThrows(DotbarException.class, () -> parse("Wt·xt").evalArray(at("xt", new double[]{1, 2, 3})));
        assertEquals("no value for Wt", missing.getMessage());
    }

    @Test
    void diffOfAMatrixByAMatrixSaysWhatIsSupported() {
        var e = assertThrows(DotbarException.class, () -> diff(parse("Wt·xt"), "Wt"));
        assertTrue(e.getMessage().contains("needs a scalar expression") && e.getMessage().contains("2×1"), e.getMessage());
        // by a scalar, entry by entry
        Expr byScalar = diff(parse("a*Wt"), "a");
        assertSame(sym("Wt"), byScalar);
    }

    @Test
    void theTracesWriteTheBackpropRowsInMatrixNotation() {
        var L = parse("sum((Wt·xt - yt)^2)/2");
        var r = dotbar.DotBar.reverse(L);
        // for t1 = W·x: W̄ = t̄1·xᵀ and x̄ = Wᵀ·t̄1, over the rows' names
        assertEquals(parse("Wt·xt"), r.row("t1").definition());
        assertEquals(parse("t̄1·xtᵀ").toString(), r.row("Wt").chainRule().toString());
        String rows = java.text.Normalizer.normalize(r.toString(), java.text.Normalizer.Form.NFC);
        assertTrue(rows.contains("W̄t = t̄1·xtᵀ"), rows);
        assertTrue(rows.contains("x̄t = Wtᵀ·t̄1"), rows);
        var f = dotbar.DotBar.forward(L, "Wt");
        String text = java.text.Normalizer.normalize(f.toString(), java.text.Normalizer.Form.NFC);  // row names are printed as composed
        assertTrue(text.contains("seeded with Ẇt, a direction"), text);
        assertTrue(text.contains("ṫ1 = Ẇt·xt + Wt·ẋt"), text);
        dotbar.expr.Shapes.forget("Ẇt");
        // a non-scalar root is seeded with ones: the adjoints of its sum
        var v = dotbar.DotBar.reverse(parse("Wt·xt"));
        var p = at("Wt", new double[][]{{1, 2, 3}, {4, 5, 6}}, "xt", new double[]{1, -1, 2});
        assertArrayEquals(new double[][]{{1, -1, 2}, {1, -1, 2}}, v.gradient().get("Wt").evalArray(p));
    }

    @Test
    void anElementwiseNamedFunctionAppliesEntryByEntryAndDifferentiatesAsItsBody() {
        dotbar.DotBar.def("φt(w) = σ(w)");
        Expr named = parse("sum((φt(Wt·xt) - yt)^2)/2"), plain = parse("sum((σ(Wt·xt) - yt)^2)/2");
        assertArrayEquals(new int[]{2, 1}, parse("φt(Wt·xt)").shape());
        var p = at("Wt", new double[][]{{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}, "xt", new double[]{1, -1, 2}, "yt", new double[]{0.5, 1});
        assertEquals(plain.eval(p), named.eval(p), 1e-15);
        double[][] a = grad(named, p).array("Wt"), b = grad(plain, p).array("Wt");
        for (int i = 0; i < 2; i++) assertArrayEquals(b[i], a[i], 1e-15);
        assertTrue(dotbar.DotBar.reverse(named).rows().stream().anyMatch(r -> r.name().equals("φt")));
        var e = assertThrows(DotbarException.class, () -> dotbar.DotBar.declare("ft(u)").apply(sym("Wt")));
        assertTrue(e.getMessage().contains("ft is abstract"), e.getMessage());
    }

    @Test
    void theEntryPointsWithoutTensorsYetSaySoInsteadOfReadingAMatrixAsANumber() {
        var L = parse("sum((Wt·xt - yt)^2)/2");
        var p = at("Wt", new double[][]{{1, 2, 3}, {4, 5, 6}}, "xt", new double[]{1, -1, 2}, "yt", new double[]{0.5, 1});
        // compile takes them now (issue 15t: TensorTapeTest), hessian and forward(L, p, "Wt", V) too (TensorHessianTest)
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> dotbar.DotBar.reverse(L, p), () -> dotbar.DotBar.forward(L, p, "Wt"))) {
            var e = assertThrows(DotbarException.class, call);
            assertTrue(e.getMessage().contains("does not take matrix symbols yet") && e.getMessage().contains("Wt is 2×3"), e.getMessage());
        }
    }

    @Test
    void aChainOf20000MatrixProductsWorksEverywhere() {
        Expr e = sym("vt");
        for (int i = 0; i < 20_000; i++) e = Exprs.call(Op.TANH, dotbar.DotBar.matmul(sym("At"), e));
        Expr L = dotbar.DotBar.sum(e);
        assertArrayEquals(new int[]{1, 1}, L.shape());
        String text = L.toString();
        assertSame(L, parse(text));
        assertTrue(latex(L).length() > text.length());
        var p = at("At", new double[][]{{0.5, -0.3}, {0.2, 0.4}}, "vt", new double[]{1, -2});
        double v = L.eval(p);
        assertTrue(Double.isFinite(v));
        double[][] g = grad(L, p).array("At");
        double h = 1e-6;
        var up = at("At", new double[][]{{0.5 + h, -0.3}, {0.2, 0.4}}, "vt", new double[]{1, -2});
        var down = at("At", new double[][]{{0.5 - h, -0.3}, {0.2, 0.4}}, "vt", new double[]{1, -2});
        assertEquals((L.eval(up) - L.eval(down)) / (2 * h), g[0][0], 1e-6);
        assertTrue(diff(L, "At").size() < 200_000, "the adjoints share their nodes");
        assertTrue(dotbar.DotBar.reverse(L).rows().size() > 20_000);
    }
}
