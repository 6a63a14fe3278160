package dotbar.repl;

import java.util.Map;
import java.util.TreeMap;

import org.jline.reader.Buffer;

/**
 * LaTeX names typed as {@code \alpha} and turned into {@code α} by Tab, as in Julia's REPL: every
 * Greek letter, lower case ({@code \alpha}) and upper case ({@code \Alpha}, {@code \Gamma}), the
 * variants ({@code \varphi}, {@code \vartheta}…), {@code \partial} ∂, {@code \nabla} ∇, {@code \cdot} ·,
 * {@code \times} ×, and superscripts {@code \^2} ², {@code \^-} ⁻ (the parser reads {@code x²} and
 * {@code x⁻¹}). Greek letters are Java identifier characters, so {@code θ1} is a valid variable.
 */
final class Greek {

    /** LaTeX name (without the backslash) → text. */
    static final Map<String, String> SYMBOLS = new TreeMap<>();

    static {
        String[] pairs = {
            "alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "zeta", "ζ",
            "eta", "η", "theta", "θ", "iota", "ι", "kappa", "κ", "lambda", "λ", "mu", "μ", "nu", "ν",
            "xi", "ξ", "omicron", "ο", "pi", "π", "rho", "ρ", "sigma", "σ", "tau", "τ",
            "upsilon", "υ", "phi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω",
            "Alpha", "Α", "Beta", "Β", "Gamma", "Γ", "Delta", "Δ", "Epsilon", "Ε", "Zeta", "Ζ",
            "Eta", "Η", "Theta", "Θ", "Iota", "Ι", "Kappa", "Κ", "Lambda", "Λ", "Mu", "Μ", "Nu", "Ν",
            "Xi", "Ξ", "Omicron", "Ο", "Pi", "Π", "Rho", "Ρ", "Sigma", "Σ", "Tau", "Τ",
            "Upsilon", "Υ", "Phi", "Φ", "Chi", "Χ", "Psi", "Ψ", "Omega", "Ω",
            // LaTeX's variants; \varphi is the same φ as \phi, the letter the seed writes (φ1, φ2)
            "varphi", "φ", "vartheta", "ϑ", "varepsilon", "ε", "varsigma", "ς", "varrho", "ϱ",
            "varpi", "ϖ", "varkappa", "ϰ",
            "partial", "∂", "nabla", "∇", "cdot", "·", "times", "×",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            SYMBOLS.put(pairs[i], pairs[i + 1]);
        }
    }

    /** {@code \^} followed by one of these → its superscript. */
    private static final String SUPERSCRIPT_FROM = "0123456789-+";
    private static final String SUPERSCRIPT_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";

    private Greek() {
    }

    /**
     * If the text before the cursor is {@code \name} with a known name, or a prefix of exactly one
     * known name, or {@code \^d} with a digit or sign d, replaces it by the symbol.
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
        String symbol = symbolFor(name);
        if (symbol == null) {
            return false;
        }
        buffer.backspace(name.length() + 1);
        buffer.write(symbol);
        return true;
    }

    /** The text for {@code \name} (or a unique prefix of a name), or {@code null}. */
    static String symbolFor(String name) {
        if (name.length() == 2 && name.charAt(0) == '^' && SUPERSCRIPT_FROM.indexOf(name.charAt(1)) >= 0) {
            return String.valueOf(SUPERSCRIPT_TO.charAt(SUPERSCRIPT_FROM.indexOf(name.charAt(1))));
        }
        if (name.isEmpty() || !name.chars().allMatch(Character::isLetter)) {
            return null;
        }
        String symbol = SYMBOLS.get(name);
        if (symbol != null) {
            return symbol;
        }
        var matches = SYMBOLS.keySet().stream().filter(k -> k.startsWith(name)).toList();
        return matches.size() == 1 ? SYMBOLS.get(matches.get(0)) : null;
    }
}
