package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.diff.Grad;
import dotbar.expr.Expr;
import dotbar.expr.Flat;
import dotbar.expr.Functions;
import dotbar.expr.Point;
import dotbar.plot.Plot;
import dotbar.plot.Trajectory;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;


/**
 * A {@link Rule} running on a loss from a start point: the parameters θ, the rule's state per
 * parameter, the step count t and the trajectory. Made by the facade's factories
 * ({@code adam(loss, start)}, …) or by {@code rule.on(loss, start)}.
 *
 * <pre>{@code
 * var opt = adam(parse("(1-x)^2 + 100*(y-x^2)^2"), at("x=-1.5, y=2")).lr(0.01);
 * opt.step();          // one update; prints  adam  t=1  loss=…  (x=…, y=…)  ‖g‖=…
 * opt.step(500);
 * opt.at().get("x"); opt.loss(); opt.t(); opt.state(); opt.history();
 * var other = rmsprop(loss, opt.at());   // another optimizer from where this one is
 * }</pre>
 *
 * <p><b>Steps.</b> Step t (from 1) takes g = ∇L(θ_{t−1}) — for data, the mean gradient over the
 * next minibatch — and runs the rule's equations for every parameter. Hyperparameters are named by
 * the seed's letters or PyTorch's names ({@link #lr}, {@link #betas}, …) and can be changed between
 * steps, as a PyTorch {@code param_group}'s can.
 *
 * <p><b>A step that is not finite</b> — a loss, gradient, state or parameter that is NaN or ±∞ —
 * is not taken: the optimizer keeps its last finite state ({@link #t()} says where it stopped)
 * and {@link #step(int)} throws one {@link DotbarException} naming the step and the parameter,
 * as JAX's {@code debug_nans} does, instead of carrying NaN on for the rest of the run.
 *
 * <p><b>Long runs.</b> {@link #step(int)} checks {@link Thread#interrupted()} between two steps;
 * when interrupted it stops there, with a consistent state, re-asserts the thread's interrupt
 * flag and throws a {@link DotbarException} saying how far it got. A listener installed with
 * {@link #onProgress} hears about runs that take longer than a second.
 *
 * <p><b>Tensor parameters.</b> A start point may give matrices and vectors
 * ({@code adam(L, at("W", new double[][]{…}, "b", new double[]{…}))}): θ is one flat array, each
 * tensor row by row in the start point's order (its scalars first, then its arrays; the
 * {@link Flat} layout the tensor tape takes), and the rule, weight decay, {@link #clipNorm}
 * (the norm over every entry) and schedules run on it entry by entry, as {@code torch.optim} does
 * on each parameter tensor. {@link #at()}, {@link #gradient()} and {@link #state()} give tensors
 * back as arrays of their shapes ({@code opt.at().array("W")}); printing shows a large tensor by
 * its shape and norm. A step allocates nothing beyond the history's row.
 */
public final class Optimizer implements Trajectory {
    /** How long a run stays silent before it reports progress (tests shorten it). */
    static volatile long quietNanos = 1_000_000_000L;
    private static final long REPORT_NANOS = 100_000_000L;
    private static volatile Consumer<Progress> progress;
    private static final Until[] NO_TOLERANCES = {};

    private final Rule rule;
    private final double[] hyper;
    private final Objective objective;
    private final List<String> parameters;
    private final Flat flat;          // θ's layout: each parameter's entries, tensors row by row
    private final double[] start;
    private final Program.Frame frame;
    private final History history;

    private double[] theta;
    private double[][] state;
    private double[] grad;            // ∇L(θ) of the whole loss, valid when wholeAt == t
    private double loss;              // L(θ), valid when wholeAt == t
    private long wholeAt;
    private long wholeVersion;        // Functions.version() when loss and grad were computed
    private long t;

    // the step being tried, committed by swapping when it is finite
    private double[] nextTheta;
    private double[][] nextState;
    private double[] nextGrad;
    private final double[] batchGrad;

