package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.forward;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.hessian;
import static dotbar.DotBar.jacobian;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.diff.Hessian;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Hessian over matrix and vector symbols ({@code hessian(L, p)}, {@code hessian(L, p, "W")}),
 * the Jacobian of a matrix-valued expression ({@code jacobian(e, p, "W")}) and the directional
 * derivative {@code forward(e, p, "W", V)}, against oracles that do not use them: a closed form
 * derived by hand, central differences of {@code grad(L, p)}, and the same loss written with one
 * scalar symbol per entry (whose Hessian is the scalar engine's, itself checked against SymPy).
 */
class TensorHessianTest {
    @RegisterExtension
    static final TensorChecks.Declared NAMES = new TensorChecks.Declared(Map.of("Wh", new int[]{2, 3}, "xh", new int[]{3, 1},
            "yh", new int[]{2, 1}, "bh", new int[]{2, 1}, "Ah", new int[]{2, 2}, "vh", new int[]{2, 1}, "Bigh", new int[]{21, 20}));

    private static final double[][] W = {{0.5, -1, 2}, {1.5, 0.25, -0.75}};
    private static final double[] X = {1, -2, 0.5}, Y = {0.3, -1.2}, B = {0.1, -0.4};

    private static Point point() {
        return at("Wh", W, "xh", X, "yh", Y, "bh", B);
    }

    /**
     * For L = sum((W·x − y)²)/2 with r = W·x − y: ∂L/∂W_ij = r_i·x_j, so ∂²L/∂W_ij∂W_kl = δ_ik·x_j·x_l
     * (m diagonal blocks x·xᵀ); ∂L/∂x_l = Σ_i r_i·W_il, so ∂²L/∂x_l∂x_j = (WᵀW)_lj and
     * ∂²L/∂W_kj∂x_l = x_j·W_kl + r_k·δ_jl; ∂L/∂y_k = −r_k, so ∂²L/∂y_k∂y_i = δ_ik and
     * ∂²L/∂W_ij∂y_k = −δ_ik·x_j.
     */
    @Test
    void theLeastSquaresHessianIsTheClosedForm() {
        Expr L = parse("sum((Wh·xh - yh)^2)/2");
        Hessian byW = hessian(L, point(), "Wh");
        assertEquals(List.of("Wh[1,1]", "Wh[1,2]", "Wh[1,3]", "Wh[2,1]", "Wh[2,2]", "Wh[2,3]"), byW.names());
        double[][] h = byW.toArray();
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) for (int l = 0; l < 3; l++) {
            assertEquals(i == k ? X[j] * X[l] : 0, h[3 * i + j][3 * k + l], 1e-15, "W" + i + j + " W" + k + l);
        }
        double[] r = new double[2];
        for (int i = 0; i < 2; i++) r[i] = W[i][0] * X[0] + W[i][1] * X[1] + W[i][2] * X[2] - Y[i];
        Hessian all = hessian(L, point());  // every symbol, in name order: W, x, y
        assertEquals(6 + 3 + 2, all.names().size());
        assertEquals(List.of("Wh[1,1]", "xh[1]", "yh[1]"), List.of(all.names().get(0), all.names().get(6), all.names().get(9)));
        for (int l = 0; l < 3; l++) for (int j = 0; j < 3; j++) {
            double wtw = W[0][l] * W[0][j] + W[1][l] * W[1][j];
            assertEquals(wtw, all.get("xh[" + (l + 1) + "]", "xh[" + (j + 1) + "]"), 1e-14, "x" + l + " x" + j);
        }
        for (int k = 0; k < 2; k++) for (int j = 0; j < 3; j++) for (int l = 0; l < 3; l++) {
            String w = "Wh[" + (k + 1) + "," + (j + 1) + "]", x = "xh[" + (l + 1) + "]";
            double expected = X[j] * W[k][l] + (j == l ? r[k] : 0);
            assertEquals(expected, all.get(w, x), 1e-14, w + " " + x);
            assertEquals(expected, all.get(x, w), 1e-14, x + " " + w);
        }
        for (int i = 0; i < 2; i++) for (int k = 0; k < 2; k++) {
            assertEquals(i == k ? 1 : 0, all.get("yh[" + (i + 1) + "]", "yh[" + (k + 1) + "]"), 0);
            for (int j = 0; j < 3; j++) assertEquals(i == k ? -X[j] : 0, all.get("Wh[" + (i + 1) + "," + (j + 1) + "]", "yh[" + (k + 1) + "]"), 1e-15);
        }
        assertEquals(point().tensor("Wh"), byW.point().tensor("Wh"));
        assertEquals(List.of("Wh"), byW.point().arrayNames());   // the point of the variables only
        assertTrue(byW.toString().startsWith("Hessian at (Wh=[[0.5, -1, 2], [1.5, 0.25, -0.75]])"), byW.toString());
        assertTrue(byW.toString().contains("Wh[2,3]"), byW.toString());
    }

    /** A loss with curvature everywhere (σ, logsumexp, a product of two symbols), at random points. */
    private static final String LOSS = "sum(σ(Wh·xh + bh)^2)/2 + logsumexp(Wh·xh) + dot(yh, bh)·sum(xh)";

    @Test
    void theHessianIsTheCentralDifferenceOfTheGradientAndSymmetric() {
        Expr L = parse(LOSS);
        var random = new Random(15);
        for (int trial = 0; trial < 5; trial++) {
            Point p = TensorChecks.randomPoint(random, -1.5, 1.5, L.vars());
            Hessian h = hessian(L, p);
            double[][] m = h.toArray();
            List<String> labels = h.names();
            assertEquals(6 + 2 + 3 + 2, labels.size());
            int c = 0;
            for (String x : L.vars()) {
                var s = Shapes.declared(x);
                for (int i = 0; i < s.rows(); i++) for (int j = 0; j < s.columns(); j++, c++) {
                    double step = 1e-5;
                    double[] up = flatGrad(L, TensorChecks.moved(p, x, i, j, step)), down = flatGrad(L, TensorChecks.moved(p, x, i, j, -step));
                    for (int r = 0; r < labels.size(); r++) {
                        double fd = (up[r] - down[r]) / (2 * step);
                        assertEquals(fd, m[r][c], 1e-7, labels.get(r) + ", " + labels.get(c) + " at " + p);
                    }
                }
            }
            for (int r = 0; r < m.length; r++) for (int q = 0; q < r; q++) {
                assertEquals(m[r][q], m[q][r], 1e-13 * Math.max(1, Math.abs(m[r][q])), "symmetric at " + labels.get(r) + ", " + labels.get(q));
            }
        }
    }

    /** The gradient's entries in the Hessian's order: the symbols in name order, each row by row. */
    private static double[] flatGrad(Expr L, Point p) {
        var g = grad(L, p);
        var r = new ArrayList<Double>();
        for (String x : L.vars()) for (double[] row : g.array(x)) for (double v : row) r.add(v);
        return r.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The same loss with one scalar symbol per entry (qw1_2 for W[1,2], qx2 for x[2], …) goes through
     * the scalar Hessian (numeric forward over symbolic reverse, checked against SymPy elsewhere).
     */
    @Test
    void theHessianEqualsTheScalarHessianOfTheLossWrittenEntryByEntry() {
        var scalar = new StringBuilder();
        var lse = new StringBuilder();
        for (int i = 1; i <= 2; i++) {
            String z = "(qw" + i + "_1*qx1 + qw" + i + "_2*qx2 + qw" + i + "_3*qx3)";
            scalar.append(i == 1 ? "" : " + ").append("σ(").append(z).append(" + qb").append(i).append(")^2/2");
            lse.append(i == 1 ? "" : " + ").append("exp").append(z);
        }
        scalar.append(" + log(").append(lse).append(") + (qy1*qb1 + qy2*qb2)*(qx1 + qx2 + qx3)");
        Expr Ls = parse(scalar.toString()), L = parse(LOSS);
        var random = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            Point p = TensorChecks.randomPoint(random, -1.5, 1.5, L.vars());
            var values = new ArrayList<Object>();
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) { values.add("qw" + (i + 1) + "_" + (j + 1)); values.add(p.array("Wh")[i][j]); }
            for (int j = 0; j < 3; j++) { values.add("qx" + (j + 1)); values.add(p.array("xh")[j][0]); }
            for (int i = 0; i < 2; i++) {
                values.add("qb" + (i + 1)); values.add(p.array("bh")[i][0]);
                values.add("qy" + (i + 1)); values.add(p.array("yh")[i][0]);
            }
            Hessian hs = hessian(Ls, at(values.toArray())), h = hessian(L, p);
            for (String u : h.names()) for (String v : h.names()) {
                double expected = hs.get(scalarName(u), scalarName(v));
                assertEquals(expected, h.get(u, v), 1e-12 * Math.max(1, Math.abs(expected)), u + ", " + v);
            }
        }
    }

    /** Wh[1,2] → qw1_2, xh[2] → qx2. */
    private static String scalarName(String label) {
        return "q" + label.substring(0, 1).toLowerCase() + label.substring(label.indexOf('[') + 1, label.length() - 1).replace(',', '_');
    }

    @Test
    void theHessianVectorProductIsTheDirectionalDerivativeOfTheGradient() {
        Expr L = parse(LOSS);
        Point p = point();
        double[][] v = {{0.3, -0.1, 2}, {1, 0.5, -0.25}};
        double[][] hv = forward(diff(L, "Wh"), p, "Wh", v);
        double[][] h = hessian(L, p, "Wh").toArray();
        for (int r = 0; r < 6; r++) {
            double expected = 0;
            for (int c = 0; c < 6; c++) expected += h[r][c] * v[c / 3][c % 3];
            assertEquals(expected, hv[r / 3][r % 3], 1e-13, "entry " + r);
        }
        // of a scalar: ⟨∂L/∂W, V⟩
        double[][] dot = forward(L, p, "Wh", v);
        double[][] g = grad(L, p).array("Wh");
        double expected = 0;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) expected += g[i][j] * v[i][j];
        assertEquals(1, dot.length);
        assertEquals(expected, dot[0][0], 1e-14);
        assertEquals(grad(L, p).array("xh")[1][0], forward(L, p, "xh", new double[]{0, 1, 0})[0][0], 1e-14);
        // by a scalar symbol, for a matrix-valued e: e = a·W·x has ė = 2·W·x along ȧ = 2
        double[][] along = forward(parse("a*Wh·xh"), p.with("a", 0.5), "a", 2);
        for (int i = 0; i < 2; i++) assertEquals(2 * (W[i][0] * X[0] + W[i][1] * X[1] + W[i][2] * X[2]), along[i][0], 1e-14);
        var number = assertThrows(DotbarException.class, () -> forward(L, p, "Wh", 1.0));
        assertTrue(number.getMessage().contains("Wh is 2×3, so its direction is a 2×3 array"), number.getMessage());
    }

    @Test
    void scalarParametersOfATensorLossAndAScalarLossTakeTheNamedForm() {
        Expr L = parse("a*sum((Wh·xh - yh)^2)/2 + a^3");
        Point p = at("Wh", W, "xh", X, "yh", Y, "a", 0.7);
        Hessian h = hessian(L, p, "a", "yh");
        assertEquals(List.of("a", "yh[1]", "yh[2]"), h.names());
        assertEquals(6 * 0.7, h.get("a", "a"), 1e-14);
        assertEquals(0.7, h.get("yh[2]", "yh[2]"), 1e-15);
        double r1 = W[0][0] * X[0] + W[0][1] * X[1] + W[0][2] * X[2] - Y[0];
        assertEquals(-r1, h.get("a", "yh[1]"), 1e-14);
        Expr s = parse("x^2*y + y^3");
        Hessian hs = hessian(s, at("x", 1.0, "y", 2.0), "y", "x");
        assertEquals(List.of("y", "x"), hs.names());
        assertEquals(12, hs.get("y", "y"), 1e-14);
        assertEquals(2, hs.get("x", "y"), 1e-14);
        assertEquals(4, hs.get("x", "x"), 1e-14);
    }

    /** Every walk is a loop: a 20 000-deep chain has a Hessian (one column checked, two gradients of the chain cost seconds). */
    @Test
    void aChainOf20000MatrixProductsHasAHessian() {
        Expr e = Exprs.sym("vh");
        for (int i = 0; i < 20_000; i++) e = Exprs.call(Op.TANH, dotbar.DotBar.matmul(Exprs.sym("Ah"), e));
        Expr L = dotbar.DotBar.sum(e);
        Point p = at("Ah", new double[][]{{0.5, -0.3}, {0.2, 0.4}}, "vh", new double[]{1, -2});
        double[][] h = hessian(L, p, "Ah").toArray();
        double step = 1e-5;
        double[][] up = grad(L, TensorChecks.moved(p, "Ah", 0, 1, step)).array("Ah");
        double[][] down = grad(L, TensorChecks.moved(p, "Ah", 0, 1, -step)).array("Ah");
        for (int r = 0; r < 4; r++) {
            assertEquals((up[r / 2][r % 2] - down[r / 2][r % 2]) / (2 * step), h[r][1], 1e-6, "row " + r);
            for (int c = 0; c < r; c++) assertEquals(h[r][c], h[c][r], 1e-12, r + ", " + c);
        }
    }

    @Test
    void badInputIsRefusedNamingWhatAndWhere() {
        Expr L = parse("sum((Wh·xh - yh)^2)/2");
        Point p = point();
        var nonScalar = assertThrows(DotbarException.class, () -> hessian(parse("Wh·xh"), p));
        assertTrue(nonScalar.getMessage().contains("hessian needs a scalar expression") && nonScalar.getMessage().contains("2×1")
                && nonScalar.getMessage().contains("jacobian(e, p,"), nonScalar.getMessage());
        var nonScalarNamed = assertThrows(DotbarException.class, () -> hessian(parse("Wh·xh"), p, "Wh"));
        assertTrue(nonScalarNamed.getMessage().contains("hessian needs a scalar expression"), nonScalarNamed.getMessage());
        var big = assertThrows(DotbarException.class, () -> hessian(parse("sum(Bigh^2)"), at("Bigh", new double[21][20])));
        assertTrue(big.getMessage().contains("Bigh 21×20 have 420 entries") && big.getMessage().contains("limit is 400")
                && big.getMessage().contains("forward(e, p, \"W\", V)") && big.getMessage().contains("compile("), big.getMessage());
        var unknown = assertThrows(DotbarException.class, () -> hessian(L, p, "Wh", "zh"));
        assertTrue(unknown.getMessage().contains("has no symbol zh") && unknown.getMessage().contains("Wh, xh, yh"), unknown.getMessage());
        var twice = assertThrows(DotbarException.class, () -> hessian(L, p, "Wh", "Wh"));
        assertTrue(twice.getMessage().contains("Wh is named twice"), twice.getMessage());
        var none = assertThrows(DotbarException.class, () -> hessian(L, p, new String[0]));
        assertTrue(none.getMessage().contains("at least one symbol"), none.getMessage());
        var missing = assertThrows(DotbarException.class, () -> hessian(L, at("Wh", W, "xh", X)));
        assertTrue(missing.getMessage().contains("no value for yh"), missing.getMessage());
        var label = assertThrows(DotbarException.class, () -> hessian(L, p, "Wh").get("Wh[3,1]", "Wh[1,1]"));
        assertTrue(label.getMessage().contains("no variable Wh[3,1]") && label.getMessage().contains("Wh[2,3]"), label.getMessage());
        var shape = assertThrows(DotbarException.class, () -> forward(L, p, "Wh", new double[][]{{1, 2}, {3, 4}}));
        assertEquals("forward(e, point, \"Wh\", direction): the direction of Wh is declared 2×3 but was given a 2×2 array", shape.getMessage());
        var ragged = assertThrows(DotbarException.class, () -> forward(L, p, "Wh", new double[][]{{1, 2, 3}, {4}}));
        assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
        var byUnknown = assertThrows(DotbarException.class, () -> jacobian(parse("Wh·xh"), p, "yh"));
        assertTrue(byUnknown.getMessage().contains("has no symbol yh"), byUnknown.getMessage());
        var tall = assertThrows(DotbarException.class, () -> jacobian(parse("2*Bigh"), at("Bigh", new double[21][20]), "Bigh"));
        assertTrue(tall.getMessage().contains("420 entries"), tall.getMessage());
    }

    @Test
    void theJacobianOfAMatrixProductIsItsClosedForm() {
        // e = W·x (2×1): ∂e_i/∂W_kl = δ_ik·x_l, ∂e_i/∂x_l = W_il
        Point p = point();
        var forwardJ = jacobian(parse("Wh·xh"), p, "Wh", "xh");
        var reverseJ = dotbar.diff.Jacobian.reverse(parse("Wh·xh"), p, List.of("Wh", "xh"));
        assertEquals(List.of("[1]", "[2]"), forwardJ.rows());
        assertEquals(List.of("Wh[1,1]", "Wh[1,2]", "Wh[1,3]", "Wh[2,1]", "Wh[2,2]", "Wh[2,3]", "xh[1]", "xh[2]", "xh[3]"), forwardJ.columns());
        for (var j : List.of(forwardJ, reverseJ)) {
            double[][] m = j.toArray();
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) for (int l = 0; l < 3; l++) assertEquals(i == k ? X[l] : 0, m[i][3 * k + l], 0);
                for (int l = 0; l < 3; l++) assertEquals(W[i][l], m[i][6 + l], 0);
            }
        }
        assertEquals(X[2], forwardJ.get("[2]", "Wh[2,3]"), 0);
        assertTrue(forwardJ.toString().startsWith("Jacobian of Wh·xh (2×1) at (Wh="), forwardJ.toString());
    }
}
