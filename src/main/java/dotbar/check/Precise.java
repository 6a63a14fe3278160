package dotbar.check;

import ch.obermuhlner.math.big.BigDecimalMath;
import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.EvaluationPlan;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a claim evaluated in {@value #DIGITS}-digit decimal arithmetic (big-math's
 * {@link BigDecimalMath} for the elementary functions), over the DAG in topological order — no
 * recursion, so a 20 000-deep side needs no deep stack. A value is {@code null} where the side is
 * undefined (log of a non-positive number, division by 0, …: where IEEE evaluation gives NaN or
 * ±∞). Applications of abstract functions and their partials are <em>unknowns</em>: their values
 * come from a function given per point ({@link Check} draws them at random).
 *
 * <p>A {@link Num} is a double; it is taken as the number a person means by it: its shortest
 * decimal ({@code 1e-9} is exactly 10⁻⁹), or, when that decimal has 16 or more digits, the small
 * rational, rational multiple of π or of e that rounds to exactly that double ({@code 1/3} and
 * {@code π/2} fold to doubles at construction). Any other long constant is {@linkplain #inexact()
 * inexact}: it carries a double's rounding, which the comparison must allow for.
 */
final class Precise {
    static final int DIGITS = 60;
    static final MathContext MC = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    /** Beyond this magnitude exp and friends are not attempted (the result would have ~10⁵ digits of exponent). */
    private static final BigDecimal HUGE = BigDecimal.valueOf(100_000);
    private static final BigDecimal PI = BigDecimalMath.pi(MC), E = BigDecimalMath.e(MC);

    /** Thrown when a value cannot be computed in high precision (too large); the caller falls back to doubles. */
    static final class Impossible extends RuntimeException {
        Impossible(String why) {
            super(why, null, false, false);
        }
    }

    private final Expr[] nodes;
    private final int[][] operands;
    private final int left, right;
    private boolean inexact;

    /** Both sides of a claim as one DAG: what they share is evaluated once per point. */
    Precise(Expr lhs, Expr rhs) {
        var plan = new EvaluationPlan(List.of(lhs, rhs));
        nodes = plan.nodes();
        operands = plan.operands();
        left = plan.root(0);
        right = plan.root(1);
        for (Expr n : nodes) if (n instanceof Num x && constant(x.value()) == null) inexact = true;
    }

    /** The left side's value among {@link #values}'s. */
    BigDecimal left(BigDecimal[] values) {
        return values[left];
    }

    BigDecimal right(BigDecimal[] values) {
        return values[right];
    }

    /** True when a constant is a rounded double that is not recognised as an exact number. */
    boolean inexact() {
        return inexact;
    }

    /** The nodes, in the order of {@link #values}'s result. */
    Expr[] nodes() {
        return nodes;
    }

    /**
     * Every node's value (the sides' through {@link #left} and {@link #right}); {@code null} where undefined. {@code unknown} gives the
     * value of an abstract application or partial from the node and its arguments' values.
     */
    BigDecimal[] values(Map<String, BigDecimal> symbols, UnknownValues unknown) {
        BigDecimal[] v = new BigDecimal[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            Interrupted.poll(i + 1);
            int[] o = operands[i];
            Expr n = nodes[i];
            BigDecimal[] args = new BigDecimal[o.length];
            boolean defined = true;
            for (int k = 0; k < o.length; k++) defined &= (args[k] = v[o[k]]) != null;
            v[i] = switch (n) {
                case Num x -> { BigDecimal c = constant(x.value()); yield c != null ? c : finite(x.value()); }
                case Sym s -> symbols.get(s.name());
                case Call c -> defined ? apply(c.op(), args[0], args.length > 1 ? args[1] : null) : null;
                case Apply a -> defined ? unknown.value(n, args) : null;
                case Partial p -> defined ? unknown.value(n, args) : null;
            };
        }
        return v;
    }

    /** The values of unknowns at one point. */
    interface UnknownValues {
        BigDecimal value(Expr node, BigDecimal[] args);
    }

    private static BigDecimal finite(double d) {
        return Double.isFinite(d) ? new BigDecimal(d) : null;
    }

