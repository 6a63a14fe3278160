package dotbar.check;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.diff.SymbolicDiff;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.EvaluationPlan;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Partial;
import dotbar.expr.Point;
import dotbar.parse.Claim;
import dotbar.print.TextTable;
import dotbar.simplify.Simplifier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Checks a derivation done by hand: {@code check("d/dx x^2*sin(x) = 2*x*sin(x) + x^2*cos(x)")}.
 * The verdict says why:
 * <ol>
 * <li><b>equal after simplification</b> — both sides simplify to the same expression (a proof, as
 *     far as the simplifier's identities go);</li>
 * <li>otherwise <b>equal at random points</b> — both sides are evaluated at up to
 *     {@value #POINTS} random points where both are defined (values drawn from [−2, 2], [−10, 10]
 *     and ±e^[−3, 5], rounded to 3 decimals, from a fixed seed so a check is repeatable), and
 *     agree within 10⁻⁸ relative to the larger side (or to 10⁻⁴ of the largest intermediate value,
 *     whichever is larger: values that cancel to nearly 0 carry the rounding of what cancelled);
 *     the largest relative error seen is reported — evidence, not proof;</li>
 * <li>or a <b>counterexample</b>: a point where both sides are defined and differ, with both values.</li>
 * </ol>
 * When no point with both sides defined turns up among {@value #ATTEMPTS} tries, the check is
 * undecided and says so; abstract functions are decided by identity testing ({@link IdentityTest}).
 *
 * <p>A claim that holds where both sides are defined says where that is when it is not
 * everywhere ({@link Domain}: {@code d/dx sqrt(x^2) = x/abs(x)} holds for x ≠ 0, neither side is
 * defined at x = 0); a claim whose sides have different symbols is read as for all of them, and
 * says so ({@code x + y = x}: read as for all x, y). Decimals typed in the claim's text are
 * compared as the numbers they read as, though construction folds them to doubles
 * ({@link Literals}: {@code 0.99^100 = 0.366032341273229} is refuted).
 */
public final class Check {
    static final int POINTS = 200;
    static final int ATTEMPTS = 4000;
    /** Points decided in high precision (all the others are screened in double precision). */
    static final int PRECISE_POINTS = 20;
    /** Node evaluations in high precision a check spends at most on its decision points (about a second). */
    private static final long PRECISE_BUDGET = 100_000;
    private static final double TOLERANCE = 1e-8;
    static final long SEED = 20_240_531L;

    /** How the verdict was reached. */
    public enum Verdict { SIMPLIFIED, RANDOM_POINTS, COUNTEREXAMPLE, UNDECIDED }

    private final String statement;
    private final Verdict verdict;
    private final String reason;
    private final Point counterexample;
    private final int points;
    private final double largestError;
    /** Where a claim that holds can be evaluated, when not everywhere ({@link Domain}); null otherwise. */
    private String domain;
    /** How a claim whose sides have different symbols is read ("for all x, y"); null when they have the same. */
    private String assumption;

    Check(String statement, Verdict verdict, String reason, Point counterexample, int points, double largestError) {
        this.statement = statement;
        this.verdict = verdict;
        this.reason = reason;
        this.counterexample = counterexample;
        this.points = points;
        this.largestError = largestError;
    }

    /** Checks an equation written as text; the left side may be a derivative {@code d/dx …}, {@code ∂/∂a …}, {@code d²/dx² …}. */
    public static Check of(String equation) {
        Claim c = Claim.parse(equation);
        Expr body = c.body();
        Expr lhs = body;
        for (String x : c.by()) lhs = SymbolicDiff.diff(lhs, x);
        boolean parenthesise = body instanceof Call call && call.op().isOperator();
        String shown = c.by().isEmpty() ? lhs.toString()
                : c.operator() + " " + (parenthesise ? "(" + body + ")" : body.toString());
        // compared with its typed decimals exact (Literals): the same claim, read once more
        Literals.Read exact = Literals.of(equation);
        Check r;
        if (exact != null && exact.claim().by().equals(c.by())) {
            Expr xl = exact.claim().body();
            for (String x : c.by()) xl = SymbolicDiff.diff(xl, x);
            r = of(lhs, c.rhs(), shown, xl, exact.claim().rhs(), exact.literals(), c.by());
        } else {
            r = of(lhs, c.rhs(), shown, lhs, c.rhs(), Literals.NONE, c.by());
        }
        if (c.by().isEmpty()) return r;
        var d = new Check(r.statement, r.verdict, "the derivative is " + Simplifier.simplify(lhs) + "; " + r.reason, r.counterexample, r.points, r.largestError);
        d.domain = r.domain;
        d.assumption = r.assumption;
        return d;
    }

    /** Checks {@code lhs = rhs}. */
    public static Check of(Expr lhs, Expr rhs) {
        return of(lhs, rhs, lhs.toString(), lhs, rhs, Literals.NONE, List.of());
    }

    /**
     * {@code lhs = rhs}, shown with {@code shownLhs}, compared as {@code xl = xr} with the decimals' stand-ins
     * bound to {@code literals}; {@code by} the names the left side was differentiated by. A claim with
     * vectors or matrices in it is decided at random concrete matrices ({@link MatrixClaims}).
     */
    private static Check of(Expr lhs, Expr rhs, String shownLhs, Expr xl, Expr xr, Literals literals, List<String> by) {
        Check c = MatrixClaims.applies(lhs, rhs)
                ? MatrixClaims.decide(shownLhs + " = " + rhs, Graph.inline(lhs), Graph.inline(rhs), by)
                : decide(lhs, rhs, shownLhs, xl, xr, literals);
        c.assumption = assumption(lhs.vars(), rhs.vars());
        return c;
    }

    /**
     * How a claim is read whose sides have different symbols: as for all of them, said so
     * ({@code x + 0*y = x} holds for all x, y; {@code x + y = x} does not).
     */
    private static String assumption(java.util.Collection<String> left, java.util.Collection<String> right) {
        left = new TreeSet<>(left);
        right = new TreeSet<>(right);
        // a constant side (sin(x)² + cos(x)² = 1) needs no saying; x + y = x does
        if (left.equals(right) || left.isEmpty() || right.isEmpty()) return null;
        var all = new TreeSet<>(left);
        all.addAll(right);
        var onlyLeft = new TreeSet<>(left);
        onlyLeft.removeAll(right);
        var onlyRight = new TreeSet<>(right);
        onlyRight.removeAll(left);
        var where = new java.util.ArrayList<String>();
        if (!onlyLeft.isEmpty()) where.add(String.join(", ", onlyLeft) + " only on the left side");
        if (!onlyRight.isEmpty()) where.add(String.join(", ", onlyRight) + " only on the right side");
        return "read as for all " + String.join(", ", all) + " (" + String.join(", ", where) + ")";
    }

    private static Check decide(Expr lhs, Expr rhs, String shownLhs, Expr xl, Expr xr, Literals literals) {
        String statement = shownLhs + " = " + rhs;
        Expr l = Simplifier.simplify(lhs), r = Simplifier.simplify(rhs);
        var vars = new TreeSet<>(lhs.vars());
        vars.addAll(rhs.vars());
        Expr li = Graph.inline(xl), ri = Graph.inline(xr);  // def'd functions compared by their bodies
        if ((l == r || Simplifier.simplify(Exprs.sub(lhs, rhs)) == Exprs.ZERO) && !typedDecimalsDiffer(li, ri, vars, literals)) {
            Check c = new Check(statement, Verdict.SIMPLIFIED, "equal after simplification: both sides are " + l, null, 0, 0);
            // the simplifier's identities hold where both sides are defined (sqrt(x)² = x for x ≥ 0): say where that is
            c.domain = simplifiedDomain(li, ri, List.copyOf(vars), literals);
            return c;
        }
        Precise sides = new Precise(li, ri);
        var unknowns = new LinkedHashSet<Expr>();
        for (Expr n : sides.nodes()) {
            if (n instanceof Partial p && !p.fn().isAbstract()) {
                return new Check(statement, Verdict.UNDECIDED, "cannot evaluate " + p + ": it was taken while " + p.fn().name()
                        + " had no body; " + p.fn().name() + " is defined now, so differentiate again to use its body", null, 0, 0);
            }
            if (n instanceof Partial || n instanceof Apply a && a.fn().isAbstract()) unknowns.add(n);
        }
        if (!unknowns.isEmpty()) return IdentityTest.run(statement, sides, List.copyOf(vars), unknowns, List.of(li, ri), literals);
        var random = new Random(SEED);
        var plan = new EvaluationPlan(List.of(li, ri));  // both sides indexed once, evaluated at every point
        int agree = 0, oneSided = 0, precise = 0;
        var examples = new java.util.EnumMap<Domain.Where, Map<String, Double>>(Domain.Where.class);
        var domain = new Domain(plan, literals);
        double largest = 0, largestPrecise = 0;
        boolean inexact = sides.inexact();
        // a budget of high-precision node evaluations: 20 points, fewer (at least 3) on very large claims
        int precisePoints = (int) Math.max(3, Math.min(PRECISE_POINTS, PRECISE_BUDGET / sides.nodes().length));
        // both sides constant: one evaluation says it all
        int attempts = vars.isEmpty() ? 1 : ATTEMPTS, wanted = vars.isEmpty() ? 1 : POINTS;
        try {
            for (int attempt = 0; attempt < attempts && agree < wanted; attempt++) {
                Point p = randomPoint(List.copyOf(vars), random);
                double[] v = plan.values(literals.with(p.asMap()));
                double a = v[plan.root(0)], b = v[plan.root(1)];
                examples.putIfAbsent(domain.of(v), p.asMap());
                if (!Double.isFinite(a) || !Double.isFinite(b)) {
                    if (Double.isFinite(a) != Double.isFinite(b)) oneSided++;
                    continue;
                }
                // relative to the larger side, but not below 10⁻⁴ of the largest intermediate value:
                // 1 − tanh(x)² and 1/cosh(x)² both underflow towards 0 at large x, at different rates
                double scale = Math.max(1, largest(v));
                double error = Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-4 * scale);
                // the decision is made in high precision at the first points and wherever doubles disagree
                Comparison c = precise < precisePoints || error > TOLERANCE ? Comparison.at(sides, literals.exactWith(p.asMap()), inexact) : null;
                if (c != null) {
                    if (!c.agree()) {
                        return new Check(statement, Verdict.COUNTEREXAMPLE, "not equal: " + (vars.isEmpty() ? "" : "at " + p + " ") + "the left side is "
                                + c.shownLeft() + " and the right side " + c.shownRight() + c.inexactNote(), p, agree, c.error());
                    }
                    precise++;
                    largestPrecise = Math.max(largestPrecise, c.error());
                    agree++;
                    continue;
                }
                if (error > TOLERANCE) {
                    return new Check(statement, Verdict.COUNTEREXAMPLE, "not equal: " + (vars.isEmpty() ? "" : "at " + p + " ") + "the left side is "
                            + TextTable.number(a, 12) + " and the right side " + TextTable.number(b, 12)
                            + " (in double precision: the high-precision evaluation is out of range here)", p, agree, error);
                }
                largest = Math.max(largest, error);
                agree++;
            }
        } catch (Interrupted stop) {
            throw stop;
        } catch (DotbarException e) {
            return new Check(statement, Verdict.UNDECIDED, "the simplifier could not show it and the sides cannot be evaluated: "
                    + e.getMessage(), null, 0, 0);
        }
        if (agree == 0) {
            return new Check(statement, Verdict.UNDECIDED, "the simplifier could not show it and no point of "
                    + ATTEMPTS + " random ones has both sides defined", null, 0, 0);
        }
        String also = oneSided == 0 ? "" : "; at " + oneSided + " other points only one side is defined";
        String how = precise == agree ? "" : " (" + precise + " of them in " + Precise.DIGITS + "-digit arithmetic"
                + (precise == 0 ? "" : ", largest relative difference there " + TextTable.number(largestPrecise, 2))
                + "; the others in double precision, largest relative error " + TextTable.number(largest, 2) + ")";
        if (precise == agree) how = " in " + Precise.DIGITS + "-digit arithmetic (largest relative difference "
                + TextTable.number(largestPrecise, 2) + ")";
        Check c = new Check(statement, Verdict.RANDOM_POINTS, "equal at " + agree + " random points"
                + (vars.isEmpty() ? "" : " in " + String.join(", ", vars)) + how
                + (inexact ? Comparison.INEXACT : "") + "; the simplifier could not show it" + also,
                null, agree, Math.max(largest, largestPrecise));
        c.domain = domain(domain, List.copyOf(vars), examples);
        return c;
    }

    /**
     * Whether the typed decimals, exact, make sides differ that the simplifier found equal: both
     * were built from constants folded to doubles ({@code 1.1^2} and {@code 1.2100000000000002}
     * are one double, 1.21 and 1.2100000000000002 are not). One point decides: it is the constants that differ.
     */
    private static boolean typedDecimalsDiffer(Expr li, Expr ri, java.util.Collection<String> vars, Literals literals) {
        if (literals.exact().isEmpty()) return false;
        Precise sides = new Precise(li, ri);
        for (Expr n : sides.nodes()) if (n instanceof Partial || n instanceof Apply a && a.fn().isAbstract()) return false;
        var random = new Random(SEED);
        for (int attempt = 0; attempt < 20; attempt++) {
            Comparison c = Comparison.at(sides, literals.exactWith(randomPoint(List.copyOf(vars), random).asMap()), sides.inexact());
            if (c != null) return !c.agree();
        }
        return false;
    }

    /** Where a claim the simplifier showed can be evaluated (null for abstract functions, which have no values). */
    private static String simplifiedDomain(Expr li, Expr ri, List<String> vars, Literals literals) {
        if (vars.isEmpty()) return null;
        var plan = new EvaluationPlan(List.of(li, ri));
        for (Expr n : plan.nodes()) if (n instanceof Partial || n instanceof Apply a && a.fn().isAbstract()) return null;
        var examples = new java.util.EnumMap<Domain.Where, Map<String, Double>>(Domain.Where.class);
        var random = new Random(SEED);
        var domain = new Domain(plan, literals);
        try {
            if (vars.size() > 1) {
                for (int k = 0; k < POINTS; k++) {
                    var p = randomPoint(vars, random).asMap();
                    examples.putIfAbsent(domain.at(p), p);
                }
            }
            return domain(domain, vars, examples);
        } catch (Interrupted stop) {
            throw stop;
        } catch (DotbarException e) {
            return null;
        }
    }

    /** {@link Domain}'s words for a claim that holds where both sides are defined; null when that is everywhere looked at. */
    private static String domain(Domain domain, List<String> vars, Map<Domain.Where, Map<String, Double>> examples) {
        if (vars.isEmpty()) return null;
        if (vars.size() == 1) return domain.line(vars.get(0), examples);
        return domain.space(examples, examples.get(Domain.Where.BOTH));
    }

    private static double largest(double[] values) {
        double m = 0;
        for (double v : values) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** A point drawn from three ranges in turn, values rounded to 3 decimals so a counterexample reads well. */
    static Point randomPoint(List<String> vars, Random random) {
        var values = new LinkedHashMap<String, Double>();
        for (String v : vars) {
            double x = switch (random.nextInt(3)) {
                case 0 -> 4 * random.nextDouble() - 2;
                case 1 -> 20 * random.nextDouble() - 10;
                default -> (random.nextBoolean() ? 1 : -1) * Math.exp(8 * random.nextDouble() - 3);
            };
            values.put(v, Math.round(x * 1000) / 1000.0);
        }
        return Point.of(values);
    }

    /** True when the equation holds: by simplification or at every random point tried. */
    public boolean holds() {
        return verdict == Verdict.SIMPLIFIED || verdict == Verdict.RANDOM_POINTS;
    }

    /** How the verdict was reached. */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * Why, in words: how a claim with different symbols on its sides is read ("read as for all
     * x, y"), where a claim that holds can be evaluated ("holds for x ≠ 0; at x = 0 neither side
     * is defined"), then how the verdict was reached.
     */
    public String reason() {
        var parts = new java.util.ArrayList<String>();
        if (assumption != null) parts.add(assumption);
        if (domain != null) parts.add(domain);
        parts.add(reason);
        return String.join("; ", parts);
    }

    /**
     * Where a claim that holds can be evaluated, when that is not everywhere looked at: e.g.
     * {@code holds for x > 0; for x < 0 only the left side is defined} ({@link Domain}).
     */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** A point where both sides are defined and differ, if one was found. */
    public Optional<Point> counterexample() {
        return Optional.ofNullable(counterexample);
    }

    /** Random points at which the sides agreed (0 when simplification decided). */
    public int points() {
        return points;
    }

    /** The largest relative difference seen at the random points (at the counterexample, if any). */
    public double largestRelativeError() {
        return largestError;
    }

    @Override
    public String toString() {
        String mark = switch (verdict) {
            case SIMPLIFIED, RANDOM_POINTS -> "✓ holds: ";
            case COUNTEREXAMPLE -> "✗ does not hold: ";
            case UNDECIDED -> "? undecided: ";
        };
        return mark + statement + "\n  " + reason();
    }
}
