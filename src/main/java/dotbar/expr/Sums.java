package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums in canonical form, as SymPy's {@code Add} builds them: Σ cᵢ·mᵢ + c₀ with one term per
 * monomial mᵢ, built as a left-leaning chain of binary + and − so that every walk, sweep and
 * printer reads it as it reads a typed sum. Construction ({@link Exprs}) and {@code simplify} both
 * build sums here, in two orders: construction ({@code sort} false) keeps the terms in the order
 * they first appear, a like term collected into its first occurrence's place, and a positive
 * number typed first stays first ({@code 1 + exp(-x)}), else the number goes last (see
 * {@link Exprs} for why); {@code simplify} ({@code sort} true) sorts the terms (x² before x·y
 * before x before y, functions after symbols, multiples of π, then the number).
 *
 * <p>Identities used, each exact wherever the left side is defined: flattening
 * ((a + b) − c → a + b + (−1)·c, −(a + b) → (−1)·a + (−1)·b); like terms collected,
 * c₁·m + c₂·m → (c₁ + c₂)·m, so x + x → 2·x and x − x → 0·x → 0; numbers added up
 * ({@link Numbers}: exactly, unless a floating number takes part).
 */
public final class Sums {
    private Sums() {}

    /** A monomial's total coefficient and its factors (for ordering and rebuilding). */
    private static final class Term {
        Num coefficient = Exprs.ZERO;
        final List<Map.Entry<Expr, Expr>> factors;

        Term(List<Map.Entry<Expr, Expr>> factors) {
            this.factors = factors;
        }
    }

    /**
     * The canonical form of the sum, difference or negation {@code op(args)}, flattening operand
     * sums of at most {@code limit} terms in all; null when it is to be built as it is (more
     * terms than that, or a number that is not finite: x + 1/0 keeps its IEEE meaning). The
     * limit keeps construction linear: appending a term to a long sum does not copy it.
     */
    public static Expr canonical(Op op, List<Expr> args, int limit, boolean sort) {
        var start = new ArrayList<Map.Entry<Expr, Num>>();
        switch (op) {
            case ADD -> { start.add(Map.entry(args.get(0), Exprs.ONE)); start.add(Map.entry(args.get(1), Exprs.ONE)); }
            case SUB -> { start.add(Map.entry(args.get(0), Exprs.ONE)); start.add(Map.entry(args.get(1), Exprs.MINUS_ONE)); }
            case NEG -> start.add(Map.entry(args.get(0), Exprs.MINUS_ONE));
            default -> throw new IllegalArgumentException(op.name());
        }
        return sum(start, limit, sort);
    }

    /** c·s as a canonical sum (the sum s distributed), or null when s has more than {@code limit} terms. */
    static Expr scaled(Expr s, Num c, int limit) {
        return sum(List.of(Map.entry(s, c)), limit, false);
    }

