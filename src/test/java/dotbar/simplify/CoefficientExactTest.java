package dotbar.simplify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Exprs;
import dotbar.expr.Num;

import java.math.BigInteger;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The algebra reads an exact number as its exact value, not through its nearest double. */
class CoefficientExactTest {
    @Test
    void anExactNumberIsReadExactly() {
        BigInteger big = BigInteger.TEN.pow(30).add(BigInteger.ONE);   // 10³⁰ + 1 is no double
        Num n = (Num) Exprs.rational(big, BigInteger.valueOf(7));
        assertTrue(Coefficient.isRational(n));
        assertEquals(new BigFraction(big, BigInteger.valueOf(7)), Coefficient.of(n));
        // through the double, the +1 would be lost: the exact read keeps it
        assertEquals(BigInteger.ONE, Coefficient.of(n).multiply(7).getNumerator().subtract(BigInteger.TEN.pow(30)));
    }

    @Test
    void aFloatingNumberIsStillReadAsTheDecimalTyped() {
        assertEquals(new BigFraction(1, 10), Coefficient.of(Exprs.num(0.1)));
    }

    /**
     * Found by SimplifierPropertiesTest in CI: (x + 3.29e-189)² factored has a coefficient near
     * 10⁻³⁷⁷, which rounds to 0 as a double; written so, the factored form was 0 and simplify
     * returned 0. Coefficients are now written as exact numbers, so one below (or above) the double
     * range is written exactly, never as 0.
     */
    @Test
    void aCoefficientBelowTheDoubleRangeIsWrittenExactlyNotAsZero() {
        for (int digits : new int[]{310, 400}) {
            var tiny = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(digits));
            var written = (dotbar.expr.Num) Coefficient.toExpr(tiny);
            assertEquals(tiny, written.exact());
        }
        var e = dotbar.DotBar.parse("(x + 3.2949623916154932e-189)^2");
        var p = dotbar.DotBar.at("x", 0.05);
        assertEquals(0.0025, dotbar.DotBar.simplify(e).eval(p), 1e-15);
        assertEquals(0.0025, Simplifier.simplifyWithAlgebra(dotbar.DotBar.parse("(x + 1e-189)*(x + 1e-189)")).eval(p), 1e-15);
    }
}
