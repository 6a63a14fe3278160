package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.parse.UpdateEquation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An optimizer written as update equations over per-parameter state, as the seed writes them:
 * momentum is {@code v ← α·v − (1−α)·g; θ ← θ + η·v} (eq. 1–2).
 *
 * <p>In the equations {@code g} is the gradient ∂L/∂θ at the current parameters, {@code t} the
 * step (counted from 1), {@code θ} the parameter; every other symbol an equation assigns is a
 * state (starting at 0, one value per parameter), and every symbol it only reads is a
 * hyperparameter. Each step runs the equations in order for every parameter, so an equation sees
 * the values assigned by the ones before it in the same step ({@code v̂ = v/(1−αᵗ)} reads the new
 * {@code v}) and the previous step's value of the ones after it.
 *
 * <p>A rule is immutable ({@link #set} returns a new one) and compiled once, when it is built:
 * each right-hand side becomes a tape over a fixed slot layout {@code [θ, g, t, hyperparameters…,
 * states…]}; stepping runs each tape once over all the parameters at once, with no expression
 * evaluation, no map look-ups and no allocation. A built-in rule also has a {@link Fused} step,
 * its equations as one loop over the parameters, which gives the same bits and is what it runs.
 *
 * <pre>{@code
 * Rule heavy = rule("heavy", "v = α*v - g", "θ = θ + η*v").set("α", 0.9).set("η", 0.01);
 * Optimizer o = heavy.on(parse("(x-1)^2 + 10*(y+2)^2"), at("x=0, y=0"));
 * }</pre>
 */
public final class Rule {
    static final String THETA = "θ";
    static final String GRADIENT = "g";
    static final String STEP = "t";
    private static final int THETA_SLOT = 0, GRADIENT_SLOT = 1, STEP_SLOT = 2;
    private static final int FIXED_SLOTS = 3;  // θ, g, t

    /** One update {@code target ← rhs}. */
    record Equation(String target, Expr rhs) {
        @Override public String toString() { return target + " ← " + rhs; }
    }

    private final String name;
    private final List<Equation> equations;
    private final List<String> hyperparameters;
    private final Map<String, Double> values;
    private final List<String> states;
    private final boolean builtin;
    private final Program program;
    private final Fused fused;         // a built-in rule's one-loop step; null for a user's rule

    /**
     * A rule from its equations; {@code defaults} gives hyperparameter values (and the order they
     * print in); symbols read but neither assigned nor given a default become hyperparameters
     * without a value, to be {@link #set} before the rule runs.
     */
    Rule(String name, List<Equation> equations, Map<String, Double> defaults, boolean builtin) {
        this(name, equations, defaults, builtin, null);
    }

    /** A rule as above whose step is also {@code fused}: the same arithmetic as its equations' program, bit for bit. */
    Rule(String name, List<Equation> equations, Map<String, Double> defaults, boolean builtin, Fused fused) {
        this.name = name;
        this.equations = List.copyOf(equations);
        this.builtin = builtin;
        this.fused = fused;
        if (equations.isEmpty()) throw new DotbarException("rule " + name + " has no equations");
        var assigned = new LinkedHashSet<String>();
        var read = new LinkedHashSet<String>(defaults.keySet());
        for (Equation e : equations) {
            if (e.target().equals(GRADIENT) || e.target().equals(STEP)) {
                throw new DotbarException("rule " + name + ": " + e.target() + " is "
                        + (e.target().equals(GRADIENT) ? "the gradient" : "the step") + " and cannot be assigned (in " + e + ")");
            }
            read.addAll(e.rhs().vars());
            if (!e.target().equals(THETA)) assigned.add(e.target());
        }
        if (equations.stream().noneMatch(e -> e.target().equals(THETA))) {
            throw new DotbarException("rule " + name + " never assigns θ, so it would not move the parameters; add an equation θ = …");
        }
        read.removeAll(List.of(THETA, GRADIENT, STEP));
        read.removeAll(assigned);
        this.states = List.copyOf(assigned);
        this.hyperparameters = List.copyOf(read);
        var checked = new LinkedHashMap<String, Double>();
        defaults.forEach((k, v) -> {
            Hyperparameters.check(name, k, v, builtin);
            checked.put(k, v);
        });
        this.values = Collections.unmodifiableMap(checked);
        var slots = new ArrayList<>(List.of(THETA, GRADIENT, STEP));
        slots.addAll(hyperparameters);
        slots.addAll(states);
        this.program = new Program(slots, equations);
    }

    private Rule(Rule r, Map<String, Double> values) {
        this.name = r.name;
        this.equations = r.equations;
        this.hyperparameters = r.hyperparameters;
        this.states = r.states;
        this.builtin = r.builtin;
        this.program = r.program;
        this.fused = r.fused;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * A rule from equations {@code "target = expression"} (or {@code target ← expression}), run in
     * order at every step: {@code Rule.of("heavy", "v = α*v - g", "θ = θ + η*v")}. Symbols the
     * equations only read are hyperparameters, to be {@link #set} before the rule runs.
     */
    public static Rule of(String name, String... equations) {
        if (name == null || name.isBlank()) throw new DotbarException("a rule needs a name");
        var parsed = new ArrayList<Equation>();
        // θ, g and t are numbers per parameter here, whatever the session declared for those names
        var scalars = Map.of(THETA, dotbar.expr.Shape.SCALAR, GRADIENT, dotbar.expr.Shape.SCALAR, STEP, dotbar.expr.Shape.SCALAR);
        dotbar.expr.Shapes.within(scalars, () -> {
            for (int i = 0; i < equations.length; i++) parsed.add(parseEquation(name, i + 1, equations[i]));
            return null;
        });
        return new Rule(name, parsed, Map.of(), false);
    }

    private static Equation parseEquation(String rule, int number, String text) {
        var u = UpdateEquation.parse("rule " + rule + ", equation " + number, text);
        return new Equation(u.target(), u.rhs());
    }

    /** The rule's name ({@code adam}, or the one given to {@code rule(...)}). */
    public String name() { return name; }

    /** The states, in the order their equations first assign them (θ is not among them). */
    public List<String> states() { return states; }

    /** The update equations, in order, as {@code target ← expression}. */
    public List<String> equations() { return equations.stream().map(Equation::toString).toList(); }

    List<Equation> updates() { return equations; }

    /** Every hyperparameter with its value (NaN while unset), in order. */
    public Map<String, Double> hyperparameters() {
        var m = new LinkedHashMap<String, Double>();
        for (String h : hyperparameters) m.put(h, values.getOrDefault(h, Double.NaN));
        return new Printed<>(m, Format::hyperparameters);
    }

    /** The value of a hyperparameter by letter or PyTorch name ({@code "lr"} is η). */
    public double get(String hyperparameter) {
        String h = resolve(hyperparameter);
        Double v = values.get(h);
        if (v == null) throw new DotbarException(name + ": " + h + " has no value yet; use .set(\"" + h + "\", value)");
        return v;
    }

    /**
     * This rule with a hyperparameter set, by letter ({@code "α"}) or PyTorch name
     * ({@code "lr"}, {@code "betas"} is not one name: use {@code beta1}/{@code beta2}). An unknown
     * name is an error listing the known ones; a non-positive η is an error.
     */
    public Rule set(String hyperparameter, double value) {
        String h = resolve(hyperparameter);
        Hyperparameters.check(name, h, value, builtin);
        var m = new LinkedHashMap<>(values);
        m.put(h, value);
        return new Rule(this, m);
    }

    /** This rule with learning rate η (PyTorch {@code lr}): {@code adam().lr(1e-3)}, as {@link Optimizer#lr} sets it on a run. */
    public Rule lr(double η) { return set("η", η); }

    /** PyTorch's {@code momentum}: μ of sgd (heavy ball), α of momentum and nesterov. */
    public Rule momentum(double m) { return set("momentum", m); }

    /** α: momentum's and nesterov's momentum, Adam's first-moment decay (PyTorch's β1). */
    public Rule alpha(double α) { return set("α", α); }

    /** ρ: RMSProp's decay (PyTorch RMSprop's {@code alpha}), Adam's second-moment decay (β2). */
    public Rule rho(double ρ) { return set("ρ", ρ); }

    /** ε, added to √w in the denominator. */
    public Rule eps(double ε) { return set("ε", ε); }

    /** PyTorch's {@code betas=(β1, β2)}: α and ρ together. */
    public Rule betas(double β1, double β2) { return set("beta1", β1).set("beta2", β2); }

    String resolve(String hyperparameter) {
        if (states.contains(hyperparameter) || List.of(THETA, GRADIENT, STEP).contains(hyperparameter)) {
            throw new DotbarException(name + ": " + hyperparameter + " is " + (states.contains(hyperparameter) ? "a state"
                    : "given by the optimizer") + ", not a hyperparameter; known: " + Hyperparameters.describe(hyperparameters));
        }
        return Hyperparameters.resolve(name, hyperparameter, hyperparameters);
    }

    boolean builtin() { return builtin; }

    int index(String letter) { return hyperparameters.indexOf(letter); }

    /**
     * The hyperparameter values in slot order; an error naming every symbol the equations read
     * that has none (a misspelt state, or a hyperparameter never set).
     */
    double[] values() {
        var missing = hyperparameters.stream().filter(h -> !values.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new DotbarException("rule " + name + " reads " + String.join(", ", missing) + ", which "
                    + (missing.size() == 1 ? "has" : "have") + " no value: not a state (no equation assigns "
                    + (missing.size() == 1 ? "it" : "them") + "), not g, t or θ, and not set; known states: "
                    + (states.isEmpty() ? "none" : String.join(", ", states)) + "; set a hyperparameter with .set(\""
                    + missing.get(0) + "\", value)");
        }
        double[] r = new double[hyperparameters.size()];
        for (int i = 0; i < r.length; i++) r[i] = values.get(hyperparameters.get(i));
        return r;
    }

    /** The working memory {@link #step} needs, one per optimizer. */
    Program.Frame frame() {
        int uniformEnd = FIXED_SLOTS + hyperparameters.size();
        return program.frame(uniformEnd + states.size(), STEP_SLOT, uniformEnd);
    }

    /**
     * Step {@code t} of the equations for every parameter: reads {@code theta[i]} and
     * {@code state[k][i]} (state k in {@link #states()} order), with gradient {@code grad[i]}, and
     * writes the result into {@code nextTheta} and {@code nextState} (other arrays of the same
     * shapes). A built-in rule runs its {@link Fused} loop; a user's rule runs its equations'
     * program ({@link #stepProgram}). Allocates nothing. Returns false when a new θ or state
     * may not be finite (true means every one is).
     */
    boolean step(double[] theta, double[][] state, double[] grad, long t, double[] hyper, Program.Frame frame,
                 double[] nextTheta, double[][] nextState) {
        if (fused != null) return fused.step(theta, state, grad, t, hyper, nextTheta, nextState);
        System.arraycopy(theta, 0, nextTheta, 0, theta.length);
        for (int k = 0; k < state.length; k++) System.arraycopy(state[k], 0, nextState[k], 0, theta.length);
        stepProgram(nextTheta, grad, nextState, t, hyper, frame);
        return Optimizer.finite(nextTheta, nextState);
    }

    /** True when {@link #step} runs a fused loop rather than the equations' program. */
    boolean fused() { return fused != null; }

    /**
     * Step {@code t} of the equations' program for every parameter, each equation once over all
     * of them, in place: reads and writes {@code theta[i]} and {@code state[k][i]}, with gradient
     * {@code grad[i]}. The general path, and the reference the fused loops are held to.
     */
    void stepProgram(double[] theta, double[] grad, double[][] state, long t, double[] hyper, Program.Frame frame) {
        int firstState = FIXED_SLOTS + hyper.length;
        program.bind(frame, THETA_SLOT, theta);
        program.bind(frame, GRADIENT_SLOT, grad);
        for (int k = 0; k < state.length; k++) program.bind(frame, firstState + k, state[k]);
        double[][] c = frame.slots();
        c[STEP_SLOT][0] = t;
        for (int h = 0; h < hyper.length; h++) c[FIXED_SLOTS + h][0] = hyper[h];
        program.run(frame);
    }

    /**
     * The state {@code name} (or θ) after {@code steps} steps taken symbolically, with gradients
     * {@code g1 … gt}, states from 0, θ from {@code θ0} and the hyperparameters as symbols, as a sum
     * over the gradient terms: {@code rmsprop().unroll("w", 3)} is eq. (12) with the squares,
     * {@code ρ²·(1 − ρ)·g1² + ρ·(1 − ρ)·g2² + (1 − ρ)·g3²}, and {@code adam().unroll("v̂", t)} shows
     * the bias correction of eq. (20)–(22).
     */
    public Expr unroll(String name, int steps) {
        return Unroll.unroll(this, name, steps);
    }

    /** This rule run on {@code loss} from {@code start}, which gives a value to every parameter of the loss. */
    public Optimizer on(Expr loss, Point start) {
        return new Optimizer(this, Objectives.full(loss, start), start);
    }

    /**
     * This rule run on {@code loss} from {@code start}, the loss's other symbols held at the values
     * of {@code inputs} — data and targets, which are not trained (PyTorch's tensors without
     * {@code requires_grad}): {@code adam().on(L, net.init(0), at("X", xs, "Y", ys))}.
     * {@link Optimizer#inputs} gives them new values between steps, a training loop's next batch.
     */
    public Optimizer on(Expr loss, Point start, Point inputs) {
        return new Optimizer(this, Objectives.full(loss, start, inputs), start);
    }

    /**
     * This rule run on the mean of a per-sample loss over minibatches of {@code data}: the loss's
     * symbols named like the data's columns are read from it (a vector x of k entries from the
     * columns x1 … xk, see {@link Dataset}), the others are the parameters and need a value in
     * {@code start}.
     */
    public Optimizer on(Expr perSampleLoss, Dataset data, Point start) {
        return new Optimizer(this, Objectives.minibatch(perSampleLoss, data, start), start).onData(perSampleLoss, data);
    }

    /**
     * <pre>
     * adam  η=0.001  α=0.9  ρ=0.999  ε=1e-8
     *   v ← α·v − (1 − α)·g
     *   …
     * </pre>
     */
    @Override
    public String toString() {
        var head = new StringJoiner("  ");
        head.add(name);
        hyperparameters().forEach((k, v) -> head.add(k + "=" + (v.isNaN() ? "?" : Format.exact(v))));
        var s = new StringBuilder(head.toString());
        for (Equation e : equations) s.append("\n  ").append(e);
        return s.toString();
    }

    /** The interned name of a state or symbol (NFC, so a typed ŵ and a composed one agree). */
    static String symbolName(String s) { return Exprs.sym(s).name(); }
}
