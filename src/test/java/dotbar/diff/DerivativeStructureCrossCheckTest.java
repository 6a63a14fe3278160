package dotbar.diff;

import static dotbar.DotBar.*;
import static dotbar.diff.Oracles.assertClose;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-check against Commons Math's {@link DerivativeStructure} (forward-mode AD with its own
 * rules, to second order): the same formula written once in dotbar's syntax and once with DS
 * operations gives the same value, gradient and Hessian.
 */
class DerivativeStructureCrossCheckTest {
    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("x^2*sin(y) + exp(x*y)/(1 + y^2)", "x=0.7, y=-1.3",
                        (BinaryOperator<DerivativeStructure>) (x, y) ->
                                x.pow(2).multiply(y.sin()).add(x.multiply(y).exp().divide(y.pow(2).add(1)))),
                Arguments.of("tanh(x - 2*y)*sqrt(x^2 + y^2) + log(1 + x^2)*atan(y)", "x=1.1, y=0.4",
                        (BinaryOperator<DerivativeStructure>) (x, y) ->
                                x.subtract(y.multiply(2)).tanh().multiply(x.pow(2).add(y.pow(2)).sqrt())
                                        .add(x.pow(2).add(1).log().multiply(y.atan()))),
                Arguments.of("sigmoid(x*y) + x^y - cosh(y)/x", "x=1.6, y=0.9",
                        (BinaryOperator<DerivativeStructure>) (x, y) ->
                                x.multiply(y).negate().exp().add(1).reciprocal()
                                        .add(x.pow(y)).subtract(y.cosh().divide(x))),
                Arguments.of("asin(x/3)*acos(y/2) + asinh(x*y) - atanh(y/2)", "x=-0.8, y=0.6",
                        (BinaryOperator<DerivativeStructure>) (x, y) ->
                                x.divide(3).asin().multiply(y.divide(2).acos()).add(x.multiply(y).asinh())
                                        .subtract(y.divide(2).atanh())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulas")
    void valueGradientAndHessianMatchDerivativeStructure(String formula, String point, BinaryOperator<DerivativeStructure> ds) {
        Expr e = parse(formula);
        Point p = at(point);
        DerivativeStructure f = ds.apply(new DerivativeStructure(2, 2, 0, p.get("x")), new DerivativeStructure(2, 2, 1, p.get("y")));
        double tol = 1e-12;
        assertClose(f.getValue(), reverse(e, p).value(), tol, "value");
        Grad g = grad(e, p);
        assertClose(f.getPartialDerivative(1, 0), g.get("x"), tol, "∂/∂x");
        assertClose(f.getPartialDerivative(0, 1), g.get("y"), tol, "∂/∂y");
        Hessian h = hessian(e, p);
        assertClose(f.getPartialDerivative(2, 0), h.get("x", "x"), tol, "∂²/∂x²");
        assertClose(f.getPartialDerivative(1, 1), h.get("x", "y"), tol, "∂²/∂x∂y");
        assertClose(f.getPartialDerivative(1, 1), h.get("y", "x"), tol, "∂²/∂y∂x");
        assertClose(f.getPartialDerivative(0, 2), h.get("y", "y"), tol, "∂²/∂y²");
    }
}
