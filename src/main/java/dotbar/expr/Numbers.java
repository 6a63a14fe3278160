package dotbar.expr;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Arithmetic on constants at construction, one place for it: exact numbers with exact numbers
 * stay exact (Apache Commons Math's {@link BigFraction}), anything with a floating constant is
 * floating ({@code 1/2 + 0.5} is the floating 1.0, as in SymPy), and π folds with nothing.
 *
 * <p>What is not folded is left as an operation ({@code sin(1)}, {@code sqrt(2)}, {@code 2^(1/2)},
 * {@code 2^100000}), to be evaluated in doubles when a value is asked for. An exact division by
 * zero, and powers such as {@code 0^(-1)}, fold to the IEEE double ({@code 1/0} is ∞, {@code 0/0} is
 * NaN), so evaluation behaves as before.
 */
final class Numbers {
    /** An exact power is computed only when its result has at most this many bits (2^100 has 101). */
    static final long LARGEST_EXACT_BITS = 1 << 14;

    /** Exact sums, differences, products and quotients that grow beyond this many bits (about 150 digits) are not folded. */
    static final int LARGEST_ARITHMETIC_BITS = 512;

    /** An exact rational root x^(p/q) is looked for only for q up to this. */
    private static final int LARGEST_ROOT = 64;

    /** Decimal exponents beyond this magnitude ({@code 1e999999}) are read as doubles, not as exact numbers. */
    static final int LARGEST_DECIMAL_EXPONENT = 1000;

    private static final MathContext DIGITS = new MathContext(60);

    private Numbers() {}

    static int sign(BigFraction f) {
        return f.getNumerator().signum();
    }

    /** The double nearest to {@code f} (±∞ beyond the double range). */
    static double toDouble(BigFraction f) {
        BigInteger p = f.getNumerator(), q = f.getDenominator();
        if (q.equals(BigInteger.ONE)) return p.doubleValue();
        if (p.bitLength() <= 53 && q.bitLength() <= 53) return p.doubleValue() / q.doubleValue();   // both exact: one correctly rounded division
        BigDecimal n = new BigDecimal(p), d = new BigDecimal(q);
        try {
            return n.divide(d).doubleValue();   // a terminating decimal: exact, so correctly rounded
        } catch (ArithmeticException nonTerminating) {
            return n.divide(d, DIGITS).doubleValue();
        }
    }

    /** The exact value of a decimal in {@link NumberSyntax} ({@code 0.1} is 1/10), or null for a very large exponent. */
    static BigFraction decimal(String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException exponentBeyondInt) {   // 1e39999999999
            return null;
        }
        if (Math.abs((long) d.scale()) > LARGEST_DECIMAL_EXPONENT + 20L + text.length()) return null;
        BigInteger unscaled = d.unscaledValue();
        return d.scale() <= 0
                ? new BigFraction(unscaled.multiply(BigInteger.TEN.pow(-d.scale())))
                : new BigFraction(unscaled, BigInteger.TEN.pow(d.scale()));
    }

    /** The constant {@code op(a, b)} (b null for a unary op), or null when it stays an operation. */
    static Num fold(Op op, Num a, Num b) {
        if (a.isPi() || b != null && b.isPi()) return null;
        boolean exact = a.isExact() && (b == null || b.isExact());
        if (exact && b != null) {   // the common cases without arithmetic
            if (op == Op.MUL && a.is(1) || op == Op.ADD && a.is(0)) return b;
            if ((op == Op.MUL || op == Op.DIV) && b.is(1) || (op == Op.ADD || op == Op.SUB) && b.is(0)) return a;
            Num small = smallIntegers(op, a, b);
            if (small != null) return small;
        }
        if (!exact) {
            // floating arithmetic as before; an exact operand beside a float is its double
            double r = op.apply(a.value(), b == null ? 0 : b.value());
            // ∞ and NaN are the floating numbers exact formulas make (1/0): what finite number they give is exact, 1/(1/0) is 0
            boolean ieeeOnly = (a.isExact() || !Double.isFinite(a.value())) && (b == null || b.isExact() || !Double.isFinite(b.value()));
            boolean minusZero = r == 0 && 1 / r < 0;   // −0.0 has no exact counterpart: it stays floating (printed -1/(1/0))
            return ieeeOnly && Double.isFinite(r) && !minusZero ? Exprs.num(new BigFraction(r)) : Exprs.num(r);
        }
        BigFraction x = a.exact(), y = b == null ? null : b.exact();
        return switch (op) {
            case ADD -> bounded(x.add(y), op, a, b);
            case SUB -> bounded(x.subtract(y), op, a, b);
            case MUL -> bounded(x.multiply(y), op, a, b);
            case DIV -> sign(y) == 0 ? Exprs.num(a.value() / 0.0) : bounded(x.divide(y), op, a, b);
            case NEG -> negated(x);
            case POW -> power(x, y);
            case ABS -> Exprs.num(x.abs());
            case SIGN -> Exprs.num(sign(x));
            case STEP -> Exprs.num(sign(x) > 0 ? 1 : 0);
            case RELU -> Exprs.num(sign(x) > 0 ? x : BigFraction.ZERO);
            case SQRT -> sign(x) >= 0 ? root(x, 2) : null;
            default -> integerValue(op, a, b);
        };
    }

    /**
     * a + b, a − b or a·b of two exact integers that fit a long, in long arithmetic, or null (other
     * ops, other numbers, overflow). Construction folds such coefficients all the time (Rosenbrock's
     * 100·2, 2·200); through BigFraction each one reduces by a gcd (a fifth of grad(e)'s time at
     * n = 1000, by JFR). Exact: the result is the same integer, interned as the same node.
     */
    private static Num smallIntegers(Op op, Num a, Num b) {
        if (op != Op.ADD && op != Op.SUB && op != Op.MUL || !a.isInteger() || !b.isInteger()) return null;
        BigInteger p = a.exact().getNumerator(), q = b.exact().getNumerator();
        if (p.bitLength() >= 63 || q.bitLength() >= 63) return null;
        long x = p.longValue(), y = q.longValue();
        try {
            return Exprs.num(op == Op.ADD ? Math.addExact(x, y) : op == Op.SUB ? Math.subtractExact(x, y) : Math.multiplyExact(x, y));
        } catch (ArithmeticException overflow) {
            return null;  // BigFraction's arithmetic then
        }
    }

    /**
     * −x; an integer that fits a long negates as a long, since BigFraction's negate reduces its
     * result by a gcd (construction negates a coefficient at each subtraction it reads or writes).
     */
    private static Num negated(BigFraction x) {
        if (x.getDenominator().equals(BigInteger.ONE) && x.getNumerator().bitLength() < 63) return Exprs.num(-x.getNumerator().longValue());
        return Exprs.num(x.negate());
    }

    /**
     * A function at a small exact integer whose value is an exact small integer: exp(0) = 1,
     * cos(0) = 1, log(1) = 0, sin(0) = 0, acosh(1) = 0, …; else null (sin(1) stays sin(1)).
     */
    private static Num integerValue(Op op, Num a, Num b) {
        if (!(a.is(0) || a.is(1) || a.is(-1)) || b != null && !(b.is(0) || b.is(1) || b.is(-1))) return null;
        double r = op.apply(a.value(), b == null ? 0 : b.value());
        return r == Math.rint(r) && Math.abs(r) <= 1 ? Exprs.num((long) r) : null;
    }

    /**
     * The exact result, or null (the operation is not folded, and evaluates in doubles) when its
     * numerator or denominator has more than {@value #LARGEST_ARITHMETIC_BITS} bits and more than
     * either operand's: an exact coefficient that keeps growing (x/2ⁿ over a 20 000-step chain)
     * would make every later step slower. The text of an unfolded operation parses back to it.
     */
    private static Num bounded(BigFraction r, Op op, Num a, Num b) {
        long bits = Math.max(r.getNumerator().bitLength(), r.getDenominator().bitLength());
        if (bits > LARGEST_ARITHMETIC_BITS && bits > Math.max(size(a), size(b))) return null;   // stays an operation
        return Exprs.num(r);
    }

    private static long size(Num n) {
        return Math.max(n.exact().getNumerator().bitLength(), n.exact().getDenominator().bitLength());
    }

    /** x^y exactly, or null when it is not rational or would be too large. */
    private static Num power(BigFraction x, BigFraction y) {
        if (sign(x) == 0 && sign(y) < 0) return Exprs.num(Math.pow(0, y.doubleValue()));   // 1/0 is ∞ at evaluation too
        if (sign(y) == 0) return Exprs.ONE;
        BigInteger q = y.getDenominator();
        if (!q.equals(BigInteger.ONE)) {
            if (sign(x) < 0 || q.bitLength() > 7 || q.intValue() > LARGEST_ROOT) return null;
            Num r = root(x, q.intValue());
            return r == null ? null : power(r.exact(), new BigFraction(y.getNumerator()));
        }
        BigInteger p = y.getNumerator().abs();
        if (sign(y) > 0) {
            Num small = smallPower(x, p);
            if (small != null) return small;
        }
        long bits = Math.max(x.getNumerator().bitLength(), x.getDenominator().bitLength());
        if (p.bitLength() > 31 || bits > 1 && bits * p.longValue() > LARGEST_EXACT_BITS) return null;
        BigFraction r = x.pow(p.intValue());
        return Exprs.num(sign(y) < 0 ? r.reciprocal() : r);
    }

    /**
     * xᵖ for an integer x and p ≥ 1 whose power fits a long, by repeated exact multiplication, or
     * null: BigFraction's pow reduces its result by a gcd, which an integer power never needs
     * (construction squares coefficients all the time: (2·u)² is 4·u²).
     */
    private static Num smallPower(BigFraction x, BigInteger p) {
        if (!x.getDenominator().equals(BigInteger.ONE) || x.getNumerator().bitLength() >= 63 || p.bitLength() > 6) return null;
        long base = x.getNumerator().longValue(), r = 1;
        try {
            for (int k = p.intValue(); k > 0; k--) r = Math.multiplyExact(r, base);
        } catch (ArithmeticException overflow) {
            return null;   // BigFraction's pow then
        }
        return Exprs.num(r);
    }

    /** The exact n-th root of x ≥ 0, or null when it is not rational. */
    private static Num root(BigFraction x, int n) {
        BigInteger p = integerRoot(x.getNumerator(), n), q = integerRoot(x.getDenominator(), n);
        return p == null || q == null ? null : Exprs.num(new BigFraction(p, q));
    }

    private static BigInteger integerRoot(BigInteger v, int n) {
        if (v.signum() == 0) return v;
        if (n == 2) {
            BigInteger s = v.sqrt();
            return s.multiply(s).equals(v) ? s : null;
        }
        if (v.bitLength() > 4096) return null;
        // Newton's iteration from above converges to ⌊v^(1/n)⌋
        BigInteger bn = BigInteger.valueOf(n), n1 = BigInteger.valueOf(n - 1);
        BigInteger r = BigInteger.ONE.shiftLeft(v.bitLength() / n + 1);
        while (true) {
            BigInteger next = n1.multiply(r).add(v.divide(r.pow(n - 1))).divide(bn);
            if (next.compareTo(r) >= 0) break;
            r = next;
        }
        return r.pow(n).equals(v) ? r : null;
    }
}
