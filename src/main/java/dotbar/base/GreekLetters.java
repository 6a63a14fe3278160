package dotbar.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of Greek letters (and the few math symbols typed by name): each character with
 * its LaTeX and the name typed after a backslash. The LaTeX printer writes a letter's LaTeX; the
 * REPL's Tab turns {@code \name} into the character; so what is typed is what is printed.
 *
 * <p>The names follow LaTeX's shapes, as Julia's REPL and the {@code unicode-math} package do:
 * the open φ (U+03C6) is {@code \varphi} and the stroked ϕ (U+03D5) {@code \phi}; the
 * rounded ε (U+03B5) is {@code \varepsilon} and the lunate ϵ (U+03F5) {@code \epsilon}. The
 * seed's φ1, φ2 are U+03C6: typed {@code \varphi}, printed {@code \varphi_{1}}. Capitals that
 * look Latin, and omicron, have no command in LaTeX: they print as the Latin letter and are
 * typed by their Greek names ({@code \Alpha}, {@code \omicron}).
 */
public final class GreekLetters {
    private GreekLetters() {}

    /** One row: the character, its LaTeX, the name typed after the backslash. */
    private record Row(int character, String latex, String name) {}

    private static final Map<Integer, Row> BY_CHARACTER = new LinkedHashMap<>();
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        String[] commands = {
            "α", "alpha", "β", "beta", "γ", "gamma", "δ", "delta", "ε", "varepsilon", "ϵ", "epsilon",
            "ζ", "zeta", "η", "eta", "θ", "theta", "ϑ", "vartheta", "ι", "iota", "κ", "kappa", "ϰ", "varkappa",
            "λ", "lambda", "μ", "mu", "ν", "nu", "ξ", "xi", "π", "pi", "ϖ", "varpi", "ρ", "rho", "ϱ", "varrho",
            "σ", "sigma", "ς", "varsigma", "τ", "tau", "υ", "upsilon", "φ", "varphi", "ϕ", "phi", "χ", "chi",
            "ψ", "psi", "ω", "omega",
            "Γ", "Gamma", "Δ", "Delta", "Θ", "Theta", "Λ", "Lambda", "Ξ", "Xi", "Π", "Pi", "Σ", "Sigma",
            "Υ", "Upsilon", "Φ", "Phi", "Ψ", "Psi", "Ω", "Omega",
        };
        for (int i = 0; i < commands.length; i += 2) add(commands[i], "\\" + commands[i + 1], commands[i + 1]);
        String[] latin = {
            "ο", "o", "omicron", "Α", "A", "Alpha", "Β", "B", "Beta", "Ε", "E", "Epsilon", "Ζ", "Z", "Zeta",
            "Η", "H", "Eta", "Ι", "I", "Iota", "Κ", "K", "Kappa", "Μ", "M", "Mu", "Ν", "N", "Nu",
            "Ο", "O", "Omicron", "Ρ", "P", "Rho", "Τ", "T", "Tau", "Χ", "X", "Chi",
        };
        for (int i = 0; i < latin.length; i += 3) add(latin[i], latin[i + 1], latin[i + 2]);
    }

    /** The symbols that are typed by name but are no letters (they never occur in a name). */
    private static final Map<String, String> SYMBOLS = Map.of("partial", "∂", "nabla", "∇", "cdot", "·", "times", "×");

    private static void add(String character, String latex, String name) {
        var row = new Row(character.codePointAt(0), latex, name);
        BY_CHARACTER.put(row.character(), row);
        BY_NAME.put(name, character);
    }

    /** The LaTeX of a Greek letter ({@code φ} → {@code \varphi}, {@code Α} → {@code A}), or empty for another character. */
    public static Optional<String> latex(int character) {
        Row r = BY_CHARACTER.get(character);
        return r == null ? Optional.empty() : Optional.of(r.latex());
    }

    /** Whether {@code word} is the LaTeX command of a Greek letter spelled out ({@code alpha}, {@code varphi}, {@code Omega}). */
    public static boolean isCommandName(String word) {
        String c = BY_NAME.get(word);
        return c != null && BY_CHARACTER.get(c.codePointAt(0)).latex().equals("\\" + word);
    }

    /** Every name typed after a backslash with its text: the letters ({@code varphi} → φ) and {@code partial} ∂, {@code nabla} ∇, {@code cdot} ·, {@code times} ×. */
    public static Map<String, String> byName() {
        var all = new LinkedHashMap<>(BY_NAME);
        all.putAll(SYMBOLS);
        return Collections.unmodifiableMap(all);
    }
}
