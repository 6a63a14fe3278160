package dotbar.repl;

import dotbar.base.GreekLetters;
import dotbar.base.Superscripts;

import java.util.Map;
import java.util.TreeMap;

import org.jline.reader.Buffer;

/**
 * LaTeX names typed as {@code \alpha} and turned into {@code α} by Tab, as in Julia's REPL, from
 * the one table the LaTeX printer also writes with ({@link GreekLetters}): every Greek letter,
 * lower case ({@code \alpha}) and upper case ({@code \Alpha}, {@code \Gamma}), the variants by
 * LaTeX's shapes ({@code \varphi} φ as the seed writes it, {@code \phi} ϕ, {@code \vartheta} ϑ…),
 * {@code \partial} ∂, {@code \nabla} ∇, {@code \cdot} ·, {@code \times} ×, and superscripts
 * {@code \^2} ², {@code \^-} ⁻ ({@link Superscripts}; the parser reads {@code x²} and
 * {@code x⁻¹}). Greek letters are Java identifier characters, so {@code θ1} is a valid variable.
 */
final class Greek {

    /** LaTeX name (without the backslash) → text. */
    static final Map<String, String> SYMBOLS = new TreeMap<>(GreekLetters.byName());

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
        if (name.length() == 2 && name.charAt(0) == '^' && Superscripts.of(name.charAt(1)) != 0) {
            return String.valueOf(Superscripts.of(name.charAt(1)));
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
