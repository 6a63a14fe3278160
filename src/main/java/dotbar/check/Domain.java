package dotbar.check;

import dotbar.expr.EvaluationPlan;
import dotbar.print.TextTable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a claim that holds can be evaluated: the part of the real line (or space) on which both
 * sides are defined, said in words — {@code d/dx sqrt(x^2) = x/abs(x)} holds for x ≠ 0 and
 * neither side is defined at x = 0; {@code log(x^2) = 2*log(x)} holds for x > 0 and only the
 * left side is defined for x < 0.
 *
 * <p>A side is <em>undefined</em> at a point where its double value is NaN or ±∞ (log of a
 * non-positive number, a division by 0, sqrt of a negative number, …). With one symbol, both
 * sides are classified (both defined, only the left, only the right, neither) on a grid of step
 * 1/20 over [−20, 20] (every integer and half-integer among its points, where a formula's
 * singular points usually are) and at ±π/2, ±π; a grid point that differs from both neighbours
 * is an isolated point, and a change of class between neighbours is located by bisection and
 * read as the nearest simple number (k/q with q ≤ 12, kπ/q with q ≤ 6) when one is within 10⁻⁹.
 * More than {@value #PIECES} pieces (log(cos(x)): periodic) are not listed: the sampled counts
 * are. With several symbols the random points of the check and points with one symbol set to 0
 * give examples.
 */
final class Domain {
    private static final int PIECES = 9;
    private static final double HALF_WIDTH = 20, STEP = 1.0 / 20;

    /** Which sides are defined at a point. */
    enum Where {
        BOTH(""), LEFT("only the left side is defined"), RIGHT("only the right side is defined"), NEITHER("neither side is defined");

        final String words;

        Where(String words) {
            this.words = words;
        }

    }

    private final EvaluationPlan plan;
    /** The nodes each side depends on: a side is undefined where one of them is (exp(log(0)) is 0 in doubles, log(0) is not a number). */
    private final boolean[] left, right;
    private final Literals literals;

    /** The claim's two sides, the plan's roots 0 and 1. */
    Domain(EvaluationPlan plan, Literals literals) {
        this.plan = plan;
        this.literals = literals;
        int[][] operands = plan.operands();
        left = reach(operands, plan.root(0));
        right = reach(operands, plan.root(1));
    }

    private static boolean[] reach(int[][] operands, int root) {
        boolean[] r = new boolean[operands.length];
        r[root] = true;
        for (int i = operands.length - 1; i >= 0; i--) if (r[i]) for (int k : operands[i]) r[k] = true;
        return r;
    }

    Where at(Map<String, Double> point) {
        return of(plan.values(literals.with(point)));
    }

    /** Which sides are defined, from the plan's values at a point. */
    Where of(double[] v) {
        boolean l = true, r = true;
        for (int i = 0; i < v.length && (l || r); i++) {
            if (Double.isFinite(v[i])) continue;
            l &= !left[i];
            r &= !right[i];
        }
        return l && r ? Where.BOTH : l ? Where.LEFT : r ? Where.RIGHT : Where.NEITHER;
    }

    /** A piece of the line: an interval from lo to hi, its ends included or not, or, when lo = hi, a point; ±∞ at the ends. */
    private record Piece(double lo, double hi, Where where, boolean loIn, boolean hiIn) {
        Piece(double lo, double hi, Where where) {
            this(lo, hi, where, lo == hi, lo == hi);
        }

        boolean point() {
            return lo == hi;
        }
    }

    /**
     * With one symbol {@code x}: where the claim holds and what happens elsewhere, e.g.
     * {@code holds for x ≠ 0; at x = 0 neither side is defined}; null when both sides are
     * defined everywhere looked at.
     */
    String line(String x, Map<Where, Map<String, Double>> examples) {
        var grid = new ArrayList<Double>();
        for (int i = (int) (-HALF_WIDTH / STEP); i <= HALF_WIDTH / STEP; i++) grid.add(i * STEP);  // i/20: exact at integers and halves
        var where = new ArrayList<Where>(grid.size());
        for (double g : grid) where.add(at(Map.of(x, g)));
        int n = grid.size();
        // isolated points: different from both neighbours, which agree (and still so just beside it)
        var isolated = new LinkedHashMap<Double, Where>();
        for (int i = 1; i < n - 1; i++) {
            Where w = where.get(i), before = where.get(i - 1);
            double g = grid.get(i);
            if (w != before && before == where.get(i + 1) && at(Map.of(x, g - 1e-7)) == before && at(Map.of(x, g + 1e-7)) == before) {
                isolated.put(g, w);
                where.set(i, before);
            }
        }
        var pieces = new ArrayList<Piece>();
        double start = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < n && pieces.size() <= 4 * PIECES; i++) {
            Where w = where.get(i);
            if (where.get(i + 1) == w) continue;
            double b = boundary(x, grid.get(i), grid.get(i + 1), w);  // a change of class between neighbours: find it
            pieces.add(new Piece(start, b, w));
            pieces.add(new Piece(b, b, at(Map.of(x, b))));
            start = b;
        }
        pieces.add(new Piece(start, Double.POSITIVE_INFINITY, where.get(n - 1)));
        isolated.forEach((g, w) -> {
            Piece around = containing(pieces, g);
            if (around != null) insert(pieces, around, g, w);
        });
        for (double special : new double[] {-Math.PI, -Math.PI / 2, Math.PI / 2, Math.PI}) {
            Where w = at(Map.of(x, special));
            if (w != at(Map.of(x, special - 1e-7))) continue;  // not isolated: the grid saw the interval
            Piece around = containing(pieces, special);
            if (around != null && around.where() != w) insert(pieces, around, special, w);
        }
        List<Piece> runs = merge(pieces);
        if (runs.size() == 1 && runs.get(0).where() == Where.BOTH) return null;
        if (runs.size() > PIECES) return space(examples, null);  // too many to list: examples
        return describe(runs, x);
    }

    private static Piece containing(List<Piece> pieces, double v) {
        for (Piece p : pieces) if (!p.point() && p.lo() < v && v < p.hi()) return p;
        return null;
    }

    private static void insert(List<Piece> pieces, Piece around, double v, Where w) {
        int i = pieces.indexOf(around);
        pieces.set(i, new Piece(around.lo(), v, around.where()));
        pieces.add(i + 1, new Piece(v, v, w));
        pieces.add(i + 2, new Piece(v, around.hi(), around.where()));
    }

    /** The point between {@code lo} (class {@code w}) and {@code hi} (another class) where the class changes, read as a simple number when one is that close. */
    private double boundary(String x, double lo, double hi, Where w) {
        for (int k = 0; k < 60 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
            double mid = (lo + hi) / 2;
            if (at(Map.of(x, mid)) == w) lo = mid;
            else hi = mid;
        }
        return simple((lo + hi) / 2);
    }

    /** The nearest k/q (q ≤ 12) or kπ/q (q ≤ 6) within 10⁻⁹, else {@code v}. */
    static double simple(double v) {
        for (int q = 1; q <= 12; q++) {
            double c = Math.rint(v * q) / q;
            if (Math.abs(v - c) <= 1e-9 * Math.max(1, Math.abs(c))) return c;
        }
        for (int q = 1; q <= 6; q++) {
            double c = Math.rint(v * q / Math.PI) * Math.PI / q;
            if (Math.abs(v - c) <= 1e-9 * Math.max(1, Math.abs(c))) return c;
        }
        return v;
    }

    /** Neighbouring pieces of one class become one (a point between two intervals of its own class disappears). */
    private static List<Piece> merge(List<Piece> pieces) {
        var runs = new ArrayList<Piece>();
        for (Piece p : pieces) {
            if (!p.point() && p.lo() == p.hi()) continue;
            Piece last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.where() == p.where()) runs.set(runs.size() - 1, new Piece(last.lo(), p.hi(), p.where(), last.loIn(), p.hiIn()));
            else runs.add(p);
        }
        return runs;
    }

    private static String describe(List<Piece> runs, String x) {
        var holds = new ArrayList<String>();
        var points = new ArrayList<String>();  // where it holds only at points, or where it fails to only at points
        boolean onlyPointsMissing = true;
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).where() != Where.BOTH && !runs.get(i).point()) onlyPointsMissing = false;
        var elsewhere = new EnumMap<Where, List<String>>(Where.class);
        for (int i = 0; i < runs.size(); i++) {
            Piece p = runs.get(i);
            if (p.where() == Where.BOTH) {
                if (onlyPointsMissing) continue;
                holds.add(range(p, x));
            } else {
                elsewhere.computeIfAbsent(p.where(), k -> new ArrayList<>()).add(range(p, x));
                if (p.point()) points.add(number(p.lo()));
            }
        }
        var text = new StringBuilder("holds for ");
        if (onlyPointsMissing) text.append(x).append(" ≠ ").append(String.join(", ", points));
        else if (holds.isEmpty()) text.append("no ").append(x).append(" looked at");
        else text.append(String.join(" or ", holds));
        elsewhere.forEach((w, where) -> text.append("; ").append(where.get(0).startsWith(x + " = ") ? "at " : "for ")
                .append(String.join(" and ", where)).append(' ').append(w.words));
        return text.toString();
    }

    /** A piece as a condition on {@code x}: {@code x < 0}, {@code -1 ≤ x ≤ 1}, {@code x = 0}. */
    private static String range(Piece p, String x) {
        if (p.point()) return x + " = " + number(p.lo());
        boolean loIn = p.loIn(), hiIn = p.hiIn();
        boolean lo = p.lo() != Double.NEGATIVE_INFINITY, hi = p.hi() != Double.POSITIVE_INFINITY;
        String l = lo ? number(p.lo()) + (loIn ? " ≤ " : " < ") : "", r = hi ? (hiIn ? " ≤ " : " < ") + number(p.hi()) : "";
        if (lo && !hi) return x + (loIn ? " ≥ " : " > ") + number(p.lo());
        if (!lo && !hi) return "all " + x;
        return l + x + r;
    }

    /** A simple number as a person writes it: 0, -1/2, π/2, else 6 significant digits. */
    static String number(double v) {
        for (int q = 1; q <= 12; q++) {
            double k = Math.rint(v * q);
            if (Math.abs(v - k / q) <= 1e-12 * Math.max(1, Math.abs(v))) {
                return q == 1 ? TextTable.number(k, 12) : TextTable.number(k, 12) + "/" + q;
            }
        }
        for (int q = 1; q <= 6; q++) {
            double k = Math.rint(v * q / Math.PI);
            if (k != 0 && Math.abs(v - k * Math.PI / q) <= 1e-12 * Math.max(1, Math.abs(v))) {
                String num = k == 1 ? "π" : k == -1 ? "-π" : TextTable.number(k, 12) + "π";
                return q == 1 ? num : num + "/" + q;
            }
        }
        return "≈ " + TextTable.number(v, 6);
    }

    /**
     * With several symbols: where the sampled points had a side undefined, by example, e.g.
     * {@code holds where both sides are defined; only the left side is defined at (x=-1.5, y=2)};
     * null when every point had both.
     */
    String space(Map<Where, Map<String, Double>> examples, Map<String, Double> defined) {
        var found = new EnumMap<Where, Map<String, Double>>(Where.class);
        found.putAll(examples);
        found.remove(Where.BOTH);
        if (defined != null) {
            for (String v : defined.keySet()) {  // one symbol at 0, the others where both sides are defined
                var p = new LinkedHashMap<>(defined);
                p.put(v, 0.0);
                Where w = at(p);
                if (w != Where.BOTH) found.putIfAbsent(w, p);
            }
        }
        if (found.isEmpty()) return null;
        var text = new StringBuilder("holds where both sides are defined");
        found.forEach((w, p) -> text.append("; ").append(w.words).append(" at ").append(dotbar.expr.Point.of(p)));
        return text.toString();
    }
}
