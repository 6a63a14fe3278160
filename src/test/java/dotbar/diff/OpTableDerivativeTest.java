package dotbar.diff;

import static dotbar.DotBar.*;
import static dotbar.diff.Oracles.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.expr.Point;
import dotbar.testing.CentralDifference;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test driven by the op table (JAX's grad_test_spec): every op, at points inside its domain,
 * differentiated four ways — symbolic, forward sweep, reverse sweep, and Commons Math's central
 * differences, which know nothing of the op table's rules.
 */
class OpTableDerivativeTest {
    /** Points (x, y) inside each op's domain; unary ops read x only. Kinks are avoided here, tested elsewhere. */
    private static final Map<Op, double[][]> DOMAIN = new EnumMap<>(Op.class);

    static {
        DOMAIN.put(Op.ADD, new double[][]{{0.3, -1.7}, {2.5, 4}});
        DOMAIN.put(Op.SUB, new double[][]{{0.3, -1.7}, {-2.5, 4}});
        DOMAIN.put(Op.MUL, new double[][]{{0.3, -1.7}, {-2.5, 0.4}});
        DOMAIN.put(Op.DIV, new double[][]{{0.3, -1.7}, {-2.5, 0.4}});
        DOMAIN.put(Op.POW, new double[][]{{1.3, 0.7}, {0.6, -2.2}, {2.0, 3.0}});
        DOMAIN.put(Op.NEG, new double[][]{{0.3, 0}, {-4, 0}});
        DOMAIN.put(Op.SIN, new double[][]{{0.3, 0}, {-2.1, 0}});
        DOMAIN.put(Op.COS, new double[][]{{0.3, 0}, {-2.1, 0}});
        DOMAIN.put(Op.TAN, new double[][]{{0.4, 0}, {-1.2, 0}});
        DOMAIN.put(Op.ASIN, new double[][]{{0.3, 0}, {-0.8, 0}});
        DOMAIN.put(Op.ACOS, new double[][]{{0.3, 0}, {-0.8, 0}});
        DOMAIN.put(Op.ATAN, new double[][]{{0.3, 0}, {-3.5, 0}});
        DOMAIN.put(Op.SINH, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.COSH, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.TANH, new double[][]{{0.3, 0}, {-1.5, 0}});
        DOMAIN.put(Op.ASINH, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.ACOSH, new double[][]{{1.3, 0}, {4.5, 0}});
        DOMAIN.put(Op.ATANH, new double[][]{{0.3, 0}, {-0.7, 0}});
        DOMAIN.put(Op.EXP, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.LOG, new double[][]{{0.3, 0}, {4.5, 0}});
        DOMAIN.put(Op.SQRT, new double[][]{{0.3, 0}, {4.5, 0}});
        DOMAIN.put(Op.ABS, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.SIGMOID, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.RELU, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.SOFTPLUS, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.SIGN, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.STEP, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.ATAN2, new double[][]{{0.3, -1.7}, {-2.5, 0.4}, {1.2, 2.0}});
        // the tensor ops at scalars are the scalar ops they reduce to (their tensor rules: dotbar.tensor.TensorOpTableTest)
        DOMAIN.put(Op.MATMUL, new double[][]{{0.3, -1.7}, {-2.5, 0.4}});
        DOMAIN.put(Op.TRANSPOSE, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.TOTAL, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.MEAN, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.DOT, new double[][]{{0.3, -1.7}, {-2.5, 0.4}});
        DOMAIN.put(Op.ROWSUM, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.COLSUM, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.ONES, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.LOGSUMEXP, new double[][]{{0.3, 0}, {-2.5, 0}});
        DOMAIN.put(Op.SOFTMAX, new double[][]{{0.3, 0}, {-2.5, 0}});
    }

    @Test
    void everyOpHasADomain() {
        assertEquals(EnumSet.allOf(Op.class), EnumSet.copyOf(DOMAIN.keySet()), "add the new op's domain above");
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void symbolicForwardReverseAndFiniteDifferencesAgree(Op op) {
        Expr x = sym("x"), y = sym("y");
        Expr e = op.arity() == 1 ? Exprs.call(op, x) : Exprs.call(op, x, y);
        for (double[] xy : DOMAIN.get(op)) {
            Point p = at("x", xy[0], "y", xy[1]);
            Grad g = grad(e, p);
            Trace reverse = reverse(e, p);
            assertClose(e.eval(p), reverse.value(), 1e-15, op + " value");
            for (String v : e.vars()) {
                double symbolic = diff(e, v).eval(p);
                String at = op + " ∂/∂" + v + " at " + p;
                assertClose(symbolic, forward(e, p, v).derivative(), 1e-13, at + " forward");
                assertClose(symbolic, g.get(v), 1e-13, at + " reverse");
                assertClose(symbolic, reverse.gradient().get(v), 1e-13, at + " reverse trace");
                var numeric = CentralDifference.of(e, p, v);
                assertTrue(numeric.reliable(1e-8), at + ": central differences unreliable there, " + numeric);
                assertClose(symbolic, numeric.value(), 1e-7, at + " central differences");
            }
        }
    }
}
