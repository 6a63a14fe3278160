package dotbar.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.reference.RefFiles.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written {@link Mlp}, {@link Minibatches} and optimizers reproduce {@code refs/torch-training}:
 * from the recorded nn.Linear start, in the recorded DataLoader order, 2 epochs of each optimizer end
 * within 1e-9 relative of torch on every weight, every batch loss and every epoch's loss agree as
 * closely, and the accuracy after each epoch is the same.
 */
class TorchTrainingTest {
    static final double TOLERANCE = 1e-9;
    static final String DIR = "/refs/torch-training/";
    static final String[] NAMES = {"W1", "b1", "W2", "b2"};

    record Run(String name, String kind, Map<String, Double> hyper, List<double[]> epochs, List<double[]> steps) {}

    static Map<String, Tensor> init() {
        var out = new LinkedHashMap<String, Tensor>();
        for (String[] f : RefFiles.records(DIR + "init.tsv.gz")) out.put(f[0], RefFiles.tensor(f, 0));
        return out;
    }

    static int[][] orders() {
        return RefFiles.records(DIR + "order.tsv").stream().map(f -> RefFiles.ints(f, 2)).toArray(int[][]::new);
    }

    static Map<String, Run> runs() {
        var runs = new LinkedHashMap<String, Run>();
        for (String[] f : RefFiles.records(DIR + "training.tsv")) {
            switch (f[0]) {
                case "optimizer" -> {
                    var h = new HashMap<String, Double>();
                    for (String kv : f[3].split(" ")) h.put(kv.substring(0, kv.indexOf('=')), Double.parseDouble(kv.substring(kv.indexOf('=') + 1)));
                    runs.put(f[1], new Run(f[1], f[2], h, new ArrayList<>(), new ArrayList<>()));
                }
                case "epoch" -> runs.get(f[1]).epochs().add(Arrays.stream(f, 2, 6).mapToDouble(Double::parseDouble).toArray());
                case "step" -> runs.get(f[1]).steps().add(Arrays.stream(f, 2, 6).mapToDouble(Double::parseDouble).toArray());
                default -> throw new IllegalStateException("unknown record " + f[0]);
            }
        }
        return runs;
    }

