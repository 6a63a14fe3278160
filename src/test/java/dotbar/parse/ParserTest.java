package dotbar.parse;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Functions;
import dotbar.expr.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    @AfterEach
    void forgetFunctions() {
        Functions.clear();
    }

    private static double value(String text, String point) {
        return parse(text).eval(at(point));
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @CsvSource(delimiter = ';', value = {
            "-x^2; x=3; -9",
            "2^3^2; x=0; 512",
            "(2^3)^2; x=0; 64",
            "8/4/2; x=0; 1",
            "2^-1; x=0; 0.5",
            "-2^2; x=0; -4",
            "(-2)^2; x=0; 4",
            "a - b - c; a=10, b=3, c=2; 5",
            "a - (b - c); a=10, b=3, c=2; 9",
            "x²; x=3; 9",
            "x⁻¹; x=4; 0.25",
            "-x²; x=3; -9",
            "2^x²; x=2; 16",
            "(a+b)²; a=1, b=2; 9",
            "a·b + sin(c)^2; a=1.3, b=-0.7, c=0.4; -0.758353354673583",
            "1.5e-3 * 1000; x=0; 1.5",
            "2.5E+1; x=0; 25",
            ".5 + 1.; x=0; 1.5",
            "π + pi; x=0; 6.283185307179586",
            "σ(0) + sigmoid(0); x=0; 1",
            "pow(x, 3) + φ1 * w_2; x=2, φ1=3, w_2=4; 20",
            "--x; x=2; 2",
            "+x; x=2; 2",
            "2*-x; x=3; -6",
            "x−y; x=3, y=1; 2",
    })
    void precedenceAndSyntax(String text, String point, double expected) {
        assertEquals(expected, value(text, point), 1e-8 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void sameStructureAsTheBuilder() {
        var x = sym("x");
        var y = sym("y");
        assertSame(x.times(y), parse("x*y"));
        assertSame(x.pow(2).neg(), parse("-x^2"));
        assertSame(sin(x).pow(2), parse("sin(x)²"));
    }

    @Test
    void definedAndDeclaredFunctions() {
        def("w1(a,b,c) = a*b + c");
        var e = parse("w1(x, 2, 1) + 1");
        assertEquals(8.0, e.eval(at("x=3")), 0);
        assertTrue(e.toString().contains("w1"));
        declare("f(u, v)");
        assertEquals("f", ((dotbar.expr.Apply) parse("f(x, y)")).fn().name());
    }

    @Test
    void twentyThousandTermSumAndDeepNestingParseWithoutRecursion() {
        var sum = new StringBuilder("x0");
        for (int i = 1; i < 20_000; i++) sum.append(" + x").append(i);
        Expr e = parse(sum.toString());
        assertTrue(e.size() > 19_000);
        // seven names repeated: like terms are collected as the sum is built, 20 000 terms into 7
        var repeated = new StringBuilder("x0");
        long[] times = new long[7];
        times[0] = 1;
        for (int i = 1; i < 20_000; i++) {
            repeated.append(" + x").append(i % 7);
            times[i % 7]++;
        }
        Expr collected = dotbar.expr.Exprs.ZERO;
        for (int k = 0; k < 7; k++) collected = collected.plus(sym("x" + k).times(times[k]));
        assertSame(collected, parse(repeated.toString()));
        assertEquals("2858·x0 + 2857·x1 + 2857·x2 + 2857·x3 + 2857·x4 + 2857·x5 + 2857·x6", collected.toString());
        var nested = "sin(".repeat(20_000) + "x" + ")".repeat(20_000);
        assertEquals(20_001, parse(nested).size());
        var parens = "(".repeat(20_000) + "x" + ")".repeat(20_000);
        assertSame(sym("x"), parse(parens));
    }

    private static ParseException error(String text) {
        return assertThrows(ParseException.class, () -> parse(text));
    }

    @Test
    void errorsNameTheColumnAndShowACaret() {
        var e = error("x + * y");
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("at column 5\nx + * y\n    ^"), e.getMessage());
        assertEquals(4, error("x +").column());
        assertTrue(error("x +").getMessage().contains("needs an operand"));
        assertEquals(1, error("sin(x").column());   // the unclosed call, at its name
    }

    @Test
    void eachBadInputHasItsOwnMessage() {
        assertTrue(error("(x + 1").getMessage().startsWith("unclosed '('"));
        assertEquals(1, error("(x + 1").column());
        assertEquals(4, error("x +) 1").column());
        assertTrue(error("x) + 1").getMessage().startsWith("unmatched ')'"));
        assertTrue(error("x $ y").getMessage().startsWith("unexpected character '$'"));
        assertEquals(3, error("x $ y").column());
        assertTrue(error("x y").getMessage().contains("found 'y'"));
        var unknown = error("sinn(x)");
        assertTrue(unknown.getMessage().contains("unknown function 'sinn'; did you mean sin?"), unknown.getMessage());
        var arity = error("x + atan(x, y)");
        assertTrue(arity.getMessage().startsWith("atan takes 1 argument but was given 2"), arity.getMessage());
        assertEquals(5, arity.column());
        assertTrue(error("pow(x)").getMessage().startsWith("pow takes 2 arguments but was given 1"));
        assertTrue(error("x, y").getMessage().startsWith("',' outside a function call"));
        assertThrows(DotbarException.class, () -> parse(""));
        assertThrows(DotbarException.class, () -> parse("   "));
    }

    @Test
    void definitionErrors() {
        assertTrue(assertThrows(DotbarException.class, () -> def("g(x) = x + a")).getMessage().contains("uses a"));
        assertTrue(assertThrows(DotbarException.class, () -> def("sin(x) = x")).getMessage().contains("built-in"));
        assertTrue(assertThrows(DotbarException.class, () -> def("g(x, x) = x")).getMessage().contains("repeat"));
        assertTrue(assertThrows(ParseException.class, () -> def("g(x) x")).getMessage().contains("expected '='"));
        assertTrue(assertThrows(ParseException.class, () -> def("g(x) = g(x)")).getMessage().contains("unknown function 'g'"));
        assertTrue(Functions.lookup("g").isEmpty(), "a failed def registers nothing");
    }

    @Test
    void pointsParseAndReportMalformedPairs() {
        Point p = at("a=1.3, b=-0.7, c=pi");
        assertEquals(-0.7, p.get("b"), 0);
        assertEquals(Math.PI, p.get("c"), 0);
        var bad = assertThrows(DotbarException.class, () -> at("a=1, b"));
        assertTrue(bad.getMessage().contains("'b' has no '=value' at column 6"), bad.getMessage());
        assertThrows(DotbarException.class, () -> at("a=x"));
    }

    @Test
    void ieeeInsteadOfExceptions() {
        assertEquals(Double.POSITIVE_INFINITY, value("1/x", "x=0"));
        assertTrue(Double.isNaN(value("log(x)", "x=-1")));
    }
}
