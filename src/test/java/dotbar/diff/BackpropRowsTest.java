package dotbar.diff;

import static dotbar.DotBar.at;
import static dotbar.DotBar.def;
import static dotbar.DotBar.forward;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.reverse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backprop rows of the seed's two-layer network written with defs, in the user's names
 * (issue 15): the exact text of each row and of eq. (31) for ∂L/∂W1, and each row's value at
 * numbers against backpropagation done by hand in plain Java loops, and the parameters' rows
 * also against central differences of the loss.
 */
class BackpropRowsTest {
    static final List<String> SYMBOLS = List.of("W1", "b1", "W2", "b2", "x", "y");

    @BeforeAll
    static void network() {
        matrix("W1", 3, 4); vector("b1", 3); matrix("W2", 2, 3); vector("b2", 2); vector("x", 4); vector("y", 2);
        def("w1(v) = W1·v + b1");
        def("φ1(w) = σ(w)");
        def("w2(v) = W2·v + b2");
        def("φ2(w) = σ(w)");
    }

    @AfterAll
    static void forget() {
        SYMBOLS.forEach(Shapes::forget);
    }

    static Expr loss() {
        return parse("sum((φ2(w2(φ1(w1(x)))) - y)^2)/2");
    }

    @Test
    void theRowsReadAsTheTextbookWritesThem() {
        var rows = reverse(loss());
        assertEquals(List.of(
                "ȳ = y - φ2",
                "φ̄2 = φ2 - y",
                "w̄2 = σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2",
                "b̄2 = w̄2",
                "W̄2 = w̄2·φ1ᵀ",
                "φ̄1 = W2ᵀ·w̄2",
                "w̄1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ φ̄1",
                "b̄1 = w̄1",
                "W̄1 = w̄1·xᵀ",
                "x̄ = W1ᵀ·w̄1"), rows.backprop().stream().map(e -> nfc(e.toString())).toList());
        assertEquals("∂L/∂W1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ (W2ᵀ·(σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2))·xᵀ", nfc(rows.equation("W1").toString()));
        assertEquals("∂L/∂W2 = σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2·φ1ᵀ", nfc(rows.equation("W2").toString()));
        assertEquals("∂L/∂φ2 = φ̄2", nfc(rows.equation("φ2").toString()), "the output's adjoint is where the substitution stops");
    }

    /** Backpropagation by hand: every adjoint of the network, by name, as rows of columns. */
    static Map<String, double[][]> byHand(Point p) {
        double[][] W1 = p.array("W1"), W2 = p.array("W2");
        double[] b1 = column(p.array("b1")), b2 = column(p.array("b2")), x = column(p.array("x")), y = column(p.array("y"));
        double[] w1 = add(times(W1, x), b1), phi1 = sigmoid(w1), w2 = add(times(W2, phi1), b2), phi2 = sigmoid(w2);
        double[] phi2bar = new double[2], w2bar = new double[2], ybar = new double[2];
        for (int i = 0; i < 2; i++) {
            phi2bar[i] = phi2[i] - y[i];
            ybar[i] = -phi2bar[i];
            w2bar[i] = phi2[i] * (1 - phi2[i]) * phi2bar[i];
        }
        double[] phi1bar = times(transpose(W2), w2bar), w1bar = new double[3];
        for (int i = 0; i < 3; i++) w1bar[i] = phi1[i] * (1 - phi1[i]) * phi1bar[i];
        var r = new HashMap<String, double[][]>();
        r.put("ȳ", asColumn(ybar));
        r.put("φ̄2", asColumn(phi2bar));
        r.put("w̄2", asColumn(w2bar));
        r.put("b̄2", asColumn(w2bar));
        r.put("W̄2", outer(w2bar, phi1));
        r.put("φ̄1", asColumn(phi1bar));
        r.put("w̄1", asColumn(w1bar));
        r.put("b̄1", asColumn(w1bar));
        r.put("W̄1", outer(w1bar, x));
        r.put("x̄", asColumn(times(transpose(W1), w1bar)));
        return r;
    }

    @Test
    void eachRowsValueIsTheAdjointByHandAndTheParametersAgreeWithCentralDifferences() {
        var random = new Random(31);
        Expr L = loss();
        var rows = reverse(L);
        for (int trial = 0; trial < 6; trial++) {
            Point p = randomPoint(random);
            var hand = byHand(p);
            for (var eq : rows.backprop()) close(hand.get(nfc(eq.left())), eq.value().evalArray(p), 1e-14, eq + " at trial " + trial);
            close(hand.get("W̄1"), rows.equation("W1").value().evalArray(p), 1e-14, "eq. (31)");
            var g = grad(L, p);
            for (String s : SYMBOLS) {
                String bar = nfc(rows.derivativeName(s));
                close(g.array(s), hand.get(bar), 1e-14, "grad " + s);
                close(centralDifferences(L, p, s), hand.get(bar), 1e-8, "central differences " + s);
            }
        }
    }

    @Test
    void onlyAReverseTraceHasBackpropRows() {
        assertThrows(DotbarException.class, () -> forward(loss(), "W1").backprop());
        var e = assertThrows(DotbarException.class, () -> reverse(loss()).equation("t1"));
        assertTrue(nfc(e.getMessage()).startsWith("no backprop equation for t1; the rows named by the user are ȳ, φ̄2, w̄2"), e.getMessage());
    }

    /** The text in composed form (ȳ is y and a combining macron in a trace's names, one letter here). */
    private static String nfc(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    private static double[][] centralDifferences(Expr L, Point p, String s) {
        double[][] v = p.array(s), d = new double[v.length][v[0].length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) {
                double h = 1e-5, keep = v[i][j];
                v[i][j] = keep + h;
                double up = L.eval(with(p, s, v));
                v[i][j] = keep - h;
                double down = L.eval(with(p, s, v));
                v[i][j] = keep;
                d[i][j] = (up - down) / (2 * h);
            }
        }
        return d;
    }

    private static Point with(Point p, String s, double[][] v) {
        var args = new java.util.ArrayList<Object>();
        for (String n : SYMBOLS) { args.add(n); args.add(n.equals(s) ? v : p.array(n)); }
        return at(args.toArray());
    }

    private static Point randomPoint(Random random) {
        var args = new java.util.ArrayList<Object>();
        for (String n : SYMBOLS) {
            var shape = Shapes.declared(n);
            double[][] v = new double[shape.rows()][shape.columns()];
            for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = 2 * random.nextGaussian();
            args.add(n);
            args.add(v);
        }
        return at(args.toArray());
    }

    private static void close(double[][] expected, double[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": columns");
            for (int j = 0; j < expected[i].length; j++) assertEquals(expected[i][j], actual[i][j], tolerance, what + " (" + i + ", " + j + ")");
        }
    }

    private static double[] column(double[][] v) {
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) c[i] = v[i][0];
        return c;
    }

    private static double[][] asColumn(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) c[i][0] = v[i];
        return c;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < v.length; j++) r[i] += a[i][j] * v[j];
        return r;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    private static double[][] outer(double[] u, double[] v) {
        double[][] r = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) for (int j = 0; j < v.length; j++) r[i][j] = u[i] * v[j];
        return r;
    }

    private static double[] add(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + b[i];
        return r;
    }

    private static double[] sigmoid(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = 1 / (1 + Math.exp(-a[i]));
        return r;
    }
}
