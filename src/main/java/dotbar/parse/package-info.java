/**
 * Every text parser: expressions, definitions and declarations ({@link dotbar.parse.Parser},
 * {@link dotbar.parse.Lexer}), points {@code at("a=1, b=2")} ({@link dotbar.parse.Assignments}),
 * claims for the checker {@code d/dx … = …} ({@link dotbar.parse.Claim}) and optimizer update
 * equations {@code v = α*v - g} ({@link dotbar.parse.UpdateEquation}). A syntax error is a
 * {@link dotbar.parse.ParseException} naming its column in the text the user typed; parsers that
 * parse a piece of that text map the column back through the one helper
 * {@link dotbar.parse.Columns}.
 *
 * <p>Depends only on {@code dotbar.expr} and {@code dotbar.base}.
 */
package dotbar.parse;
