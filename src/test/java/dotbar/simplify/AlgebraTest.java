package dotbar.simplify;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;
import dotbar.testing.SmallStack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** expand, factor, collect, together and the identities simplify now uses: the examples and the bad input. */
class AlgebraTest {
    /** The examples, written out as the README shows them (the expected side parsed, so the check is structural). */
    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource(delimiter = ';', value = {
            "expand; (x+1)^3; x^3 + 3*x^2 + 3*x + 1",
            "expand; (a*b + c)*d; a*b*d + c*d",
            "expand; (x+y)^2 - (x-y)^2; 4*x*y",
            "expand; (x/2 + 1/3)^2; x^2/4 + x/3 + 1/9",
            "expand; sin((x+1)^2); sin(x^2 + 2*x + 1)",
            "expand; (x+1)/(y+1); x/(y + 1) + 1/(y + 1)",
            "factor; x^2 - 1; (x + 1)*(x - 1)",
            "factor; x^3 - x; x*(x + 1)*(x - 1)",
            "factor; x^2 + 2*x + 1; (x + 1)^2",
            "factor; 2*x*y + 4*x; 2*x*(y + 2)",
            "factor; 1/x + 1/y; (x + y)/(x*y)",
            "together; 1/x + 1/y; (x + y)/(x*y)",
            "together; (x^2 - 1)/(x - 1); x + 1",
            "together; x/2 + 1/3; (3*x + 2)/6",
    })
    void examples(String op, String input, String expected) {
        Expr e = parse(input);
        Expr r = switch (op) {
            case "expand" -> expand(e);
            case "factor" -> factor(e);
            default -> together(e);
        };
        assertEquals(parse(expected), r, () -> op + "(" + input + ") gave " + r);
    }

    @Test
    void collectGroupsByPowers() {
        assertEquals(parse("(a + b)*x + c"), collect(parse("a*x + b*x + c"), "x"));
        assertEquals("(a + b)·x + c", collect(parse("a*x + b*x + c"), "x").toString());
        assertEquals(parse("x^3 + (2*a - b)*x^2 + (a^2 - 2*a*b)*x - a^2*b"), collect(parse("(x+a)^2*(x-b)"), "x"));
        assertEquals(expand(parse("a*y + b")), collect(parse("a*y + b"), "x"), "no x: just expanded");
    }

    @Test
    void simplifyUsesTheFunctionIdentities() {
        assertEquals(num(1), simplify(parse("sin(x)^2 + cos(x)^2")));
        assertEquals(num(1), simplify(parse("cosh(x)^2 - sinh(x)^2")));
        assertEquals(parse("y + 1"), simplify(parse("sin(x)^2 + y + cos(x)^2")));
        assertEquals(parse("cos(x)^2"), simplify(parse("1 - sin(x)^2")));
        assertEquals(parse("σ(x)"), simplify(parse("1/(1 + exp(-x))")));
        assertEquals("σ(x)·(1 - σ(x))", simplify(diff(parse("σ(x)"), "x")).toString());
        assertEquals("σ(x)·(1 - σ(x))", simplify(diff(parse("sigmoid(x)"), "x")).toString());
        // the raw derivative of 1/(1+e⁻ˣ) is σ′ = σ(1 − σ), found through e⁻ˣ = (1 − σ)/σ
        assertEquals("σ(x)·(1 - σ(x))", simplify(diff(parse("1/(1+exp(-x))"), "x")).toString());
        assertEquals(parse("1 - tanh(x)^2"), simplify(diff(parse("tanh(x)"), "x")));
        assertEquals(parse("sin(x)"), simplify(parse("-sin(-x)")));       // parity
        assertEquals(parse("x"), simplify(parse("log(exp(x))")));
    }

    @Test
    void theQuotientRule() {
        // d/dx sin(x)/x by the rules is cos(x)/x − sin(x)/x²; simplify writes it over one denominator, as SymPy does
        assertEquals(parse("(x*cos(x) - sin(x))/x^2"), simplify(diff(parse("sin(x)/x"), "x")));
        declare("qf(x)");
        declare("qg(x)");
        Expr f = parse("qf(x)"), g = parse("qg(x)"), df = diff(f, "x"), dg = diff(g, "x");
        Expr rule = df.times(g).minus(f.times(dg)).div(g.pow(2));
        assertSame(Exprs.ZERO, simplify(diff(f.div(g), "x").minus(rule)));
        assertTrue(check(diff(f.div(g), "x"), rule).holds());
    }

    @Test
    void hugeExpansionsAreRefusedWithTheEstimateAndTheLimit() {
        var refused = assertThrows(DotbarException.class, () -> expand(parse("(x+1)^100000")));
        assertEquals("expand: (x + 1)^100000 would have about 100 001 terms, over the limit of 10 000 terms "
                + "(expand refuses results larger than that)", refused.getMessage());
        var product = assertThrows(DotbarException.class, () -> expand(parse("(a+b+c+d+e+f+g+h)^20")));
        assertTrue(product.getMessage().contains("over the limit of 10 000 terms"), product.getMessage());
        assertThrows(DotbarException.class, () -> factor(parse("(x+y+z+w+v)^40")));
        // under the limit it is exact: C(60, 30) = 118264581564861424 is beyond a double's 2⁵³ but stays exact inside
        assertEquals(num(0), expand(parse("(x+1)^60*(x-1)^60 - (x^2-1)^60")));
        // and simplify, which only tries these forms, never refuses: it keeps what the rules give
        assertEquals(parse("(x + 1)^100000"), simplify(parse("(x+1)^100000")));
    }