    // what PyTorch does around the rule; all off by default, and then the step is the rule's alone
    private double coupledDecay;      // λ of a rule that has none: g + λ·θ before the rule (torch's weight_decay)
    private double clipNorm;          // 0: no clipping; else clip_grad_norm_(max_norm)
    private Schedule schedule;        // null: η as set
    private final double[] stepGrad;  // the gradient the rule sees when it is clipped or decayed
    private final double[] stepHyper; // the hyperparameters of a scheduled step

    // data and the per-epoch record of test(…); all null / 0 until then
    private Expr perSample;           // the per-sample loss of an optimizer on data
    private Dataset data;             // its training set
    private Evaluation evaluation;    // null: no per-epoch record
    private long epochFrom;           // t where the epochs began (the start, or the last batch(k) or seed(s))
    private long epochsDone;          // epochs ended since the start
    private long trainedNanos;        // wall time spent in steps since the start, while recording epochs

    Optimizer(Rule rule, Objective objective, Point start) {
        this.rule = rule;
        this.hyper = rule.values();
        this.objective = objective;
        this.parameters = objective.parameters();
        this.flat = Flat.of(parameters);
        this.start = flat.flatten(start);
        this.frame = rule.frame();
        this.history = new History(flat, objective.stochastic());
        int n = flat.size(), k = rule.states().size();
        theta = new double[n];
        nextTheta = new double[n];
        state = new double[k][n];
        nextState = new double[k][n];
        grad = new double[n];
        nextGrad = new double[n];
        batchGrad = new double[n];
        stepGrad = new double[n];
        stepHyper = new double[hyper.length];
        begin();
        String bad = notFinite(loss, grad);
        if (bad != null) throw new DotbarException(bad + " at the start point " + at() + "; choose another start");
    }

    private void begin() {
        System.arraycopy(start, 0, theta, 0, start.length);
        for (double[] s : state) Arrays.fill(s, 0);
        t = 0;
        objective.restart();
        wholeVersion = Functions.version();
        loss = objective.full(theta, grad);
        wholeAt = 0;
        history.clear();
        history.add(0, loss, theta, Grad.norm(grad));
        epochFrom = 0;
        epochsDone = 0;
        trainedNanos = 0;
        if (evaluation != null) recordEpoch();
    }

    /** This optimizer as made on the mean of {@code perSampleLoss} over {@code training} (for {@link #test}). */
    Optimizer onData(Expr perSampleLoss, Dataset training) {
        perSample = perSampleLoss;
        data = training;
        return this;
    }

    /**
     * Installs the listener told about long runs (null removes it); the REPL installs one that
     * draws a progress bar. One listener for the whole session.
     */
    public static void onProgress(Consumer<Progress> listener) {
        progress = listener;
    }

    // ---- stepping ------------------------------------------------------------------------

    /** One step; returns this optimizer, which prints its step, loss and parameters. */
    public Optimizer step() {
        return step(1);
    }

    /**
     * {@code n} steps. Stops early, keeping the last finite state, at a step that is not finite
     * or when the thread is interrupted; either way throws a {@link DotbarException} saying so.
     */
    public Optimizer step(int n) {
        if (n < 0) throw new DotbarException("step(n) needs n ≥ 0, got " + n);
        run(n, NO_TOLERANCES);
        return this;
    }

