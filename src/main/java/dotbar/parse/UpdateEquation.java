package dotbar.parse;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;

/**
 * An update equation of an optimizer rule read from text, {@code "v = α*v - g"} or
 * {@code "θ ← θ + η*v"}: the name assigned and the expression assigned to it. A syntax error in
 * the expression names its column in the whole equation ({@link Columns}).
 *
 * @param target the name on the left (NFC, as every symbol's name)
 * @param rhs    the expression on the right
 */
public record UpdateEquation(String target, Expr rhs) {
    /**
     * Reads {@code text}, splitting it at its first {@code =} or {@code ←}; every error starts with
     * {@code where} (e.g. {@code rule heavy, equation 2}).
     */
    public static UpdateEquation parse(String where, String text) {
        int eq = text == null ? -1 : text.indexOf('='), arrow = text == null ? -1 : text.indexOf('←');
        int split = eq < 0 ? arrow : arrow < 0 ? eq : Math.min(eq, arrow);
        if (split < 0) throw new DotbarException(where + ": '" + text + "' is not an update 'state = expression'");
        String target = text.substring(0, split).strip();
        try {
            target = Exprs.sym(target).name();
        } catch (DotbarException e) {
            throw new DotbarException(where + ": the left side '" + target + "' of '" + text + "' is not a name");
        }
        try {
            return new UpdateEquation(target, Columns.parse(text, split + 1, text.length(), where + ": "));
        } catch (ParseException e) {
            throw e;
        } catch (DotbarException e) {
            throw new DotbarException(where + " (" + text.strip() + "): " + e.getMessage(), e);
        }
    }
}
