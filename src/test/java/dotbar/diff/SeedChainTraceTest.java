package dotbar.diff;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Functions;
import dotbar.expr.Point;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's chain L(φ2(w2(φ1(w1(a, b, c))))) with concrete functions, traced forward and in
 * reverse; every tangent and adjoint is checked against the chain rule worked out by hand below.
 */
class SeedChainTraceTest {
    static Expr L;
    static final Point P = at("a=0.5, b=-1.2, c=0.3");
    static final double a = 0.5, b = -1.2, c = 0.3;
    // the values, by hand: w1 = ab + c, φ1 = σ(w1), w2 = 2φ1 − 1, φ2 = tanh(w2), L = (φ2 − 1)²
    static final double w1 = a * b + c, f1 = 1 / (1 + Math.exp(-w1)), w2 = 2 * f1 - 1, f2 = Math.tanh(w2),
            l = (f2 - 1) * (f2 - 1);

    @BeforeAll
    static void define() {
        def("w1(a,b,c) = a*b + c");
        def("φ1(w) = sigmoid(w)");
        def("w2(φ) = 2*φ - 1");
        def("φ2(w) = tanh(w)");
        def("L(φ) = (φ - 1)^2");
        L = parse("L(φ2(w2(φ1(w1(a,b,c)))))");
    }

    @Test
    void forwardTraceHasTheSeedsRowsAndTangents() {
        Trace t = forward(L, P, "a");
        assertEquals(List.of("a", "b", "c", "w1", "φ1", "w2", "φ2", "L"), t.rows().stream().map(Trace.Row::name).toList());
        // eq. (24)–(26) with ȧ = 1, ḃ = ċ = 0
        double dw1 = b, df1 = f1 * (1 - f1) * dw1, dw2 = 2 * df1, df2 = (1 - f2 * f2) * dw2, dl = 2 * (f2 - 1) * df2;
        double[] values = {a, b, c, w1, f1, w2, f2, l}, tangents = {1, 0, 0, dw1, df1, dw2, df2, dl};
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], t.rows().get(i).value(), 1e-15, t.rows().get(i).name());
            assertEquals(tangents[i], t.rows().get(i).derivative(), 1e-15, t.rows().get(i).name());
        }
        assertEquals(l, t.value(), 1e-15);
        assertEquals(dl, t.derivative(), 1e-15);
        assertEquals(parse("w1(a, b, c)"), t.row("w1").definition());
        // operands appear under their rows' names: φ1's row reads φ1 = φ1(w1), w1 being the symbol of row w1
        assertEquals(Functions.lookup("φ1").orElseThrow().apply(sym("w1")), t.row("φ1").definition());
    }

    @Test
    void reverseTraceHasTheSeedsAdjoints() {
        Trace t = reverse(L, P);
        // eq. (27)–(30): L̄ = 1, φ̄2 = ∂L/∂φ2·L̄, …, ā = ∂w1/∂a·w̄1 (and c̄ = w̄1 here, w1 being its only user)
        double lb = 1, f2b = 2 * (f2 - 1) * lb, w2b = (1 - f2 * f2) * f2b, f1b = 2 * w2b, w1b = f1 * (1 - f1) * f1b;
        double[] adjoints = {b * w1b, a * w1b, w1b, w1b, f1b, w2b, f2b, lb};
        for (int i = 0; i < adjoints.length; i++) {
            assertEquals(adjoints[i], t.rows().get(i).derivative(), 1e-15, t.rows().get(i).name());
        }
        assertEquals(b * w1b, t.gradient().get("a"), 1e-15);
        assertEquals(List.of("a", "b", "c"), t.gradient().names());
    }

    @Test
    void operationCountsAreExactAndMatchTheCostReport() {
        // values: w1 = a·b + c (2), σ (1), 2φ − 1 (2), tanh (1), (φ − 1)² (2)  → 8
        // forward, ȧ = 1: terms w1←a, φ1←w1, w2←φ1, φ2←w2, L←φ2 → 5;  reverse: w1←a, b, c and 4 more → 7
        assertEquals(8 + 5, forward(L, P, "a").ops());
        assertEquals(8, forward(L, P, "b").valueOps());
        assertEquals(8 + 7, reverse(L, P).ops());
        Cost cost = cost(L);
        assertEquals(3, cost.forwardSweeps());
        assertEquals(1, cost.reverseSweeps());
        assertEquals(3 * 13, cost.forwardOps());
        assertEquals(15, cost.reverseOps());
        for (String x : List.of("a", "b", "c")) assertEquals(forward(L, P, x).ops(), cost.forwardOps(x));
        assertTrue(cost.toString().contains("forward"), cost.toString());
    }

    @Test
    void printedTablesCarryDotsAndBars() {
        // combining marks, not precomposed letters: U+0307 dot above, U+0304 macron
        assertEquals("a\u0307", Rows.dotted("a"));
        assertEquals("w\u03041", Rows.barred("w1"));
        assertEquals("\u03c6\u03071", Rows.dotted("φ1"));
        String f = forward(L, P, "a").toString(), r = reverse(L, P).toString();
        assertTrue(f.contains("w\u03071 =") && f.contains("\u03c6\u03072 =") && f.contains("a\u0307 ="), f);
        assertTrue(r.contains("w\u03041 =") && r.contains("L\u0304 =") && r.contains("∇ = (∂/∂a"), r);
        assertTrue(f.lines().anyMatch(s -> s.startsWith("w1 = w1")), f);
    }

    @Test
    void latexTableHasARowPerNode() {
        String t = forward(L, P, "a").latex();
        assertTrue(t.contains("\\begin{tabular}") && t.contains("\\end{tabular}"), t);
        assertTrue(t.contains("$w_{1} = w_{1}\\left(a, b, c\\right)$ & $-0.3$ & $\\dot{w}_{1} = -1.2$ \\\\"), t);
        assertEquals(8, t.lines().filter(s -> s.startsWith("$")).count());
        assertTrue(reverse(L, P).latex().contains("\\bar{L} = 1"));
    }

    @Test
    void askingTheWrongModeIsExplained() {
        var e1 = assertThrows(DotbarException.class, () -> forward(L, P, "a").gradient());
        assertTrue(e1.getMessage().contains("a\u0307 = 1") && e1.getMessage().contains("reverse"), e1.getMessage());
        var e2 = assertThrows(DotbarException.class, () -> reverse(L, P).derivative());
        assertTrue(e2.getMessage().contains("gradient()"), e2.getMessage());
    }
}
