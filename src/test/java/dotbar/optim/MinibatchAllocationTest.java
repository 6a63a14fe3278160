package dotbar.optim;

import static dotbar.DotBar.adam;
import static dotbar.DotBar.data;
import static dotbar.DotBar.digits;
import static dotbar.DotBar.mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * The training loop allocates nothing per step: minibatch (32) Adam on the digits with the 64-32-10
 * network, two epochs once warm, measured by the thread's allocation counter. (The history's rows
 * are reserved by {@code step(n)} in one allocation, which the warm-up run made and reset keeps.)
 */
class MinibatchAllocationTest {
    @Test
    void twoEpochsOfMinibatchAdamOnTheDigitsAllocateNothingPerStep() {
        var net = mlp("xma", 64, 32, 10).prefix("ma").relu().softmaxCrossEntropy("yma");
        var loss = net.loss();
        Dataset d = digits();
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = d.row(i);
        Dataset digits = data("xma:64 yma", rows).onehot("yma", 10);
        Optimizer o = adam().on(loss, digits, net.init(0)).lr(1e-3).batch(32).seed(3);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        o.step(114);     // warm up; the history's arrays grow to 115 rows
        o.reset();       // keeps them, and starts the epochs over
        long before = threads.getCurrentThreadAllocatedBytes();
        o.step(114);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println("2 epochs (114 steps) of minibatch Adam on the digits allocated " + allocated + " bytes");
        assertEquals(114, o.t());
        // one θ row is 2 410 doubles (19 kB): far less than one per step means nothing per step
        assertTrue(allocated < 8_000, "114 steps allocated " + allocated + " bytes");
    }

    /** The allocation-free shuffle draws what Commons Math's MathArrays.shuffle draws: seeds keep their orders. */
    @Test
    void theShuffleIsCommonsMathsShuffle() {
        for (int n : new int[]{1, 2, 3, 10, 1797}) {
            for (long seed = 0; seed < 5; seed++) {
                int[] mine = new int[n], theirs = new int[n];
                for (int i = 0; i < n; i++) mine[i] = theirs[i] = i;
                var a = new Well19937c(seed);
                var b = new Well19937c(seed);
                for (int epoch = 0; epoch < 3; epoch++) {
                    Minibatch.shuffle(mine, a);
                    MathArrays.shuffle(theirs, b);
                    assertArrayEquals(theirs, mine, "n = " + n + ", seed " + seed + ", epoch " + epoch);
                }
            }
        }
    }
}