    @Test
    void ctrlCStopsALongExactComputation() throws Exception {
        var outcome = new AtomicReference<Throwable>();
        Thread t = new Thread(() -> {
            try {
                for (int n = 2; ; n++) factor(parse("(x+y+1)^" + (20 + n % 40) + " * (x - y)^3"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "factoring");
        t.setDaemon(true);
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().startsWith("dotbar.simplify.Poly"))) {
            assertTrue(System.nanoTime() < end, "never reached the polynomial code");
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(t.isAlive(), "still running 60 s after the interrupt");
        assertInstanceOf(Interrupted.class, outcome.get());
    }

    @Test
    void numbersAreReadAsThePersonMeantThem() {
        assertEquals(new BigFraction(1, 10), Coefficient.of(num(0.1)));
        assertEquals(new BigFraction(1, 3), Coefficient.of(num(1.0 / 3)));
        assertEquals(new BigFraction(-7), Coefficient.of(num(-7)));
        assertEquals(new BigFraction(Math.PI), Coefficient.of(num(Math.PI)), "no short form: the double's exact value");
        assertEquals(parse("3*x/10"), expand(parse("0.1*x + 0.2*x")));
        Expr inf = expand(parse("x*(1/0) + x"));
        assertTrue(Double.isInfinite(inf.eval(at("x=1"))), () -> inf.toString());
        // tiny numbers survive the trip through exact rationals (2⁻¹⁰⁰⁰-sized, which Commons Math's doubleValue() would give as 0)
        assertEquals(-2.7174759629743215e-302, expand(parse("x + (-2.7174759629743215e-302 + x)")).eval(at("x=0")));
        assertEquals(-2.7174759629743215e-302, factor(parse("x + (-2.7174759629743215e-302 + x)")).eval(at("x=0")));
        // coefficients beyond the double range are exact numbers, written as they are
        Expr big = expand(parse("(10^200*x + 1)^2"));
        assertEquals(3, AlgebraReferenceTest.topLevelTerms(big), big::toString);
        assertTrue(big.toString().startsWith("1" + "0".repeat(400) + "·x² + 2" + "0".repeat(200) + "·x"), big::toString);
    }

    @Test
    void twentyThousandDeepInputsThroughEveryOperation() {
        int n = 20_000;
        Expr x = sym("x"), sum = x, nested = x, quotient = x;
        for (int i = 0; i < n; i++) {
            sum = sum.plus(sym("v" + i % 50).times(i % 5 + 1));
            nested = sin(nested).plus(x).times(2);
            quotient = quotient.div(x.plus(i));   // distinct divisors: x/x or a repeated x+1 would collect at construction
        }
        Expr s = sum, deep = nested, q = quotient;
        Expr expanded = SmallStack.call(() -> expand(s));
        assertEquals(51, expanded.vars().size());
        assertEquals(51, AlgebraReferenceTest.topLevelTerms(expanded));
        var p = at("x=0.3");
        double value = deep.eval(p);
        assertEquals(value, SmallStack.call(() -> expand(deep)).eval(p), 1e-9 * Math.abs(value));
        assertEquals(value, SmallStack.call(() -> together(deep)).eval(p), 1e-9 * Math.abs(value));
        assertEquals(value, SmallStack.call(() -> factor(deep)).eval(p), 1e-9 * Math.abs(value));
        assertEquals(value, SmallStack.call(() -> collect(deep, "x")).eval(p), 1e-9 * Math.abs(value));
        assertTrue(SmallStack.call(() -> simplify(deep)).size() > 0);
        // x/x/(x+1)/(x+2)/(x+3)/… (x/x is 1 at construction): a 20 000-long chain of divisions is one Laurent monomial, (x+1)^-2·(x+2)^-2⋯
        assertEquals(1, AlgebraReferenceTest.topLevelTerms(SmallStack.call(() -> expand(q.times(q)))));
    }

    @Test
    void aReaderReadsASecondRootSharingNodesWithTheFirst() {
        // (a·b)·c read first flattens a·b into its user; a second root using a·b·c once must not flatten through it again
        var reader = new Expansion(new Atoms(), Budget.user("test"));
        Expr abc = parse("a*b*c"), first = abc.plus(1);
        reader.poly(first);
        assertEquals(2, reader.poly(abc.times(parse("d + 1"))).size());
    }

    @Test
    void expandedIsAFixedPointAndNumbersStayNumbers() {
        Expr e = expand(parse("(x + y)^4 - (x - y)^4"));
        assertSame(e, expand(e));
        assertInstanceOf(Num.class, expand(parse("(2 + 3)^2")));
    }
}
