package dotbar.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.diff.SymbolicDiff;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Op;
import dotbar.expr.Point;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What the optimizers get from the tape against the tree-walking {@code Evaluator} and symbolic
 * partials: for every op of the op table, the same value and gradient (to rounding: reverse mode
 * sums the chain rule in another order).
 */
class DifferentiableTest {
    private static final Expr X = Exprs.sym("x"), Y = Exprs.sym("y");

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOpCompilesToItsValueAndPartials(Op op) {
        // a tensor op at scalars is the scalar op it reduces to (ones(x) is 1): no node of its own to compile
        org.junit.jupiter.api.Assumptions.assumeFalse(dotbar.expr.Tensors.isTensorOp(op));
        // operands inside every op's domain (acosh needs ≥ 1, atanh |a| < 1) and shared between the value and partials
        Expr a = X.times(0.1).plus(op == Op.ACOSH ? 1.5 : 0.5), b = Y.times(0.2).plus(0.7);
        Expr e = op.arity() == 1 ? Exprs.call(op, a).times(Y) : Exprs.call(op, a, b);
        Differentiable compiled = Differentiable.of(e, List.of("x", "y"), 2);
        for (double[] p : new double[][]{{0.3, -0.4}, {-1.2, 0.9}, {2, 1}}) {
            Point at = Point.of("x", p[0], "y", p[1]);
            double[] g = new double[2];
            assertClose(e.eval(at), compiled.valueAndGradient(p, g), op + " value");
            assertClose(SymbolicDiff.diff(e, "x").eval(at), g[0], op + " ∂/∂x");
            assertClose(SymbolicDiff.diff(e, "y").eval(at), g[1], op + " ∂/∂y");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-13 * Math.max(1, Math.abs(expected)), what);
    }

    /** With data columns among the inputs, the gradient is by the parameters only. */
    @Test
    void gradientByTheFirstInputsOnly() {
        Differentiable f = Differentiable.of(X.times(Exprs.sym("u")).plus(Y.pow(2)), List.of("x", "y", "u"), 2);
        double[] g = new double[2];
        assertEquals(3 * 5 + 4, f.valueAndGradient(new double[]{3, 2, 5}, g));
        assertEquals(5, g[0]);
        assertEquals(4, g[1]);
    }

    @Test
    void definedFunctionsAreInlinedAndAbstractOnesRefused() {
        Fn sq = Fn.defined("sqk", List.of("u"), Exprs.sym("u").pow(2));
        Differentiable compiled = Differentiable.of(sq.apply(X.plus(Y)), List.of("x", "y"), 2);
        double[] g = new double[2];
        assertEquals(9, compiled.valueAndGradient(new double[]{1, 2}, g));
        assertEquals(6, g[0]);
        Fn f = Fn.abstractFn("fk", List.of("u"));
        var e = assertThrows(DotbarException.class, () -> Differentiable.of(f.apply(X), List.of("x"), 1));
        assertTrue(e.getMessage().contains("fk"), e.getMessage());
    }
}
