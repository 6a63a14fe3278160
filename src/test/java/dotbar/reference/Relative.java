package dotbar.reference;

import static org.junit.jupiter.api.Assertions.fail;

/** Entry-by-entry relative agreement, |actual − expected| ≤ tol·|expected| (an expected 0 must come out 0), keeping the worst seen. */
final class Relative {
    private final double tol;
    private double worst;
    private String worstWhere = "nothing compared";

    Relative(double tol) {
        this.tol = tol;
    }

    static double error(double expected, double actual) {
        if (expected == actual) return 0;
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    void check(double expected, double actual, String where) {
        double e = error(expected, actual);
        if (!(e <= tol)) fail(where + ": expected " + expected + ", got " + actual + " (relative error " + e + " > " + tol + ")");
        if (e > worst || worstWhere.equals("nothing compared")) {
            worst = e;
            worstWhere = where;
        }
    }

    double worst() {
        return worst;
    }

    @Override
    public String toString() {
        return "worst relative error " + worst + " at " + worstWhere;
    }
}
