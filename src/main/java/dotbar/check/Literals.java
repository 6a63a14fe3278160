package dotbar.check;

import dotbar.base.DotbarException;
import dotbar.parse.Claim;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decimals typed in a claim's text, as the exact numbers they read as. Constants are folded
 * to doubles when an expression is built, so {@code 0.99^100} arrives as the double nearest to it
 * and a claim {@code 0.99^100 = 0.366032341273229} (false by 5·10⁻¹⁶ relative) could not be told
 * from rounding. For the comparison the claim is read a second time with each decimal literal
 * (a number with a point or an exponent) replaced by a symbol of its own, bound at every point to
 * the literal's exact value (in high precision) or its double (in the double screening); what the
 * claim prints and what the simplifier sees are unchanged. Integers need no such care: they are
 * exact in doubles up to 2⁵³.
 *
 * @param exact   each stand-in symbol's exact value
 * @param doubles the same as doubles
 */
record Literals(Map<String, BigDecimal> exact, Map<String, Double> doubles) {
    static final Literals NONE = new Literals(Map.of(), Map.of());
    /** A decimal literal as the lexer reads one, not inside an identifier: {@code 0.99}, {@code .5}, {@code 1e-9}, {@code 2.5E3}. */
    private static final Pattern DECIMAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.])(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?(?![\\p{L}\\p{N}_.])");
    private static final String MARK = "ℓ";

    /** The claim read with its decimals as stand-ins, and their values; null when it has none (or the text already uses the stand-ins' letter). */
    record Read(Claim claim, Literals literals) {}

    static Read of(String text) {
        if (text.contains(MARK)) return null;
        Matcher m = DECIMAL.matcher(text);
        var out = new StringBuilder();
        var exact = new LinkedHashMap<String, BigDecimal>();
        var doubles = new HashMap<String, Double>();
        while (m.find()) {
            String literal = m.group();
            if (!literal.contains(".") && !literal.contains("e") && !literal.contains("E")) continue;
            String name = MARK + exact.size() + MARK;
            BigDecimal v = new BigDecimal(literal.startsWith(".") ? "0" + literal : literal.endsWith(".") ? literal + "0" : literal);
            exact.put(name, v);
            doubles.put(name, v.doubleValue());
            m.appendReplacement(out, "(" + name + ")");
        }
        if (exact.isEmpty()) return null;
        m.appendTail(out);
        try {
            return new Read(Claim.parse(out.toString()), new Literals(Map.copyOf(exact), Map.copyOf(doubles)));
        } catch (DotbarException e) {
            return null;  // the claim as typed was read; this reading is only a refinement
        }
    }

    /** A point with the stand-ins added, in doubles. */
    Map<String, Double> with(Map<String, Double> point) {
        if (doubles.isEmpty()) return point;
        var p = new HashMap<>(point);
        p.putAll(doubles);
        return p;
    }

    /** A point with the stand-ins added, exactly. */
    Map<String, BigDecimal> exactWith(Map<String, Double> point) {
        var p = new HashMap<>(Precise.exact(point));
        p.putAll(exact);
        return p;
    }
}
