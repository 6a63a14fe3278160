package dotbar.parse;

/**
 * A lexical token with its 1-based column. {@code text} is the source text; for
 * {@link Kind#SUPERSCRIPT} {@code number} is the integer exponent it spells; a
 * {@link Kind#PARTIAL} is a partial's name, {@code ∂f/∂u} ({@link PartialName}); an
 * {@link Kind#OPERATOR} is one character that spells an operator of the op table.
 */
record Token(Kind kind, String text, double number, int column) {
    enum Kind { NUMBER, IDENT, PARTIAL, OPERATOR, SUPERSCRIPT, TRANSPOSE, LPAREN, RPAREN, COMMA, EQUALS, END }

    String describe() {
        return kind == Kind.END ? "end of input" : "'" + text + "'";
    }
}
