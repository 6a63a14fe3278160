package dotbar.repl;

import java.util.Map;
import java.util.TreeMap;

import org.jline.reader.Buffer;

/**
 * LaTeX names typed as {@code \alpha} and turned into {@code α} by Tab: Greek letters, {@code \partial}
 * and {@code \nabla}. Greek letters are Java identifier characters, so {@code θ1} is a valid variable.
 */
final class Greek {

    /** LaTeX name (without the backslash) → character. */
    static final Map<String, String> SYMBOLS = new TreeMap<>();

    static {
        String[] pairs = {
            "alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "zeta", "ζ",
            "eta", "η", "theta", "θ", "iota", "ι", "kappa", "κ", "lambda", "λ", "mu", "μ", "nu", "ν",
            "xi", "ξ", "omicron", "ο", "pi", "π", "rho", "ρ", "sigma", "σ", "tau", "τ",
            "upsilon", "υ", "phi", "φ", "varphi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω",
            "vartheta", "ϑ", "varepsilon", "ε",
            "Gamma", "Γ", "Delta", "Δ", "Theta", "Θ", "Lambda", "Λ", "Xi", "Ξ", "Pi", "Π",
            "Sigma", "Σ", "Upsilon", "Υ", "Phi", "Φ", "Psi", "Ψ", "Omega", "Ω",
            "partial", "∂", "nabla", "∇",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            SYMBOLS.put(pairs[i], pairs[i + 1]);
        }
    }

    private Greek() {
    }

    /**
     * If the text before the cursor is {@code \name} with a known name, or a prefix of exactly one
     * known name, replaces it by the symbol.
     *
     * @return whether the buffer was changed
     */
    static boolean expandBeforeCursor(Buffer buffer) {
        String before = buffer.substring(0, buffer.cursor());
        int slash = before.lastIndexOf('\\');
        if (slash < 0) {
            return false;
        }
        String name = before.substring(slash + 1);
        if (name.isEmpty() || !name.chars().allMatch(Character::isLetter)) {
            return false;
        }
        String symbol = SYMBOLS.get(name);
        if (symbol == null) {
            var matches = SYMBOLS.keySet().stream().filter(k -> k.startsWith(name)).toList();
            if (matches.size() != 1) {
                return false;
            }
            symbol = SYMBOLS.get(matches.get(0));
        }
        buffer.backspace(name.length() + 1);
        buffer.write(symbol);
        return true;
    }
}
