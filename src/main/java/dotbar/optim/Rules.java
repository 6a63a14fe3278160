package dotbar.optim;

import static dotbar.expr.Exprs.ONE;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.expr.Sym;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in optimizers, each a {@link Rule} with PyTorch's default hyperparameters. Notation:
 * g = ∇L(θ_{t−1}), t the step from 1, every state starting at 0. Where the seed's form and
 * PyTorch's differ only in how the momentum is scaled, the seed's form is used and its PyTorch
 * equivalent is named.
 */
public final class Rules {
    private Rules() {}

    private static final Sym θ = Exprs.sym(Rule.THETA), g = Exprs.sym(Rule.GRADIENT), t = Exprs.sym(Rule.STEP);
    private static final Sym η = Exprs.sym("η"), α = Exprs.sym("α"), ρ = Exprs.sym("ρ"), ε = Exprs.sym("ε"),
            λ = Exprs.sym("λ"), μ = Exprs.sym("μ");
    private static final Sym v = Exprs.sym("v"), w = Exprs.sym("w"), b = Exprs.sym("b"),
            vHat = Exprs.sym("v̂"), wHat = Exprs.sym("ŵ");

    /** Gradient descent: θ ← θ − η·g. PyTorch {@code SGD(lr)}; default η = 1e-3. */
    public static Rule gd() {
        return scalars(() -> rule("gd", Fused.GD, Map.of("η", 1e-3), Rule.THETA, θ.minus(η.times(g))));
    }

    /**
     * PyTorch's SGD with heavy-ball momentum μ and L2 weight decay λ (dampening 0, not nesterov):
     * b ← μ·b + (g + λ·θ); θ ← θ − η·b. Defaults η = 1e-3, μ = 0, λ = 0, which make it
     * {@link #gd()}; with data ({@code sgd(loss, data, start)}) g is a minibatch's mean gradient.
     */
    public static Rule sgd() {
        return scalars(() -> rule("sgd", Fused.SGD, ordered("η", 1e-3, "μ", 0.0, "λ", 0.0),
                "b", μ.times(b).plus(g.plus(λ.times(θ))),
                Rule.THETA, θ.minus(η.times(b))));
    }

    /**
     * The seed's momentum, eq. (1)–(2), in its EMA form: v ← α·v − (1−α)·g; θ ← θ + η·v.
     * It equals PyTorch's {@code SGD(lr = η(1−α), momentum = α)} (heavy ball, v = −(1−α)·buf).
     * Defaults α = 0.9, η = 0.01: PyTorch's usual {@code momentum=0.9} with its default
     * {@code lr=1e-3}.
     */
    public static Rule momentum() {
        return scalars(() -> rule("momentum", Fused.MOMENTUM, ordered("η", 0.01, "α", 0.9),
                "v", ema(v),
                Rule.THETA, θ.plus(η.times(v))));
    }

    /**
     * Nesterov momentum in the seed's EMA form: v ← α·v − (1−α)·g; θ ← θ + η·(α·v − (1−α)·g) —
     * the step looks ahead by taking the momentum once more with the current gradient. It equals
     * PyTorch's {@code SGD(lr = η(1−α), momentum = α, nesterov=True)}, whose update is
     * buf ← α·buf + g; θ ← θ − lr·(g + α·buf), with v = −(1−α)·buf. Defaults as {@link #momentum()}.
     */
    public static Rule nesterov() {
        return scalars(() -> rule("nesterov", Fused.NESTEROV, ordered("η", 0.01, "α", 0.9),
                "v", ema(v),
                Rule.THETA, θ.plus(η.times(ema(v)))));
    }

    /**
     * AdaGrad, eq. (6)–(7) with ε: w ← w + g²; θ ← θ − η·g/(√w + ε). PyTorch {@code Adagrad};
     * defaults η = 0.01, ε = 1e-10.
     */
    public static Rule adagrad() {
        return scalars(() -> rule("adagrad", Fused.ADAGRAD, ordered("η", 0.01, "ε", 1e-10),
                "w", w.plus(square(g)),
                Rule.THETA, θ.minus(η.times(g).div(sqrt(w).plus(ε)))));
    }

    /**
     * RMSProp, eq. (8)–(9) with ε: w ← ρ·w + (1−ρ)·g²; θ ← θ − η·g/(√w + ε). PyTorch
     * {@code RMSprop} (whose {@code alpha} is ρ); defaults η = 0.01, ρ = 0.99, ε = 1e-8.
     */
    public static Rule rmsprop() {
        return scalars(() -> rule("rmsprop", Fused.RMSPROP, ordered("η", 0.01, "ρ", 0.99, "ε", 1e-8),
                "w", ρ.times(w).plus(ONE.minus(ρ).times(square(g))),
                Rule.THETA, θ.minus(η.times(g).div(sqrt(w).plus(ε)))));
    }

