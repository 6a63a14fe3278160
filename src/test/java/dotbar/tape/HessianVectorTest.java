package dotbar.tape;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.diff.Hessian;
import dotbar.expr.Expr;
import dotbar.testing.RandomExprs;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HessianVectorTest {
    @Test
    void productsWithTheHandDerivedHessian() {
        // f = x²y + y³: ∇f = (2xy, x² + 3y²), H = [[2y, 2x], [2x, 6y]]; at (1, 2): H = [[4, 2], [2, 12]]
        var hv = HessianVector.of(parse("x^2*y + y^3"), "x", "y");
        double[] out = new double[2];
        assertEquals(4, hv.apply(new double[]{1, 2}, new double[]{1, 0}, out), 1e-15);  // vᵀ∇f = ∂f/∂x = 4
        assertArrayEquals(new double[]{4, 2}, out, 1e-15);
        assertEquals(13 * 0.5 - 4, hv.apply(new double[]{1, 2}, new double[]{-1, 0.5}, out), 1e-15);
        assertArrayEquals(new double[]{-4 + 1, -2 + 6}, out, 1e-15);
        assertEquals(java.util.List.of("x", "y"), hv.params());
    }

    @Test
    void aFunctionLinearInAParameter() {
        // f = 3x + y²: ∂f/∂x is constant, so the direction's x component meets nothing; H = [[0, 0], [0, 2]]
        var hv = HessianVector.of(parse("3*x + y^2"), "x", "y");
        double[] out = new double[2];
        hv.apply(new double[]{5, 7}, new double[]{2, 3}, out);
        assertArrayEquals(new double[]{0, 6}, out, 0.0);
    }

    @Test
    void badInput() {
        assertTrue(assertThrows(DotbarException.class, () -> HessianVector.of(parse("x*y"), "x", "z")).getMessage()
                .contains("parameter z is not in the expression"));
        var hv = HessianVector.of(parse("x*y"), "x", "y");
        assertEquals("Hessian-vector product over 2 parameters [x, y]: x, v and hv have lengths 2, 1, 2",
                assertThrows(DotbarException.class, () -> hv.apply(new double[2], new double[1], new double[2])).getMessage());
    }

    @Provide
    Arbitrary<RandomExprs.Sample> smooth() {
        return RandomExprs.smooth(5);
    }

    @Property(tries = 100)
    void agreesWithTheFullHessianTimesV(@ForAll("smooth") RandomExprs.Sample s, @ForAll long seed) {
        Expr e = s.expr();
        var names = e.vars();
        var hv = HessianVector.of(e, names.toArray(String[]::new));
        Hessian h = hessian(e, s.point());
        var random = new java.util.Random(seed);
        double[] x = s.point().values(names), v = new double[names.size()], out = new double[names.size()];
        for (int k = 0; k < v.length; k++) v[k] = random.nextGaussian();
        hv.apply(x, v, out);
        for (int i = 0; i < v.length; i++) {
            double expected = 0;
            for (int j = 0; j < v.length; j++) expected += h.get(names.get(i), names.get(j)) * v[j];
            TapePropertiesTest.assertClose(expected, out[i], 1e-8, "(Hv)_" + names.get(i) + " of " + s);
        }
    }
}
