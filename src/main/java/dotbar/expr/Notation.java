package dotbar.expr;

import java.util.List;

/**
 * How an op of the table ({@link Op}) is written: the facts the parser and both printers read,
 * declared once per op in its constant's header.
 *
 * @param symbol    the ASCII text: the operator ({@code +}, {@code ^}) or the function's name
 *                  ({@code sin}); the tape's disassembly writes it
 * @param names     the names under which it parses in call syntax, {@code sigmoid(x)} and
 *                  {@code σ(x)}, {@code pow(a, b)}; empty for + − · / and unary minus
 * @param operator  written as an operator (infix or prefix), not as a call
 * @param binding   how tightly it binds (a call binds like an atom: it has its own parentheses)
 * @param rightAssociative {@code a^b^c} is {@code a^(b^c)}; the other infix operators group to the left
 * @param spellings the characters the parser reads as this operator ({@code *}, {@code ·} and
 *                  {@code ×} for times); empty for functions
 * @param unicode   the Unicode printer's text: between the operands of an infix operator
 *                  ({@code " + "}, {@code "·"}), before the operand of a prefix one, the name of a call
 *                  ({@code σ})
 * @param latex     the LaTeX printer's text: a command written as a call, {@code \sin} →
 *                  {@code \sin\left(x\right)}, or a template with the operands {@code #1},
 *                  {@code #2} in place ({@code \frac{#1}{#2}}, {@code #1 \cdot #2}); an operand
 *                  right after {@code {} or {@code |} is grouped by the template, any other gets
 *                  parentheses where the grammar needs them
 */
public record Notation(String symbol, List<String> names, boolean operator, Binding binding, boolean rightAssociative,
                       String spellings, String unicode, String latex) {

    /** Binding levels, loosest first: {@code + -}, {@code · /}, prefix {@code -}, {@code ^}, atoms and calls. */
    public enum Binding { SUM, PRODUCT, PREFIX, POWER, ATOM }

    /** A left-associative infix operator. */
    static Notation infix(String symbol, Binding binding, String spellings, String unicode, String latex) {
        return new Notation(symbol, List.of(), true, binding, false, spellings, unicode, latex);
    }

    /** A right-associative infix operator that also parses as the call {@code name(a, b)}. */
    static Notation infixRight(String symbol, Binding binding, String spellings, String unicode, String latex, String name) {
        return new Notation(symbol, List.of(name), true, binding, true, spellings, unicode, latex);
    }

    /** A prefix operator. */
    static Notation prefix(String symbol, String spellings, String unicode, String latex) {
        return new Notation(symbol, List.of(), true, Binding.PREFIX, false, spellings, unicode, latex);
    }

    /** A function written {@code name(x)}, printed {@code name(x)} and with the LaTeX command or template {@code latex}. */
    static Notation function(String name, String latex) {
        return new Notation(name, List.of(name), false, Binding.ATOM, false, "", name, latex);
    }

    /** A function that also parses as, and prints in Unicode as, {@code alias}: {@code σ}. */
    static Notation function(String name, String alias, String latex) {
        return new Notation(name, List.of(name, alias), false, Binding.ATOM, false, "", alias, latex);
    }
}
