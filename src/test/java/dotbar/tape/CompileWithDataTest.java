package dotbar.tape;

import static dotbar.DotBar.at;
import static dotbar.DotBar.compile;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Shapes;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code compile(e, params, data)}: the gradient by the parameters only, the data read after them.
 * Oracles: the closed form ∂/∂W (sum((W·x − y)²)/2) = (W·x − y)·xᵀ and ∂/∂a (a·u² + u) = u² computed
 * here by hand, and central differences.
 */
class CompileWithDataTest {
    @AfterAll
    static void forget() { List.of("cd_W", "cd_x", "cd_y").forEach(Shapes::forget); }

    @Test
    void aMatrixLossIsDifferentiatedByItsWeightsOnly() {
        matrix("cd_W", 2, 3); vector("cd_x", 3); vector("cd_y", 2);
        var L = parse("sum((cd_W·cd_x - cd_y)^2)/2");
        var c = compile(L, List.of("cd_W"), List.of("cd_x", "cd_y"));
        double[] W = {1, 2, 3, 4, 5, 6}, x = {1, -1, 2}, y = {0.5, 1};
        double[] in = new double[11];
        System.arraycopy(W, 0, in, 0, 6);
        System.arraycopy(x, 0, in, 6, 3);
        System.arraycopy(y, 0, in, 9, 2);
        double[] g = new double[6];
        double value = c.gradient(in, g);
        double[] r = new double[2];
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            r[i] = W[3 * i] * x[0] + W[3 * i + 1] * x[1] + W[3 * i + 2] * x[2] - y[i];
            expected += r[i] * r[i] / 2;
        }
        assertEquals(expected, value, 1e-12);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) assertEquals(r[i] * x[j], g[3 * i + j], 1e-12, "(W·x − y)·xᵀ at " + i + "," + j);
        for (int k = 0; k < 6; k++) {
            double h = 1e-6, keep = in[k];
            in[k] = keep + h; double up = c.value(in);
            in[k] = keep - h; double down = c.value(in);
            in[k] = keep;
            assertEquals((up - down) / (2 * h), g[k], 1e-6, "central difference " + k);
        }
        assertEquals(List.of("cd_W"), c.wrt());
    }

    @Test
    void aScalarLossToo() {
        var c = compile(parse("cd_a*cd_u^2 + cd_u"), List.of("cd_a"), List.of("cd_u"));
        double[] g = new double[1];
        assertEquals(3 * 4 + 2, c.gradient(new double[]{3, 2}, g), 0);
        assertEquals(4, g[0], 0, "∂/∂a = u²; u gets no adjoint");
    }

    @Test
    void aSymbolNeitherParameterNorDataIsAnError() {
        var e = assertThrows(DotbarException.class, () -> compile(parse("cd_a*cd_u + cd_v"), List.of("cd_a"), List.of("cd_u")));
        assertTrue(e.getMessage().contains("cd_v"), e.getMessage());
        at("cd_a=1"); // the facade still works
    }
}
