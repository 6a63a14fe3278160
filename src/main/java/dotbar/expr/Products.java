package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products in canonical form, as SymPy's {@code Mul} and {@code Pow} build them:
 * c · b₁^e₁ · b₂^e₂ ⋯ / (d₁^f₁ ⋯), one entry per base, the coefficient first, bases in the order
 * they first appear at construction and in {@link CanonicalOrder} for {@code simplify}:
 * {@code 2·x·y}, {@code x/3}, {@code -x²·y}, {@code exp(-x)/(1 + exp(-x))²}.
 * Construction ({@link Exprs}) and {@code simplify} both build products here.
 *
 * <p>Identities used, each exact wherever the left side is defined:
 * <ul>
 * <li>flattening: (a·b)·c → a·b·c; a/b → a·b⁻¹; −a → (−1)·a;</li>
 * <li>powers of a power, integer exponents only: (aᵖ)ⁿ → aᵖⁿ, √a → a^½ (for a non-integer n,
 *     (a²)^½ = |a|: not used); a power of a product is kept whole, (a·b)ⁿ (see {@code unit});</li>
 * <li>like factors: aᵖ·aᵠ → aᵖ⁺ᵠ for numbers p and q, so x·x → x², x/x → x⁰ → 1 (1 where x/x is
 *     defined, x ≠ 0); a power with a symbolic exponent is one factor (x·x^(x−1) stays);</li>
 * <li>numbers multiplied out ({@link Numbers}): 2·x·3 → 6·x, 0.5·(2·x) → x, (1/2)·(2·x) → x;</li>
 * <li>a number times one sum is distributed, as in SymPy: 2·(x + 1) → 2·x + 2, (x + 1)/2 → x/2 + 1/2
 *     (unless a term's number would leave the double range: see {@code inRange}).</li>
 * </ul>
 */
public final class Products {
    private Products() {}

    /** A product taken apart: its numeric coefficient and its bases with their exponents. */
    static final class Factors {
        Num coefficient = Exprs.ONE;
        final Map<Expr, Expr> exponents = new LinkedHashMap<>();
        /** Symbolic exponents are added too (simplify: x^y·x^z → x^(y + z)); construction adds numbers only. */
        final boolean symbolic;

        Factors(boolean symbolic) {
            this.symbolic = symbolic;
        }

        void multiply(Expr base, Expr exponent) {
            exponents.merge(base, exponent, Exprs::add);
        }

        /**
         * The bases with non-zero exponents: with {@code sort} in canonical order (by base,
         * higher numeric powers first), as {@code simplify} wants them; else in the order they
         * were first multiplied in, as construction keeps them (the chain rule's order, as in the
         * seed's eq. (31): {@code ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2}).
         */
        List<Map.Entry<Expr, Expr>> sorted(boolean sort) {
            var list = new ArrayList<Map.Entry<Expr, Expr>>();
            for (var f : exponents.entrySet()) if (!(f.getValue() instanceof Num n && n.is(0))) list.add(f);
            if (sort) list.sort(Products::compareFactors);
            return list;
        }
    }

    /**
     * The factors in canonical order whatever they are: a key under which like terms meet. One
     * factor is its own key (the caller does not change the list afterwards); most terms that
     * construction reads have one.
     */
    static List<Map.Entry<Expr, Expr>> key(List<Map.Entry<Expr, Expr>> factors) {
        if (factors.size() < 2) return factors;
        var k = new ArrayList<>(factors);
        k.sort(Products::compareFactors);
        return k;
    }

    /** Factors by base, then the higher numeric power first. */
    static int compareFactors(Map.Entry<Expr, Expr> a, Map.Entry<Expr, Expr> b) {
        int c = CanonicalOrder.compare(a.getKey(), b.getKey());
        if (c != 0) return c;
        return a.getValue() instanceof Num x && b.getValue() instanceof Num y
                ? Double.compare(y.value(), x.value()) : CanonicalOrder.compare(a.getValue(), b.getValue());
    }

    /**
     * The canonical form of the product, quotient or power {@code op(args)}, flattening operands
     * of at most {@code limit} factors (a larger one is one factor: construction stays linear and
     * a big shared product stays shared); null when it is to be built as it is (a factor or the
     * coefficient is not finite, or a divisor is 0: {@code x/0} keeps its IEEE meaning).
     */
    public static Expr canonical(Op op, List<Expr> args, int limit, boolean sort) {
        Factors f = new Factors(sort);
        if (!collect(f, op, args, limit)) return null;
        return build(f.coefficient, f.sorted(sort), limit);
    }

    /** The factors of {@code e} (one factor when it is no product), or null as {@link #canonical} says. */
    static Factors of(Expr e, int limit, boolean sort) {
        Factors f = new Factors(sort);
        if (e instanceof Call c && isProduct(c.op())) return collect(f, c.op(), c.args(), limit) ? f : null;
        if (!walk(f, e, Exprs.ONE, limit)) return null;
        return f;
    }

    private static boolean isProduct(Op op) {
        return op == Op.MUL || op == Op.DIV || op == Op.POW || op == Op.SQRT || op == Op.NEG;
    }

    private static boolean collect(Factors f, Op op, List<Expr> args, int limit) {
        return switch (op) {
            case MUL -> walk(f, args.get(0), Exprs.ONE, limit) && walk(f, args.get(1), Exprs.ONE, limit);
            case DIV -> walk(f, args.get(0), Exprs.ONE, limit) && walk(f, args.get(1), Exprs.MINUS_ONE, limit);
            case NEG -> { f.coefficient = Exprs.MINUS_ONE; yield walk(f, args.get(0), Exprs.ONE, limit); }
            case POW -> args.get(1) instanceof Num p && !p.isPi()
                    ? walk(f, args.get(0), p, limit)
                    : walkPower(f, args.get(0), args.get(1), limit);
            case SQRT -> walk(f, args.get(0), Exprs.HALF, limit);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /**
     * base^e for a symbolic exponent e: one opaque factor (the power itself, to the first power).
     * Exponents are added only when both are numbers: x·x^(x−1) stays as it is rather than
     * becoming x^x, which would be defined at x = 0 where the product is 0·∞ (the op table's
     * partial of a power is that product, and the compiled tape must keep its IEEE value).
     * {@code simplify} adds them ({@link Factors#symbolic}).
     */
    private static boolean walkPower(Factors f, Expr base, Expr exponent, int limit) {
        if (f.symbolic) f.multiply(base, exponent);
        else f.multiply(Exprs.node(Op.POW, base, exponent), Exprs.ONE);
        return true;
    }

    /** Multiplies {@code e^k} into {@code f}, walked iteratively; false when {@code e} is too big or a divisor is 0. */
    private static boolean walk(Factors f, Expr e, Num k0, int limit) {
        var nodes = new ArrayDeque<Expr>();
        var powers = new ArrayDeque<Num>();
        nodes.push(e);
        powers.push(k0);
        long steps = 0;
        while (!nodes.isEmpty()) {
            Interrupted.poll(++steps);
            if (steps > 4L * limit) return false;
            Expr n = nodes.pop();
            Num k = powers.pop();
            boolean integer = isInteger(k);
            if (n instanceof Num x && !x.isPi() && integer) {
                if (x.is(0) && k.value() < 0) return false;
                Num p = Numbers.fold(Op.POW, x, k);
                if (p == null) {
                    f.multiply(x, k);
                } else {
                    Num c = Numbers.fold(Op.MUL, f.coefficient, p);
                    if (c == null) return false;
                    f.coefficient = c;
                    if (!Double.isFinite(f.coefficient.value()) && !f.coefficient.isExact()) return false;
                }
            } else if (unit(k) && n instanceof Call c && c.op() == Op.MUL) {
                push(nodes, powers, c.args().get(1), k);
                push(nodes, powers, c.args().get(0), k);
            } else if (unit(k) && n instanceof Call c && c.op() == Op.DIV) {
                push(nodes, powers, c.args().get(1), Numbers.fold(Op.NEG, k, null));
                push(nodes, powers, c.args().get(0), k);
            } else if (integer && n instanceof Call c && c.op() == Op.NEG) {
                // (−a)ᵏ = (−1)ᵏ·aᵏ for integer k
                if (isOdd(k)) f.coefficient = Numbers.fold(Op.NEG, f.coefficient, null);
                push(nodes, powers, c.arg(), k);
            } else if (integer && n instanceof Call c && c.op() == Op.SQRT) {
                push(nodes, powers, c.arg(), Numbers.fold(Op.MUL, k, Exprs.HALF));  // (√a)ᵏ = a^(k/2)
            } else if (integer && n instanceof Call c && c.op() == Op.POW && c.args().get(1) instanceof Num p && !p.isPi()) {
                Num pk = Numbers.fold(Op.MUL, k, p);
                if (pk == null) return false;
                push(nodes, powers, c.args().get(0), pk);  // (aᵖ)ᵏ = aᵖᵏ
            } else if (f.symbolic && integer && n instanceof Call c && c.op() == Op.POW) {
                Expr exponent = c.args().get(1);   // (aᵉ)ᵏ = a^(k·e), in simplify only (see walkPower)
                f.multiply(c.args().get(0), k.is(1) ? exponent : Exprs.mul(k, exponent));
            } else {   // at construction a symbolic power aᵉ is one factor: (aᵉ)ᵏ, not a^(k·e) (see walkPower)
                f.multiply(n, k);
            }
        }
        return true;
    }

    /**
     * ±1: a product or quotient is flattened into its factors, but a power of one is kept whole,
     * (x·z)² and not x²·z², so that IEEE overflow stays what the formula says (x·z = −6·10¹³⁶ squares
     * to ∞, where x² = ∞ times z² = 0 would be NaN).
     */
    private static boolean unit(Num k) {
        return k.is(1) || k.is(-1);
    }

    private static boolean isOdd(Num k) {
        return k.isExact() ? k.exact().getNumerator().testBit(0) : Math.abs(k.value()) % 2 == 1;
    }

    static boolean isInteger(Num k) {
        return k.isExact() ? k.isInteger() : !k.isPi() && k.value() == Math.rint(k.value()) && !Double.isInfinite(k.value());
    }

    private static boolean isSum(Expr e) {
        return e instanceof Call c && (c.op() == Op.ADD || c.op() == Op.SUB || c.op() == Op.NEG);
    }

    private static void push(ArrayDeque<Expr> nodes, ArrayDeque<Num> powers, Expr e, Num k) {
        nodes.push(e);
        powers.push(k);
    }

    /**
     * The canonical product c·∏ bᵢ^eᵢ: numerator factors, then a denominator for negative numeric
     * exponents; a negative coefficient is the sign of its number (−2·x) or a minus on the first
     * factor (−x·y, −x/3). A number times one sum (of at most {@code limit} terms) is distributed.
     */
    static Expr build(Num coefficient, List<Map.Entry<Expr, Expr>> factors, int limit) {
        if (coefficient.is(0)) return coefficient.isExact() ? Exprs.ZERO : coefficient;
        // numeric bases whose power is a number after all (2·2^(1/2)·2^(1/2) has 4 for coefficient)
        List<Map.Entry<Expr, Expr>> rest = factors;
        for (var fct : factors) {
            if (fct.getKey() instanceof Num b && fct.getValue() instanceof Num p && Numbers.fold(Op.POW, b, p) instanceof Num v
                    && Numbers.fold(Op.MUL, coefficient, v) != null) {
                if (rest == factors) rest = new ArrayList<>(factors);
                rest.remove(fct);
                coefficient = Numbers.fold(Op.MUL, coefficient, v);
            }
        }
        factors = rest;
        if (factors.size() == 1 && factors.get(0).getValue() instanceof Num one && one.is(1) && isSum(factors.get(0).getKey())
                && !coefficient.is(1)) {
            Expr distributed = Sums.scaled(factors.get(0).getKey(), coefficient, limit);
            if (distributed != null && inRange(distributed)) return distributed;
        }
        if (factors.isEmpty()) return coefficient;
        var numerator = new ArrayList<Expr>();
        var denominator = new ArrayList<Expr>();
        boolean negative = coefficient.isNegative();
        Num magnitude = negative ? Numbers.fold(Op.NEG, coefficient, null) : coefficient;
        if (magnitude.isExact()) {
            Num p = Exprs.num(magnitude.exact().getNumerator()), q = Exprs.num(magnitude.exact().getDenominator());
            if (!p.is(1)) numerator.add(p);
            if (!q.is(1)) denominator.add(q);
        } else if (!magnitude.is(1)) {
            numerator.add(magnitude);
        }
        for (var f : factors) {
            Expr exponent = f.getValue();
            if (exponent instanceof Num p && p.isNegative()) denominator.add(power(f.getKey(), Numbers.fold(Op.NEG, p, null)));
            else numerator.add(power(f.getKey(), exponent));
        }
        if (numerator.isEmpty()) numerator.add(Exprs.ONE);
        Expr first = numerator.get(0);
        boolean wholeNegated = false;
        if (negative) {
            if (first instanceof Num n && !n.isPi()) numerator.set(0, Numbers.fold(Op.NEG, n, null));
            else if (!isSum(first)) numerator.set(0, Exprs.node(Op.NEG, first));
            else wholeNegated = true;   // −((x + 1)·y): a minus on a sum would distribute
        }
        Expr top = nested(numerator, !denominator.isEmpty(), limit);
        Expr r = denominator.isEmpty() ? top : Exprs.node(Op.DIV, top, nested(denominator, false, limit));
        return wholeNegated ? Exprs.node(Op.NEG, r) : r;
    }

    /**
     * The numerator's or denominator's factors as one product. A number with one sum is the sum
     * with the number distributed, as construction writes {@code 2·(x + y)}: so (x + y)·0.5/x is
     * (0.5·x + 0.5·y)/x and x/(10·(x + y)) is x/(10·x + 10·y), as in SymPy, and the printed
     * text parses back to the same node.
     */
    private static Expr nested(List<Expr> factors, boolean divided, int limit) {
        if (factors.size() == 2 && factors.get(0) instanceof Num n && !n.isPi() && isSum(factors.get(1))) {
            Expr distributed = Sums.scaled(factors.get(1), n, limit);
            if (distributed != null && inRange(distributed)) return distributed;
        }
        arrangeAfterNumber(factors, divided);
        return leftNested(factors);
    }

    /**
     * A number is distributed over a sum only when the terms' numbers stay inside the double range:
     * 10³²⁰·(x + y) stays a product, since 10³²⁰·x and 10³²⁰·y would overflow on evaluation
     * (∞·0 = NaN at x = 0) where the product is ∞·y; 2·10⁻³¹⁸·(10³¹⁸·x − c) is distributed, into
     * numbers that fit. The terms' own numbers are looked at (a sum here has at most the
     * flattening bound of terms, each read a few levels deep), not their whole subexpressions.
     */
    private static boolean inRange(Expr sum) {
        var pending = new ArrayDeque<Expr>();
        pending.push(sum);
        for (int seen = 0; !pending.isEmpty() && seen < 200; seen++) {
            Expr e = pending.pop();
            if (e instanceof Num n) {
                double m = Math.abs(n.value());
                if (!n.isPi() && m != 0 && !(m >= Double.MIN_NORMAL && m <= Double.MAX_VALUE)) return false;
            } else if (e instanceof Call c && (isSum(c) || c.op() == Op.MUL || c.op() == Op.DIV)) {
                for (Expr k : c.args()) pending.push(k);
            }
        }
        return true;
    }

    /**
     * A leading number is not followed by a sum: 2·(x + y) alone would distribute, so the chain's
     * prefix would not be its own canonical form. The first factor that is no sum comes next
     * (2·x·(x + y)); with only sums the number goes last ((x + y)·(x + z)·2).
     */
    private static void arrangeAfterNumber(List<Expr> numerator, boolean divided) {
        if (numerator.size() < (divided ? 2 : 3) || !(numerator.get(0) instanceof Num n) || n.isPi() || !isSum(numerator.get(1))) return;
        for (int i = 2; i < numerator.size(); i++) {
            if (!isSum(numerator.get(i))) {
                numerator.add(1, numerator.remove(i));
                return;
            }
        }
        numerator.add(numerator.remove(0));
    }

    private static Expr power(Expr base, Expr exponent) {
        if (exponent instanceof Num p && p.is(1)) return base;
        if (exponent instanceof Num p && p.equals(Exprs.HALF)) return Exprs.node(Op.SQRT, base);
        return Exprs.node(Op.POW, base, exponent);
    }

    /** a·b·c as ((a·b)·c), the way the parser reads it. */
    private static Expr leftNested(List<Expr> factors) {
        Expr r = null;
        for (Expr f : factors) r = r == null ? f : Exprs.node(Op.MUL, r, f);
        return r;
    }
}
