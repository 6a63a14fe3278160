package dotbar.expr;

import static dotbar.DotBar.at;
import static dotbar.DotBar.latex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Exact numbers ({@link Num#isExact()}): built with {@link Exprs#rational}, {@link Exprs#integer},
 * {@link Exprs#num(BigFraction)} and {@link Exprs#decimal}, folded exactly with each other
 * ({@link Numbers}), in doubles with a floating number, printed as integers and fractions.
 */
class ExactNumbersTest {

    private static Num q(long p, long d) {
        return Exprs.rational(BigInteger.valueOf(p), BigInteger.valueOf(d));
    }

    private static BigFraction exact(Expr e) {
        assertTrue(e instanceof Num n && n.isExact(), () -> e + " is an exact number");
        return ((Num) e).exact();
    }

    /** Arithmetic on built exact numbers agrees with BigFraction arithmetic done here, operation by operation. */
    @Property(tries = 1000)
    void exactArithmeticIsRationalArithmetic(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long p1,
                                             @ForAll @LongRange(min = 1, max = 1_000_000_000L) long q1,
                                             @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long p2,
                                             @ForAll @LongRange(min = 1, max = 1_000_000_000L) long q2,
                                             @ForAll @IntRange(min = -6, max = 6) int k) {
        BigFraction a = new BigFraction(BigInteger.valueOf(p1), BigInteger.valueOf(q1));
        BigFraction b = new BigFraction(BigInteger.valueOf(p2), BigInteger.valueOf(q2));
        Num x = q(p1, q1), y = q(p2, q2);
        assertEquals(a.add(b), exact(Exprs.add(x, y)));
        assertEquals(a.subtract(b), exact(Exprs.sub(x, y)));
        assertEquals(a.multiply(b), exact(Exprs.mul(x, y)));
        assertEquals(a.negate(), exact(Exprs.neg(x)));
        if (p2 != 0) assertEquals(a.divide(b), exact(Exprs.div(x, y)));
        if (p1 != 0 || k >= 0) assertEquals(k >= 0 ? a.pow(k) : a.pow(-k).reciprocal(), exact(Exprs.pow(x, Exprs.integer(k))));
        // the typed formula is the same number
        assertSame(Exprs.add(x, y), dotbar.DotBar.parse("(" + p1 + ")/" + q1 + " + (" + p2 + ")/" + q2));
        // the double of an exact number is the one nearest to it (100 digits here, then rounded once)
        assertEquals(new BigDecimal(a.getNumerator()).divide(new BigDecimal(a.getDenominator()), new MathContext(100)).doubleValue(),
                x.value());
    }

    @Test
    void exactAndFloatingAreDifferentNodes() {
        Num half = q(1, 2);
        assertSame(half, q(2, 4));
        assertNotSame(half, Exprs.num(0.5));
        assertEquals(0.5, half.value());
        // exact with floating is floating, as in SymPy: 1/2 + 0.5 is the floating 1.0
        Expr sum = Exprs.add(half, Exprs.num(0.5));
        assertSame(Exprs.num(1.0), sum);
        assertTrue(!((Num) sum).isExact());
    }

    @Test
    void bigNumbersStayExact() {
        assertEquals(new BigFraction(BigInteger.TWO.pow(100)), exact(Exprs.pow(Exprs.integer(2), Exprs.integer(100))));
        assertEquals("1267650600228229401496703205376", Exprs.pow(Exprs.integer(2), Exprs.integer(100)).toString());
        assertEquals(new BigFraction(1, 10), exact(Exprs.decimal("0.1")));
        assertEquals(0.1, Exprs.decimal("0.1").value());
        assertEquals(new BigFraction(3, 2000), exact(Exprs.decimal("1.5e-3")));
        assertEquals(Double.POSITIVE_INFINITY, Exprs.decimal("1e999999").value());   // beyond the exact range: the double
        assertThrows(DotbarException.class, () -> Exprs.decimal("0x1p3"));
        assertThrows(DotbarException.class, () -> Exprs.rational(BigInteger.ONE, BigInteger.ZERO));
    }

    @Test
    void whatIsNotRationalStaysAnOperation() {
        Expr sine = Exprs.call(Op.SIN, Exprs.integer(1));
        assertTrue(sine instanceof Call, sine::toString);
        assertEquals(Math.sin(1), sine.eval(at("x=0")));
        Expr root = Exprs.call(Op.SQRT, Exprs.integer(2));
        assertTrue(root instanceof Call, root::toString);
        assertSame(Exprs.integer(2), Exprs.call(Op.SQRT, Exprs.integer(4)));
        assertSame(Exprs.integer(1), Exprs.call(Op.EXP, Exprs.integer(0)));
        assertSame(Exprs.integer(2), Exprs.pow(Exprs.integer(4), q(1, 2)));
        // an exact division by zero is IEEE's, as at evaluation
        assertEquals(Double.POSITIVE_INFINITY, ((Num) Exprs.div(Exprs.integer(1), Exprs.integer(0))).value());
        assertTrue(Double.isNaN(((Num) Exprs.div(Exprs.integer(0), Exprs.integer(0))).value()));
    }

    @Test
    void printedAsIntegersAndFractions() {
        Expr x = Exprs.sym("x");
        assertEquals("1/3", q(1, 3).toString());
        assertEquals("-1/3", q(-1, 3).toString());
        assertEquals("x/3", Exprs.mul(x, q(1, 3)).toString());   // the canonical product: coefficient 1/3 written as a quotient
        assertEquals("(1/3)^x", Exprs.pow(q(1, 3), x).toString());
        assertEquals("x^(2/3)", Exprs.pow(x, q(2, 3)).toString());
        assertEquals("x³", Exprs.pow(x, Exprs.integer(3)).toString());
        assertEquals("\\frac{1}{3}", latex(q(1, 3)));
        assertEquals("-\\frac{1}{3}", latex(q(-1, 3)));
        assertEquals("\\left(\\frac{1}{3}\\right)^{x}", latex(Exprs.pow(q(1, 3), x)));
    }

    /**
     * Integer + − · fold in long arithmetic where they fit and through BigFraction where they
     * overflow: either way the node is the one the exact sum, difference or product interns
     * (Long.MIN_VALUE and values near ±2⁶³ included, where addExact and multiplyExact throw).
     */
    @Property(tries = 2000, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void integerArithmeticIsExactAtEverySize(@ForAll long a, @ForAll long b, @ForAll @IntRange(min = 0, max = 2) int which) {
        Op op = which == 0 ? Op.ADD : which == 1 ? Op.SUB : Op.MUL;
        BigFraction x = new BigFraction(BigInteger.valueOf(a)), y = new BigFraction(BigInteger.valueOf(b));
        BigFraction expected = op == Op.ADD ? x.add(y) : op == Op.SUB ? x.subtract(y) : x.multiply(y);
        Num folded = Numbers.fold(op, Exprs.num(a), Exprs.num(b));
        assertEquals(expected, folded.exact(), a + " " + op + " " + b);
        assertSame(Exprs.num(expected), folded);
    }

    /**
     * Num's equality (numerator and denominator compared, no gcd) is the value's: the same
     * rational built reduced, unreduced, from a double or from a BigInteger is one node, and two
     * numbers are equal exactly when BigFraction says their values are, whatever the kind.
     */
    @Property(tries = 1000, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void numbersAreEqualExactlyWhenTheirValuesAre(@ForAll @LongRange(min = -5000, max = 5000) long p, @ForAll @LongRange(min = 1, max = 5000) long q,
                                                @ForAll @LongRange(min = 1, max = 1000) long k, @ForAll @LongRange(min = -5000, max = 5000) long r) {
        Num reduced = Exprs.rational(BigInteger.valueOf(p), BigInteger.valueOf(q));
        Num scaled = Exprs.rational(BigInteger.valueOf(p * k), BigInteger.valueOf(q * k));
        Num negated = Exprs.rational(BigInteger.valueOf(-p * k), BigInteger.valueOf(-q * k));
        assertSame(reduced, scaled);
        assertSame(reduced, negated);
        assertEquals(reduced.hashCode(), new Num(reduced.value(), new BigFraction(p * k, q * k)).hashCode());
        Num other = Exprs.num(BigInteger.valueOf(r));
        assertEquals(new BigFraction(p, q).equals(new BigFraction(r)), reduced.equals(other), p + "/" + q + " and " + r);
        assertSame(Exprs.num(r), other);
        if (q == 1) assertSame(Exprs.num(p), reduced);
        // a double is exactly a dyadic rational: the exact node of it is that rational's node
        double d = p / 1024.0;
        assertSame(Exprs.rational(BigInteger.valueOf(p), BigInteger.valueOf(1024)), Exprs.num(new BigFraction(d)));
        // and never the floating node of the same value
        assertTrue(!Exprs.num(d).equals(Exprs.num(new BigFraction(d))));
    }

    /**
     * Negation and integer powers of exact numbers, which fold in long arithmetic when they fit
     * one, are BigFraction's negate and pow: the same value and the same interned node, at every
     * size (past a long they take BigFraction's path, or stay an operation when too large).
     */
    @Property(tries = 2000, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void negationAndPowersAreExactAtEverySize(@ForAll long a, @ForAll @LongRange(min = -3_000_000_000L, max = 3_000_000_000L) long small,
                                              @ForAll @IntRange(min = 0, max = 70) int p, @ForAll @LongRange(min = 1, max = 1000) long q) {
        Num negated = Numbers.fold(Op.NEG, Exprs.num(a), null);
        assertEquals(BigFraction.ONE.multiply(BigInteger.valueOf(a)).negate(), negated.exact(), "-" + a);
        assertSame(Exprs.num(BigInteger.valueOf(a).negate()), negated);
        for (BigFraction base : new BigFraction[] {new BigFraction(BigInteger.valueOf(small)), new BigFraction(small, q)}) {
            Num powered = Numbers.fold(Op.POW, Exprs.num(base), Exprs.num(p));
            BigFraction expected = base.pow(p);
            boolean fitsLong = expected.getDenominator().equals(BigInteger.ONE) && expected.getNumerator().bitLength() < 63;
            if (fitsLong || powered != null) {
                assertEquals(expected, powered.exact(), base + "^" + p);
                assertSame(Exprs.num(expected), powered);
            }
        }
    }

    /**
     * {@code Num.is(c)} (the early reject on the nearest double, then the exact comparison) says
     * whether the exact number equals the double c, as BigFraction does: for the number's own
     * double, its integer neighbours, ±0, ±1 and any double.
     */
    @Property(tries = 2000, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void isComparesExactly(@ForAll @LongRange(min = -5000, max = 5000) long p, @ForAll @LongRange(min = 1, max = 4) long q,
                           @ForAll @LongRange(min = -3, max = 3) long shift, @ForAll double any) {
        Num n = Exprs.rational(BigInteger.valueOf(p), BigInteger.valueOf(q));
        for (double c : new double[] {n.value(), Math.rint(n.value()) + shift, 0.0, -0.0, 1, -1, any}) {
            boolean expected = Double.isFinite(c) && n.exact().equals(new BigFraction(c));
            assertEquals(expected, n.is(c), n + " is " + c);
        }
        Num tiny = Exprs.rational(BigInteger.ONE, BigInteger.TEN.pow(400));   // nearest double 0, yet not 0
        assertTrue(!tiny.is(0) && !tiny.is(-0.0) && tiny.value() == 0);
    }
}
