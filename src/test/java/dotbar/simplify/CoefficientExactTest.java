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
}
