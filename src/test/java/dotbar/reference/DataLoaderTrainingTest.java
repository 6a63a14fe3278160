package dotbar.reference;

import static dotbar.DotBar.at;
import static dotbar.DotBar.data;
import static dotbar.DotBar.digits;
import static dotbar.DotBar.mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Point;
import dotbar.optim.Dataset;
import dotbar.optim.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The way a user trains on data — {@code rule.on(net.loss(), data, start).batch(32)} over the
 * shipped digits, one-hot targets — reproduces {@code refs/torch-training}: from torch's recorded
 * start, with torch's recorded {@code DataLoader} order handed over by {@code .order(…)}, the eight
 * optimizers' 114 steps give torch's batch losses and end within 1e-9 relative of torch's weights.
 * (DotbarTrainingTest runs the same through a hand-written loop of held inputs; this one goes through
 * the minibatch objective, the dataset's vector binding and the optimizer's epochs.)
 */
class DataLoaderTrainingTest {
    private static final int B = 32;

    /** The digits with the columns renamed xdl1 … xdl64, ydl (so the test declares no x of its own), ydl one-hot. */
    private static Dataset digitsData() {
        Dataset d = digits();
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = d.row(i);
        return data("xdl:64 ydl", rows).onehot("ydl", 10);
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerOnTheDigitsDatasetEndsWhereTorchDoes() {
        Network net = mlp("xdl", 64, 32, 10).prefix("dl").relu().softmaxCrossEntropy("ydl");
        var loss = net.loss();   // declares dlW1, dlb1, …
        Dataset data = digitsData();
        int[][] orders = TorchTrainingTest.orders();
        var init = TorchTrainingTest.init();
        var start = new ArrayList<Object>();
        for (String n : TorchTrainingTest.NAMES) start.addAll(List.of("dl" + n, DotbarTrainingTest.rows(init.get(n))));
        Point startPoint = at(start.toArray());
        var finals = TorchTrainingTest.finals();
        return TorchTrainingTest.runs().values().stream().map(run -> DynamicTest.dynamicTest(run.name(), () -> {
            var opt = DotbarTrainingTest.rule(run.kind()).on(loss, data, startPoint).batch(B).order(orders);
            run.hyper().forEach((k, v) -> opt.set(DotbarTrainingTest.name(run.kind(), k), v));
            int steps = run.steps().size();
            assertEquals(2 * 57, steps, "57 batches an epoch (1 797 rows), the last of 5 rows");
            opt.step(steps);
            var r = new Relative(TorchTrainingTest.TOLERANCE);
            double[] losses = opt.losses();   // the start's whole loss, then each step's batch loss
            for (int s = 0; s < steps; s++) r.check(run.steps().get(s)[3], losses[s + 1], run.name() + " step " + (s + 1) + " batch loss");
            DotbarTrainingTest.finalWeights(r, run.name(), finals.get(run.name()), opt.at(), "dl");
            System.out.println("dotbar " + run.name() + " on the digits dataset: " + r);
        }));
    }

    @Test
    void anOrderThatIsNotAPermutationIsRefusedNamingTheEpochAndPosition() {
        Dataset data = data("qo v", new double[][]{{0, 1}, {1, 3}, {2, 5}});
        var opt = dotbar.DotBar.sgd(dotbar.DotBar.parse("(qa*qo - v)^2"), data, at("qa=0.5")).batch(2);
        var twice = assertThrows(DotbarException.class, () -> opt.order(new int[]{0, 1, 2}, new int[]{2, 2, 0}));
        assertEquals("order: epoch 2, position 2: row 2 is listed twice", twice.getMessage());
        var outside = assertThrows(DotbarException.class, () -> opt.order(new int[]{0, 3, 1}));
        assertTrue(outside.getMessage().startsWith("order: epoch 1, position 2: row 3 is not a row of the data"), outside.getMessage());
        var short_ = assertThrows(DotbarException.class, () -> opt.order(new int[]{0, 1}));
        assertEquals("order: epoch 1 lists 2 rows, the data has 3", short_.getMessage());
        // the first batch of a given order is its first two rows: the step's loss is their mean
        opt.order(new int[]{2, 0, 1});
        opt.step();
        assertEquals(((0.5 * 2 - 5) * (0.5 * 2 - 5) + (0 - 1) * (0 - 1)) / 2.0, opt.losses()[1], 1e-15);
    }
}
