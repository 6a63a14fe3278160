package dotbar.print;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Op;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain rule through abstract functions prints as the seed writes it: Leibniz partials,
 * innermost first, spaced dots (eq. 31), and one term per path (eq. 25/29).
 */
class LeibnizPrintingTest {

    @BeforeEach
    void declareTheNetwork() {
        for (String f : List.of("w1(a, b, c)", "φ1(w)", "w2(φ)", "φ2(w)", "L(φ)")) declare(f);
    }

    @Test
    void equation31() {
        Expr loss = parse("L(φ2(w2(φ1(w1(a,b,c)))))");
        assertEquals("L(φ2(w2(φ1(w1(a, b, c)))))", loss.toString());
        assertEquals("∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2", diff(loss, "a").toString());
    }

    /**
     * With φ1(w1(a,b,c), c), c reaches φ1 directly and through w1: ∂φ1/∂c gets a second term
     * (the seed's erratum to eq. 29: c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄).
     */
    @Test
    void bothPathsToC() {
        declare("φ1(w, c)");
        Expr d = diff(parse("L(φ2(w2(φ1(w1(a,b,c), c))))"), "c");
        assertEquals("(∂w1/∂c · ∂φ1/∂w1 + ∂φ1/∂c) · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2", d.toString());
        Expr paths = d;
        while (paths instanceof Call c && c.op() == Op.MUL) paths = c.args().get(0);
        assertEquals(Op.ADD, assertInstanceOf(Call.class, paths).op(), "two terms, one per path");
    }

    @Test
    void secondOrderAndParameterNames() {
        declare("f(u, v)");
        assertEquals("∂²f/∂x∂y", diff(diff(parse("f(x, y)"), "x"), "y").toString());
        assertEquals("∂²f/∂y²", diff(parse("f(x, y)"), "y", 2).toString());
        assertEquals("∂³f/∂x²∂y", diff(diff(parse("f(x, y)"), "y"), "x", 2).toString());
        // an argument that is neither a symbol nor an application goes by the parameter's name
        assertEquals("2 · x · ∂f/∂u", diff(parse("f(x^2, y)"), "x").toString());
        assertEquals("-∂f/∂v", diff(parse("f(x, -y)"), "y").toString());
    }

    @Test
    void partialsAsOperandsOfOtherOperators() {
        declare("f(u, v)");
        Expr fx = diff(parse("f(x, y)"), "x"), fy = diff(parse("f(x, y)"), "y");
        assertEquals("(∂f/∂x)²", fx.pow(2).toString());
        assertEquals("(∂f/∂x)/(∂f/∂y)", fx.div(fy).toString());
        assertEquals("∂f/∂x + ∂f/∂y", fx.plus(fy).toString());
        assertEquals("x - ∂f/∂y", sym("x").minus(fy).toString());
        assertEquals("σ(∂f/∂x)", sigmoid(fx).toString());
        assertEquals("x · y · ∂f/∂x", sym("x").times(sym("y")).times(fx).toString());
        assertEquals("x·(y + ∂f/∂x)", sym("x").times(sym("y").plus(fx)).toString());
    }
}
