package dotbar.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Point;
import dotbar.testing.CentralDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The op table's numeric partials ({@link Op#partial}, what the numeric sweeps multiply by) are
 * its symbolic partials ({@link Op#partials}) evaluated — to the last bit, at ordinary numbers and
 * at the awkward ones (±0, ±∞, NaN, kinks, outside the domain) — and both are the derivative a
 * central difference measures, which knows nothing of the table.
 */
class OpPartialsTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1, -1, 2, 0.5, -0.5, 1e-300, -1e-300, 1e300, -1e300, 710, -745,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE};

    /** The symbolic partial at numbers: the rule's expression built over number operands, which construction folds. */
    private static double folded(Op op, int i, double a, double b, double value) {
        List<Expr> x = op.arity() == 1 ? List.of(Exprs.num(a)) : List.of(Exprs.num(a), Exprs.num(b));
        return ((Num) op.partials(x, Exprs.num(value)).get(i)).value();
    }

    private static List<double[]> points(Op op) {
        var r = new ArrayList<double[]>();
        for (double a : SPECIAL) for (double b : op.arity() == 2 ? SPECIAL : new double[] {0}) r.add(new double[] {a, b});
        var random = new Random(12);
        for (int n = 0; n < 2000; n++) {
            double scale = Math.pow(10, random.nextInt(7) - 3);
            r.add(new double[] {scale * (2 * random.nextDouble() - 1), scale * (4 * random.nextDouble() - 2)});
        }
        return r;
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void numericPartialIsTheSymbolicPartialEvaluatedToTheLastBit(Op op) {
        for (double[] p : points(op)) {
            double value = op.apply(p[0], p[1]);
            double[] all = op.numericPartials(op.arity() == 1 ? new double[] {p[0]} : p, value);
            for (int i = 0; i < op.arity(); i++) {
                double expected = folded(op, i, p[0], p[1], value);
                double actual = op.partial(i, p[0], p[1], value);
                String at = op + " ∂/∂x" + i + " at (" + p[0] + ", " + p[1] + ")";
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), at + ": " + expected + " vs " + actual);
                assertEquals(Double.doubleToLongBits(actual), Double.doubleToLongBits(all[i]), at + " numericPartials");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void numericPartialIsWhatCentralDifferencesMeasure(Op op) {
        Expr e = op.arity() == 1 ? Exprs.call(op, Exprs.sym("x")) : Exprs.call(op, Exprs.sym("x"), Exprs.sym("y"));
        var random = new Random(12);
        int compared = 0;
        for (int n = 0; n < 200; n++) {
            // inside every op's domain: x in (1.05, 1.95) keeps acosh, asin's 1 − x² < 0 and log away
            double x = op == Op.ASIN || op == Op.ACOS || op == Op.ATANH ? 0.9 * (2 * random.nextDouble() - 1)
                    : op == Op.ACOSH ? 1.05 + 2 * random.nextDouble() : 0.1 + 2 * random.nextDouble();
            double y = 0.2 + 1.5 * random.nextDouble();
            if (Math.abs(x) < 0.02) continue;  // the kinks of abs, relu, sign and step
            Point p = Point.of(java.util.Map.of("x", x, "y", y));
            double value = op.apply(x, y);
            for (int i = 0; i < op.arity(); i++) {
                var d = CentralDifference.of(e, p, i == 0 ? "x" : "y");
                if (!d.reliable(1e-7)) continue;
                double partial = op.partial(i, x, y, value);
                assertTrue(Oracles.close(d.value(), partial, 1e-6), op + " ∂/∂x" + i + " at (" + x + ", " + y + "): "
                        + partial + ", central differences " + d.value());
                compared++;
            }
        }
        assertTrue(compared >= 100 * op.arity(), op + ": only " + compared + " reliable points");
    }
}
