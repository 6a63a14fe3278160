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

    // python3 -c "import math; print(repr(y), repr(x), repr(math.atan2(y, x)))"
    @ParameterizedTest(name = "atan2({0}, {1}) = {2}")
    @CsvSource({
        "1.0, 1.0, 0.7853981633974483",
        "1.0, -1.0, 2.356194490192345",
        "-1.0, -1.0, -2.356194490192345",
        "0.3, -1.7, 2.9669204545815537",
        "-2.5, 0.4, -1.4121410646084953",
        "1e-300, 1.0, 1e-300",
        "1.0, 1e-300, 1.5707963267948966",
        "0.0, -1.0, 3.141592653589793",
        "-0.0, -1.0, -3.141592653589793",
        "0.0, 0.0, 0.0",
        "1e+200, 1e+200, 0.7853981633974483",
        "3.0, 4.0, 0.6435011087932844",
        "-4.0, 3.0, -0.9272952180016122",
    })
    void atan2AgreesWithLibm(double y, double x, double atan2) {
        double value = Op.ATAN2.apply(y, x);
        assertUlp(atan2, value, "atan2(" + y + ", " + x + ")");
        assertEquals(Math.copySign(1, atan2), Math.copySign(1, value), "the sign of zero too");
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(
                dotbar.parse.Parser.parse("atan2(y, x)").eval(Point.of("y", y, "x", x))), "eval is the table's value");
    }

    @Test
    void atan2PartialsAreTheClosedForms() {
        // at (x, y) = (4, 3): ∂/∂y = x/(x² + y²) = 4/25, ∂/∂x = −y/(x² + y²) = −3/25
        Expr e = dotbar.parse.Parser.parse("atan2(y, x)");
        Point p = Point.of("x", 4, "y", 3);
        assertEquals(0.16, dotbar.diff.SymbolicDiff.diff(e, "y").eval(p), 1e-16);
        assertEquals(-0.12, dotbar.diff.SymbolicDiff.diff(e, "x").eval(p), 1e-16);
        assertEquals("atan2(y, x)", e.toString());
    }
}
