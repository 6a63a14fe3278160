package dotbar.simplify;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SimplifierTest {
    @Test
    void collectsLikeTermsExactlyAsTheContractSays() {
        assertEquals(parse("2*x"), simplify(parse("x + x")));
    }

    /** Each rule with the identity it uses; the expected side is parsed, so the check is structural. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "x*x; x^2",                                  // aᵖ·aᵠ = aᵖ⁺ᵠ
            "x - x; 0",                                  // like terms cancel
            "x/x; 1",                                    // x⁰ (where x/x is defined)
            "2*x*3 + y - x*2*3; y",                      // numbers multiplied out, terms cancel
            "a*b + b*a; 2*a*b",                          // canonical order makes b·a the same monomial
            "(x*y)^2/x; x*y^2",                          // (ab)ⁿ = aⁿbⁿ for integer n
            "x/3 + x/3; 2*x/3",                          // fractions stay fractions
            "-(a - b) + a; b",
            "sqrt(x)*sqrt(x); x",                        // √a = a^½
            "sqrt(x^2); sqrt(x^2)",                      // = |x|, not x: left alone
            "(x^2)^0.5; sqrt(x^2)",                      // likewise (a^½ is √a)
            "x^2*x^-2; 1",
            "exp(log(x)) + log(exp(y)); x + y",
            "sin(-x) + cos(-x); cos(x) - sin(x)",        // odd and even functions
            "2^x * 2^y; 2^(x + y)",
            "x^y*x^z; x^(y + z)",
            "(a+b)*(a+b); (a + b)^2",
            "(a+b)/(b+a); 1",
            "1/x + 1/x; 2/x",
            "y + x^2 + 1 + x*y + x; x^2 + x*y + x + y + 1",  // x² before x·y before x; the number last
            "-x*y; -(x*y)",
            "abs(exp(x)) + relu(relu(x)); exp(x) + relu(x)",
            "3 - x - 5; -x - 2",
            "(-x)^3 + x^3; 0",                           // (−a)ⁿ = (−1)ⁿaⁿ
    })
    void rules(String input, String expected) {
        assertEquals(parse(expected), simplify(parse(input)), () -> input + " gave " + simplify(parse(input)));
    }

    @Test
    void equalSumsAndProductsBecomeTheSameNode() {
        assertSame(simplify(parse("b + c*a + sin(z)")), simplify(parse("sin(z) + a*c + b")));
        assertSame(simplify(parse("x*y*z")), simplify(parse("z*(y*x)")));
    }

    @Test
    void applicationsAndAbstractPartialsKeepTheirNodes() {
        def("sq(u) = u^2");
        Fn f = declare("f(u)");
        Expr e = parse("sq(x + x) + f(y)*f(y)");
        assertEquals(parse("f(y)^2 + sq(2*x)"), simplify(e));
        // d(f(x)·f(x)) = ∂f/∂x·f(x) + f(x)·∂f/∂x collects to 2·f(x)·∂f/∂x
        Expr fx = parse("f(x)"), dfx = Exprs.partial(f, List.of(0), List.of(sym("x")));
        assertEquals(num(2).times(fx).times(dfx), simplify(diff(parse("f(x)*f(x)"), "x")));
    }

    @Test
    void twentyThousandDeepChainsWithoutRecursion() {
        // no timing here (the suite runs on loaded machines): linear cost is measured by bench/DepthScaling's
        // exponent fit (scripts/bench), not by a wall-clock limit
        Expr x = sym("x"), sum = x, nested = x;
        for (int i = 0; i < 20_000; i++) {
            sum = sum.plus(sym("v" + i % 100).times(i % 7 + 1));
            nested = sin(nested).plus(x).times(2);
        }
        Expr s = simplify(sum);
        Expr n = simplify(nested);
        assertEquals(101, s.vars().size());
        assertEquals(nested.eval(at("x=0.3")), n.eval(at("x=0.3")), 1e-9 * Math.abs(nested.eval(at("x=0.3"))));
        Expr tower = x;
        for (int i = 0; i < 20_000; i++) tower = sym("v" + i % 3).pow(tower.times(2));
        assertEquals(tower.vars(), simplify(tower).vars());
        // every v_k was added 200 times with coefficients 1..7: the sum collects to 101 terms
        assertTrue(s.size() < 400, "size " + s.size());
    }
}
