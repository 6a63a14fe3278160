package dotbar.expr;

import static dotbar.DotBar.adam;
import static dotbar.DotBar.at;
import static dotbar.DotBar.compile;
import static dotbar.DotBar.declare;
import static dotbar.DotBar.def;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.gd;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.hessian;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.reverse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: an expression refers to a function by name, so a later {@code def} is what
 * expressions built earlier use (Julia's REPL rule), declared-then-defined chains evaluate, and
 * every cache of a body's consequences sees the new definition.
 */
class FunctionRedefinitionTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void anEarlierExpressionUsesTheLaterDefinition() {
        def("rg(u) = u^2");
        Expr e2 = parse("rg(x)");
        assertEquals(4.0, e2.eval(at("x=2")));
        assertEquals(4.0, grad(e2, at("x=2")).get("x"), 1e-12); // the tape of u² is cached now
        def("rg(u) = u^3");
        Expr again = parse("rg(x)");
        assertSame(again, e2, "two expressions that print the same are one node");
        assertEquals(8.0, e2.eval(at("x=2")));
        assertEquals(12.0, grad(e2, at("x=2")).get("x"), 1e-12, "the cached tape is not used for the new body");
        double[] g = new double[1];
        assertEquals(8.0, compile(e2, "x").gradient(new double[] {2}, g), 1e-12);
        assertEquals(12.0, g[0], 1e-12);
        assertEquals(12.0, hessian(e2, at("x=2")).get("x", "x"), 1e-9);
        assertEquals(12.0, reverse(e2, at("x=2")).gradient().get("x"), 1e-12);
        assertEquals("3·x²", diff(e2, "x").toString());
    }

    @Test
    void declaredThenDefinedChainsEvaluate() {
        declare("rw1(a,b,c)");
        declare("rφ1(w)");
        declare("rw2(φ)");
        declare("rL(φ)");
        Expr L = parse("rL(rw2(rφ1(rw1(a,b,c))))");
        DotbarException abstractYet = assertThrows(DotbarException.class, () -> L.eval(at("a=0.5, b=-1.2, c=0.3")));
        assertTrue(abstractYet.getMessage().contains("abstract"), abstractYet.getMessage());
        def("rw1(a,b,c) = a*b + c");
        def("rφ1(w) = sigmoid(w)");
        def("rw2(φ) = 2*φ");
        def("rL(φ) = φ^2");
        double a = 0.5, b = -1.2, c = 0.3;
        double phi = sigmoid(a * b + c);
        assertEquals(Math.pow(2 * phi, 2), L.eval(at("a=0.5, b=-1.2, c=0.3")), 1e-12);
        // ∂L/∂a = 2·(2φ)·2·φ(1−φ)·b, by hand
        assertEquals(2 * (2 * phi) * 2 * phi * (1 - phi) * b, grad(L, at("a=0.5, b=-1.2, c=0.3")).get("a"), 1e-12);
    }

    @Test
    void anOptimizerBuiltEarlierStepsOnTheNewDefinition() {
        def("rq(u) = u^3");
        var opt = gd(parse("rq(x)"), at("x=1")).lr(0.01);
        opt.step();
        assertEquals(1 - 0.01 * 3, opt.at().get("x"), 1e-15);
        def("rq(u) = u^2");
        opt.step();
        assertEquals(0.97 - 0.01 * 2 * 0.97, opt.at().get("x"), 1e-15, "the gradient of the new body, 2x");
        assertEquals(Math.pow(0.97 - 0.01 * 2 * 0.97, 2), opt.loss(), 1e-15);
        var other = adam(parse("rq(x)"), at("x=1"));
        assertEquals(1.0, other.loss(), 0);
    }

    @Test
    void aRecursiveBodyIsRefusedAndNothingChanges() {
        def("rh(u) = u + 1");
        def("rk(u) = rh(u)*2");
        Expr e = parse("rk(x)");
        DotbarException self = assertThrows(DotbarException.class, () -> def("rh(u) = rh(u) + 1"));
        assertTrue(self.getMessage().contains("uses rh itself"), self.getMessage());
        DotbarException through = assertThrows(DotbarException.class, () -> def("rh(u) = rk(u)"));
        assertTrue(through.getMessage().contains("uses rh itself, directly or through other functions"), through.getMessage());
        assertEquals(8.0, e.eval(at("x=3")), "the old definition still holds");
    }

    @Test
    void anotherArityIsAnotherFunction() {
        def("ra(u) = u^2");
        Expr one = parse("ra(x)");
        def("ra(u, v) = u*v");
        assertEquals("ra(x)", one.toString());
        assertEquals(9.0, one.eval(at("x=3")), "the one-argument function keeps its body");
        assertEquals(6.0, parse("ra(x, y)").eval(at("x=3, y=2")));
    }
}
