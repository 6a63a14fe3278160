package dotbar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Op values against outside numbers: CPython 3's {@code math} module (C's libm) printed with
 * {@code repr}, the shortest text of each double, by {@code /usr/bin/python3}.
 */
class OpValuesTest {

    /** Within one unit in the last place of the reference. */
    private static void assertUlp(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= Math.ulp(expected), what + ": expected " + expected + " but was " + actual);
    }

    // python3 -c "import math; print(repr(a), repr(math.acosh(a)))"
    @ParameterizedTest(name = "acosh({0}) = {1}")
    @CsvSource({
        "1.0, 0.0",
        "1.0000000001, 1.4142136208675862e-05",
        "1.0000000000000002, 2.1073424255447017e-08",
        "1.000001, 0.00141421344446382",
        "1.001, 0.04471763360830684",
        "1.1, 0.4435682543851154",
        "1.5, 0.9624236501192069",
        "2.0, 1.3169578969248166",
        "2.5, 1.566799236972411",
        "3.0, 1.762747174039086",
        "10.0, 2.993222846126381",
        "123.456, 5.509015594729667",
        "10000.0, 9.903487550036129",
        "100000000.0, 19.11382792451231",
        "300000000.0, 20.212440213180418",
        "1e15, 35.23192357547063",
        "1e100, 230.95165647996453",
        "1e154, 355.291251501643",
        "1e155, 357.593836594637",
        "1e200, 461.2101657793691",
        "1e300, 691.4686750787736",
        "1.7976931348623157e308, 710.4758600739439",
    })
    void acoshAgreesWithLibmAcrossTheRange(double a, double acosh) {
        assertUlp(acosh, Op.ACOSH.apply(a, 0), "acosh(" + a + ")");
        assertUlp(acosh, Exprs.call(Op.ACOSH, Exprs.sym("a")).eval(Point.of("a", a)), "acosh(" + a + ") by eval");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0, -1, -3, -1e20, Double.NEGATIVE_INFINITY, Double.NaN})
    void acoshIsNaNBelowOne(double a) {
        assertTrue(Double.isNaN(Op.ACOSH.apply(a, 0)), "acosh(" + a + ")");
    }

    @Test
    void acoshOfALargeNumberIsLn2PlusItsLog() {
        // the case: ln 2 + 200 ln 10 = 461.2101657793691 (the closed form), not ∞
        assertEquals(Math.log(2) + 200 * Math.log(10), Op.ACOSH.apply(1e200, 0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Op.ACOSH.apply(Double.POSITIVE_INFINITY, 0));
    }
}
