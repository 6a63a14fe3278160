package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.forward;
import static dotbar.DotBar.grad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The four-way agreement every tensor derivative is held to, for a scalar L and each tensor
 * input X: the symbolic derivative {@code diff(L, X)} evaluated, the numeric gradient
 * {@code grad(L, p).array(X)} (reverse mode: the op table's vector–Jacobian products), the
 * directional derivative by forward mode ({@code forward(L, X)}, the Jacobian–vector products,
 * seeded with a random direction V: it must equal ⟨∂L/∂X, V⟩), and central differences entry by
 * entry.
 */
final class TensorChecks {
    private TensorChecks() {}

    /** A point giving each named input a random value of its declared shape, entries in [lo, hi]. */
    static Point randomPoint(Random random, double lo, double hi, List<String> names) {
        var args = new ArrayList<Object>();
        for (String n : names) {
            var s = Shapes.declared(n);
            args.add(n);
            if (s.isScalar()) {
                args.add(lo + (hi - lo) * random.nextDouble());
            } else {
                double[][] v = new double[s.rows()][s.columns()];
                for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = lo + (hi - lo) * random.nextDouble();
                args.add(v);
            }
        }
        return at(args.toArray());
    }

    /** The point with entry (i, j) of X (or the scalar X) moved by h. */
    static Point moved(Point p, String x, int i, int j, double h) {
        var args = new ArrayList<Object>();
        for (String n : p.names()) { args.add(n); args.add(n.equals(x) ? p.get(n) + h : p.get(n)); }
        for (String n : p.arrayNames()) {
            double[][] v = p.array(n);
            if (n.equals(x)) v[i][j] += h;
            args.add(n);
            args.add(v);
        }
        return at(args.toArray());
    }

    /** Checks symbolic = reverse = forward = central differences for every input of L at p. */
    static void agree(String what, Expr L, Point p, Random random) {
        assertEquals(List.of(1, 1), List.of(L.shape()[0], L.shape()[1]), what + " is a scalar");
        var g = grad(L, p);
        for (String x : L.vars()) {
            var s = Shapes.declared(x);
            if (s.isScalar()) continue;  // a scalar input's derivative is the scalar engine's, tested elsewhere
            double[][] reverse = g.array(x);
            Expr d = diff(L, x);
            assertEquals(s.rows(), d.shape()[0], what + ": ∂L/∂" + x + " has " + x + "'s rows");
            assertEquals(s.columns(), d.shape()[1], what + ": ∂L/∂" + x + " has " + x + "'s columns");
            double[][] symbolic = d.evalArray(p);
            double scale = 0;
            for (double[] row : reverse) for (double v : row) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < s.rows(); i++) {
                for (int j = 0; j < s.columns(); j++) {
                    String at = what + " ∂L/∂" + x + "[" + i + "," + j + "]";
                    assertEquals(symbolic[i][j], reverse[i][j], 1e-12 * Math.max(1, scale), at + ": symbolic vs reverse");
                    double h = 1e-6 * Math.max(1, Math.abs(p.array(x)[i][j]));
                    double fd = (L.eval(moved(p, x, i, j, h)) - L.eval(moved(p, x, i, j, -h))) / (2 * h);
                    assertEquals(reverse[i][j], fd, 1e-6 * Math.max(1, Math.max(scale, Math.abs(L.eval(p)))), at + ": reverse vs central differences");
                }
            }
            // forward mode in a random direction V: L̇ = ⟨∂L/∂X, V⟩
            var trace = forward(L, x);
            String dot = trace.derivativeName(x);
            double[][] v = new double[s.rows()][s.columns()];
            double expected = 0;
            for (int i = 0; i < s.rows(); i++) {
                for (int j = 0; j < s.columns(); j++) {
                    v[i][j] = random.nextGaussian();
                    expected += v[i][j] * reverse[i][j];
                }
            }
            var withDirection = new ArrayList<Object>();
            for (String n : p.names()) { withDirection.add(n); withDirection.add(p.get(n)); }
            for (String n : p.arrayNames()) { withDirection.add(n); withDirection.add(p.array(n)); }
            withDirection.add(dot);
            withDirection.add(v);
            double forwardValue = trace.derivative().eval(at(withDirection.toArray()));
            Shapes.forget(dot);  // forward(L, X) declared the direction Ẋ with X's shape
            assertEquals(expected, forwardValue, 1e-12 * Math.max(1, Math.abs(expected) + scale), what + ": forward ∂L/∂" + x + " · V vs ⟨reverse, V⟩");
        }
        assertTrue(Double.isFinite(L.eval(p)), what + " is finite at " + p);
    }

    /**
     * Names declared with their {rows, columns} for a test class's run and forgotten after it:
     * {@code @RegisterExtension static final TensorChecks.Declared NAMES = new TensorChecks.Declared(Map.of(…))}.
     */
    record Declared(Map<String, int[]> names) implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {
        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            names.forEach((n, s) -> dotbar.DotBar.matrix(n, s[0], s[1]));
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            forget(names);
        }
    }

    /**
     * Declares W (m×k), X (k×n), b (m×1), C (m×n) under names of these sizes ({@code prefix}W2x3x1, …),
     * runs the body, forgets them: random shapes for a property, without two tries sharing a name.
     */
    static void withShapes(String prefix, int m, int k, int n, Runnable body) {
        String s = m + "x" + k + "x" + n;
        List<String> names = List.of(prefix + "W" + s, prefix + "X" + s, prefix + "b" + s, prefix + "C" + s);
        dotbar.DotBar.matrix(names.get(0), m, k);
        dotbar.DotBar.matrix(names.get(1), k, n);
        dotbar.DotBar.matrix(names.get(2), m, 1);
        dotbar.DotBar.matrix(names.get(3), m, n);
        try {
            body.run();
        } finally {
            names.forEach(Shapes::forget);
        }
    }

    /** Forgets the shapes the names were declared with. */
    static void forget(Map<String, ?> names) {
        names.keySet().forEach(Shapes::forget);
    }
}
