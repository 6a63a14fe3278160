package dotbar.print;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Fn;
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

/** The Unicode printer: the style of dsl.md, minimal parentheses, and text that parses back. */
class UnicodePrinterTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a*b + sin(c)^2      | a·b + sin(c)²
            sigmoid(w1)         | σ(w1)
            x^2                 | x²
            x^(-1)              | 1/x
            x^-12               | 1/x¹²
            x^1000              | x^1000
            x^0.5               | sqrt(x)
            x^(-0.5)            | 1/sqrt(x)
            -x^2                | -x²
            (-x)^2              | x²
            -(x^y)              | -x^y
            (-x)^y              | (-x)^y
            2^3^2               | 512
            a^b^c               | a^b^c
            (a^b)^c             | (a^b)^c
            (x^2)^3             | x⁶
            2^x^2               | 2^x²
            x^(-y)              | x^(-y)
            (-2)^x              | (-2)^x
            -(a+b)              | -a - b
            -(a*b)              | -a·b
            -a*b                | -a·b
            a-(b-c)             | a - b + c
            (a-b)-c             | a - b - c
            a-(b+c)             | a - b - c
            a-b*c               | a - b·c
            a/(b/c)             | a·c/b
            a/b/c               | a/(b·c)
            a/b*c               | a·c/b
            a*(b/c)             | a·b/c
            a*b*c               | a·b·c
            a*(b*c)             | a·b·c
            (a+b)*(c-d)         | (a + b)·(c - d)
            (a+b)/2             | a/2 + b/2
            -2                  | -2
            -2*x                | -2·x
            x*(-2)              | -2·x
            x + -2              | x - 2
            x - -y              | x + y
            x + -2*y            | x - 2·y
            x - -y/z + -y^2     | x + y/z - y²
            x*(-2*y)            | -2·x·y
            x^(-2*y)            | x^(-2·y)
            -x*y - z            | -x·y - z
            -(-x*y - z)         | x·y + z
            x*(-1/0)            | x·(-1/0)
            x*(0/0)             | x·(0/0)
            x + (-y + z)*2      | x + 2·z - 2·y
            2.0                 | 2
            0.1                 | 1/10
            1.5e-3              | 3/2000
            1.0E-5              | 1/100000
            1e22                | 10000000000000000000000
            123456789012        | 123456789012
            pi                  | π
            x*π                 | x·π
            1/0                 | 1/0
            -1/0                | -1/0
            0/0                 | 0/0
            x*(1/0)             | x·(1/0)
            (1/0)^x             | (1/0)^x
            -0                  | 0
            exp(-x)*log(1+x)    | exp(-x)·log(1 + x)
            pow(x, y)           | x^y
            sqrt(abs(x))/tanh(y)| sqrt(abs(x))/tanh(y)
            """)
    void printsInTheDslStyle(String source, String printed) {
        Expr e = parse(source);
        assertEquals(printed, e.toString());
        assertSame(e, parse(printed));
    }

    /** Expressions as formulas type them: exact constants (a Java double prints as its decimal, which reads back exact). */
    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.typedExprs(5, List.of()); }

    @Provide Arbitrary<Expr> withFloats() { return RandomExprs.exprs(); }

    /** A defined and an abstract function under names no other suite uses (the registry is global). */
    private static final Fn DEFINED = Fn.defined("rt_g", List.of("u", "v"), parse("u·v + sin(u)"));
    private static final Fn ABSTRACT = Fn.abstractFn("rt_h", List.of("u"));

    @Provide Arbitrary<Expr> withApplications() { return RandomExprs.typedExprs(4, List.of(DEFINED, ABSTRACT)); }

    @Property(tries = 200)
    void applicationsOfNamedFunctionsParseBack(@ForAll("withApplications") Expr e) {
        Functions.register(DEFINED);
        Functions.register(ABSTRACT);
        assertSame(e, parse(e.toString()), e::toString);
    }

    @Test
    void namedApplications() {
        Fn w1 = def("w1(a,b,c) = a*b + c");
        assertEquals("w1(a, b, c)", w1.apply(sym("a"), sym("b"), sym("c")).toString());
        assertEquals("w1(a·b, -c, 2)²", parse("w1(a*b, -c, 2)^2").toString());
        assertEquals("w1(a, b, c) = a·b + c", w1.toString());
    }

    @Property(tries = 500)
    void printedTextParsesBackToTheSameNode(@ForAll("anyExpr") Expr e) {
        assertSame(e, parse(e.toString()), e::toString);
    }

    /**
     * A floating constant prints as its shortest decimal, which a formula reads as that exact
     * decimal: the text reads back to an expression of the same value (the double of each
     * constant is the same; exact and floating arithmetic may round differently in the last place),
     * and printed again it is a fixed point.
     */
    @Property(tries = 300)
    void floatingConstantsReadBackAsTheirDecimals(@ForAll("withFloats") Expr e, @ForAll("points") dotbar.expr.Point p) {
        Expr back = parse(e.toString());
        assertSame(back, parse(back.toString()), back::toString);
        double a = e.eval(p), b = back.eval(p);
        net.jqwik.api.Assume.that(Double.isFinite(a) && Math.abs(a) < 1e6);
        assertTrue(Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a)), () -> e + " = " + a + " but " + back + " = " + b);
    }

    @Provide Arbitrary<dotbar.expr.Point> points() { return RandomExprs.points(); }
}
