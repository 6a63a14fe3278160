package dotbar.simplify;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A {@link Poly} written back as an expression: a sum of terms c·m, the monomials in
 * lexicographic order over the atoms sorted by {@link CanonicalOrder} with higher powers first
 * (x³ + 3·x² + 3·x + 1, a·b·d + c·d — SymPy's order for polynomials), the constant last, a
 * positive term first where there is one (1 − x reads as {@code -x + 1} otherwise), negative
 * exponents in a denominator ({@code x/y}).
 */
final class PolyExprs {
    private PolyExprs() {}

    static Expr toExpr(Poly p, Atoms atoms) {
        if (p.isZero()) return Exprs.ZERO;
        var present = new ArrayList<>(p.atoms());
        present.sort((a, b) -> atoms.order().compare(atoms.expr(a), atoms.expr(b)));
        var rank = new HashMap<Integer, Integer>();
        for (int i = 0; i < present.size(); i++) rank.put(present.get(i), i);
        var terms = new ArrayList<Ranked>(p.size());
        p.terms().forEach((m, c) -> terms.add(new Ranked(m, c, ranked(m, rank))));
        terms.sort(PolyExprs::compare);
        int firstPositive = 0;
        while (firstPositive < terms.size() && terms.get(firstPositive).c.getNumerator().signum() < 0) firstPositive++;
        if (firstPositive > 0 && firstPositive < terms.size()) terms.add(0, terms.remove(firstPositive));
        Expr sum = null;
        for (Ranked t : terms) {
            if (sum == null) sum = term(t.c, t.m, atoms, present, rank);
            else if (t.c.getNumerator().signum() < 0) sum = Exprs.sub(sum, term(t.c.negate(), t.m, atoms, present, rank));
            else sum = Exprs.add(sum, term(t.c, t.m, atoms, present, rank));
        }
        return sum;
    }

    /** c·m with the factors of m in canonical order, those with negative exponents below the line. */
    static Expr term(BigFraction c, Monomial m, Atoms atoms) {
        var present = new ArrayList<Integer>();
        for (int i = 0; i < m.size(); i++) present.add(m.atom(i));
        present.sort((a, b) -> atoms.order().compare(atoms.expr(a), atoms.expr(b)));
        var rank = new HashMap<Integer, Integer>();
        for (int i = 0; i < present.size(); i++) rank.put(present.get(i), i);
        return term(c, m, atoms, present, rank);
    }

    private static Expr term(BigFraction c, Monomial m, Atoms atoms, List<Integer> present, Map<Integer, Integer> rank) {
        int[][] byRank = new int[m.size()][];
        for (int i = 0; i < m.size(); i++) byRank[i] = new int[]{rank.get(m.atom(i)), m.atom(i), m.exponent(i)};
        Arrays.sort(byRank, (a, b) -> Integer.compare(a[0], b[0]));
        var top = new ArrayList<Expr>();
        var bottom = new ArrayList<Expr>();
        for (int[] f : byRank) {
            Expr base = atoms.expr(f[1]);
            if (f[2] > 0) top.add(power(base, f[2]));
            else bottom.add(power(base, -f[2]));
        }
        return Coefficient.term(c, top, bottom);
    }

    static Expr power(Expr base, int k) {
        return k == 1 ? base : Exprs.pow(base, Exprs.num(k));
    }

    private record Ranked(Monomial m, BigFraction c, int[] pairs) {}

    /** (rank, exponent) pairs by increasing rank. */
    private static int[] ranked(Monomial m, Map<Integer, Integer> rank) {
        int[][] r = new int[m.size()][];
        for (int i = 0; i < m.size(); i++) r[i] = new int[]{rank.get(m.atom(i)), m.exponent(i)};
        Arrays.sort(r, (a, b) -> Integer.compare(a[0], b[0]));
        int[] flat = new int[2 * r.length];
        for (int i = 0; i < r.length; i++) {
            flat[2 * i] = r[i][0];
            flat[2 * i + 1] = r[i][1];
        }
        return flat;
    }

    /** Lexicographic over ranks, higher exponents first; the constant after every positive power. */
    private static int compare(Ranked x, Ranked y) {
        int[] a = x.pairs, b = y.pairs;
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            int ra = i < a.length ? a[i] : Integer.MAX_VALUE;
            int rb = j < b.length ? b[j] : Integer.MAX_VALUE;
            if (ra < rb) return -Integer.signum(a[i + 1]);
            if (rb < ra) return Integer.signum(b[j + 1]);
            if (a[i + 1] != b[j + 1]) return Integer.compare(b[j + 1], a[i + 1]);
            i += 2;
            j += 2;
        }
        return 0;
    }
}
