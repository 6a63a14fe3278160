package dotbar.check;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Partial;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.Sym;
import dotbar.expr.TensorEval;
import dotbar.expr.TensorValue;
import dotbar.simplify.Simplifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks a claim with vectors or matrices in it ({@code matrix("W", 2, 3)}, {@code vector("x", 3)}):
 * {@code ∂/∂W (sum((W·x - y)^2)/2) = (W·x - y)·xᵀ}. The two sides must have one shape (a claim
 * whose sides differ in shape does not hold, and says both shapes); then both are evaluated
 * ({@link TensorEval}) at {@value #POINTS} random concrete points — every matrix, vector and scalar
 * symbol given small integer entries (−5…5) at the first half of the points and quarters
 * (−2.5…2.5 in steps of ¼) at the others — and compared entry by entry. Polynomial matrix
 * expressions of such entries are exact in double precision, so agreement there is exact; other
 * functions are compared within 10⁻⁸ relative to the largest entry of either side. A point where
 * some entry differs is the counterexample, with the symbols' values and both sides' matrices.
 * When the simplifier also brings both sides to one expression the verdict says so.
 *
 * <p>Abstract functions and their partials have no values, so a matrix claim with them is
 * undecided, saying so.
 */
final class MatrixClaims {
    static final int POINTS = 40;
    private static final int ATTEMPTS = 400;
    private static final double TOLERANCE = 1e-8;

    private MatrixClaims() {}

    /** True when a node of either side is not a scalar, or a symbol of a declared shape appears: the claim is a matrix claim. */
    static boolean applies(Expr lhs, Expr rhs) {
        if (!Shapes.anyDeclared()) return false;
        return Shapes.anyTensor(Graph.topologicalOrder(List.of(lhs, rhs)));
    }

    /**
     * Decides {@code lhs = rhs}, shown as {@code statement}; {@code by} are the names the left side
     * was differentiated by (a scalar one among them, in a claim about matrices, is named in the
     * verdict of a shape mismatch: it may be a matrix whose shape was never declared).
     */
    static Check decide(String statement, Expr lhs, Expr rhs, List<String> by) {
        Shape left = Shapes.of(lhs), right = Shapes.of(rhs);
        if (!left.equals(right)) {
            String hint = "";
            for (String x : by) {
                if (Shapes.declared(x).isScalar()) {
                    hint = "; " + x + " has no declared shape, so it is a scalar: declare it with matrix(\"" + x
                            + "\", rows, columns) or vector(\"" + x + "\", n)";
                    break;
                }
            }
            return new Check(statement, Check.Verdict.COUNTEREXAMPLE, "the shapes differ: the left side is " + left
                    + " and the right side " + right + hint, null, 0, Double.POSITIVE_INFINITY);
        }
        List<Expr> order = Graph.topologicalOrder(List.of(lhs, rhs));
        var symbols = new ArrayList<Sym>();
        for (Expr n : order) {
            if (n instanceof Partial || n instanceof Apply a && a.fn().isAbstract()) {
                return new Check(statement, Check.Verdict.UNDECIDED, "a claim about matrices is checked at random concrete matrices, and "
                        + n + " has no values there: abstract functions and their partials are supported in scalar claims only", null, 0, 0);
            }
            if (n instanceof Sym s) symbols.add(s);
        }
        symbols.sort((a, b) -> dotbar.expr.NaturalOrder.INSTANCE.compare(a.name(), b.name()));
        var random = new Random(Check.SEED);
        int agree = 0;
        double largest = 0;
        try {
            for (int attempt = 0; attempt < ATTEMPTS && agree < POINTS; attempt++) {
                Point p = randomPoint(symbols, random, agree < POINTS / 2 ? 1 : 4);
                var values = TensorEval.values(List.of(lhs, rhs), p);
                TensorValue a = values.get(lhs), b = values.get(rhs);
                if (!finite(a) || !finite(b)) continue;
                double scale = Math.max(largest(a), largest(b));
                int worst = -1;
                double error = 0;
                for (int k = 0; k < a.entries().length; k++) {
                    double e = Math.abs(a.entries()[k] - b.entries()[k]) / Math.max(scale, 1e-300);
                    if (a.entries()[k] != b.entries()[k] && e > error) {
                        error = e;
                        worst = k;
                    }
                }
                if (error > TOLERANCE) {
                    int columns = left.columns();
                    return new Check(statement, Check.Verdict.COUNTEREXAMPLE, "not equal: at " + p + " the left side is " + a
                            + " and the right side " + b + " (entry (" + (worst / columns + 1) + ", " + (worst % columns + 1) + "): "
                            + Point.formatNumber(a.entries()[worst]) + " vs " + Point.formatNumber(b.entries()[worst]) + ")", p, agree, error);
                }
                largest = Math.max(largest, error);
                agree++;
            }
        } catch (Interrupted stop) {
            throw stop;
        } catch (DotbarException e) {
            return new Check(statement, Check.Verdict.UNDECIDED, "the sides cannot be evaluated at concrete matrices: " + e.getMessage(), null, 0, 0);
        }
        if (agree == 0) {
            return new Check(statement, Check.Verdict.UNDECIDED, "no point of " + ATTEMPTS
                    + " random concrete ones has every entry of both sides defined", null, 0, 0);
        }
        String names = String.join(", ", symbols.stream().map(s -> s.name() + " " + Shapes.declared(s.name())).toList());
        String how = "equal entry by entry at " + agree + " random concrete points (" + names + "; small integer and quarter entries"
                + (largest == 0 ? ", every entry exactly equal" : ", largest relative difference " + dotbar.print.TextTable.number(largest, 2)) + ")";
        Expr l = Simplifier.simplify(lhs), r = Simplifier.simplify(rhs);
        if (l == r) {
            return new Check(statement, Check.Verdict.SIMPLIFIED, "both sides are " + left + "; equal after simplification: both sides are "
                    + l + "; also " + how, null, agree, largest);
        }
        return new Check(statement, Check.Verdict.RANDOM_POINTS, "both sides are " + left + "; " + how
                + "; the simplifier could not show it", null, agree, largest);
    }

    /** Every symbol a value of its declared shape: integers −5…5 divided by {@code denominator}. */
    private static Point randomPoint(List<Sym> symbols, Random random, int denominator) {
        var pairs = new ArrayList<Object>();
        for (Sym s : symbols) {
            Shape shape = Shapes.declared(s.name());
            pairs.add(s.name());
            if (shape.isScalar()) {
                pairs.add(entry(random, denominator));
            } else {
                double[][] rows = new double[shape.rows()][shape.columns()];
                for (double[] row : rows) for (int j = 0; j < row.length; j++) row[j] = entry(random, denominator);
                pairs.add(rows);
            }
        }
        return Point.of(pairs.toArray());
    }

    private static double entry(Random random, int denominator) {
        int range = 5 * denominator / (denominator == 1 ? 1 : 2);  // −5…5, or −2.5…2.5 in quarters
        return (random.nextInt(2 * range + 1) - range) / (double) denominator;
    }

    private static boolean finite(TensorValue v) {
        for (double d : v.entries()) if (!Double.isFinite(d)) return false;
        return true;
    }

    private static double largest(TensorValue v) {
        double m = 0;
        for (double d : v.entries()) m = Math.max(m, Math.abs(d));
        return m;
    }
}
