package dotbar.diff;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The symbolic sweeps on the seed's abstract graph w = w(a, b, c), φ = φ(w, c), L = L(φ): the rows
 * must be exactly eq. (24)–(30), with the erratum for (29) (c̄ gets a term through φ too).
 */
class SymbolicSweepTest {
    static Fn w, φ, L;
    static Expr graph;
    static final Sym a = sym("a"), b = sym("b"), c = sym("c");

    @BeforeAll
    static void declareTheSeedsFunctions() {
        w = declare("w(a, b, c)");
        φ = declare("φ(w, c)");
        L = declare("L(φ)");
        graph = parse("L(φ(w(a, b, c), c))");
    }

    /** ∂f/∂(k-th argument) at the rows' symbols: what the printed equations contain. */
    static Expr d(Fn f, int k, Expr... args) {
        return Exprs.partial(f, List.of(k), List.of(args));
    }

    static Sym dot(String row) { return sym(Rows.dotted(row)); }

    static Sym bar(String row) { return sym(Rows.barred(row)); }

    @Test
    void forwardRowsAreEquations24To26() {
        SymbolicTrace t = forward(graph, "a");
        assertEquals(List.of("a", "b", "c", "w", "φ", "L"), t.rows().stream().map(SymbolicTrace.Row::name).toList());
        Sym wRow = sym("w"), φRow = sym("φ");
        // (24) ẇ = ∂w/∂a·ȧ + ∂w/∂b·ḃ + ∂w/∂c·ċ
        assertEquals(d(w, 0, a, b, c).times(dot("a")).plus(d(w, 1, a, b, c).times(dot("b"))).plus(d(w, 2, a, b, c).times(dot("c"))),
                t.row("w").chainRule());
        // (25) φ̇ = ∂φ/∂w·ẇ + ∂φ/∂c·ċ
        assertEquals(d(φ, 0, wRow, c).times(dot("w")).plus(d(φ, 1, wRow, c).times(dot("c"))), t.row("φ").chainRule());
        // (26) L̇ = ∂L/∂φ·φ̇
        assertEquals(d(L, 0, φRow).times(dot("φ")), t.row("L").chainRule());
        // seeded with ȧ = 1, ḃ = ċ = 0: the product grows innermost first, as eq. (31) reads
        assertEquals(num(1), t.row("a").chainRule());
        assertEquals(num(0), t.row("b").chainRule());
        assertEquals(d(w, 0, a, b, c), t.row("w").result());
        assertEquals(d(w, 0, a, b, c).times(d(φ, 0, wRow, c)).times(d(L, 0, φRow)), t.row("L").result());
        assertSame(diff(graph, "a"), t.derivative());
    }

    @Test
    void reverseRowsAreEquations27To30WithTheErratum() {
        SymbolicTrace t = reverse(graph);
        assertEquals(List.of("L", "φ", "w", "c", "b", "a"), t.rows().stream().map(SymbolicTrace.Row::name).toList());
        Sym wRow = sym("w"), φRow = sym("φ");
        assertEquals(num(1), t.row("L").chainRule());                                       // (27)
        assertEquals(d(L, 0, φRow).times(bar("L")), t.row("φ").chainRule());                // (28)
        assertEquals(d(φ, 0, wRow, c).times(bar("φ")), t.row("w").chainRule());            // (29)
        assertEquals(d(w, 0, a, b, c).times(bar("w")), t.row("a").chainRule());            // (30)
        // (29) corrected: c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄
        assertEquals(d(w, 2, a, b, c).times(bar("w")).plus(d(φ, 1, wRow, c).times(bar("φ"))), t.row("c").chainRule());
        // seeded with L̄ = 1, multiplied from the output inwards
        assertEquals(d(L, 0, φRow).times(d(φ, 0, wRow, c)).times(d(w, 0, a, b, c)), t.row("a").result());
        assertEquals(List.of("a", "b", "c"), List.copyOf(t.gradient().keySet()));
    }

    @Test
    void withConcreteFunctionsBothSweepsGiveTheDerivatives() {
        def("u(x, y) = x*y + sin(x)");
        Expr e = parse("exp(u(x, y)) * y");
        Point p = at("x=0.4, y=-0.9");
        SymbolicTrace rev = reverse(e);
        for (String v : List.of("x", "y")) {
            double expected = diff(e, v).eval(p);
            assertEquals(expected, forward(e, v).derivative().eval(p), 1e-14);
            assertEquals(expected, rev.gradient().get(v).eval(p), 1e-14);
            assertEquals(expected, rev.result(v).eval(p), 1e-14);
        }
        // a row's result is its derivative with the row held as an input: ∂(exp(u)·y)/∂u = exp(u)·y
        assertEquals(e.eval(p), rev.result("u").eval(p), 1e-14);
    }

    /** What the user reads, spaces aside (the printer owns the spacing). */
    @Test
    void printedFormShowsTheSeedsEquations() {
        // compared in NFC: symbol names are NFC-normalised (a dotted tangent in an expression is ẇ, one character)
        String f = nfc(forward(graph, "a").toString().replace(" ", ""));
        assertTrue(f.contains(nfc("ẇ=∂w/∂a·ȧ+∂w/∂b·ḃ+∂w/∂c·ċ".replace("ẇ", Rows.dotted("w")).replace("ȧ", Rows.dotted("a"))
                .replace("ḃ", Rows.dotted("b")).replace("ċ", Rows.dotted("c")))), f);
        String r = reverse(graph).toString().replace(" ", "");
        String cbar = Rows.barred("c") + "=∂w/∂c·" + Rows.barred("w") + "+∂φ/∂c·" + Rows.barred("φ");
        assertTrue(r.contains(cbar), r);
        assertTrue(r.contains(Rows.barred("a") + "=∂w/∂a·" + Rows.barred("w") + "=∂L/∂φ·∂φ/∂w·∂w/∂a"), r);
        String latex = reverse(graph).latex();
        assertTrue(latex.contains("\\bar{c} &= \\frac{\\partial w}{\\partial c}"), latex);
    }

    @Test
    void aSymbolAndAnApplicationWithTheSameNameGetDifferentRows() {
        Expr e = parse("φ(w(a, b, c), w)");  // the symbol w and the application w(a, b, c)
        SymbolicTrace t = forward(e, "w");
        assertEquals(List.of("a", "b", "c", "w_2", "w", "φ"), t.rows().stream().map(SymbolicTrace.Row::name).toList());
        assertEquals(num(1), t.row("w").chainRule());
    }

    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }
}