    /** The exact number meant by {@code d}, or null when it is a long decimal not recognised. */
    static BigDecimal constant(double d) {
        if (!Double.isFinite(d)) return null;
        BigDecimal shortest = BigDecimal.valueOf(d);
        if (shortest.precision() <= 15 || d == 0) return shortest;
        for (var base : List.<Map.Entry<Double, BigDecimal>>of(Map.entry(1.0, BigDecimal.ONE), Map.entry(Math.PI, PI), Map.entry(Math.E, E))) {
            BigDecimal r = rational(d, base.getKey(), base.getValue());
            if (r != null) return r;
        }
        return null;
    }

    /** p/q·base with q ≤ 10⁶ whose double (computed as Java would fold it) is exactly d. */
    private static BigDecimal rational(double d, double base, BigDecimal exactBase) {
        double x = d / base;
        // continued-fraction convergents of x
        long p0 = 1, q0 = 0, p1 = (long) Math.floor(x), q1 = 1;
        double rest = x - Math.floor(x);
        for (int step = 0; step < 40 && q1 <= 1_000_000; step++) {
            double p = p1, q = q1;
            if (p / q * base == d || p * base / q == d || base / q * p == d || base * (p / q) == d) {
                return exactBase.multiply(BigDecimal.valueOf(p1)).divide(BigDecimal.valueOf(q1), MC);
            }
            if (rest == 0 || Math.abs(p1) > 1L << 52) break;
            double inv = 1 / rest;
            long a = (long) Math.floor(inv);
            rest = inv - a;
            long p2 = a * p1 + p0, q2 = a * q1 + q0;
            p0 = p1; q0 = q1; p1 = p2; q1 = q2;
        }
        return null;
    }

    /** An op at high precision; null where IEEE evaluation is NaN or ±∞. */
    static BigDecimal apply(Op op, BigDecimal a, BigDecimal b) {
        int s = a.signum();
        return switch (op) {
            case ADD -> a.add(b, MC);
            case SUB -> a.subtract(b, MC);
            case MUL -> a.multiply(b, MC);
            case DIV -> b.signum() == 0 ? null : a.divide(b, MC);
            case POW -> pow(a, b);
            case NEG -> a.negate();
            case SIN -> BigDecimalMath.sin(a, MC);
            case COS -> BigDecimalMath.cos(a, MC);
            case TAN -> BigDecimalMath.tan(a, MC);
            case ASIN -> a.abs().compareTo(BigDecimal.ONE) > 0 ? null : BigDecimalMath.asin(a, MC);
            case ACOS -> a.abs().compareTo(BigDecimal.ONE) > 0 ? null : BigDecimalMath.acos(a, MC);
            case ATAN -> BigDecimalMath.atan(a, MC);
            case SINH -> BigDecimalMath.sinh(small(a), MC);
            case COSH -> BigDecimalMath.cosh(small(a), MC);
            case TANH -> a.abs().compareTo(HUGE) > 0 ? BigDecimal.valueOf(s) : BigDecimalMath.tanh(a, MC);
            case ASINH -> BigDecimalMath.asinh(a, MC);
            case ACOSH -> a.compareTo(BigDecimal.ONE) < 0 ? null : BigDecimalMath.acosh(a, MC);
            case ATANH -> a.abs().compareTo(BigDecimal.ONE) >= 0 ? null : BigDecimalMath.atanh(a, MC);
            case EXP -> BigDecimalMath.exp(small(a), MC);
            case LOG -> s <= 0 ? null : BigDecimalMath.log(a, MC);
            case SQRT -> s < 0 ? null : BigDecimalMath.sqrt(a, MC);
            case ABS -> a.abs();
            case SIGMOID -> {
                if (s > 0 && a.compareTo(HUGE) > 0) yield BigDecimal.ONE;  // 1 − σ < e⁻¹⁰⁰⁰⁰⁰: far below the tolerance
                BigDecimal e = BigDecimalMath.exp(small(a.abs().negate()), MC);  // e^−|a|, never overflowing
                yield s >= 0 ? BigDecimal.ONE.divide(BigDecimal.ONE.add(e), MC) : e.divide(BigDecimal.ONE.add(e), MC);
            }
            case RELU -> s > 0 ? a : BigDecimal.ZERO;
            case SOFTPLUS -> {
                // max(a, 0) + log(1 + e^−|a|)
                BigDecimal tail = a.abs().compareTo(HUGE) > 0 ? BigDecimal.ZERO
                        : BigDecimalMath.log(BigDecimal.ONE.add(BigDecimalMath.exp(a.abs().negate(), MC)), MC);
                yield a.max(BigDecimal.ZERO).add(tail, MC);
            }
            case SIGN -> BigDecimal.valueOf(s);
            case STEP -> s > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            case ATAN2 -> a.signum() == 0 && b.signum() == 0 ? BigDecimal.ZERO : BigDecimalMath.atan2(a, b, MC);
            // the tensor ops at scalars (their nodes are never built there): a·b, a, 1
            case MATMUL, DOT -> a.multiply(b, MC);
            case TRANSPOSE, TOTAL, MEAN, ROWSUM, COLSUM, LOGSUMEXP -> a;
            case ONES, SOFTMAX -> BigDecimal.ONE;
        };
    }