    /**
     * Adam, eq. (13)–(15) with the bias corrections of eq. (19) and (22): v ← α·v − (1−α)·g;
     * w ← ρ·w + (1−ρ)·g²; v̂ = v/(1−αᵗ); ŵ = w/(1−ρᵗ); θ ← θ + η·v̂/(√ŵ + ε). v carries the
     * minus sign (the seed's erratum to eq. 13), so this is PyTorch's θ ← θ − η·m̂/(√ŵ + ε) with
     * m = −v. Defaults η = 1e-3, α = 0.9, ρ = 0.999 (PyTorch's betas), ε = 1e-8.
     */
    public static Rule adam() {
        return scalars(() -> rule("adam", Fused.ADAM, ordered("η", 1e-3, "α", 0.9, "ρ", 0.999, "ε", 1e-8), adamSteps()));
    }

    /**
     * AdamW: Adam with decoupled weight decay, applied to θ before the Adam step:
     * θ ← θ·(1 − η·λ), then {@link #adam()}'s equations. PyTorch {@code AdamW}; defaults as Adam
     * and λ = 0.01.
     */
    public static Rule adamw() {
        return scalars(() -> {
            Object[] steps = adamSteps();
            Object[] all = new Object[steps.length + 2];
            all[0] = Rule.THETA;
            all[1] = θ.times(ONE.minus(η.times(λ)));
            System.arraycopy(steps, 0, all, 2, steps.length);
            return rule("adamw", Fused.ADAMW, ordered("η", 1e-3, "α", 0.9, "ρ", 0.999, "ε", 1e-8, "λ", 0.01), all);
        });
    }

    private static Object[] adamSteps() {
        return new Object[]{
                "v", ema(v),
                "w", ρ.times(w).plus(ONE.minus(ρ).times(square(g))),
                "v̂", v.div(ONE.minus(α.pow(t))),
                "ŵ", w.div(ONE.minus(ρ.pow(t))),
                Rule.THETA, θ.plus(η.times(vHat).div(sqrt(wHat).plus(ε)))};
    }

    /** The letters of the built-in rules, each one number per parameter whatever shape the session declared for the name. */
    private static final java.util.Map<String, dotbar.expr.Shape> LETTERS = java.util.Map.ofEntries(
            java.util.stream.Stream.of(Rule.THETA, Rule.GRADIENT, Rule.STEP, "η", "α", "ρ", "ε", "λ", "μ", "v", "w", "b", "v̂", "ŵ")
                    .map(n -> java.util.Map.entry(Exprs.sym(n).name(), dotbar.expr.Shape.SCALAR)).toArray(java.util.Map.Entry[]::new));

    /**
     * A rule built with its letters as numbers: a session's tensor named t (a network's target) or
     * w does not turn the step count or a state into a matrix.
     */
    private static Rule scalars(java.util.function.Supplier<Rule> build) {
        return dotbar.expr.Shapes.within(LETTERS, build);
    }

    /** The built-in rule named {@code name}, with its defaults; null for another name. */
    static Rule byName(String name) {
        return switch (name) {
            case "gd" -> gd();
            case "sgd" -> sgd();
            case "momentum" -> momentum();
            case "nesterov" -> nesterov();
            case "adagrad" -> adagrad();
            case "rmsprop" -> rmsprop();
            case "adam" -> adam();
            case "adamw" -> adamw();
            default -> null;
        };
    }

    /** The seed's momentum average α·s − (1−α)·g (eq. 2, 14). */
    private static Expr ema(Expr s) {
        return α.times(s).minus(ONE.minus(α).times(g));
    }

    private static Expr square(Expr e) { return e.pow(2); }

    private static Expr sqrt(Expr e) { return Exprs.call(Op.SQRT, e); }

    /** {@code "η", 1e-3, "α", 0.9} as an ordered map. */
    private static Map<String, Double> ordered(Object... namesAndValues) {
        var m = new LinkedHashMap<String, Double>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], (Double) namesAndValues[i + 1]);
        return m;
    }

    /** A built-in rule from target, expression pairs, whose step runs as {@code fused}. */
    private static Rule rule(String name, Fused fused, Map<String, Double> defaults, Object... targetsAndExpressions) {
        var equations = new java.util.ArrayList<Rule.Equation>();
        for (int i = 0; i < targetsAndExpressions.length; i += 2) {
            equations.add(new Rule.Equation(Rule.symbolName((String) targetsAndExpressions[i]), (Expr) targetsAndExpressions[i + 1]));
        }
        return new Rule(name, List.copyOf(equations), defaults, true, fused);
    }
}
