package dotbar.reference;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.optim.Network;
import dotbar.reference.RefFiles.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * dotbar's own optimizers, on tensor parameters, reproduce {@code refs/torch-training}: the network
 * of {@code mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y")} from torch's recorded start, a
 * training loop written by hand (each step hands the next batch to {@code opt.inputs(…)}, as a
 * PyTorch loop does), 2 epochs of torch's minibatch order. Every batch loss, every final weight and
 * the accuracy after training agree with torch's within 1e-9 relative, for all eight optimizers.
 *
 * <p>The last batch of an epoch has 5 samples, not 32: the loss takes a mask m (1×32) and the
 * count n, L = (Σ m ⊙ logsumexp(Z) − Σ Y ⊙ Z)/n with the unused columns of X and Y zero, so one
 * expression serves every batch (the padded columns add nothing to the loss or the gradient).
 */
class DotbarTrainingTest {
    private static final int B = 32;

    @TestFactory
    Stream<DynamicTest> everyOptimizerOnTensorParametersEndsWhereTorchDoes() {
        Network net = mlp("xdt", 64, 32, 10).prefix("dt").relu().softmaxCrossEntropy("ydt");
        matrix("Xdt", 64, B);
        matrix("Ydt", 10, B);
        matrix("mdt", 1, B);
        matrix("Zdt", 10, B);
        Expr loss = parse("(sum(mdt*logsumexp(Zdt)) - sum(Ydt*Zdt))/ndt").subs("Zdt", net.logits("Xdt"));
        Digits digits = Digits.load();
        int[][] orders = TorchTrainingTest.orders();
        Map<String, Tensor> init = TorchTrainingTest.init();
        var start = new ArrayList<Object>();
        for (String n : TorchTrainingTest.NAMES) start.addAll(List.of("dt" + n, rows(init.get(n))));
        Point startPoint = at(start.toArray());
        var finals = TorchTrainingTest.finals();
        return TorchTrainingTest.runs().values().stream().map(run -> DynamicTest.dynamicTest(run.name(), () -> {
            var opt = rule(run.kind()).on(loss, startPoint, batch(digits, orders[0], 0));
            run.hyper().forEach((k, v) -> opt.set(name(run.kind(), k), v));
            var r = new Relative(TorchTrainingTest.TOLERANCE);
            int step = 0;
            for (int e = 0; e < orders.length; e++) {
                for (int from = 0; from < orders[e].length; from += B, step++) {
                    opt.inputs(batch(digits, orders[e], from));
                    double[] record = run.steps().get(step);   // epoch, step, size, loss
                    assertEquals(Math.min(B, orders[e].length - from), (int) record[2]);
                    r.check(record[3], opt.loss(), run.name() + " step " + (step + 1) + " batch loss");
                    opt.step();
                }
            }
            assertEquals(run.steps().size(), step);
            Point end = opt.at();
            finalWeights(r, run.name(), finals.get(run.name()), end, "dt");
            double[] last = run.epochs().get(orders.length);   // epoch, loss, accuracy, mean batch loss
            assertEquals(last[2], net.accuracy(end, features(digits), oneHot(digits)), run.name() + " accuracy after training");
            System.out.println("dotbar " + run.name() + " on tensor parameters: " + r);
        }));
    }

    /** Every entry of the final weights {@code prefix + W1, …} at {@code end} against torch's, within r's tolerance. */
    static void finalWeights(Relative r, String run, Map<String, Tensor> torch, Point end, String prefix) {
        for (String n : TorchTrainingTest.NAMES) {
            Tensor expected = torch.get(n);
            double[][] actual = end.array(prefix + n);
            for (int i = 0; i < expected.rows(); i++) {
                for (int j = 0; j < expected.cols(); j++) r.check(expected.get(i, j), actual[i][j], run + " final " + n + "[" + i + "," + j + "]");
            }
        }
    }

    /** The dotbar rule of a torch-training kind. */
    static dotbar.optim.Rule rule(String kind) {
        return switch (kind) {
            case "sgd" -> sgd();
            case "ema" -> momentum();
            case "adagrad" -> adagrad();
            case "rmsprop" -> rmsprop();
            case "adam" -> adam();
            case "adamw" -> adamw();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** torch's hyperparameter name as dotbar takes it (PyTorch names work, but RMSprop's alpha is ρ, and the seed's momentum has η and α). */
    static String name(String kind, String torch) {
        if (kind.equals("rmsprop") && torch.equals("alpha")) return "rho";
        if (kind.equals("ema")) return torch.equals("eta") ? "η" : "α";
        return torch;
    }

    /** The batch of order[from …] as the loss's inputs: X's and Y's columns, the mask and the count; unused columns 0. */
    private static Point batch(Digits d, int[] order, int from) {
        int size = Math.min(B, order.length - from);
        double[][] x = new double[64][B], y = new double[10][B], m = new double[1][B];
        for (int b = 0; b < size; b++) {
            int s = order[from + b];
            for (int i = 0; i < 64; i++) x[i][b] = d.features()[s * 64 + i];
            y[d.labels()[s]][b] = 1;
            m[0][b] = 1;
        }
        return at("Xdt", x, "Ydt", y, "mdt", m, "ndt", (double) size);
    }

    static double[][] rows(Tensor t) {
        double[][] r = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) for (int j = 0; j < t.cols(); j++) r[i][j] = t.get(i, j);
        return r;
    }

    private static double[][] features(Digits d) {
        double[][] r = new double[d.size()][64];
        for (int s = 0; s < r.length; s++) System.arraycopy(d.features(), s * 64, r[s], 0, 64);
        return r;
    }

    private static double[][] oneHot(Digits d) {
        double[][] r = new double[d.size()][10];
        for (int s = 0; s < r.length; s++) r[s][d.labels()[s]] = 1;
        return r;
    }
}
