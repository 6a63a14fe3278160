package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code race(…)}: each optimizer's run is the optimizer run by hand with the same settings, to
 * the last bit; the per-epoch scores are the network's accuracy and the loss over all rows; the
 * table, the pictures, divergence and bad input.
 */
class RaceTest {
    /** Iris with columns rx1 … rx4 and ry one-hot (names of this test only), dealt 80/20. */
    private static Dataset.Split iris() {
        var d = Datasets.iris();
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = d.row(i);
        return data("rx:4 ry", rows).standardise("rx").onehot("ry", 3).split(0.8, 3);
    }

    private static Network net() {
        return mlp("rx", 4, 8, 3).prefix("rt").relu().softmaxCrossEntropy("ry");
    }

    /** Rows of inputs and one-hot targets of {@code d}, for {@link Network#accuracy}. */
    private static double[][][] inputsAndTargets(Dataset d) {
        double[][] x = new double[d.size()][4], y = new double[d.size()][3];
        for (int r = 0; r < d.size(); r++) {
            for (int i = 0; i < 4; i++) x[r][i] = d.column("rx" + (i + 1))[r];
            for (int i = 0; i < 3; i++) y[r][i] = d.column("ry" + (i + 1))[r];
        }
        return new double[][][]{x, y};
    }

    @Test
    void eachRunIsTheOptimizerRunByHandWithTheSameSettings() {
        var parts = iris();
        Network net = net();
        Point start = net.init(5);
        Rule[] rules = {sgd().lr(0.1), sgd().lr(0.05).momentum(0.9), adam().lr(0.01), rmsprop().lr(0.003)};
        Race race = race(net, parts, start, rules).epochs(3).batch(16).seed(7);
        assertEquals(List.of("sgd η=0.1", "sgd η=0.05 μ=0.9", "adam η=0.01", "rmsprop η=0.003"), race.labels());
        double[][][] train = inputsAndTargets(parts.train()), test = inputsAndTargets(parts.test());
        for (int i = 0; i < rules.length; i++) {
            Race.Run run = race.runs().get(i);
            assertNull(run.diverged());
            Optimizer o = rules[i].on(net.loss(), parts.train(), start).batch(16).seed(7);
            long perEpoch = o.stepsPerEpoch();
            assertEquals(8, perEpoch, "⌈120 / 16⌉ minibatches");
            assertEquals(4, run.epochs().size(), "the start and three epochs");
            for (int e = 0; e <= 3; e++) {
                if (e > 0) o.step((int) perEpoch);
                History.Epoch row = run.epochs().get(e);
                assertEquals(e, row.epoch());
                assertEquals(e * perEpoch, row.t());
                Network.Scores tr = net.evaluate(o.at(), parts.train()), te = net.evaluate(o.at(), parts.test());
                assertEquals(tr.loss(), row.trainLoss(), 0, run.label() + " epoch " + e);
                assertEquals(te.loss(), row.testLoss(), 0);
                // the accuracy counted sample by sample from the logits, and the loss from the optimizer's own tape
                assertEquals(net.accuracy(o.at(), train[0], train[1]), row.trainAccuracy(), 0);
                assertEquals(net.accuracy(o.at(), test[0], test[1]), row.testAccuracy(), 0);
                assertEquals(o.loss(), row.trainLoss(), 1e-12 * o.loss());
                assertEquals(rules[i].on(net.loss(), parts.test(), o.at()).loss(), row.testLoss(), 1e-12 * row.testLoss());
                assertTrue(row.trainAccuracy() >= 0 && row.trainAccuracy() <= 1 && row.testAccuracy() >= 0 && row.testAccuracy() <= 1);
            }
            assertArrayEquals(o.history().losses(), run.optimizer().history().losses(), "every minibatch loss, bit for bit");
            for (String p : net.parameters()) assertTrue(Arrays.deepEquals(o.at().array(p), run.optimizer().at().array(p)), p);
        }
        // the same minibatches for every rule: each optimizer's first step used the same batch from the same start,
        // so sgd's first minibatch loss is every rule's
        for (Race.Run r : race.runs()) assertEquals(race.runs().get(0).optimizer().history().losses()[1], r.optimizer().history().losses()[1], 0);
        assertTrue(race.best().last().testAccuracy() >= race.runs().get(0).last().testAccuracy());
    }