    /**
     * Steps until one of {@code conditions} holds — {@code stepUntil(gradNorm(1e-6), steps(10000))}
     * stops at ‖g‖ ≤ 10⁻⁶ or after 10 000 steps, whichever comes first — and returns this
     * optimizer; {@code history().stopped()} says which. The tolerances are checked on the latest
     * history row, before the first step too (so a run that is already there takes none). At
     * least one {@link Until#steps steps(n)} or {@link Until#epochs epochs(n)} is needed, so that
     * the run ends. Stops as {@link #step(int)} does at a step that is not finite or an interrupt.
     */
    public Optimizer stepUntil(Until... conditions) {
        if (conditions == null || conditions.length == 0) {
            throw new DotbarException("stepUntil needs conditions, e.g. stepUntil(gradNorm(1e-6), steps(10000))");
        }
        long limit = Long.MAX_VALUE;
        Until bound = null;
        for (Until c : conditions) {
            if (c == null) throw new DotbarException("stepUntil: a condition is null");
            long steps = switch (c.kind) {
                case STEPS -> c.count;
                case EPOCHS -> c.count * objective.stepsPerEpoch();
                default -> Long.MAX_VALUE;
            };
            if (steps < limit) {
                limit = steps;
                bound = c;
            }
        }
        if (bound == null) {
            throw new DotbarException("stepUntil needs a steps(n) or epochs(n) limit besides " + Arrays.toString(conditions)
                    + ", so that it ends");
        }
        if (limit > Integer.MAX_VALUE) throw new DotbarException("stepUntil: " + bound + " is more than " + Integer.MAX_VALUE + " steps");
        var tolerances = Arrays.stream(conditions).filter(c -> c.kind == Until.Kind.LOSS || c.kind == Until.Kind.GRADIENT_NORM).toArray(Until[]::new);
        String why = run((int) limit, tolerances);
        history.stopped(why != null ? why : bound + " taken at t = " + t);
        return this;
    }

