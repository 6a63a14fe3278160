package dotbar.print;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two different partial nodes never print the same text in one expression: when their Leibniz
 * names would coincide (or the name would fit another application of the function in the same
 * expression), both show the parameter they differentiate by and the arguments, ∂g/∂u(x, y).
 * Where the name is unambiguous it stays the Leibniz name (eq. 31: {@link LeibnizPrintingTest}).
 */
class DistinctPartialsPrintingTest {

    @BeforeEach
    void declareFunctions() {
        declare("g(u, v)");
        declare("f(u)");
    }

    private static Fn fn(String name) {
        return Functions.lookup(name).orElseThrow();
    }

    @Test
    void theIssuesExampleShowsWhichArgumentAndWhere() {
        Expr d = diff(parse("g(x, y)*g(y, x)"), "x");
        assertEquals("∂g/∂u(x, y) · g(y, x) + g(x, y) · ∂g/∂v(y, x)", d.toString());
        assertEquals("\\frac{\\partial g}{\\partial u}\\left(x, y\\right) \\cdot g\\left(y, x\\right) + g\\left(x, y\\right)"
                + " \\cdot \\frac{\\partial g}{\\partial v}\\left(y, x\\right)", latex(d));
    }

    @Test
    void anUnambiguousNameStaysLeibniz() {
        assertEquals("∂g/∂x · sin(y)", diff(parse("g(x, y)*sin(y)"), "x").toString());
        // the same node twice is one thing: both uses keep the short name
        Expr p = Exprs.partial(fn("g"), List.of(0), List.of(parse("x"), parse("y")));
        assertEquals("∂g/∂x + sin(∂g/∂x)", Exprs.add(p, dotbar.DotBar.sin(p)).toString());   // (p + p is 2 · ∂g/∂x: one use)
        assertEquals("\\frac{\\partial g}{\\partial x} + \\sin\\left(\\frac{\\partial g}{\\partial x}\\right)",
                latex(Exprs.add(p, dotbar.DotBar.sin(p))));
    }

    @Test
    void theSameArgumentsByDifferentParameters() {
        // g(x, x): ∂g/∂u and ∂g/∂v both are "∂g/∂x"
        assertEquals("∂g/∂u(x, x) + ∂g/∂v(x, x)", diff(parse("g(x, x)"), "x").toString());
    }

    @Test
    void anotherApplicationMakesTheNameAmbiguous() {
        // only one partial, but ∂f/∂g would fit f(g(y)) as well as f(g(x))
        Expr d = diff(parse("f(g(x, 1)) * f(g(y, 1))"), "x");
        assertEquals("∂g/∂x · ∂f/∂u(g(x, 1)) · f(g(y, 1))", d.toString());
        // with f applied once, ∂f/∂g says everything
        assertEquals("∂g/∂x · ∂f/∂g", diff(parse("f(g(x, 1))"), "x").toString());
    }

    @Test
    void secondOrderPartials() {
        Fn g = fn("g");
        Expr xy = Exprs.partial(g, List.of(0, 1), List.of(parse("x"), parse("y")));
        Expr yx = Exprs.partial(g, List.of(0, 1), List.of(parse("y"), parse("x")));
        Expr uu = Exprs.partial(g, List.of(0, 0), List.of(parse("x + 1"), parse("y")));
        Expr uu2 = Exprs.partial(g, List.of(0, 0), List.of(parse("x + 2"), parse("y")));
        assertEquals("∂²g/∂x∂y + ∂²g/∂y∂x", Exprs.add(xy, yx).toString());
        assertEquals("∂²g/∂u²(x + 1, y) - ∂²g/∂u²(x + 2, y)", Exprs.sub(uu, uu2).toString());
        assertEquals("\\frac{\\partial^{2} g}{\\partial u^{2}}\\left(x + 1, y\\right) - "
                + "\\frac{\\partial^{2} g}{\\partial u^{2}}\\left(x + 2, y\\right)", latex(Exprs.sub(uu, uu2)));
    }

    @Test
    void explicitPartialsAsOperands() {
        Expr d = diff(parse("g(x, y)*g(y, x)"), "x");
        Expr p = Exprs.partial(fn("g"), List.of(0), List.of(parse("x"), parse("y")));
        Expr q = Exprs.partial(fn("g"), List.of(1), List.of(parse("y"), parse("x")));
        assertEquals("-∂g/∂u(x, y)/(∂g/∂v(y, x))^2".replace("^2", "²"),
                Exprs.div(Exprs.neg(p), Exprs.pow(q, Exprs.num(2))).toString());
        assertTrue(d.toString().contains("∂g/∂v(y, x)"));
    }

    @Test
    void aDeepChainOfAmbiguousPartialsPrintsWithoutRecursion() {
        // f(f(…f(x)…)) 20 000 deep: ∂f/∂x names one thing, but every ∂f/∂f fits every other
        // application, so those are explicit; the text is long (each shows its argument) and is
        // cut, but it prints, in both printers
        Expr e = parse("x");
        for (int i = 0; i < 20_000; i++) e = fn("f").apply(e);
        Expr d = diff(e, "x");
        String text = d.toString();
        assertTrue(text.startsWith("∂f/∂x · ∂f/∂u(f(x)) · ∂f/∂u(f(f(x))) · "), text.substring(0, 60));
        assertTrue(latex(d).startsWith("\\frac{\\partial f}{\\partial x} \\cdot \\frac{\\partial f}{\\partial u}\\left(f\\left(x\\right)\\right)"));
    }
}