    @Test
    void theTableHasAColumnPerScoreAndTheTimeOnlyWhenAsked() {
        var parts = iris();
        Network net = net();
        Race race = race(net, parts.train(), parts.test(), net.init(1), sgd().lr(0.1), adagrad().lr(0.1)).epochs(2).batch(40);
        String withTimes = race.toString();
        List<String> lines = withTimes.lines().toList();
        assertTrue(lines.get(0).startsWith("race: 2 epochs of 3 minibatches of 40 (of 120 training rows, order seed 0), scored on 30 test rows"),
                lines.get(0));
        assertEquals(List.of("optimizer", "epochs", "train", "loss", "test", "loss", "train", "accuracy", "test", "accuracy",
                        "training", "(s)", "total", "(s)"),
                List.of(lines.get(1).strip().split("\\s+")));
        assertTrue(lines.get(3).matches("sgd η=0\\.1 +2 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+\\.[0-9]{2} +[0-9]+\\.[0-9]{2}"), lines.get(3));
        // the steps alone, then everything: the set-up and the scoring of every epoch come on top
        for (Race.Run r : race.runs()) {
            assertTrue(r.trainingSeconds() > 0 && r.trainingSeconds() < r.seconds(), r.trainingSeconds() + " of " + r.seconds());
            assertEquals(r.optimizer().trainingSeconds(), r.trainingSeconds(), 0);
            assertEquals(r.last().seconds(), r.trainingSeconds(), 0, "the last epoch row's time is the steps' time");
        }
        String plain = race.table(false);
        assertTrue(!plain.contains("time") && plain.contains("test accuracy"), plain);
        assertEquals(2 + 2, plain.lines().count(), "header, rule, two optimizers");
        // without a network: the losses only
        Expr line = parse("(a*rx1 + c - rx2)^2");
        Race losses = race(line, parts.train(), parts.test(), at("a=0, c=0"), sgd().lr(0.05)).epochs(2).batch(10);
        String header = losses.table(false).lines().findFirst().orElseThrow();
        assertEquals(List.of("optimizer", "epochs", "train", "loss", "test", "loss"), List.of(header.strip().split("\\s+")));
        Race.Run run = losses.runs().get(0);
        assertTrue(Double.isNaN(run.last().trainAccuracy()));
        Optimizer o = sgd().lr(0.05).on(line, parts.train(), at("a=0, c=0")).batch(10);
        o.step(2 * (int) o.stepsPerEpoch());
        assertEquals(o.loss(), run.last().trainLoss(), 0, "the optimizer's own mean loss over the training rows");
        assertEquals(sgd().on(line, parts.test(), o.at()).loss(), run.last().testLoss(), 0, "and over the test rows");
        var e = assertThrows(DotbarException.class, () -> losses.plot("test accuracy"));
        assertTrue(e.getMessage().contains("accuracy needs a network"), e.getMessage());
    }

