package dotbar.print;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Functions;
import dotbar.testing.RandomExprs;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LaTeX printer: the notation of dsl.md, minimal \left( \right), balanced groups. */
class LatexPrinterTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            a*b + sin(c)^2 => a \\cdot b + \\sin\\left(c\\right)^{2}
            sigmoid(w1) => \\sigma\\left(w_{1}\\right)
            θ^2/2 => \\frac{\\theta^{2}}{2}
            φ2 + w_2 + x_10 => \\varphi_{2} + w_{2} + x_{10}
            alpha*Omega + ε => \\alpha \\cdot \\Omega + \\varepsilon
            loss + dθ => \\mathrm{loss} + \\mathrm{d\\theta}
            sqrt(x^2 + y^2) => \\sqrt{x^{2} + y^{2}}
            (a/b)^2 => \\left(\\frac{a}{b}\\right)^{2}
            a/(b/c) => \\frac{a \\cdot c}{b}
            x^(a+b) => x^{a + b}
            (x^2)^3 => x^{6}
            -(a+b) => -a - b
            -x^2 => -x^{2}
            (-x)^2 => x^{2}
            a - (b - c) => a - b + c
            a*(-b) => -a \\cdot b
            -a/b => \\frac{-a}{b}
            x + -a/b => x - \\frac{a}{b}
            x + -2*y => x - 2 \\cdot y
            -(a/b) => \\frac{-a}{b}
            abs(x) + exp(-x) => \\left|x\\right| + \\exp\\left(-x\\right)
            asin(x)*atanh(x) => \\arcsin\\left(x\\right) \\cdot \\operatorname{artanh}\\left(x\\right)
            relu(x) + sign(x) => \\operatorname{relu}\\left(x\\right) + \\operatorname{sgn}\\left(x\\right)
            1.5e-7*x => \\frac{3 \\cdot x}{20000000}
            x^(1e-7) => x^{\\frac{1}{10000000}}
            (1e-7)^x => \\left(\\frac{1}{10000000}\\right)^{x}
            2*pi*r => 2 \\cdot \\pi \\cdot r
            pi*r^2 => \\pi \\cdot r^{2}
            -2*x + 1/0 => -2 \\cdot x + \\infty
            """)
    void printsLatex(String source, String latex) {
        assertEquals(latex, latex(parse(source)));
    }

    @Test
    void namesWithAccentsAndApplications() {
        assertEquals("\\dot{w}_{1}", latex(sym("ẇ1")));
        Functions.register(dotbar.expr.Fn.defined("loss", List.of("u"), sym("u").pow(2)));
        assertEquals("\\mathrm{loss}\\left(x\\right)", latex(parse("loss(x)")));
    }

    @Test
    void leibnizChainOfEquation31() {
        for (String f : List.of("w1(a,b,c)", "φ1(w)", "w2(φ)", "φ2(w)", "L(φ)")) declare(f);
        Expr d = diff(parse("L(φ2(w2(φ1(w1(a,b,c)))))"), "a");
        assertEquals("\\frac{\\partial w_{1}}{\\partial a} \\cdot \\frac{\\partial \\varphi_{1}}{\\partial w_{1}} \\cdot "
                + "\\frac{\\partial w_{2}}{\\partial \\varphi_{1}} \\cdot \\frac{\\partial \\varphi_{2}}{\\partial w_{2}} \\cdot "
                + "\\frac{\\partial L}{\\partial \\varphi_{2}}", latex(d));
        declare("f(u, v)");
        assertEquals("\\frac{\\partial^{2} f}{\\partial x \\partial y} + \\frac{\\partial^{2} f}{\\partial y^{2}}",
                latex(diff(diff(parse("f(x, y)"), "y"), "x").plus(diff(parse("f(x, y)"), "y", 2))));
        assertEquals("\\left(\\frac{\\partial f}{\\partial x}\\right)^{2}", latex(diff(parse("f(x, y)"), "x").pow(2)));
    }

    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(); }

    @Property(tries = 300)
    void groupsAreBalanced(@ForAll("anyExpr") Expr e) {
        String s = latex(e);
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertTrue(depth >= 0, s);
        }
        assertEquals(0, depth, s);
        assertEquals(count(s, "\\left"), count(s, "\\right"), s);
        assertTrue(!s.contains("(") || s.contains("\\left("), s);
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
