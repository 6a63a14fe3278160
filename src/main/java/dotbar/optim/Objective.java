package dotbar.optim;

import java.util.List;

/**
 * What an optimizer minimises: a loss over its parameters, either the whole loss at every step
 * or, for data, the mean of a per-sample loss over the next minibatch.
 */
interface Objective {
    /** The parameters, in the order of the start point. */
    List<String> parameters();

    /** The loss the next step uses at θ, with its gradient written into {@code g}; draws a minibatch when there is data. */
    double next(double[] theta, double[] g);

    /** The whole loss at θ (for data, the mean over every row), with its gradient written into {@code g}. */
    double full(double[] theta, double[] g);

    /** True when {@link #next} is a minibatch estimate rather than the whole loss. */
    boolean stochastic();

    /** Starts the minibatch sequence over (the same shuffles again). */
    void restart();

    /**
     * Takes back the last {@link #next}: the minibatch stream is where it was before it, so a step
     * that failed leaves every piece of state as it was. Nothing to do without data.
     */
    default void undoNext() { }

    /** The steps of one epoch: 1 for a whole loss, ⌈rows / batch⌉ with data. */
    default long stepsPerEpoch() { return 1; }

    /**
     * New values for the inputs the loss holds fixed ({@code rule.on(loss, start, inputs)}): the
     * same names and shapes; an error, changing nothing, otherwise or when it holds none.
     */
    default void inputs(dotbar.expr.Point values) {
        throw new dotbar.base.DotbarException("inputs(…): this loss holds no inputs; give them when it is made: rule.on(loss, start, inputs)");
    }

    /** Minibatches of {@code k} rows; an error without data. */
    void batch(int k);

    /** Reseeds the shuffling and starts over; an error without data. */
    void seed(long s);

    /**
     * The first epochs visit the rows in these orders (row indices from 0, each a permutation of
     * all rows) instead of shuffling; starts over. An error without data.
     */
    void order(int[][] epochs);
}