    static Map<String, Map<String, Tensor>> finals() {
        var out = new HashMap<String, Map<String, Tensor>>();
        for (String[] f : RefFiles.records(DIR + "final.tsv.gz"))
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], RefFiles.tensor(f, 1));
        return out;
    }

    static Mlp network() {
        return new Mlp(32, Activation.RELU, Activation.IDENTITY, 64, 32, 10);
    }

    static double[] flatten(Mlp net, Map<String, Tensor> tensors) {
        double[] theta = new double[net.parameterCount()];
        for (int l = 1; l <= 2; l++) {
            Tensor W = tensors.get("W" + l), b = tensors.get("b" + l);
            assertEquals(net.size(l) + "×" + net.size(l - 1), W.rows() + "×" + W.cols(), "W" + l);
            assertEquals(net.size(l) + "×1", b.rows() + "×" + b.cols(), "b" + l);
            System.arraycopy(W.values(), 0, theta, net.weightOffset(l), W.values().length);
            System.arraycopy(b.values(), 0, theta, net.biasOffset(l), b.values().length);
        }
        return theta;
    }

    @Test
    void theRecordedStartIsNnLinearsInitAndTheOrderIsAPermutationPerEpoch() {
        Map<String, Tensor> init = init();
        assertEquals(List.of(NAMES), List.copyOf(init.keySet()));
        for (String n : NAMES) {
            Tensor t = init.get(n);
            double bound = 1 / Math.sqrt(n.endsWith("1") ? 64 : 32);   // kaiming_uniform(a=√5) and the bias: U(±1/√fan_in)
            double max = Arrays.stream(t.values()).map(Math::abs).max().orElseThrow();
            assertTrue(max <= bound, n + ": largest |entry| " + max + " beyond the bound " + bound);
            // and the draws fill the interval: with 320 or more uniform draws the largest is near the bound
            if (t.values().length >= 320) assertTrue(max > 0.95 * bound, n + ": largest |entry| " + max + " far below the bound " + bound);
        }
        int[][] orders = orders();
        assertEquals(2, orders.length);
        for (int[] o : orders) {
            int[] sorted = o.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i], "a permutation of 0..1796");
        }
        assertTrue(!Arrays.equals(orders[0], orders[1]), "each epoch reshuffles");
        assertEquals(1797, Digits.load().size());
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerEndsWhereTorchDoes() {
        Digits digits = Digits.load();
        Map<String, Tensor> init = init();
        int[][] orders = orders();
        Map<String, Map<String, Tensor>> finals = finals();
        Map<String, Run> runs = runs();
        assertEquals(List.of("sgd", "sgd-momentum", "momentum-ema", "adagrad", "rmsprop", "adam", "adam-l2", "adamw"),
                List.copyOf(runs.keySet()));
        return runs.values().stream().map(run -> DynamicTest.dynamicTest(run.name(), () -> {
            Mlp net = network();
            var batches = new Minibatches(net, digits.features(), digits.labels(), 32);
            double[] theta = flatten(net, init);
            Optimizer opt = Optimizer.of(run.kind(), run.hyper(), theta.length);
            var r = new Relative(TOLERANCE);
            checkEpoch(r, run.epochs().get(0), batches.evaluate(theta), run.name() + " start");
            int perEpoch = batches.batches(digits.size());
            double[] losses = new double[perEpoch];
            for (int e = 1; e <= orders.length; e++) {
                batches.epoch(theta, opt, orders[e - 1], losses, 0);
                for (int s = 0; s < perEpoch; s++) {
                    double[] step = run.steps().get((e - 1) * perEpoch + s);   // epoch, step, size, loss
                    assertEquals(e + " " + (s + 1), (int) step[0] + " " + (int) step[1]);
                    r.check(step[3], losses[s], run.name() + " epoch " + e + " batch " + (s + 1) + " loss");
                }
                checkEpoch(r, run.epochs().get(e), batches.evaluate(theta), run.name() + " epoch " + e);
            }
            assertEquals(run.steps().size(), orders.length * perEpoch, "steps recorded");
            double[] expected = flatten(net, finals.get(run.name()));
            for (int i = 0; i < theta.length; i++) r.check(expected[i], theta[i], run.name() + " final θ[" + i + "]");
            System.out.println(run.name() + ": " + r);
        }));
    }

    /** The seed's errata: its EMA momentum (η, α) is torch's heavy-ball SGD(lr = η(1−α), momentum = α), not SGD(lr = η, momentum = α). */
    @Test
    void theSeedsMomentumIsHeavyBallSgdWithLrEtaTimesOneMinusAlpha() {
        Map<String, Double> ema = runs().get("momentum-ema").hyper();
        double eta = ema.get("eta"), alpha = ema.get("alpha");
        Mlp net = network();
        double[] expected = flatten(net, finals().get("momentum-ema"));
        double[] same = trainTwoEpochs(new Sgd(expected.length, eta * (1 - alpha), alpha, 0));
        var r = new Relative(TOLERANCE);
        for (int i = 0; i < same.length; i++) r.check(expected[i], same[i], "SGD(lr=η(1−α), momentum=α) θ[" + i + "]");
        double[] naive = trainTwoEpochs(new Sgd(expected.length, eta, alpha, 0));
        System.out.println("EMA momentum vs SGD(lr=η(1−α), momentum=α): " + r
                + "; vs SGD(lr=η, momentum=α): " + largestRelativeError(expected, naive));
        assertTrue(largestRelativeError(expected, naive) > 1e-2, "SGD(lr=η, momentum=α) is another method");
    }

    /** The files pin the form of weight decay down: Adam's coupled L2 term and AdamW's decoupled shrink end far apart. */
    @Test
    void coupledAndDecoupledWeightDecayAreToldApart() {
        Map<String, Double> h = runs().get("adamw").hyper();
        double[] adamw = flatten(network(), finals().get("adamw"));
        double[] coupled = trainTwoEpochs(Adam.adam(adamw.length, h.get("lr"), h.get("beta1"), h.get("beta2"), h.get("eps"), h.get("weight_decay")));
        System.out.println("AdamW vs Adam with the same weight_decay: " + largestRelativeError(adamw, coupled));
        assertTrue(largestRelativeError(adamw, coupled) > 1e-3, "Adam(weight_decay) is not AdamW");
    }

    private static double[] trainTwoEpochs(Optimizer opt) {
        Digits digits = Digits.load();
        Mlp net = network();
        var batches = new Minibatches(net, digits.features(), digits.labels(), 32);
        double[] theta = flatten(net, init());
        double[] losses = new double[batches.batches(digits.size())];
        for (int[] order : orders()) batches.epoch(theta, opt, order, losses, 0);
        return theta;
    }

    private static double largestRelativeError(double[] expected, double[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Relative.error(expected[i], actual[i]));
        return worst;
    }

    /** {loss, accuracy} against the record {epoch, loss, accuracy, mean batch loss}. */
    private static void checkEpoch(Relative r, double[] record, double[] lossAndAccuracy, String where) {
        r.check(record[1], lossAndAccuracy[0], where + " loss");
        assertEquals(record[2], lossAndAccuracy[1], where + " accuracy");
    }
}
