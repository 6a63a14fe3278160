package dotbar.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The baseline the benchmarks compare against allocates nothing per step: a minibatch step
 * (gather, forward, backward, update) of every optimizer kind, and a one-sample gradient, measured
 * with the thread's allocation counter as the tape tests do.
 */
class AllocationTest {
    private static final Map<String, Map<String, Double>> KINDS = Map.of(
            "sgd", Map.of("lr", 0.01, "momentum", 0.9, "weight_decay", 0.01),
            "ema", Map.of("eta", 0.1, "alpha", 0.9),
            "adagrad", Map.of("lr", 0.01, "eps", 1e-10, "weight_decay", 0.01),
            "rmsprop", Map.of("lr", 0.001, "alpha", 0.99, "eps", 1e-8, "weight_decay", 0.01),
            "adam", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.01),
            "adamw", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.01));

    @Test
    void minibatchStepsAndOneSampleGradientsAllocateNothing() {
        Digits digits = Digits.load();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int[] order = new int[digits.size()];
        for (int i = 0; i < order.length; i++) order[i] = (i * 7919) % order.length;
        for (var kind : KINDS.entrySet()) {
            Mlp net = TorchTrainingTest.network();
            var batches = new Minibatches(net, digits.features(), digits.labels(), 32);
            double[] theta = new double[net.parameterCount()];
            for (int i = 0; i < theta.length; i++) theta[i] = 0.05 * Math.sin(i);
            Optimizer opt = Optimizer.of(kind.getKey(), kind.getValue(), theta.length);
            double sink = 0;
            for (int s = 0; s < 100; s++) sink += batches.step(theta, opt, order, (s * 32) % 1760, 32);
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int s = 0; s < 500; s++) sink += batches.step(theta, opt, order, (s * 32) % 1760, 32);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(Double.isFinite(sink), kind.getKey() + " stayed finite");
            System.out.println(kind.getKey() + ": 500 steps allocated " + allocated + " bytes");
            assertTrue(allocated < 4_000, kind.getKey() + ": 500 steps allocated " + allocated + " bytes");
        }
        Mlp one = new Mlp(1, Activation.RELU, Activation.IDENTITY, 64, 32, 10);
        double[] theta = new double[one.parameterCount()], grad = new double[theta.length], x = new double[64];
        int[] label = {3};
        for (int i = 0; i < theta.length; i++) theta[i] = 0.05 * Math.cos(i);
        System.arraycopy(digits.features(), 0, x, 0, 64);
        double sink = 0;
        for (int s = 0; s < 1_000; s++) sink += one.crossEntropy(theta, x, label, 1, grad);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int s = 0; s < 5_000; s++) sink += one.crossEntropy(theta, x, label, 1, grad);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(Double.isFinite(sink));
        System.out.println("5 000 one-sample gradients allocated " + allocated + " bytes");
        assertTrue(allocated < 4_000, "5 000 one-sample gradients allocated " + allocated + " bytes");
    }
}
