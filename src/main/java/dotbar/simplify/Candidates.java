package dotbar.simplify;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The exact-algebra forms {@code simplify} tries on a rewritten expression, keeping the smallest:
 * <ol>
 * <li>over one denominator ({@code together}), the identities applied to numerator and
 *     denominator, reduced, and factored;</li>
 * <li>the same quotient not factored;</li>
 * <li>expanded, with the Pythagorean identities on the polynomial and in every function argument;</li>
 * <li>when exponentials or sigmoids occur, the same two after writing e^(∓u) through σ(u).</li>
 * </ol>
 * Each candidate is rewritten by the rules and replaces the current result only when it has
 * strictly fewer distinct nodes (or as many and fewer divisions, so one quotient beats a sum of
 * them, as in SymPy's (x·cos(x) − sin(x))/x²; on a full tie the earlier form wins); the search repeats from an improvement (at most {@value #ROUNDS}
 * rounds), so its result is a fixed point. Candidates run on a small {@link Budget#trial()}: one
 * that would grow past it is dropped, not refused. Expressions of more than {@value #LARGEST}
 * nodes are left to the rules alone (a 20 000-node derivative is not expanded to see if it shrinks).
 */
final class Candidates {
    static final int ROUNDS = 4;
    static final int LARGEST = 2_000;

    private Candidates() {}

    static Expr smallest(Expr start, long startWeight, Function<Expr, Expr> rewrite, ToLongFunction<Expr> weight) {
        if (startWeight > LARGEST || startWeight == 0) return start;
        Expr best = start;
        long bestWeight = startWeight, bestDivisions = divisions(start);
        for (int round = 0; round < ROUNDS; round++) {
            Interrupted.check();
            Expr improved = null;
            for (Expr c : of(best)) {
                Expr r = rewrite.apply(c);
                long w = weight.applyAsLong(r), d = divisions(r);
                // fewer nodes, or as many and fewer divisions: (x·cos(x) − sin(x))/x² over cos(x)/x − sin(x)/x²
                if (w < bestWeight || w == bestWeight && d < bestDivisions) {
                    improved = r;
                    bestWeight = w;
                    bestDivisions = d;
                }
            }
            if (improved == null) return best;
            best = improved;
        }
        return best;
    }

    private static long divisions(Expr e) {
        return Graph.topologicalOrder(e).stream().filter(n -> n instanceof Call c && c.op() == Op.DIV).count();
    }

    /** The candidate forms of {@code e}; a form over the trial budget is left out. */
    static List<Expr> of(Expr e) {
        var out = new ArrayList<Expr>();
        // factored first: on a tie of sizes the first wins, and σ·(1 − σ) reads better than σ − σ²
        fractions(out, e);
        tryAdd(out, () -> {
            var atoms = new Atoms();
            var expansion = new Expansion(atoms, Budget.trial()).withIdentities();
            return PolyExprs.toExpr(Identities.pythagorean(expansion.poly(e), atoms, Budget.trial()), atoms);
        });
        if (Identities.hasExponentials(e)) {
            Expr s = Identities.sigmoidForm(e);
            if (s != e) fractions(out, s);
        }
        return out;
    }

    private static void fractions(List<Expr> out, Expr e) {
        var atoms = new Atoms();
        Budget budget = Budget.trial();
        Fractions.Quotient q;
        try {
            var f = new Fractions(atoms, budget);
            Fractions.Quotient raw = f.quotient(e);
            q = f.reduced(Identities.pythagorean(raw.numerator(), atoms, budget), Identities.pythagorean(raw.denominator(), atoms, budget));
        } catch (DotbarException | ArithmeticException notACandidate) {
            if (notACandidate instanceof Interrupted) throw notACandidate;
            return;
        }
        Fractions.Quotient quotient = q;
        tryAdd(out, () -> Algebra.factored(quotient, atoms, Budget.trial()));
        tryAdd(out, () -> Fractions.write(Fractions.clearNumericDenominators(quotient), atoms));
    }

    private interface Form {
        Expr get();
    }

    private static void tryAdd(List<Expr> out, Form form) {
        try {
            out.add(form.get());
        } catch (DotbarException | ArithmeticException notACandidate) {
            // too big to be the smallest form (over the trial budget, a coefficient or exponent past a double or an int)
            if (notACandidate instanceof Interrupted) throw notACandidate;
        }
    }
}