    private static Expr sum(List<Map.Entry<Expr, Num>> start, int limit, boolean sort) {
        boolean constantFirst = false;
        Num constant = Exprs.ZERO;
        var terms = new LinkedHashMap<List<Map.Entry<Expr, Expr>>, Term>();
        var nodes = new ArrayDeque<Expr>();
        var scales = new ArrayDeque<Num>();
        for (int i = start.size() - 1; i >= 0; i--) {
            nodes.push(start.get(i).getKey());
            scales.push(start.get(i).getValue());
        }
        long steps = 0, count = 0;
        while (!nodes.isEmpty()) {
            Interrupted.poll(++steps);
            Expr n = nodes.pop();
            Num scale = scales.pop();
            if (n instanceof Num x && !x.isPi()) {
                Num scaled = Numbers.fold(Op.MUL, scale, x);
                constant = scaled == null ? null : Numbers.fold(Op.ADD, constant, scaled);
                constantFirst |= terms.isEmpty();
                if (constant == null || !constant.isExact() && !Double.isFinite(constant.value())) return null;
            } else if (n instanceof Call c && (c.op() == Op.ADD || c.op() == Op.SUB)) {
                if (steps > 2L * limit) return null;
                // pushed right first so the left operand's terms come first
                nodes.push(c.args().get(1));
                scales.push(c.op() == Op.SUB ? Numbers.fold(Op.NEG, scale, null) : scale);
                nodes.push(c.args().get(0));
                scales.push(scale);
            } else if (n instanceof Call c && c.op() == Op.NEG) {
                nodes.push(c.arg());
                scales.push(Numbers.fold(Op.NEG, scale, null));
            } else {
                if (++count > limit) return null;
                Products.Factors f = Products.of(n, limit, sort);
                List<Map.Entry<Expr, Expr>> factors;
                Num coefficient;
                if (f == null) {
                    factors = List.of(Map.entry(n, Exprs.ONE));
                    coefficient = Exprs.ONE;
                } else {
                    factors = f.sorted(sort);
                    coefficient = f.coefficient;
                }
                Num c = Numbers.fold(Op.MUL, scale, coefficient);
                if (c == null) return null;
                if (numbersOnly(factors)
                        && Products.build(c, factors, limit) instanceof Num m && !m.isPi()) {  // the factors cancelled: x/x is 1
                    constant = Numbers.fold(Op.ADD, constant, m);
                    if (constant == null) return null;
                    continue;
                }
                Term t = terms.computeIfAbsent(Products.key(factors), k -> new Term(factors));
                t.coefficient = Numbers.fold(Op.ADD, t.coefficient, c);
                if (t.coefficient == null) return null;
                if (!t.coefficient.isExact() && !Double.isFinite(t.coefficient.value())) return null;
            }
        }
        var ordered = new ArrayList<Term>();
        for (Term t : terms.values()) if (!t.coefficient.is(0)) ordered.add(t);
        // unsorted (construction), terms stay in the order they first appear in
        if (sort) ordered.sort((a, b) -> compare(a.factors, b.factors));
        // a sum reads better starting with a plus: y − x rather than −x + y, 1 − σ rather than −σ + 1
        Expr sum = null;
        boolean numberFirst = !sort && constantFirst && !constant.is(0) && !constant.isNegative() && !ordered.isEmpty();
        if (!numberFirst && !ordered.isEmpty() && ordered.get(0).coefficient.isNegative()) {
            int positive = 0;
            while (positive < ordered.size() && ordered.get(positive).coefficient.isNegative()) positive++;
            if (positive < ordered.size()) {
                ordered.add(0, ordered.remove(positive));
            } else if (!constant.is(0) && !constant.isNegative()) {
                sum = constant;
                constant = Exprs.ZERO;
            }
        }
        // unsorted, a number typed first stays first: 1 + exp(-x)
        if (numberFirst) {
            sum = constant;
            constant = Exprs.ZERO;
        }
        for (Term t : ordered) {
            Interrupted.poll(++steps);
            if (sum == null) sum = Products.build(t.coefficient, t.factors, limit);
            else if (t.coefficient.isNegative()) sum = Exprs.node(Op.SUB, sum, Products.build(Numbers.fold(Op.NEG, t.coefficient, null), t.factors, limit));
            else sum = Exprs.node(Op.ADD, sum, Products.build(t.coefficient, t.factors, limit));
        }
        if (sum == null) return constant;
        if (constant.is(0) && (constant.isExact() || ordered.size() > 0)) return sum;
        if (constant.isNegative()) return Exprs.node(Op.SUB, sum, Numbers.fold(Op.NEG, constant, null));
        return Exprs.node(Op.ADD, sum, constant);
    }

    /** Monomials by their factors, base by base, higher powers and more factors first: x² before x·y before x before y. */
    private static int compare(List<Map.Entry<Expr, Expr>> a, List<Map.Entry<Expr, Expr>> b) {
        // terms of π alone go last, by the number: x² + y − π, as SymPy writes them
        boolean ca = a.stream().allMatch(f -> f.getKey() instanceof Num), cb = b.stream().allMatch(f -> f.getKey() instanceof Num);
        if (ca != cb) return ca ? 1 : -1;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Products.compareFactors(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(b.size(), a.size());
    }

    /**
     * True when every base is a number other than π (the term is a constant). A loop, not a
     * stream: construction asks this of every term, and a stream's set-up is what a cold
     * {@code grad(e)} paid for it (it runs in the interpreter then).
     */
    private static boolean numbersOnly(List<Map.Entry<Expr, Expr>> factors) {
        for (var f : factors) if (!(f.getKey() instanceof Num b && !b.isPi())) return false;
        return true;
    }
}