    /**
     * Up to {@code n} steps, stopping before one when a tolerance holds for the latest row;
     * returns that tolerance's reason, or null after n steps.
     */
    private String run(int n, Until[] tolerances) {
        history.stopped("");
        Consumer<Progress> listener = progress;
        long begin = System.nanoTime(), nextReport = begin + quietNanos;
        boolean reported = false;
        int done = 0;
        try {
            for (; done < n; done++) {
                String why = toleranceMet(tolerances);
                if (why != null) return why;
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new DotbarException("interrupted after " + done + " of " + n + " steps; "
                            + rule.name() + " keeps its state at t = " + t + ": " + this);
                }
                if (evaluation == null) {
                    advance();
                } else {
                    long before = System.nanoTime();
                    advance();
                    trainedNanos += System.nanoTime() - before;
                    if ((t - epochFrom) % objective.stepsPerEpoch() == 0) {
                        epochsDone++;
                        recordEpoch();
                    }
                }
                // after the first step, so that an interrupt right away still finds a step made
                if (done == 0) history.reserve(n - 1L);
                if (listener != null) {
                    long now = System.nanoTime();
                    if (now >= nextReport) {
                        listener.accept(new Progress(this, done + 1, n, (now - begin) / 1e9, false));
                        reported = true;
                        nextReport = now + REPORT_NANOS;
                    }
                }
            }
            return toleranceMet(tolerances);
        } finally {
            if (reported) listener.accept(new Progress(this, done, n, (System.nanoTime() - begin) / 1e9, true));
        }
    }

    /** The reason of the first tolerance the latest history row meets, or null. */
    private String toleranceMet(Until[] tolerances) {
        for (Until c : tolerances) {
            String why = c.met(history.lastLoss(), history.lastNorm(), t);
            if (why != null) return why;
        }
        return null;
    }

    /** Step t + 1, committed only when everything it computes is finite; a failed step takes its minibatch back. */
    private void advance() {
        try {
            tryStep();
        } catch (RuntimeException e) {
            if (objective.stochastic()) objective.undoNext();
            throw e;
        }
    }

    private void tryStep() {
        long step = t + 1;
        double used;
        double[] g;
        if (objective.stochastic()) {
            used = objective.next(theta, batchGrad);
            g = batchGrad;
            String bad = notFinite(used, g);
            if (bad != null) throw stopped(step, "on its minibatch " + bad + " at " + at());
        } else {
            wholeLoss();
            used = loss;
            g = grad;
        }
        long version = wholeVersion;
        double[] ruleGrad = ruleGradient(g);
        if (!rule.step(theta, state, ruleGrad, step, stepHyperparameters(), frame, nextTheta, nextState)) reportNotFinite(step, ruleGrad);
        double rowLoss = used, rowNorm;
        if (objective.stochastic()) {
            rowNorm = Grad.norm(g);
        } else {
            double next = objective.full(nextTheta, nextGrad);
            // ‖g‖ is finite exactly when every component is: it doubles as the gradient's finiteness scan
            rowNorm = Grad.norm(nextGrad);
            String bad = Double.isFinite(next) && Double.isFinite(rowNorm) ? null : notFinite(next, nextGrad);
            if (bad != null) throw stopped(step, bad + " at " + Format.point(flat, nextTheta));
            double[] swap = grad;
            grad = nextGrad;
            nextGrad = swap;
            loss = rowLoss = next;
            wholeAt = step;
            wholeVersion = version;
        }
        double[] swapTheta = theta;
        theta = nextTheta;
        nextTheta = swapTheta;
        double[][] swapState = state;
        state = nextState;
        nextState = swapState;
        t = step;
        history.add(t, rowLoss, theta, rowNorm);
    }

    /**
     * The gradient the rule takes, as a PyTorch loop hands it to {@code optimizer.step()}: first
     * clipped as {@code clip_grad_norm_(max_norm)} does (g·max/(‖g‖ + 10⁻⁶) when that factor is
     * below 1), then with the coupled weight decay g + λ·θ that {@code torch.optim}'s
     * {@code weight_decay} adds inside every optimizer but AdamW. {@code g} itself when neither is on.
     */
    private double[] ruleGradient(double[] g) {
        if (clipNorm == 0 && coupledDecay == 0) return g;
        double scale = 1;
        if (clipNorm > 0) scale = Math.min(1, clipNorm / (Grad.norm(g) + 1e-6));
        for (int i = 0; i < g.length; i++) stepGrad[i] = (scale == 1 ? g[i] : g[i] * scale) + coupledDecay * theta[i];
        return stepGrad;
    }

    /** The hyperparameters of step t + 1: η from the schedule at epoch t when there is one. */
    private double[] stepHyperparameters() {
        if (schedule == null) return hyper;
        System.arraycopy(hyper, 0, stepHyper, 0, hyper.length);
        stepHyper[rule.index("η")] = currentLr();
        return stepHyper;
    }

    /** True when every update and state is finite; only when not does {@link #reportNotFinite} look for which. */
    static boolean finite(double[] theta, double[][] state) {
        if (!finite(theta)) return false;
        for (double[] s : state) if (!finite(s)) return false;
        return true;
    }

    /**
     * No NaN or ±∞ in {@code a}: x·0 is 0 for every finite x and NaN otherwise, and a sum holding
     * one NaN stays NaN. Four running sums, so the additions do not wait on each other; no branch
     * per entry (measured: a third of an Adam step at n = 1000 went to the bit test this replaced).
     */
    private static boolean finite(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * 0.0;
            s1 += a[i + 1] * 0.0;
            s2 += a[i + 2] * 0.0;
            s3 += a[i + 3] * 0.0;
        }
        for (; i < a.length; i++) s0 += a[i] * 0.0;
        return s0 + s1 + s2 + s3 == 0;
    }

    /** Throws for the first parameter whose update or state is not finite (parameter by parameter, θ before its states). */
    private void reportNotFinite(long step, double[] g) {
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(nextTheta[i])) {
                throw stopped(step, "the update of " + flat.entryName(i) + " is " + nextTheta[i] + " (g = " + g[i] + ")");
            }
            for (int k = 0; k < state.length; k++) {
                if (!Double.isFinite(nextState[k][i])) {
                    throw stopped(step, "the state " + rule.states().get(k) + " of " + flat.entryName(i) + " is " + nextState[k][i]
                            + " (g = " + g[i] + ")");
                }
            }
        }
    }

    /** Null when the loss and gradient are finite, else what is not: "the loss is NaN", "the gradient ∂L/∂y is Infinity". */
    private String notFinite(double value, double[] g) {
        if (!Double.isFinite(value)) return "the loss is " + value;
        if (finite(g)) return null;
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) return "the gradient ∂L/∂" + flat.entryName(i) + " is " + g[i];
        }
        return null;
    }

    private DotbarException stopped(long step, String why) {
        return new DotbarException("step " + step + " is not finite: " + why + "; " + rule.name()
                + " stopped and keeps its last finite state, t = " + t + " " + Format.point(flat, theta));
    }

    private void wholeLoss() {
        // a function the loss applies may have been defined again since: then its new body counts
        if (wholeAt != t || wholeVersion != Functions.version()) {
            wholeVersion = Functions.version();
            loss = objective.full(theta, grad);
            wholeAt = t;
        }
    }

    /** Back to the start point: θ = start, states 0, t = 0, history cleared (hyperparameters kept). */
    public Optimizer reset() {
        begin();
        return this;
    }

    // ---- what it holds -------------------------------------------------------------------

    // ---- held-out data -------------------------------------------------------------------

    /**
     * Records, at the start and at the end of every epoch from now on, the mean loss over every
     * row of the training set and of {@code test} ({@link History#epochs()}; the table
     * {@code history()} prints), as a PyTorch loop evaluates on a validation set after each
     * epoch. For an optimizer on data ({@code rule.on(loss, data, start)}); the test set needs
     * the loss's columns. An epoch is {@link #stepsPerEpoch()} steps from the start or from the
     * last {@link #batch}/{@link #seed}; the row at the start is recorded now when no step has
     * been taken since.
     */
    public Optimizer test(Dataset test) {
        return test(test, null);
    }

    /**
     * As {@link #test(Dataset)}, with the accuracy on both sets ({@link Network#accuracy}), for
     * an optimizer training {@code net.loss()}; the losses are {@link Network#evaluate}'s, one
     * forward pass over each set. {@code net} null: the losses only.
     */
    public Optimizer test(Dataset test, Network net) {
        if (perSample == null) {
            throw new DotbarException("test(…) needs an optimizer on data, rule.on(loss, data, start) or sgd(loss, data, start): "
                    + rule.name() + " here runs on a whole loss");
        }
        evaluation = Evaluation.of(perSample, data, test, net, point(start), flat);
        if (t == epochFrom && t == 0) {
            history.clearEpochs();
            recordEpoch();
        }
        return this;
    }

    /** The steps of one epoch: ⌈rows / batch⌉ with data (PyTorch's {@code len(loader)}), 1 for a whole loss. */
    public long stepsPerEpoch() {
        return objective.stepsPerEpoch();
    }

    /** The scores at θ_t as the next epoch row. */
    private void recordEpoch() {
        double[] s = evaluation.scores(this, theta, at());
        history.epoch(new History.Epoch(epochsDone, t, s[0], s[1], s[2], s[3], trainedNanos / 1e9));
    }

    /** The current parameters θ_t; tensors as arrays of their shapes ({@code at().array("W1")}). */
    public Point at() {
        return point(theta);
    }

    /** The loss at θ_t (for data: the mean over every row). */
    public double loss() {
        wholeLoss();
        return loss;
    }

    /** ∇L(θ_t) (for data: the mean over every row). */
    public Point gradient() {
        wholeLoss();
        return point(grad);
    }

    /** The number of steps taken. */
    public long t() {
        return t;
    }

    /**
     * The wall time in seconds its steps took since the start, without the scoring of the epochs
     * in between (what a training loop's own time is); counted while epochs are recorded
     * ({@link #test}), 0 otherwise. A step that diverged counts too.
     */
    public double trainingSeconds() {
        return trainedNanos / 1e9;
    }

    /** The parameter names, in the start point's order. */
    public List<String> parameters() {
        return parameters;
    }

    /** Each state ({@code v}, {@code w}, {@code v̂}, {@code ŵ}, …) with its value per parameter. */
    public Map<String, Point> state() {
        var m = new LinkedHashMap<String, Point>();
        for (int k = 0; k < state.length; k++) m.put(rule.states().get(k), point(state[k]));
        return new Printed<>(m, states -> Format.states(parameters, states)); // prints as a table, as history() does
    }

    /** The trajectory so far, row t the state after step t ({@link History}). */
    public History history() {
        return history.snapshot();
    }

    /** The rule with the current hyperparameters. */
    public Rule rule() {
        Rule r = rule;
        var names = rule.hyperparameters().keySet().stream().toList();
        for (int i = 0; i < hyper.length; i++) r = r.set(names.get(i), hyper[i]);
        return r;  // the optimizer's coupled weight decay and schedule are not the rule's
    }

    /** The hyperparameters by letter, with their current values. */
    public Map<String, Double> hyperparameters() {
        var m = new LinkedHashMap<String, Double>();
        var names = rule.hyperparameters().keySet().stream().toList();
        for (int i = 0; i < hyper.length; i++) m.put(names.get(i), hyper[i]);
        if (coupledDecay != 0) m.put("λ", coupledDecay);
        return new Printed<>(m, Format::hyperparameters); // ε=1e-8, not 1.0E-8
    }

    /** A hyperparameter's current value, by letter or PyTorch name. */
    public double get(String hyperparameter) {
        if (coupled(hyperparameter)) return coupledDecay;
        return hyper[rule.index(rule.resolve(hyperparameter))];
    }

    /** True when {@code name} is weight decay and the rule has no λ of its own: the optimizer's coupled decay. */
    private boolean coupled(String name) {
        return name != null && Hyperparameters.decay(name) && rule.index("λ") < 0;
    }

    private Point point(double[] values) {
        return flat.point(values);
    }

    // ---- hyperparameters ------------------------------------------------------------------

    /**
     * Sets a hyperparameter by letter ({@code "η"}) or PyTorch name ({@code "lr"}); an unknown
     * name is an error listing the known ones.
     */
    public Optimizer set(String hyperparameter, double value) {
        if (coupled(hyperparameter)) {
            Hyperparameters.check(rule.name(), "λ", value, true);
            coupledDecay = value;
            return this;
        }
        String letter = rule.resolve(hyperparameter);
        Hyperparameters.check(rule.name(), letter, value, rule.builtin());
        hyper[rule.index(letter)] = value;
        return this;
    }

    /** The learning rate η (PyTorch {@code lr}); must be positive. */
    public Optimizer lr(double η) { return set("η", η); }

    /** α: momentum's and nesterov's momentum, Adam's first-moment decay (PyTorch's β1). */
    public Optimizer alpha(double α) { return set("α", α); }

    /** ρ: RMSProp's decay (PyTorch RMSprop's {@code alpha}), Adam's second-moment decay (β2). */
    public Optimizer rho(double ρ) { return set("ρ", ρ); }

    /** ε, added to √w in the denominator. */
    public Optimizer eps(double ε) { return set("ε", ε); }

    /** PyTorch's {@code betas=(β1, β2)}: α and ρ together (neither is set if either is out of range). */
    public Optimizer betas(double β1, double β2) {
        String a = rule.resolve("beta1"), r = rule.resolve("beta2");
        Hyperparameters.check(rule.name(), a, β1, rule.builtin());
        Hyperparameters.check(rule.name(), r, β2, rule.builtin());
        return set(a, β1).set(r, β2);
    }

    /**
     * λ ≥ 0, weight decay as {@code torch.optim} has it: decoupled in adamw (θ·(1 − η·λ) before
     * the step, its own λ), and in every other optimizer added to the gradient before the rule,
     * g + λ·θ (sgd's own λ, in its equations; for the others the optimizer adds it, after any
     * {@link #clipNorm clipping}, as {@code torch.optim.Adam(weight_decay=λ)} does). The loss and
     * ‖g‖ the history records are the loss's own, without the decay term. λ = 0 is the plain rule.
     */
    public Optimizer weightDecay(double λ) { return set("λ", λ); }

    /**
     * A learning-rate schedule ({@code cosine(100)}, {@code stepLR(10, 0.5)},
     * {@code exponentialLR(0.9)}, {@code linearLR(0.1, 1, 5)}; null removes it): step t takes
     * η_{t−1} from the schedule with the set η as its base, one schedule epoch per optimizer step
     * (with data, per minibatch). The rule needs an η.
     */
    public Optimizer schedule(Schedule s) {
        if (s != null && rule.index("η") < 0) {
            throw new DotbarException(rule.name() + " has no learning rate η to schedule; known: "
                    + Hyperparameters.describe(rule.hyperparameters().keySet().stream().toList()));
        }
        schedule = s;
        return this;
    }

    /** The schedule, or null. */
    public Schedule schedule() { return schedule; }

    /** The learning rate step t + 1 takes: η, or the schedule's η_t. */
    public double currentLr() {
        int eta = rule.index("η");
        if (eta < 0) throw new DotbarException(rule.name() + " has no learning rate η");
        return schedule == null ? hyper[eta] : schedule.lr(hyper[eta], t);
    }

    /**
     * Clips the gradient by its norm before every step, as {@code torch.nn.utils.clip_grad_norm_}:
     * g·maxNorm/(‖g‖ + 10⁻⁶) when ‖g‖ + 10⁻⁶ > maxNorm. {@code maxNorm} must be positive;
     * {@code Double.POSITIVE_INFINITY} turns clipping off.
     */
    public Optimizer clipNorm(double maxNorm) {
        if (Double.isNaN(maxNorm) || maxNorm <= 0) {
            throw new DotbarException(rule.name() + ": clipNorm(maxNorm) needs maxNorm > 0, got " + Point.formatNumber(maxNorm));
        }
        clipNorm = Double.isInfinite(maxNorm) ? 0 : maxNorm;
        return this;
    }

    /** The gradient-clipping bound; +∞ when the gradient is not clipped. */
    public double clipNorm() { return clipNorm == 0 ? Double.POSITIVE_INFINITY : clipNorm; }

    /** PyTorch's {@code momentum}: μ of sgd (heavy ball), α of momentum and nesterov. */
    public Optimizer momentum(double m) { return set("momentum", m); }

    /**
     * New values for the inputs the loss holds ({@code rule.on(loss, start, inputs)}), e.g. the next
     * batch of a training loop written by hand: the same names and shapes as before. The next step
     * and {@link #loss()} use them; θ, the states and t go on ({@link #reset()} keeps them too). An
     * error, changing nothing, otherwise.
     */
    public Optimizer inputs(Point values) {
        objective.inputs(values);
        wholeAt = -1;  // the loss and gradient at θ are of the old inputs
        return this;
    }

    /** Minibatches of {@code k} rows (PyTorch's {@code batch_size}; default 1); starts the epochs over. */
    public Optimizer batch(int k) {
        objective.batch(k);
        epochFrom = t;
        return this;
    }

    /**
     * The first epochs visit the rows in the given orders (row indices from 0, each epoch a
     * permutation of every row) instead of shuffling, and later ones shuffle as usual; starts the
     * epochs over. This replays another run's batches: a PyTorch {@code DataLoader}'s recorded
     * order gives the same minibatches, so the two trainings can be compared step by step.
     */
    public Optimizer order(int[]... epochs) {
        objective.order(epochs);
        return this;
    }

    /** Seeds the shuffling of the rows (default 0) and starts the epochs over. */
    public Optimizer seed(long s) {
        objective.seed(s);
        epochFrom = t;
        return this;
    }

    /** The rule's name with its learning rate, as a plot's legend shows it: {@code adam η=0.01}. */
    @Override
    public String label() {
        var h = hyperparameters();
        return h.containsKey("η") ? rule.name() + " η=" + Format.brief(h.get("η")) : rule.name();
    }

    /** θ at every recorded step, the start first: the path {@code contour(...).path(opt)} draws. */
    @Override
    public List<Point> points() {
        return history().points();
    }

    /** The loss at every recorded step, the start first. */
    @Override
    public double[] losses() {
        return history().losses();
    }

    /** The step of every recorded row, the start (0) first. */
    @Override
    public double[] steps() {
        return Arrays.stream(history().steps()).asDoubleStream().toArray();
    }

    /** The loss against step on a logarithmic scale, in the terminal; {@code .save("f.svg")} writes a file. */
    public Plot plot() {
        return Plot.losses(this).title(label() + ": loss against step");
    }

    /** {@code adam  t=500  loss=0.0123457  (x=0.889, y=0.79)  ‖g‖=0.31}. */
    @Override
    public String toString() {
        wholeLoss();
        return rule.name() + "  t=" + t + "  loss=" + Format.brief(loss) + "  " + Format.point(flat, theta)
                + "  ‖g‖=" + Format.brief(Grad.norm(grad));
    }
}
