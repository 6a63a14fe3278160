package dotbar.bench;

import static dotbar.expr.Exprs.add;
import static dotbar.expr.Exprs.call;
import static dotbar.expr.Exprs.mul;
import static dotbar.expr.Exprs.num;
import static dotbar.expr.Exprs.pow;
import static dotbar.expr.Exprs.sub;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A small sigmoid network's loss: 2 inputs, {@value #H} sigmoid hidden units, one sigmoid
 * output, mean squared error over {@value #M} fixed points labelled by a circle:
 * L(θ) = (1/M) Σ_d (σ(Σ_j v_j·σ(w_j0·x_d0 + w_j1·x_d1 + b_j) + c) − y_d)².
 * Parameters θ = (w_j0, w_j1, b_j for each j, then v_j for each j, then c): 4·H + 1 of them.
 */
final class SigmoidNetwork {
    static final int H = 8, M = 16;
    static final int PARAMS = 4 * H + 1;
    private static final double[][] X = new double[M][2];
    private static final double[] Y = new double[M];

    static {
        var random = new Random(42);
        for (int d = 0; d < M; d++) {
            X[d][0] = random.nextDouble() * 2 - 1;
            X[d][1] = random.nextDouble() * 2 - 1;
            Y[d] = X[d][0] * X[d][0] + X[d][1] * X[d][1] < 0.5 ? 1 : 0;
        }
    }

    private SigmoidNetwork() {}

    static List<String> names() {
        var names = new ArrayList<String>(PARAMS);
        for (int j = 0; j < H; j++) {
            names.add("w" + j + "_0");
            names.add("w" + j + "_1");
            names.add("b" + j);
        }
        for (int j = 0; j < H; j++) names.add("v" + j);
        names.add("c");
        return names;
    }

    static Expr expr() {
        var names = names();
        Expr sum = Exprs.ZERO;
        for (int d = 0; d < M; d++) {
            Expr out = Exprs.sym("c");
            for (int j = 0; j < H; j++) {
                Expr pre = add(add(mul(Exprs.sym(names.get(3 * j)), num(X[d][0])), mul(Exprs.sym(names.get(3 * j + 1)), num(X[d][1]))),
                        Exprs.sym(names.get(3 * j + 2)));
                out = add(out, mul(Exprs.sym("v" + j), call(Op.SIGMOID, pre)));
            }
            sum = add(sum, pow(sub(call(Op.SIGMOID, out), num(Y[d])), num(2)));
        }
        return mul(sum, num(1.0 / M));
    }

    static double[] start() {
        var random = new Random(7);
        double[] theta = new double[PARAMS];
        for (int i = 0; i < PARAMS; i++) theta[i] = random.nextGaussian() * 0.5;
        return theta;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double value(double[] t) {
        double sum = 0;
        for (int d = 0; d < M; d++) {
            double out = t[4 * H];
            for (int j = 0; j < H; j++) out += t[3 * H + j] * sigmoid(t[3 * j] * X[d][0] + t[3 * j + 1] * X[d][1] + t[3 * j + 2]);
            double e = sigmoid(out) - Y[d];
            sum += e * e;
        }
        return sum / M;
    }

    /** Backpropagation by hand, with the hidden activations kept in a reused array. */
    static double gradient(double[] t, double[] g, double[] hidden) {
        java.util.Arrays.fill(g, 0);
        double sum = 0;
        for (int d = 0; d < M; d++) {
            double out = t[4 * H];
            for (int j = 0; j < H; j++) {
                hidden[j] = sigmoid(t[3 * j] * X[d][0] + t[3 * j + 1] * X[d][1] + t[3 * j + 2]);
                out += t[3 * H + j] * hidden[j];
            }
            double s = sigmoid(out), e = s - Y[d];
            sum += e * e;
            double dout = 2 * e / M * s * (1 - s);
            g[4 * H] += dout;
            for (int j = 0; j < H; j++) {
                g[3 * H + j] += dout * hidden[j];
                double dpre = dout * t[3 * H + j] * hidden[j] * (1 - hidden[j]);
                g[3 * j] += dpre * X[d][0];
                g[3 * j + 1] += dpre * X[d][1];
                g[3 * j + 2] += dpre;
            }
        }
        return sum / M;
    }

    /** The gradient with Commons Math's {@link DerivativeStructure} (vector forward mode). */
    static double derivativeStructure(double[] t, double[] g) {
        var p = new DerivativeStructure[PARAMS];
        for (int i = 0; i < PARAMS; i++) p[i] = new DerivativeStructure(PARAMS, 1, i, t[i]);
        var sum = new DerivativeStructure(PARAMS, 1, 0.0);
        for (int d = 0; d < M; d++) {
            var out = p[4 * H];
            for (int j = 0; j < H; j++) {
                var pre = p[3 * j].multiply(X[d][0]).add(p[3 * j + 1].multiply(X[d][1])).add(p[3 * j + 2]);
                out = out.add(p[3 * H + j].multiply(sigmoid(pre)));
            }
            var e = sigmoid(out).subtract(Y[d]);
            sum = sum.add(e.multiply(e));
        }
        return Rosenbrock.gradientOf(sum.divide(M), g);
    }

    private static DerivativeStructure sigmoid(DerivativeStructure z) {
        return z.negate().exp().add(1).reciprocal();
    }
}
