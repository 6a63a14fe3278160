package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Flat;
import dotbar.expr.Point;

/**
 * What an optimizer on data records at the end of every epoch once it has test data
 * ({@link Optimizer#test}): the mean per-sample loss over every row of the training set and of
 * the test set at θ, and with a {@link Network} the accuracies too (one forward pass per set,
 * {@link Network#evaluate}). Without a network the training loss is the optimizer's own
 * {@link Optimizer#loss()} and the test loss the same mean over the test rows, both from the
 * per-sample loss's tape.
 */
final class Evaluation {
    private final Network net;          // null: losses only
    private final Dataset train, test;
    private final Objective testLoss;   // without a network: the per-sample loss over the test rows
    private final double[] scratch;     // the gradient testLoss.full writes (not used)

    private Evaluation(Network net, Dataset train, Dataset test, Objective testLoss, int n) {
        this.net = net;
        this.train = train;
        this.test = test;
        this.testLoss = testLoss;
        this.scratch = new double[n];
    }

    /**
     * The evaluation of {@code perSample} (the loss the optimizer trains, over {@code train}) on
     * {@code test}, with {@code net}'s accuracies when it is not null; errors, before anything
     * changes, for a test set without the loss's columns or a network whose loss is another.
     */
    static Evaluation of(Expr perSample, Dataset train, Dataset test, Network net, Point start, Flat flat) {
        if (test == null) throw new DotbarException("test(…): the test set is null");
        if (net == null) return new Evaluation(null, train, test, Objectives.minibatch(perSample, test, start), flat.size());
        if (!net.loss().equals(perSample)) {
            throw new DotbarException("test(…, net): the network's loss " + net.loss() + " is not the loss this optimizer trains, " + perSample);
        }
        net.evaluate(start, test);   // the test set's columns checked now
        return new Evaluation(net, train, test, null, flat.size());
    }

    /** {train loss, test loss, train accuracy, test accuracy} at {@code theta} ({@code at} as a point); NaN accuracies without a network. */
    double[] scores(Optimizer o, double[] theta, Point at) {
        if (net == null) return new double[]{o.loss(), testLoss.full(theta, scratch), Double.NaN, Double.NaN};
        Network.Scores tr = net.evaluate(at, train), te = net.evaluate(at, test);
        return new double[]{tr.loss(), te.loss(), tr.accuracy(), te.accuracy()};
    }

    /** Whether the scores include accuracies. */
    boolean accuracies() { return net != null; }
}
