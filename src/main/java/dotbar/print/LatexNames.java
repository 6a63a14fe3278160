package dotbar.print;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names of symbols and functions in LaTeX: Greek letters as commands ({@code θ} → {@code \theta},
 * {@code φ} → {@code \varphi}, {@code alpha} → {@code \alpha}), a subscript after {@code _} or
 * from trailing digits ({@code w_2} and {@code w2} → {@code w_{2}}, {@code φ2} →
 * {@code \varphi_{2}}), accents from combining marks ({@code ẇ1} → {@code \dot{w}_{1}},
 * {@code w̄} → {@code \bar{w}}), and a several-letter name upright ({@code loss} →
 * {@code \mathrm{loss}}).
 */
final class LatexNames {
    private LatexNames() {}

    /** Greek letters by character; φ and ε are the curly forms, as in most typeset math. */
    private static final Map<Integer, String> GREEK = Map.ofEntries(
            Map.entry((int) 'α', "\\alpha"), Map.entry((int) 'β', "\\beta"), Map.entry((int) 'γ', "\\gamma"),
            Map.entry((int) 'δ', "\\delta"), Map.entry((int) 'ε', "\\varepsilon"), Map.entry((int) 'ϵ', "\\epsilon"),
            Map.entry((int) 'ζ', "\\zeta"), Map.entry((int) 'η', "\\eta"), Map.entry((int) 'θ', "\\theta"),
            Map.entry((int) 'ϑ', "\\vartheta"), Map.entry((int) 'ι', "\\iota"), Map.entry((int) 'κ', "\\kappa"),
            Map.entry((int) 'λ', "\\lambda"), Map.entry((int) 'μ', "\\mu"), Map.entry((int) 'ν', "\\nu"),
            Map.entry((int) 'ξ', "\\xi"), Map.entry((int) 'ο', "o"), Map.entry((int) 'π', "\\pi"),
            Map.entry((int) 'ϖ', "\\varpi"), Map.entry((int) 'ρ', "\\rho"), Map.entry((int) 'ϱ', "\\varrho"),
            Map.entry((int) 'σ', "\\sigma"), Map.entry((int) 'ς', "\\varsigma"), Map.entry((int) 'τ', "\\tau"),
            Map.entry((int) 'υ', "\\upsilon"), Map.entry((int) 'φ', "\\varphi"), Map.entry((int) 'ϕ', "\\phi"),
            Map.entry((int) 'χ', "\\chi"), Map.entry((int) 'ψ', "\\psi"), Map.entry((int) 'ω', "\\omega"),
            Map.entry((int) 'Γ', "\\Gamma"), Map.entry((int) 'Δ', "\\Delta"), Map.entry((int) 'Θ', "\\Theta"),
            Map.entry((int) 'Λ', "\\Lambda"), Map.entry((int) 'Ξ', "\\Xi"), Map.entry((int) 'Π', "\\Pi"),
            Map.entry((int) 'Σ', "\\Sigma"), Map.entry((int) 'Υ', "\\Upsilon"), Map.entry((int) 'Φ', "\\Phi"),
            Map.entry((int) 'Ψ', "\\Psi"), Map.entry((int) 'Ω', "\\Omega"),
            // capitals that look Latin are Latin in LaTeX
            Map.entry((int) 'Α', "A"), Map.entry((int) 'Β', "B"), Map.entry((int) 'Ε', "E"), Map.entry((int) 'Ζ', "Z"),
            Map.entry((int) 'Η', "H"), Map.entry((int) 'Ι', "I"), Map.entry((int) 'Κ', "K"), Map.entry((int) 'Μ', "M"),
            Map.entry((int) 'Ν', "N"), Map.entry((int) 'Ο', "O"), Map.entry((int) 'Ρ', "P"), Map.entry((int) 'Τ', "T"),
            Map.entry((int) 'Χ', "X"));

    /** Combining marks and the accent commands they become. */
    private static final Map<Integer, String> ACCENTS = Map.of(
            0x0307, "\\dot", 0x0308, "\\ddot", 0x0304, "\\bar", 0x0305, "\\bar",
            0x0302, "\\hat", 0x0303, "\\tilde", 0x20D7, "\\vec");

    /** Greek letters spelled out ({@code alpha}, {@code Omega}) that LaTeX has commands for. */
    private static final List<String> SPELLED = List.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon",
            "zeta", "eta", "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma",
            "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
            "Sigma", "Upsilon", "Phi", "Psi", "Omega");

    /** The LaTeX of a symbol or function name. */
    static String of(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD);
        int underscore = n.indexOf('_');
        String head = n, sub = "";
        if (underscore > 0) {
            head = n.substring(0, underscore);
            sub = n.substring(underscore + 1).replace('_', ',');
        } else {
            int end = n.length();
            while (end > 1 && n.charAt(end - 1) >= '0' && n.charAt(end - 1) <= '9') end--;
            head = n.substring(0, end);
            sub = n.substring(end);
        }
        String h = SPELLED.contains(head) ? "\\" + head : glyphs(head);
        if (!SPELLED.contains(head) && glyphCount(head) > 1) h = "\\mathrm{" + h + "}";
        return sub.isEmpty() ? h : h + "_{" + glyphs(sub) + "}";
    }

    /** Each character with its combining marks, Greek as commands, accents as commands around it. */
    private static String glyphs(String s) {
        var out = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        boolean command = false;  // the text so far ends with a command such as \alpha
        for (int i = 0; i < cps.length; ) {
            var g = new StringBuilder(GREEK.getOrDefault(cps[i], Character.toString(cps[i])));
            int j = i + 1;
            var marks = new ArrayList<String>();
            for (; j < cps.length && Character.getType(cps[j]) == Character.NON_SPACING_MARK; j++) {
                String accent = ACCENTS.get(cps[j]);
                if (accent != null) marks.add(accent);
                else g.appendCodePoint(cps[j]);
            }
            String glyph = g.toString();
            for (String accent : marks) glyph = accent + "{" + glyph + "}";
            // a command followed by a letter needs a space: \alpha b, not \alphab
            if (command && Character.isLetter(glyph.charAt(0))) out.append(' ');
            out.append(glyph);
            command = isCommand(glyph);
            i = j;
        }
        return out.toString();
    }

    private static int glyphCount(String s) {
        return (int) s.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();
    }

    /** {@code \\alpha}: a backslash and letters (one glyph's text is short). */
    private static boolean isCommand(String glyph) {
        int i = glyph.length() - 1;
        while (i >= 0 && Character.isLetter(glyph.charAt(i))) i--;
        return i >= 0 && i < glyph.length() - 1 && glyph.charAt(i) == '\\';
    }
}
