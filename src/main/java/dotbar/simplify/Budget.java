package dotbar.simplify;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;

/**
 * How big an exact computation may get: at most {@code maxTerms} terms in any polynomial it makes,
 * and at most {@code maxWork} coefficient operations in all. A computation past either limit stops
 * with {@link TooLarge} before doing the work (for powers and products the size is estimated
 * first), so {@code expand((x+1)^100000)} is refused at once; every loop also polls
 * {@link Interrupted}, so Ctrl-C stops what is under the limit but slow.
 *
 * <p>The user-facing operations run with {@link #user(String)}; {@code simplify}, which tries them on
 * everything it is given, runs with the much smaller {@link #trial()} and drops a candidate that
 * would exceed it.
 */
final class Budget {
    /** The most terms {@code expand}, {@code factor}, {@code collect} and {@code together} produce. */
    static final int MAX_TERMS = 10_000;

    private final String operation;
    private final int maxTerms;
    private final long maxWork;
    private long work;
    private long polls;

    private Budget(String operation, int maxTerms, long maxWork) {
        this.operation = operation;
        this.maxTerms = maxTerms;
        this.maxWork = maxWork;
    }

    /** The most coefficient operations one user call may take (a gcd of two large dense polynomials can need more). */
    static final long MAX_WORK = 20_000_000;

    /** The limits of the user's own calls: {@value #MAX_TERMS} terms, {@value #MAX_WORK} coefficient operations (and Ctrl-C). */
    static Budget user(String operation) {
        return new Budget(operation, MAX_TERMS, MAX_WORK);
    }

    /** The limits of a candidate tried by {@code simplify}: small, so a hopeless one costs little. */
    static Budget trial() {
        return new Budget("simplify", 400, 400_000);
    }

    /** Refuses a result estimated at {@code terms} terms when that is over the limit; {@code what} names it. */
    void terms(double terms, Object what) {
        if (terms > maxTerms) throw new TooLarge(operation, what, terms, maxTerms);
    }

    /** Counts {@code n} coefficient operations (and polls for Ctrl-C). */
    void work(long n) {
        work += n;
        if (work > maxWork) throw new TooLarge(operation, null, work, maxWork);
        if (n >= 64) Interrupted.check();
        else Interrupted.poll(++polls);
    }

    /** A result over the limit, refused before it was computed. */
    static final class TooLarge extends DotbarException {
        private static final long serialVersionUID = 1L;

        TooLarge(String operation, Object what, double estimate, long limit) {
            super(what == null
                    ? operation + ": more than " + format(limit) + " coefficient operations, the limit; stopped (the result would be large or slow to find)"
                    : operation + ": " + (what instanceof dotbar.expr.Expr e ? Expansion.shortText(e) : what) + " would have about " + format(estimate) + " terms, over the limit of "
                    + format(limit) + " terms (" + operation + " refuses results larger than that)");
        }

        private static String format(double estimate) {
            return estimate < 1e15 ? String.format("%,d", (long) Math.ceil(estimate)).replace(',', ' ')
                    : String.format("%.3g", estimate);
        }
    }
}
