package dotbar.print;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The engine both printers share: writes an expression as a tree of text into one
 * {@link StringBuilder}, with an explicit stack instead of recursion, so a 20 000-deep chain
 * prints like a flat one and the time is linear in the length of the text.
 *
 * <p>A printer says how one item looks ({@link #layout}): a list of pieces, each either a
 * {@link String} to append or another item (a node, or a printer's own marker) to lay out in
 * its turn. Pieces are pushed in reverse so they come off the stack in order.
 *
 * <p>A DAG prints as the tree it unfolds to: a node shared k times is written k times. Text
 * longer than {@code maxChars} (as from 60 rounds of {@code y ← y·y + y}, whose tree has 2⁶⁰
 * leaves) is cut there and ends with a note giving the number of distinct nodes.
 */
abstract class TreeWriter {
    /** Per printout: whether a node's text starts with a minus ({@link Precedence#startsWithMinus}). */
    private final IdentityHashMap<Expr, Boolean> minusFirst = new IdentityHashMap<>();
    /** The cut used by {@code toString()}: well above a 20 000-term sum's text. */
    static final int DEFAULT_MAX_CHARS = 4_000_000;

    /** Adds the pieces of {@code item} (not a String), in order, to {@code out}. */
    abstract void layout(Object item, List<Object> out);

    /** The text of {@code root}, cut after {@code maxChars} characters. */
    final String write(Expr root, int maxChars) {
        var text = new StringBuilder();
        var stack = new ArrayDeque<Object>();
        var pieces = new ArrayList<Object>();
        stack.push(root);
        long steps = 0;
        while (!stack.isEmpty()) {
            Interrupted.poll(++steps);
            Object item = stack.pop();
            if (item instanceof String s) {
                text.append(s);
                if (text.length() > maxChars) {
                    text.setLength(maxChars);
                    return text + " … [cut at " + maxChars + " characters: the expression has " + root.size()
                            + " distinct nodes, and shared ones print once per use]";
                }
                continue;
            }
            pieces.clear();
            layout(item, pieces);
            for (int i = pieces.size() - 1; i >= 0; i--) stack.push(pieces.get(i));
        }
        return text.toString();
    }

    /** {@link Precedence#startsWithMinus}, remembered over this printout. */
    final boolean startsWithMinus(Expr e, boolean fractions) {
        return Precedence.startsWithMinus(e, fractions, minusFirst);
    }

    /** Adds a call: {@code name}, then the arguments separated by ", " between {@code open} and {@code close}. */
    static void call(List<Object> out, String name, List<? extends Expr> args, String open, String close) {
        out.add(name);
        out.add(open);
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) out.add(", ");
            out.add(args.get(i));
        }
        out.add(close);
    }

    /** Adds {@code operand}, between {@code open} and {@code close} when {@code parens}. */
    static void operand(List<Object> out, Object operand, boolean parens, String open, String close) {
        if (parens) out.add(open);
        out.add(operand);
        if (parens) out.add(close);
    }
}
