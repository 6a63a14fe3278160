package dotbar.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;

/**
 * The high-precision evaluation against outside numbers: every op's value computed with mpmath
 * 1.3.0 at 70 digits ({@code mp.dps = 70}; e.g. {@code mp.nstr(mp.exp(mpf('3.5')), 50)}), hard-coded
 * here so that the build needs no Python. Arguments: 3.5 for exp, log, sin, cos, tan, acosh, sqrt;
 * 0.625 for asin, acos, atanh; −1.375 for the rest; pow(3.5, 0.625), atan2(−1.375, 0.625).
 */
class PreciseTest {
    private static final BigDecimal BIG = new BigDecimal("3.5"), UNIT = new BigDecimal("0.625"), NEG = new BigDecimal("-1.375");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "EXP; 33.115451958692313750653249350388616292471728226478",
            "LOG; 1.2527629684953679956881206219850031615615845952216",
            "SIN; -0.35078322768961984812036880004363558508498173594058",
            "COS; -0.93645668729079633769865762667176046301995776578196",
            "TAN; 0.37458564015859466633051257998914738845088228428926",
            "ASIN; 0.67513153293703164720905626529438801420418535124968",
            "ACOS; 0.89566479385786497202226542634536342789439934843787",
            "ATAN; -0.9420000403794636647379371705345935860716609849364",
            "SINH; -1.8511185635579153241999854843850641402472644015072",
            "COSH; 2.1039581593626618020109729842043894182157982901395",
            "TANH; -0.87982669965198475596055310881018257327495997767158",
            "ASINH; -1.1233646762497843533407775545906739479861775721106",
            "ACOSH; 1.9248473002384137899910356536974736925407373375426",
            "ATANH; 0.73316853439671352232912110232139645007888869346873",
            "SQRT; 1.8708286933869706927918743661582746508780099038894",
            "POW; 2.1879758681337944909282358714573346414468339979031",
            "ABS; 1.375",
            "SIGMOID; 0.20181322226037883007781348024636531004082768279424",
            "RELU; 0.0",
            "SOFTPLUS; 0.22541265160164792685649471522095746331143962894637",
            "SIGN; -1.0",
            "STEP; 0.0",
            "ATAN2; -1.1441688336680205300115809097463362208262680057247",
    })
    void everyFunctionAgreesWithMpmathTo48Digits(Op op, String mpmath) {
        BigDecimal a = switch (op) {
            case EXP, LOG, SIN, COS, TAN, ACOSH, SQRT, POW -> BIG;
            case ASIN, ACOS, ATANH -> UNIT;
            default -> NEG;
        };
        BigDecimal b = op == Op.POW ? UNIT : op == Op.ATAN2 ? UNIT : null;
        BigDecimal got = Precise.apply(op, a, b), want = new BigDecimal(mpmath);
        BigDecimal error = got.subtract(want).abs();
        assertTrue(error.compareTo(new BigDecimal("1e-48")) <= 0, op + ": " + got + " vs mpmath " + want);
    }

    @Test
    void theTableAboveCoversEveryFunction() {
        // the arithmetic operators are exact BigDecimal arithmetic; every other op is in the table
        var listed = EnumSet.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TAN, Op.ASIN, Op.ACOS, Op.ATAN, Op.SINH, Op.COSH, Op.TANH,
                Op.ASINH, Op.ACOSH, Op.ATANH, Op.SQRT, Op.POW, Op.ABS, Op.SIGMOID, Op.RELU, Op.SOFTPLUS, Op.SIGN, Op.STEP, Op.ATAN2);
        // the tensor ops at scalars are a·b or a (or 1), exact arithmetic as the operators are
        for (Op op : Op.values()) {
            assertTrue(listed.contains(op) || op.isOperator() || dotbar.expr.Tensors.isTensorOp(op), op + " has no outside value");
        }
    }

    @Test
    void undefinedWhereIeeeGivesNaNOrInfinity() {
        BigDecimal m = BigDecimal.ONE.negate(), two = BigDecimal.valueOf(2);
        assertNull(Precise.apply(Op.LOG, BigDecimal.ZERO, null));
        assertNull(Precise.apply(Op.SQRT, m, null));
        assertNull(Precise.apply(Op.DIV, BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(Precise.apply(Op.ASIN, two, null));
        assertNull(Precise.apply(Op.ATANH, BigDecimal.ONE, null));
        assertNull(Precise.apply(Op.ACOSH, BigDecimal.ZERO, null));
        assertNull(Precise.apply(Op.POW, m, new BigDecimal("0.5")));
        assertEquals(0, Precise.apply(Op.POW, m, BigDecimal.valueOf(3)).compareTo(m), "(−1)³ = −1: an integer power of a negative base");
        assertEquals(0, Precise.apply(Op.POW, BigDecimal.ZERO, BigDecimal.ZERO).compareTo(BigDecimal.ONE), "0⁰ = 1 as Math.pow");
    }

    @Test
    void constantsAreTheNumbersMeant() {
        assertEquals(0, new BigDecimal("1E-9").compareTo(Precise.constant(1e-9)), "a typed decimal is exact");
        assertEquals(0, new BigDecimal("0.1").compareTo(Precise.constant(0.1)));
        assertEquals(0, new BigDecimal("1.00000000000001").compareTo(Precise.constant(1 + 1e-14)));
        BigDecimal third = Precise.constant(1.0 / 3);
        assertTrue(third.subtract(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MathContext.DECIMAL128)).abs().compareTo(new BigDecimal("1e-33")) < 0, "1/3 folded is 1/3: " + third);
        // π/2 from mpmath: 1.5707963267948966192313216916397514420985846996876
        BigDecimal halfPi = Precise.constant(Math.PI / 2);
        assertTrue(halfPi.subtract(new BigDecimal("1.5707963267948966192313216916397514420985846996876")).abs().compareTo(new BigDecimal("1e-48")) < 0, "π/2: " + halfPi);
        assertNull(Precise.constant(0.12345678901234567), "a long decimal that is no small rational is inexact");
    }
}
