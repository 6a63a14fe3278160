package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameter names: the seed's letters (η α ρ ε), the letters PyTorch's documentation uses
 * (μ for SGD's momentum, λ for weight decay), and PyTorch's keyword names ({@code lr},
 * {@code betas}, {@code eps}, {@code weight_decay}, {@code momentum}) as aliases of the letters.
 * Also the ranges PyTorch's constructors enforce.
 */
final class Hyperparameters {
    private Hyperparameters() {}

    /** Alias → letter. {@code momentum} is resolved separately: μ when the rule has it, else α. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("lr", "η"), Map.entry("eta", "η"),
            Map.entry("alpha", "α"), Map.entry("beta1", "α"),
            Map.entry("rho", "ρ"), Map.entry("beta2", "ρ"),
            Map.entry("eps", "ε"), Map.entry("epsilon", "ε"),
            Map.entry("weightDecay", "λ"), Map.entry("weight_decay", "λ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"));

    /** The PyTorch name shown next to each letter in messages. */
    private static final Map<String, String> TORCH = Map.of(
            "η", "lr", "α", "alpha, beta1", "ρ", "rho, beta2", "ε", "eps", "λ", "weightDecay", "μ", "momentum");

    /**
     * The letter that {@code name} means for a rule whose hyperparameters are {@code known}; an
     * error listing the known ones (with their PyTorch names) when it means none of them.
     */
    static String resolve(String rule, String name, List<String> known) {
        String letter = name.equals("momentum") ? (known.contains("μ") ? "μ" : "α") : ALIASES.getOrDefault(name, name);
        if (known.contains(letter)) return letter;
        String hint = letter.equals("α") && known.contains("ρ")
                ? " (PyTorch's RMSprop calls ρ alpha: use .rho(…) here)"
                : letter.equals("λ") ? " (coupled weight decay is the optimizer's: " + rule + "(loss, start).weightDecay(λ))" : "";
        throw new DotbarException(rule + " has no hyperparameter '" + name + "'" + hint + "; known: " + describe(known));
    }

    /** True when {@code name} means λ, weight decay ({@code weightDecay}, {@code weight_decay}, …). */
    static boolean decay(String name) {
        return "λ".equals(ALIASES.getOrDefault(name, name));
    }

    /** {@code η (lr), α (alpha, beta1), ε (eps)}. */
    static String describe(List<String> known) {
        var parts = new ArrayList<String>();
        for (String k : known) parts.add(TORCH.containsKey(k) ? k + " (" + TORCH.get(k) + ")" : k);
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /**
     * Checks a value for the letter: finite always; η > 0 always; for built-in rules also
     * PyTorch's ranges (α, ρ, μ in [0, 1); ε, λ ≥ 0).
     */
    static void check(String rule, String letter, double value, boolean builtin) {
        String what = rule + ": " + letter + (TORCH.containsKey(letter) ? " (" + TORCH.get(letter).split(",")[0] + ")" : "");
        if (!Double.isFinite(value)) throw new DotbarException(what + " = " + value + " is not a finite number");
        if (letter.equals("η") && value <= 0) {
            throw new DotbarException(what + " must be positive, got " + Point.formatNumber(value));
        }
        if (!builtin) return;
        switch (letter) {
            case "α", "ρ", "μ" -> {
                if (value < 0 || value >= 1) {
                    throw new DotbarException(what + " must be in [0, 1), got " + Point.formatNumber(value));
                }
            }
            case "ε", "λ" -> {
                if (value < 0) throw new DotbarException(what + " must be ≥ 0, got " + Point.formatNumber(value));
            }
            default -> { }
        }
    }
}
