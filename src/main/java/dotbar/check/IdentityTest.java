package dotbar.check;

import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Partial;
import dotbar.expr.Point;
import dotbar.print.TextTable;
import dotbar.print.UnicodePrinter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Random;

/**
 * Decides a claim about abstract functions ({@code declare("f(u)")}) by polynomial identity
 * testing (Schwartz–Zippel): every application {@code f(…)} and every partial {@code ∂f/∂u(…)} is
 * an unknown that gets, at each random point, an independent value drawn uniformly from
 * {@value #CHOICES} numbers (k/10⁶ for |k| ≤ 5·10⁶), and both sides are evaluated in
 * {@value Precise#DIGITS}-digit arithmetic. Two occurrences with the same function, the same
 * partial and equal argument values are the same unknown (a function has one value at one
 * argument), so {@code f(x·1) = f(x)}. At a generic point the values of a smooth function and of
 * its partials are independent, so an identity that holds for all functions holds for all values
 * of the unknowns; conversely, when the difference of the sides is a rational function of degree
 * ≤ d in the unknowns and not identically 0, one random point passes with probability ≤ d/N, and
 * {@value #POINTS} independent points with probability ≤ (d/N)^{@value #POINTS}. The seed's
 * eq. (24)–(31) are of this kind.
 */
final class IdentityTest {
    static final int POINTS = 20;
    static final long CHOICES = 10_000_001;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final MathContext KEY = new MathContext(40);

    private IdentityTest() {}

    /** An unknown: a function (and partial), at argument values rounded to 40 digits. */
    private record Key(Fn fn, List<Integer> wrt, List<BigDecimal> args) {}

    static Check run(String statement, Precise sides, List<String> vars, Collection<Expr> unknowns, List<Expr> claim, Literals literals) {
        // the unknowns are listed apart from the claim: name each partial as the claim's text would need it
        // (cut to 60 characters: a 20 000-deep application would fill the screen)
        Function<Expr, String> brief = UnicodePrinter.within(claim, 60);
        long degree = sides.degree();
        var random = new Random(Check.SEED);
        int agree = 0, undefined = 0;
        double largest = 0;
        for (int attempt = 0; attempt < Check.ATTEMPTS && agree < POINTS; attempt++) {
            Point p = Check.randomPoint(vars, random);
            var values = new HashMap<Key, BigDecimal>();
            var shown = new LinkedHashMap<Expr, BigDecimal>();  // printed only for a counterexample
            Precise.UnknownValues unknown = (node, args) -> {
                var rounded = new ArrayList<BigDecimal>(args.length);
                for (BigDecimal a : args) rounded.add(a.round(KEY).stripTrailingZeros());
                Key key = switch (node) {
                    case Apply a -> new Key(a.fn(), List.of(), rounded);
                    case Partial q -> new Key(q.fn(), q.wrt(), rounded);
                    default -> throw new IllegalStateException("not an unknown: " + node);
                };
                return values.computeIfAbsent(key, k -> {
                    BigDecimal v = BigDecimal.valueOf(random.nextLong(CHOICES) - CHOICES / 2).divide(MILLION);
                    shown.putIfAbsent(node, v);
                    return v;
                });
            };
            Comparison c = Comparison.at(sides, literals.exactWith(p.asMap()), unknown, false);
            if (c == null) {
                undefined++;
                continue;
            }
            if (!c.agree()) {
                var where = new ArrayList<String>();
                shown.forEach((node, v) -> { if (where.size() < 8) where.add(brief.apply(node) + " = " + v.toPlainString()); });
                String at = vars.isEmpty() ? "" : " at " + p;
                return new Check(statement, Check.Verdict.COUNTEREXAMPLE, "not equal for some functions:" + at + " with "
                        + String.join(", ", where) + (shown.size() > where.size() ? ", …" : "")
                        + " the left side is " + c.shownLeft() + " and the right side " + c.shownRight(), p.asMap().isEmpty() ? null : p, agree, c.error());
            }
            largest = Math.max(largest, c.error());
            agree++;
        }
        if (agree == 0) {
            return new Check(statement, Check.Verdict.UNDECIDED, "the simplifier could not show it and no point of "
                    + Check.ATTEMPTS + " random ones (with random values for the unknowns) has both sides defined", null, 0, 0);
        }
        var names = new ArrayList<String>();
        for (Expr u : unknowns) if (names.size() < 6) names.add(brief.apply(u));
        String bound = degree < 0
                ? "; an unknown enters a function that is not a polynomial (sin, exp, …), so there is no Schwartz–Zippel bound: evidence, not proof"
                : "; the difference of the sides is a rational function of degree ≤ " + degree + " in the unknowns, so a claim false for some"
                        + " functions would pass " + agree + " such points with probability ≤ (" + degree + "/" + CHOICES + ")^" + agree
                        + " (Schwartz–Zippel; the symbols, drawn as for a concrete claim, are evidence only)";
        String partly = undefined == 0 ? "" : "; at " + undefined + " other points a side is undefined or out of range";
        return new Check(statement, Check.Verdict.RANDOM_POINTS, "equal at " + agree + " random points"
                + (vars.isEmpty() ? "" : " in " + String.join(", ", vars)) + " in " + Precise.DIGITS + "-digit arithmetic, with the "
                + unknowns.size() + " application" + (unknowns.size() == 1 ? "" : "s") + " and partials of abstract functions ("
                + String.join(", ", names) + (unknowns.size() > names.size() ? ", …" : "")
                + ") as independent unknowns given random values (sound for a claim meant for all functions: at a generic point a"
                + " function's values and partials can be any numbers; largest relative difference " + TextTable.number(largest, 2) + ")"
                + bound + "; the simplifier could not show it" + partly, null, agree, largest);
    }
}