    @Test
    void thePlotsSaveAsSvgAndPng(@TempDir Path dir) throws Exception {
        var parts = iris();
        Network net = net();
        Race race = race(net, parts, net.init(2), sgd().lr(0.1), adam().lr(0.01)).epochs(2).batch(30);
        for (String what : List.of("train loss", "test loss", "train accuracy", "test accuracy")) {
            var plot = race.plot(what);
            String text = plot.toString();
            assertTrue(text.contains("epoch") && text.contains("sgd η=0.1") && text.contains("adam η=0.01"), text);
            String name = what.replace(' ', '-');
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(plot.save(dir.resolve(name + ".svg").toString()).toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            var png = ImageIO.read(plot.save(dir.resolve(name + ".png").toString()).toFile());
            assertEquals(800, png.getWidth());
            assertEquals(600, png.getHeight());
        }
        assertTrue(race.plot().toString().contains("train loss per epoch"));
        assertTrue(race.plot().toString().contains("after 2 epochs"), "the legend counts epochs");
        assertTrue(Files.size(dir.resolve("train-loss.svg")) > 0);
        var e = assertThrows(DotbarException.class, () -> race.plot("loss"));
        assertTrue(e.getMessage().contains("train loss, test loss, train accuracy, test accuracy"), e.getMessage());
    }

    @Test
    void aRunWhoseStepIsNotFiniteIsShownAsDivergedWhereItStopped() {
        var rows = new double[][]{{1, 2}, {2, 4.1}, {3, 5.9}, {4, 8.2}, {5, 9.9}};
        var train = data("du dv", rows);
        var test = data("du dv", new double[][]{{1.5, 3}, {2.5, 5}});
        Expr loss = parse("(a*du - dv)^2");
        Point start = at("a=0");
        Rule wild = sgd().lr(1e120);
        Race race = race(loss, train, test, start, sgd().lr(0.01), wild).epochs(4).batch(2);
        Race.Run fine = race.runs().get(0), diverged = race.runs().get(1);
        assertNull(fine.diverged());
        assertEquals(4, fine.finished());
        assertNotNull(diverged.diverged());
        // by hand: the same rule steps until a step is not finite
        Optimizer o = wild.on(loss, train, start).batch(2);
        var e = assertThrows(DotbarException.class, () -> o.step(12));
        assertEquals(e.getMessage(), diverged.why());
        long t = o.t(), perEpoch = o.stepsPerEpoch();
        assertEquals(t, diverged.optimizer().t(), "stopped at the same step, keeping the last finite weights");
        assertTrue(Double.isFinite(diverged.optimizer().at().get("a")));
        assertEquals("step " + (t + 1) + " (epoch " + (t / perEpoch + 1) + ", batch " + (t % perEpoch + 1) + ")", diverged.diverged());
        assertEquals(t / perEpoch, diverged.finished(), "the epochs finished before it");
        String table = race.table(false);
        assertTrue(table.contains("diverged at " + diverged.diverged()), table);
        assertTrue(race.plot().toString().contains("(diverged)"));
        assertEquals(fine, race.best(), "the lowest test loss");
    }

    @Test
    void testDataGivesTheHistoryARowPerEpoch() {
        var parts = iris();
        Network net = net();
        Optimizer o = sgd().lr(0.1).on(net.loss(), parts.train(), net.init(3)).batch(50).test(parts.test(), net);
        assertEquals(1, o.history().epochs().size(), "the start, recorded at once");
        o.step(7);   // 3 per epoch: two epochs and one step
        var epochs = o.history().epochs();
        assertEquals(List.of(0L, 3L, 6L), epochs.stream().map(History.Epoch::t).toList());
        assertEquals(List.of(0L, 1L, 2L), epochs.stream().map(History.Epoch::epoch).toList());
        assertTrue(o.history().toString().contains("per epoch, over all rows of the training and the test set"), o.history().toString());
        assertTrue(epochs.get(2).seconds() >= epochs.get(1).seconds());
        o.batch(40);   // the epochs start over here: 3 steps each from t = 7
        o.step(3);
        assertEquals(List.of(0L, 3L, 6L, 10L), o.history().epochs().stream().map(History.Epoch::t).toList());
        o.reset();
        assertEquals(1, o.history().epochs().size(), "reset: the start again");
        // without a network: the losses, accuracies NaN
        Optimizer plain = sgd().lr(0.1).on(net.loss(), parts.train(), net.init(3)).batch(50).test(parts.test());
        plain.step(3);
        assertTrue(Double.isNaN(plain.history().epochs().get(1).testAccuracy()));
        Optimizer withNet = sgd().lr(0.1).on(net.loss(), parts.train(), net.init(3)).batch(50).test(parts.test(), net).step(3);
        double byNet = withNet.history().epochs().get(1).testLoss();
        assertEquals(byNet, plain.history().epochs().get(1).testLoss(), 1e-12 * byNet, "the test loss by the tape and by the network's forward pass");
        var e = assertThrows(DotbarException.class, () -> sgd(parse("(x-1)^2"), at("x=0")).test(parts.test()));
        assertTrue(e.getMessage().contains("needs an optimizer on data"), e.getMessage());
        Network other = mlp("rx", 4, 5, 3).prefix("ru").softmaxCrossEntropy("ry");
        e = assertThrows(DotbarException.class, () -> sgd().on(net.loss(), parts.train(), net.init(3)).test(parts.test(), other));
        assertTrue(e.getMessage().contains("is not the loss this optimizer trains"), e.getMessage());
    }

    @Test
    void badInputSaysWhatIsWrong() {
        var parts = iris();
        Network net = net();
        Point start = net.init(0);
        var e = assertThrows(DotbarException.class, () -> race(net, parts, start));
        assertTrue(e.getMessage().contains("give at least one optimizer"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> race(net, parts, start, sgd(), null));
        assertTrue(e.getMessage().contains("optimizer 2 is null"), e.getMessage());
        Race r = race(net, parts, start, sgd());
        for (int n : new int[]{0, -1}) {
            e = assertThrows(DotbarException.class, () -> r.epochs(n));
            assertTrue(e.getMessage().contains("epochs(n) needs n ≥ 1, got " + n), e.getMessage());
        }
        e = assertThrows(DotbarException.class, () -> r.batch(0));
        assertTrue(e.getMessage().contains("batch(k) needs k ≥ 1"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> race(net, parts.train(), null, start, sgd()));
        assertTrue(e.getMessage().contains("the test set is null"), e.getMessage());
        // an empty test set cannot be made: a split with nothing to test, or data without rows, is refused
        e = assertThrows(DotbarException.class, () -> iris().train().split(1.0, 0));
        assertTrue(e.getMessage().contains("each side needs at least one row"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> data("rx:4 ry", new double[0][]));
        assertTrue(e.getMessage().contains("has no rows"), e.getMessage());
        // a test set without the network's columns
        e = assertThrows(DotbarException.class, () -> race(net, parts.train(), data("q", new double[][]{{1}}), start, sgd()));
        assertTrue(e.getMessage().contains("rx"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> race(net, parts, start, rule("heavy", "v = α*v - g", "θ = θ + η*v")));
        assertTrue(e.getMessage().contains("α"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> r.get("adam"));
        assertTrue(e.getMessage().contains("the labels are sgd η=0.001"), e.getMessage());
        assertEquals(List.of("sgd η=0.1", "sgd η=0.1 (2)"), race(net, parts, start, sgd().lr(0.1), sgd().lr(0.1)).labels());
    }

    /** A rule made while the session has a tensor named like its step t or a state (a network's target t) still steps entry by entry. */
    @Test
    void rulesAreCompiledWithTheirSlotsAsNumbers() {
        try {
            vector("t", 3);
            vector("v", 2);
            Rule adam = adam().lr(0.1);
            Optimizer o = adam.on(parse("(q - 1)^2"), at("q=0"));
            o.step();
            // Adam's first step is η·sign(g) down the slope: q = 0.1
            assertEquals(0.1, o.at().get("q"), 1e-9);
            Optimizer heavy = rule("heavy", "v = α*v - g", "θ = θ + η*v/t").set("α", 0.5).set("η", 0.1).on(parse("(q - 1)^2"), at("q=0"));
            heavy.step();
            assertEquals(0.2, heavy.at().get("q"), 1e-12, "θ + η·(−g)/1 with g = −2");
        } finally {
            forget("t");
            forget("v");
        }
    }

    /**
     * For any batch size, order seed and number of epochs, every epoch row of a race on a
     * per-sample loss is the optimizer's own mean loss over the training rows, and over the test
     * rows, after that many epochs stepped by hand.
     */
    @Property(tries = 15)
    void everyEpochRowIsTheMeanLossAfterThatManyEpochs(@ForAll @IntRange(min = 1, max = 130) int batch, @ForAll long seed,
                                                       @ForAll @IntRange(min = 1, max = 3) int epochs) {
        var parts = iris();
        Expr line = parse("(a*rx3 + c - rx4)^2");
        Point start = at("a=0.5, c=-0.5");
        Rule[] rules = {sgd().lr(0.02).momentum(0.5), rmsprop().lr(0.01)};
        Race race = race(line, parts.train(), parts.test(), start, rules).epochs(epochs).batch(batch).seed(seed);
        for (int i = 0; i < rules.length; i++) {
            Race.Run run = race.runs().get(i);
            Optimizer o = rules[i].on(line, parts.train(), start).batch(batch).seed(seed);
            assertEquals(epochs + 1, run.epochs().size());
            for (int e = 0; e <= epochs; e++) {
                if (e > 0) o.step((int) o.stepsPerEpoch());
                assertEquals(o.t(), run.epochs().get(e).t());
                assertEquals(o.loss(), run.epochs().get(e).trainLoss(), 0, run.label() + " after " + e + " epochs");
                assertEquals(rules[i].on(line, parts.test(), o.at()).loss(), run.epochs().get(e).testLoss(), 0);
            }
        }
    }
}
