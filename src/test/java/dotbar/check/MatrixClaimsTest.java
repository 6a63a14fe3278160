package dotbar.check;

import static dotbar.DotBar.check;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claims about matrices ({@link MatrixClaims}): the least-squares gradient ∂/∂W ½‖W·x − y‖² = (W·x − y)·xᵀ
 * holds; a missing −y, a wrong sign and a wrong factor are refuted with a counterexample whose numbers are
 * recomputed here in plain Java loops; a transposed right side is a shape mismatch naming both shapes.
 * The names (Wc 2×3, xc 3, yc 2) are this class's own: shapes are declared for the whole JVM.
 */
class MatrixClaimsTest {
    private static final String LOSS = "∂/∂Wc (sum((Wc·xc - yc)^2)/2)";

    @BeforeAll
    static void declare() {
        matrix("Wc", 2, 3);
        vector("xc", 3);
        vector("yc", 2);
    }

    @AfterAll
    static void forget() {
        List.of("Wc", "xc", "yc").forEach(Shapes::forget);
    }

    @Test
    void theLeastSquaresGradientHolds() {
        Check c = check(LOSS + " = (Wc·xc - yc)·xcᵀ");
        assertTrue(c.holds(), c.toString());
        assertTrue(c.reason().contains("both sides are 2×3"), c.reason());
        assertTrue(c.reason().contains("equal entry by entry at " + MatrixClaims.POINTS + " random concrete points"), c.reason());
        assertEquals(0, c.largestRelativeError(), c.reason());
        // the gradient by the other argument too, and a claim the simplifier cannot show
        assertTrue(check("∂/∂xc (sum((Wc·xc - yc)^2)/2) = Wcᵀ·(Wc·xc - yc)").holds());
        Check t = check(parse("Wcᵀ·yc"), parse("(ycᵀ·Wc)ᵀ"));
        assertEquals(Check.Verdict.RANDOM_POINTS, t.verdict(), t.toString());
    }

    /** (W·x − y)·xᵀ in plain loops: the left side of every claim here. */
    private static double[][] gradient(double[][] w, double[] x, double[] y, boolean minusY) {
        double[][] g = new double[2][3];
        for (int i = 0; i < 2; i++) {
            double r = 0;
            for (int k = 0; k < 3; k++) r += w[i][k] * x[k];
            r += minusY ? -y[i] : y[i];
            for (int j = 0; j < 3; j++) g[i][j] = r * x[j];
        }
        return g;
    }

    private static double[] column(Point p, String name) {
        double[][] a = p.array(name);
        double[] v = new double[a.length];
        for (int i = 0; i < a.length; i++) v[i] = a[i][0];
        return v;
    }

    private static String rows(double[][] a) {
        var s = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a[i].length; j++) s.append(j == 0 ? "" : ", ").append(Point.formatNumber(a[i][j]));
            s.append(']');
        }
        return s.append(']').toString();
    }

    /** The claim is refuted at a concrete W, x, y; both sides' matrices, as printed, are the plain-Java ones there. */
    private static void refuted(String right, Function<double[][][], double[][]> rightSide) {
        Check c = check(LOSS + " = " + right);
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict(), c.toString());
        assertFalse(c.holds());
        Point p = c.counterexample().orElseThrow();
        double[][] w = p.array("Wc");
        double[] x = column(p, "xc"), y = column(p, "yc");
        assertEquals(2, w.length);
        assertEquals(3, w[0].length);
        double[][] left = gradient(w, x, y, true);
        double[][] r = rightSide.apply(new double[][][]{w, {x}, {y}});
        assertFalse(java.util.Arrays.deepEquals(left, r), "the plain-Java sides differ at the counterexample");
        assertTrue(c.reason().contains("the left side is " + rows(left) + " and the right side " + rows(r)), c.reason() + "\nexpected " + rows(left) + " / " + rows(r));
        assertTrue(c.reason().contains("Wc=" + rows(w)), c.reason());
    }

    @Test
    void aMissingMinusYIsRefuted() {
        refuted("Wc·xc·xcᵀ", a -> gradient(a[0], a[1][0], new double[2], true));
    }

    @Test
    void aWrongSignIsRefuted() {
        refuted("(Wc·xc + yc)·xcᵀ", a -> gradient(a[0], a[1][0], a[2][0], false));
    }

    @Test
    void aMissingHalfIsRefuted() {
        refuted("2·(Wc·xc - yc)·xcᵀ", a -> {
            double[][] g = gradient(a[0], a[1][0], a[2][0], true);
            for (double[] row : g) for (int j = 0; j < row.length; j++) row[j] *= 2;
            return g;
        });
    }

    @Test
    void aTransposedRightSideIsAShapeMismatchNamingBothShapes() {
        Check c = check(LOSS + " = xc·(Wc·xc - yc)ᵀ");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict(), c.toString());
        assertTrue(c.reason().contains("the shapes differ: the left side is 2×3 and the right side 3×2"), c.reason());
        assertTrue(c.counterexample().isEmpty());
        Check v = check(LOSS + " = Wcᵀ·(Wc·xc - yc)");
        assertTrue(v.reason().contains("the left side is 2×3 and the right side 3×1"), v.reason());
        // a factor in the wrong order does not even make a product: the parser names both shapes
        var e = assertThrows(DotbarException.class, () -> check(LOSS + " = (Wc·xc - yc)·xc"));
        assertTrue(e.getMessage().contains("2×1 · 3×1"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> check(LOSS + " = xcᵀ·(Wc·xc - yc)"));
        assertTrue(e.getMessage().contains("1×3 · 2×1"), e.getMessage());
    }

    @Test
    void badInputSaysWhatIsSupported() {
        // a non-scalar differentiated by a matrix
        var e = assertThrows(DotbarException.class, () -> check("∂/∂Wc (Wc·xc - yc) = xcᵀ"));
        assertTrue(e.getMessage().contains("needs a scalar expression"), e.getMessage());
        // an undeclared shape: Vc is a scalar, so the loss's derivative by it is 1×1
        Check c = check("∂/∂Vc sum(Vc·xc) = xcᵀ");
        assertFalse(c.holds());
        assertTrue(c.reason().contains("the left side is 1×1 and the right side 1×3"), c.reason());
        assertTrue(c.reason().contains("Vc has no declared shape"), c.reason());
        // abstract functions take scalars only, and have no values at concrete matrices
        dotbar.DotBar.declare("fmc(u)");
        e = assertThrows(DotbarException.class, () -> check("sum(fmc(Wc)) = sum(Wc)"));
        assertTrue(e.getMessage().contains("fmc is abstract, so it takes scalars"), e.getMessage());
        Check u = check("sum(fmc(sc)·Wc) = fmc(sc)·sum(Wc)");
        assertEquals(Check.Verdict.UNDECIDED, u.verdict(), u.toString());
        assertTrue(u.reason().contains("supported in scalar claims only"), u.reason());
    }
}