    private static BigDecimal small(BigDecimal a) {
        if (a.abs().compareTo(HUGE) > 0) throw new Impossible("exp of " + a.round(new MathContext(6)) + " is beyond the high-precision range");
        return a;
    }

    private static BigDecimal pow(BigDecimal a, BigDecimal b) {
        int s = a.signum();
        boolean integer = b.signum() == 0 || b.stripTrailingZeros().scale() <= 0;
        if (integer && b.abs().compareTo(BigDecimal.valueOf(100_000)) <= 0) {
            int n = b.intValueExact();
            if (s == 0) return n > 0 ? BigDecimal.ZERO : n == 0 ? BigDecimal.ONE : null;
            return a.pow(n, MC);
        }
        if (s < 0) return null;  // a negative base to a non-integer power: NaN
        if (s == 0) return b.signum() > 0 ? BigDecimal.ZERO : null;
        BigDecimal exponent = b.multiply(BigDecimalMath.log(a, MC), MC);
        return BigDecimalMath.exp(small(exponent), MC);
    }

    /** Symbols given as doubles, as the exact decimals they print as. */
    static Map<String, BigDecimal> exact(Map<String, Double> point) {
        return point.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> BigDecimal.valueOf(e.getValue())));
    }

    /** The largest magnitude among defined values (the scale of what may have cancelled). */
    static BigDecimal largest(BigDecimal[] values) {
        BigDecimal m = BigDecimal.ONE;
        for (BigDecimal v : values) if (v != null && v.abs().compareTo(m) > 0) m = v.abs();
        return m;
    }

    /**
     * A bound on the degree of the difference of the sides as a rational function of the
     * unknowns: each side's numerator plus denominator degree, summed (the difference's numerator
     * once denominators are cleared); −1 when an unknown enters a function that is not a polynomial
     * (sin(f(x))), so that no Schwartz–Zippel bound applies.
     */
    long degree() {
        long dl = degree(left), dr = degree(right);
        return dl < 0 || dr < 0 ? -1 : Math.max(1, dl + dr);
    }

    private long degree(int root) {
        long[] d = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            int[] o = operands[i];
            long max = 0, sum = 0;
            boolean none = false;
            for (int k : o) {
                none |= d[k] < 0;
                max = Math.max(max, d[k]);
                sum = Math.min(1L << 40, sum + d[k]);
            }
            d[i] = none ? -1 : switch (nodes[i]) {
                case Num x -> 0;
                case Sym s -> 0;
                case Apply a -> a.fn().isAbstract() ? 1 : (sum == 0 ? 0 : -1);
                case Partial p -> 1;
                case Call c -> switch (c.op()) {
                    case ADD, SUB, NEG -> max;
                    case MUL, DIV -> sum;
                    case POW -> d[o[1]] == 0 && c.args().get(1) instanceof Num n && n.value() == Math.rint(n.value())
                            && Math.abs(n.value()) <= 1000 ? Math.min(1L << 40, d[o[0]] * (long) Math.abs(n.value())) : (sum == 0 ? 0 : -1);
                    default -> sum == 0 ? 0 : -1;
                };
            };
        }
        return d[root];
    }
}
