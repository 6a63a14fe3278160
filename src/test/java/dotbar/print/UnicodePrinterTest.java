package dotbar.print;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
            x^(-1)              | x⁻¹
            x^-12               | x⁻¹²
            x^1000              | x^1000
            x^0.5               | x^0.5
            x^(-0.5)            | x^(-0.5)
            -x^2                | -x²
            (-x)^2              | (-x)²
            -(x^y)              | -x^y
            (-x)^y              | (-x)^y
            2^3^2               | 512
            a^b^c               | a^b^c
            (a^b)^c             | (a^b)^c
            (x^2)^3             | (x²)³
            2^x^2               | 2^x²
            x^(-y)              | x^(-y)
            (-2)^x              | (-2)^x
            -(a+b)              | -(a + b)
            -(a*b)              | -(a·b)
            -a*b                | -a·b
            a-(b-c)             | a - (b - c)
            (a-b)-c             | a - b - c
            a-(b+c)             | a - (b + c)
            a-b*c               | a - b·c
            a/(b/c)             | a/(b/c)
            a/b/c               | a/b/c
            a/b*c               | a/b·c
            a*(b/c)             | a·(b/c)
            a*b*c               | a·b·c
            a*(b*c)             | a·(b·c)
            (a+b)*(c-d)         | (a + b)·(c - d)
            (a+b)/2             | (a + b)/2
            -2                  | -2
            -2*x                | -2·x
            x*(-2)              | x·(-2)
            x + -2              | x + (-2)
            x - -y              | x - (-y)
            x + -2*y            | x + (-2·y)
            x - -y/z + -y^2     | x - (-y/z) + (-y²)
            x*(-2*y)            | x·(-2·y)
            x^(-2*y)            | x^(-2·y)
            -x*y - z            | -x·y - z
            -(-x*y - z)         | -(-x·y - z)
            x*(-1/0)            | x·(-1/0)
            x*(0/0)             | x·(0/0)
            x + (-y + z)*2      | x + (-y + z)·2
            2.0                 | 2
            0.1                 | 0.1
            1.5e-3              | 0.0015
            1.0E-5              | 1e-5
            1e22                | 1e22
            123456789012        | 123456789012
            pi                  | π
            x*π                 | x·π
            1/0                 | 1/0
            -1/0                | -1/0
            0/0                 | 0/0
            x*(1/0)             | x·(1/0)
            (1/0)^x             | (1/0)^x
            -0                  | -0
            exp(-x)*log(1+x)    | exp(-x)·log(1 + x)
            pow(x, y)           | x^y
            sqrt(abs(x))/tanh(y)| sqrt(abs(x))/tanh(y)
            """)
    void printsInTheDslStyle(String source, String printed) {
        Expr e = parse(source);
        assertEquals(printed, e.toString());
        assertSame(e, parse(printed));
    }

    @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(); }

    /** A defined and an abstract function under names no other suite uses (the registry is global). */
    private static final Fn DEFINED = Fn.defined("rt_g", List.of("u", "v"), parse("u·v + sin(u)"));
    private static final Fn ABSTRACT = Fn.abstractFn("rt_h", List.of("u"));

    @Provide Arbitrary<Expr> withApplications() { return RandomExprs.exprs(4, List.of(DEFINED, ABSTRACT)); }

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
}
