package dotbar.bench;

import static dotbar.expr.Exprs.mul;
import static dotbar.expr.Exprs.num;
import static dotbar.expr.Exprs.pow;
import static dotbar.expr.Exprs.sub;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * The extended Rosenbrock function of Moré, Garbow and Hillstrom (1981), in even n:
 * f(x) = Σ_{i<n/2} 100·(x_{2i+1} − x_{2i}²)² + (1 − x_{2i})², minimum 0 at (1, …, 1) — as an
 * expression, and written by hand in Java (value, gradient, and the gradient with Commons
 * Math's {@link DerivativeStructure}), the baselines of the benchmarks.
 */
final class Rosenbrock {
    private Rosenbrock() {}

    /** The parameter names x0 … x(n−1). */
    static List<String> names(int n) {
        var names = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) names.add("x" + i);
        return names;
    }

    static Expr expr(int n) {
        Expr f = Exprs.ZERO;
        for (int i = 0; i < n; i += 2) {
            Expr a = Exprs.sym("x" + i), b = Exprs.sym("x" + (i + 1));
            Expr term = Exprs.add(mul(num(100), pow(sub(b, pow(a, num(2))), num(2))), pow(sub(num(1), a), num(2)));
            f = Exprs.add(f, term);
        }
        return f;
    }

    /** The usual starting point: (−1.2, 1, −1.2, 1, …). */
    static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i % 2 == 0 ? -1.2 : 1;
        return x;
    }

    static double value(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double d = x[i + 1] - x[i] * x[i], e = 1 - x[i];
            f += 100 * d * d + e * e;
        }
        return f;
    }

    /** The gradient by hand: ∂/∂x_{2i} = −400·x_{2i}·d − 2·e, ∂/∂x_{2i+1} = 200·d, d = x_{2i+1} − x_{2i}², e = 1 − x_{2i}. */
    static double gradient(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double d = x[i + 1] - x[i] * x[i], e = 1 - x[i];
            f += 100 * d * d + e * e;
            g[i] = -400 * x[i] * d - 2 * e;
            g[i + 1] = 200 * d;
        }
        return f;
    }

    /** The gradient by Commons Math's vector forward mode: every operation carries all n partials. */
    static double derivativeStructure(double[] x, double[] g) {
        int n = x.length;
        var f = new DerivativeStructure(n, 1, 0.0);
        for (int i = 0; i < n; i += 2) {
            var a = new DerivativeStructure(n, 1, i, x[i]);
            var b = new DerivativeStructure(n, 1, i + 1, x[i + 1]);
            var d = b.subtract(a.multiply(a));
            var e = a.negate().add(1);
            f = f.add(d.multiply(d).multiply(100)).add(e.multiply(e));
        }
        return gradientOf(f, g);
    }

    /** The first partials of a {@link DerivativeStructure} into g; returns its value. */
    static double gradientOf(DerivativeStructure f, double[] g) {
        int[] orders = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            orders[i] = 1;
            g[i] = f.getPartialDerivative(orders);
            orders[i] = 0;
        }
        return f.getValue();
    }
}
