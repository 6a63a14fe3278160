package dotbar.print;

import dotbar.base.GreekLetters;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Map;

/**
 * Names of symbols and functions in LaTeX: Greek letters as commands from the one Greek table
 * ({@link GreekLetters}: {@code θ} → {@code \theta}, {@code φ} → {@code \varphi},
 * {@code alpha} → {@code \alpha}), a subscript after {@code _} or
 * from trailing digits ({@code w_2} and {@code w2} → {@code w_{2}}, {@code φ2} →
 * {@code \varphi_{2}}), accents from combining marks ({@code ẇ1} → {@code \dot{w}_{1}},
 * {@code w̄} → {@code \bar{w}}), and a several-letter name upright ({@code loss} →
 * {@code \mathrm{loss}}).
 */
final class LatexNames {
    private LatexNames() {}

    /** Combining marks and the accent commands they become. */
    private static final Map<Integer, String> ACCENTS = Map.of(
            0x0307, "\\dot", 0x0308, "\\ddot", 0x0304, "\\bar", 0x0305, "\\bar",
            0x0302, "\\hat", 0x0303, "\\tilde", 0x20D7, "\\vec");

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
        boolean spelled = GreekLetters.isCommandName(head);
        String h = spelled ? "\\" + head : glyphs(head);
        if (!spelled && glyphCount(head) > 1) h = "\\mathrm{" + h + "}";
        return sub.isEmpty() ? h : h + "_{" + glyphs(sub) + "}";
    }

    /** Each character with its combining marks, Greek as commands, accents as commands around it. */
    private static String glyphs(String s) {
        var out = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        boolean command = false;  // the text so far ends with a command such as \alpha
        for (int i = 0; i < cps.length; ) {
            var g = new StringBuilder(GreekLetters.latex(cps[i]).orElse(Character.toString(cps[i])));
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
