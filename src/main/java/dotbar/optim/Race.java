package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.plot.Plot;
import dotbar.print.TextTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Several optimizers trained on the same data from the same start, compared: each {@link Rule}
 * runs on the mean of the per-sample loss over minibatches of the training set
 * ({@code rule.on(loss, train, start).batch(k).seed(s)}, so every rule sees the same minibatches
 * in the same order, PyTorch's {@code DataLoader(shuffle=True)} with one generator seed), for the
 * same number of epochs, recording after each epoch the mean loss over every training and test
 * row, and with a {@link Network} the accuracies ({@link Optimizer#test}).
 *
 * <pre>{@code
 * var parts = digits().onehot("y", 10).split(0.8, 0);
 * var net = mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y");
 * var r = race(net, parts, net.init(0), sgd().lr(0.1), adam().lr(1e-3)).epochs(5).batch(32);
 * r            // the table: final train and test loss and accuracy, training and total time
 * r.plot()     // the training loss per epoch, one curve per optimizer; .save("race.svg")
 * }</pre>
 *
 * <p>Immutable: {@link #epochs}, {@link #batch} and {@link #seed} return new races. The runs are
 * made when first asked for ({@link #runs()}, printing, {@link #plot}) and kept. A run whose step
 * is not finite stops there with its last finite weights (as {@link Optimizer#step(int)} does);
 * the table shows it as diverged, with the step and the batch of its epoch, and the scores of
 * its last finished epoch. Defaults: 10 epochs, batches of 32, seed 0.
 */
public final class Race {
    /**
     * One optimizer's run: its label, the optimizer (where it stopped), its epoch rows (epoch 0
     * the start), the wall time of the run in seconds ({@code seconds}: set-up, steps and the
     * scoring of every epoch; {@code trainingSeconds}: the steps alone, as a training loop times
     * itself), and, when a step was not finite, where ({@code "step 97 (epoch 3, batch 7)"}) and
     * the optimizer's message; else both null.
     */
    public record Run(String label, Optimizer optimizer, List<History.Epoch> epochs, double seconds, double trainingSeconds,
                      String diverged, String why) {
        /** The last epoch's row: after the last epoch, or the last finished before a divergence. */
        public History.Epoch last() { return epochs.get(epochs.size() - 1); }

        /** The epochs finished. */
        public long finished() { return last().epoch(); }
    }

    private static final String[] CURVES = {"train loss", "test loss", "train accuracy", "test accuracy"};

    private final Network net;    // null: losses only
    private final Expr loss;
    private final Dataset train, test;
    private final Point start;
    private final List<Rule> rules;
    private final List<String> labels;
    private final int epochs, batch;
    private final long seed;
    private List<Run> runs;       // made on first use

    private Race(Network net, Expr loss, Dataset train, Dataset test, Point start, List<Rule> rules, List<String> labels,
                 int epochs, int batch, long seed) {
        this.net = net;
        this.loss = loss;
        this.train = train;
        this.test = test;
        this.start = start;
        this.rules = rules;
        this.labels = labels;
        this.epochs = epochs;
        this.batch = batch;
        this.seed = seed;
    }

    /**
     * A race of {@code rules} training {@code net.loss()} on {@code train} from {@code start},
     * scored on {@code train} and {@code test} with the network's accuracy. Errors, naming what,
     * for no rules, a null, a rule with a hyperparameter unset, or data without the network's columns.
     */
    public static Race of(Network net, Dataset train, Dataset test, Point start, Rule... rules) {
        if (net == null) throw new DotbarException("race: the network is null");
        return make(net, net.loss(), train, test, start, rules);
    }

    /** As {@link #of(Network, Dataset, Dataset, Point, Rule...)} on a split's training and test sets. */
    public static Race of(Network net, Dataset.Split data, Point start, Rule... rules) {
        if (data == null) throw new DotbarException("race: the split is null");
        return of(net, data.train(), data.test(), start, rules);
    }

    /**
     * A race of {@code rules} on the mean of {@code perSampleLoss} over {@code train}, scored by
     * the mean loss over the training and the test rows (no accuracy: that needs a network's logits).
     */
    public static Race of(Expr perSampleLoss, Dataset train, Dataset test, Point start, Rule... rules) {
        if (perSampleLoss == null) throw new DotbarException("race: the loss is null");
        return make(null, perSampleLoss, train, test, start, rules);
    }

    private static Race make(Network net, Expr loss, Dataset train, Dataset test, Point start, Rule... rules) {
        if (train == null) throw new DotbarException("race: the training set is null");
        if (test == null) throw new DotbarException("race: the test set is null");
        if (start == null) throw new DotbarException("race: the start point is null");
        if (rules == null || rules.length == 0) {
            throw new DotbarException("race: give at least one optimizer, e.g. race(net, data, net.init(0), sgd().lr(0.1), adam())");
        }
        for (int i = 0; i < rules.length; i++) {
            if (rules[i] == null) throw new DotbarException("race: optimizer " + (i + 1) + " is null");
            rules[i].values();   // every hyperparameter has a value
        }
        Objectives.minibatch(loss, train, start);   // the loss reads the training set and the start gives its parameters
        if (net != null) net.evaluate(start, test);
        else Objectives.minibatch(loss, test, start);
        return new Race(net, loss, train, test, start, List.of(rules), labels(rules), 10, 32, 0);
    }

    /** Each rule's name with η and every hyperparameter that is not the built-in's default; a repeated label gets (2), (3), …. */
    private static List<String> labels(Rule[] rules) {
        var out = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (Rule r : rules) {
            Rule defaults = r.builtin() ? Rules.byName(r.name()) : null;
            var label = new StringJoiner(" ");
            label.add(r.name());
            r.hyperparameters().forEach((h, v) -> {
                if (h.equals("η") || defaults == null || !v.equals(defaults.hyperparameters().get(h))) label.add(h + "=" + Format.brief(v));
            });
            String l = label.toString();
            for (int k = 2; !seen.add(l); k++) l = label + " (" + k + ")";
            out.add(l);
        }
        return List.copyOf(out);
    }

    /** This race over {@code n ≥ 1} epochs. */
    public Race epochs(int n) {
        if (n < 1) throw new DotbarException("race: epochs(n) needs n ≥ 1, got " + n);
        return new Race(net, loss, train, test, start, rules, labels, n, batch, seed);
    }

    /** This race with minibatches of {@code k ≥ 1} rows (PyTorch's {@code batch_size}). */
    public Race batch(int k) {
        if (k < 1) throw new DotbarException("race: batch(k) needs k ≥ 1, got " + k);
        return new Race(net, loss, train, test, start, rules, labels, epochs, k, seed);
    }

    /** This race with the minibatch order of seed {@code s}, the same for every optimizer. */
    public Race seed(long s) {
        return new Race(net, loss, train, test, start, rules, labels, epochs, batch, s);
    }

    /** The optimizers' labels, in the order given. */
    public List<String> labels() { return labels; }

    /** Every optimizer's run, in the order given; run now if not yet. */
    public synchronized List<Run> runs() {
        if (runs == null) {
            var done = new ArrayList<Run>();
            for (int i = 0; i < rules.size(); i++) done.add(run(rules.get(i), labels.get(i)));
            runs = List.copyOf(done);
        }
        return runs;
    }

    /** The run of the optimizer labelled {@code label}; an error listing the labels otherwise. */
    public Run get(String label) {
        int i = labels.indexOf(label);
        if (i < 0) throw new DotbarException("race: no optimizer labelled '" + label + "'; the labels are " + String.join(", ", labels));
        return runs().get(i);
    }

    private Run run(Rule rule, String label) {
        long begin = System.nanoTime();
        Optimizer o = rule.on(loss, train, start).batch(batch).seed(seed).test(test, net);
        String diverged = null, why = null;
        try {
            o.stepUntil(Until.epochs(epochs));
        } catch (DotbarException e) {
            if (Thread.currentThread().isInterrupted()) throw e;
            long perEpoch = o.stepsPerEpoch(), done = o.t();
            diverged = "step " + (done + 1) + " (epoch " + (done / perEpoch + 1) + ", batch " + (done % perEpoch + 1) + ")";
            why = e.getMessage();
        }
        return new Run(label, o, o.history().epochs(), (System.nanoTime() - begin) / 1e9, o.trainingSeconds(), diverged, why);
    }

    /** The run with the highest final test accuracy (with a network) or else the lowest final test loss; diverged runs count by their last epoch. */
    public Run best() {
        Run best = null;
        for (Run r : runs()) {
            if (best == null || (net != null ? r.last().testAccuracy() > best.last().testAccuracy() : r.last().testLoss() < best.last().testLoss())) best = r;
        }
        return best;
    }

    /**
     * The table: per optimizer the epochs finished, the final train and test loss (and accuracy
     * with a network), and with {@code times} the run's wall time in seconds, of its steps alone
     * ("training (s)") and in all ("total (s)", with the set-up and the scoring of every epoch
     * over all training and test rows, which on a small batch can cost more than the steps); a
     * last column says where a diverged run stopped.
     */
    public String table(boolean times) {
        var header = new ArrayList<>(List.of("optimizer", "epochs", "train loss", "test loss"));
        if (net != null) header.addAll(List.of("train accuracy", "test accuracy"));
        if (times) header.addAll(List.of("training (s)", "total (s)"));
        boolean anyDiverged = runs().stream().anyMatch(r -> r.diverged() != null);
        if (anyDiverged) header.add("");
        var table = new TextTable(header.toArray(new String[0]));
        for (Run r : runs()) {
            var cells = new ArrayList<Object>(List.of(r.label(), r.finished(), r.last().trainLoss(), r.last().testLoss()));
            if (net != null) cells.addAll(List.of(r.last().trainAccuracy(), r.last().testAccuracy()));
            if (times) {
                cells.add(String.format(Locale.ROOT, "%.2f", r.trainingSeconds()));
                cells.add(String.format(Locale.ROOT, "%.2f", r.seconds()));
            }
            if (anyDiverged) cells.add(r.diverged() == null ? "" : "diverged at " + r.diverged());
            table.row(cells.toArray());
        }
        return table.toString();
    }

    /** The line above the table: what every optimizer ran on. */
    public String description() {
        long perEpoch = (train.size() + batch - 1) / batch;
        return "race: " + epochs + " epoch" + (epochs == 1 ? "" : "s") + " of " + perEpoch + " minibatch" + (perEpoch == 1 ? "" : "es")
                + " of " + batch + " (of " + train.size() + " training rows, order seed " + seed + "), scored on " + test.size()
                + " test rows; every optimizer from the same start";
    }

    /** The training loss per epoch, one curve per optimizer, on a log scale (epoch 0 is the start); {@code .save("race.svg")} writes a file. */
    public Plot plot() {
        return plot("train loss");
    }

    /**
     * One curve per optimizer of {@code what} against the epoch: {@code "train loss"},
     * {@code "test loss"} (log scale), {@code "train accuracy"} or {@code "test accuracy"}
     * (linear; with a network).
     */
    public Plot plot(String what) {
        int k = Arrays.asList(CURVES).indexOf(what);
        if (k < 0) throw new DotbarException("race.plot(\"" + what + "\"): plots one of " + String.join(", ", CURVES));
        if (k >= 2 && net == null) throw new DotbarException("race.plot(\"" + what + "\"): accuracy needs a network's logits: race(net, …)");
        Plot p = Plot.curves("epoch", what).title(what + " per epoch");
        if (k < 2) p.logScale();
        for (Run r : runs()) {
            double[] xs = new double[r.epochs().size()], ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                History.Epoch e = r.epochs().get(i);
                xs[i] = e.epoch();
                ys[i] = switch (k) {
                    case 0 -> e.trainLoss();
                    case 1 -> e.testLoss();
                    case 2 -> e.trainAccuracy();
                    default -> e.testAccuracy();
                };
            }
            p.series(r.label() + (r.diverged() == null ? "" : " (diverged)"), xs, ys);
        }
        return p;
    }

    /** {@link #description()} and the table with times. */
    @Override
    public String toString() {
        return description() + "\n" + table(true);
    }
}
