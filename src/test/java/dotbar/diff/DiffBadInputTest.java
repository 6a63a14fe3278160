package dotbar.diff;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DiffBadInputTest {
    static final Expr E = parse("a*b + sin(c)");

    static void fails(Executable call, String... words) {
        String m = assertThrows(DotbarException.class, call).getMessage();
        for (String w : words) assertTrue(m.contains(w), "'" + w + "' in: " + m);
    }

    @Test
    void missingValuesAreAllNamed() {
        Point p = at("a=1");
        for (Executable call : new Executable[]{() -> forward(E, p, "a"), () -> reverse(E, p), () -> grad(E, p), () -> hessian(E, p)}) {
            fails(call, "no values for b, c");
        }
    }

    @Test
    void extraValuesAreIgnored() {
        Point p = at("a=1, b=2, c=0.5"), more = p.with("zz", 7.0);
        assertEquals(grad(E, p), grad(E, more));
        assertEquals(forward(E, p, "a").derivative(), forward(E, more, "a").derivative());
        assertTrue(!reverse(E, more).toString().contains("zz"));
    }

    @Test
    void nonFiniteValuesAreReportedWhenThePointIsMade() {
        fails(() -> grad(E, at("a", Double.NaN, "b", 1.0, "c", 0.0)), "a = NaN is not a finite number");
        fails(() -> forward(E, at("a=1, b=2").with("c", Double.POSITIVE_INFINITY), "a"), "c = Infinity");
    }

    @Test
    void differentiatingByANonSymbol() {
        Point p = at("a=1, b=2, c=0.5");
        fails(() -> forward(E, p, "a+b"), "a+b");
        fails(() -> forward(E, "2"), "'2'");
        fails(() -> grad(E, p).get("q"), "no component q", "a, b, c");
        fails(() -> hessian(E, p).get("a", "q"), "no variable q");
    }

    @Test
    void abstractFunctionsCannotBeEvaluated() {
        declare("g(u)");
        Expr e = parse("g(x) * x");
        fails(() -> grad(e, at("x=1")), "g is abstract");
        fails(() -> forward(e, at("x=1"), "x"), "g is abstract");
        fails(() -> hessian(e, at("x=1")), "g is abstract");
        // the symbolic sweeps are fine with it: x̄ = g(x) + x·∂g/∂x in some order
        assertTrue(reverse(e).gradient().get("x").size() >= 5);
    }

    /**
     * At their kinks relu and abs are not differentiable; like PyTorch we take the one-sided
     * value 0: relu'(0) = step(0) = 0 and |x|'(0) = sign(0) = 0, in every mode.
     */
    @Test
    void kinksFollowPyTorch() {
        Point zero = at("x=0");
        for (String f : new String[]{"relu(x)", "abs(x)"}) {
            Expr e = parse(f);
            assertEquals(0.0, grad(e, zero).get("x"), 0.0, f);
            assertEquals(0.0, forward(e, zero, "x").derivative(), 0.0, f);
            assertEquals(0.0, diff(e, "x").eval(zero), 0.0, f);
            assertEquals(0.0, forward(e, "x").derivative().eval(zero), 0.0, f);
        }
        assertEquals(1.0, grad(parse("relu(x)"), at("x=1e-300")).get("x"));
        assertEquals(-1.0, grad(parse("abs(x)"), at("x=-1e-300")).get("x"));
    }

    @Test
    void aConstantHasAnEmptyGradient() {
        Grad g = grad(parse("2^3"), Point.empty());
        assertEquals(0, g.names().size());
        assertEquals(0.0, g.norm());
        assertEquals(8.0, reverse(parse("2^3"), Point.empty()).value());
        assertEquals("∇ = ()", g.toString());
    }

    @Test
    void powerOfANegativeBaseWithAConstantExponentHasAFiniteGradient() {
        // ∂(aᵇ)/∂b = aᵇ·log a is NaN for a < 0; it must not leak in when b is a constant
        Expr e = parse("x^2 + x^3");
        Point p = at("x=-1.5");
        double expected = 2 * -1.5 + 3 * 2.25;
        assertEquals(expected, grad(e, p).get("x"), 1e-14);
        assertEquals(expected, forward(e, p, "x").derivative(), 1e-14);
        assertEquals(2 + 6 * -1.5, hessian(e, p).get("x", "x"), 1e-14);
    }
}
