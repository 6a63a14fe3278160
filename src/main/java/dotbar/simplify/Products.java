package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;
import dotbar.expr.Op;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products in canonical form: c · b₁^e₁ · b₂^e₂ ⋯ / (d₁^f₁ ⋯), with one entry per base.
 *
 * <p>Identities used, each exact wherever the left side is defined:
 * <ul>
 * <li>flattening: (a·b)·c → a·b·c; a/b → a·b⁻¹; −a → (−1)·a;</li>
 * <li>powers of a product or power, integer exponents only: (a·b)ⁿ → aⁿ·bⁿ, (aᵖ)ⁿ → aᵖⁿ,
 *     √a → a^½ (for a non-integer n, (a·b)ⁿ ≠ aⁿ·bⁿ when a, b &lt; 0, and (a²)^½ = |a|: not used);</li>
 * <li>like factors: aᵖ·aᵠ → aᵖ⁺ᵠ, so x·x → x², x/x → x⁰ → 1 (1 where x/x is defined, x ≠ 0);</li>
 * <li>numbers multiplied out: 2·x·3 → 6·x; a coefficient that is a small fraction prints as one (x/3).</li>
 * </ul>
 */
final class Products {
    private Products() {}

    /** A product taken apart: its numeric coefficient and its bases with their exponents. */
    static final class Factors {
        double coefficient = 1;
        final Map<Expr, Expr> exponents = new LinkedHashMap<>();

        void multiply(Expr base, Expr exponent, Simplifier s) {
            Expr known = exponents.get(base);
            exponents.put(base, known == null ? exponent : s.rule(Exprs.add(known, exponent)));
        }

        /** The bases with non-zero exponents, in canonical order (by base, higher numeric powers first). */
        List<Map.Entry<Expr, Expr>> sorted(CanonicalOrder order) {
            var list = new ArrayList<Map.Entry<Expr, Expr>>();
            for (var f : exponents.entrySet()) if (!(f.getValue() instanceof Num n && n.is(0))) list.add(f);
            list.sort((a, b) -> compareFactors(a, b, order));
            return list;
        }
    }

    /** Factors by base, then the higher numeric power first. */
    static int compareFactors(Map.Entry<Expr, Expr> a, Map.Entry<Expr, Expr> b, CanonicalOrder order) {
        int c = order.compare(a.getKey(), b.getKey());
        if (c != 0) return c;
        return a.getValue() instanceof Num x && b.getValue() instanceof Num y
                ? Double.compare(y.value(), x.value()) : order.compare(a.getValue(), b.getValue());
    }

    /** The factors of {@code e}, walked iteratively; {@code e}'s operands are already simplified. */
    static Factors of(Expr e, Simplifier s) {
        var f = new Factors();
        var nodes = new ArrayDeque<Expr>();
        var powers = new ArrayDeque<Double>();
        nodes.push(e);
        powers.push(1.0);
        long steps = 0;
        while (!nodes.isEmpty()) {
            Interrupted.poll(++steps);
            Expr n = nodes.pop();
            double k = powers.pop();
            boolean integer = k == Math.rint(k) && !Double.isInfinite(k);
            if (n instanceof Num x && integer) {
                f.coefficient *= Math.pow(x.value(), k);
            } else if (integer && n instanceof Call c && c.op() == Op.MUL) {
                push(nodes, powers, c.args().get(0), k);
                push(nodes, powers, c.args().get(1), k);
            } else if (integer && n instanceof Call c && c.op() == Op.DIV) {
                push(nodes, powers, c.args().get(0), k);
                push(nodes, powers, c.args().get(1), -k);
            } else if (integer && n instanceof Call c && c.op() == Op.NEG) {
                // (−a)ᵏ = (−1)ᵏ·aᵏ for integer k
                if (Math.abs(k) % 2 == 1) f.coefficient = -f.coefficient;
                push(nodes, powers, c.arg(), k);
            } else if (integer && n instanceof Call c && c.op() == Op.SQRT) {
                push(nodes, powers, c.arg(), k / 2);  // (√a)ᵏ = a^(k/2)
            } else if (integer && n instanceof Call c && c.op() == Op.POW && c.args().get(1) instanceof Num p) {
                push(nodes, powers, c.args().get(0), k * p.value());  // (aᵖ)ᵏ = aᵖᵏ
            } else if (integer && n instanceof Call c && c.op() == Op.POW) {
                // (aᵉ)ᵏ = a^(k·e); e is simplified already, so k = 1 needs no rule (and no descent into e)
                Expr exponent = c.args().get(1);
                f.multiply(c.args().get(0), k == 1 ? exponent : s.rule(Exprs.mul(Exprs.num(k), exponent)), s);
            } else {
                f.multiply(n, Exprs.num(k), s);
            }
        }
        return f;
    }

    private static void push(ArrayDeque<Expr> nodes, ArrayDeque<Double> powers, Expr e, double k) {
        nodes.push(e);
        powers.push(k);
    }

    /**
     * The canonical product c·∏ bᵢ^eᵢ: numerator factors, then a denominator for negative numeric
     * exponents; a negative coefficient −1 becomes a leading minus.
     */
    static Expr build(double coefficient, List<Map.Entry<Expr, Expr>> factors) {
        if (coefficient == 0) return Exprs.ZERO;
        var numerator = new ArrayList<Expr>();
        var denominator = new ArrayList<Expr>();
        long[] fraction = Coefficients.fraction(Math.abs(coefficient));
        boolean negative = coefficient < 0;
        if (fraction == null) {
            numerator.add(Exprs.num(Math.abs(coefficient)));
        } else {
            if (fraction[0] != 1 || factors.isEmpty()) numerator.add(Exprs.num(fraction[0]));
            if (fraction[1] != 1) denominator.add(Exprs.num(fraction[1]));
        }
        for (var f : factors) {
            Expr exponent = f.getValue();
            if (exponent instanceof Num p && p.value() < 0) denominator.add(power(f.getKey(), -p.value()));
            else numerator.add(power(f.getKey(), exponent));
        }
        // a leading number carries the sign (−2·x); a product without one gets a minus in front (−x·y)
        boolean signInNumber = negative && !numerator.isEmpty() && numerator.get(0) instanceof Num;
        if (signInNumber) numerator.set(0, Exprs.num(-((Num) numerator.get(0)).value()));
        Expr top = leftNested(numerator);
        Expr r = denominator.isEmpty() ? top : Exprs.div(top, leftNested(denominator));
        return negative && !signInNumber ? Exprs.neg(r) : r;
    }

    private static Expr power(Expr base, double p) {
        return p == 0.5 ? Exprs.call(Op.SQRT, base) : Exprs.pow(base, Exprs.num(p));
    }

    private static Expr power(Expr base, Expr exponent) {
        return exponent instanceof Num p ? power(base, p.value()) : Exprs.pow(base, exponent);
    }

    /** a·b·c as ((a·b)·c), the way the parser reads it; 1 for no factors. */
    static Expr leftNested(List<Expr> factors) {
        Expr r = null;
        for (Expr f : factors) r = r == null ? f : Exprs.mul(r, f);
        return r == null ? Exprs.ONE : r;
    }
}
