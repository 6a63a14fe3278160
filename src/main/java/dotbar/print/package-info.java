/**
 * Expressions as text: Unicode math ({@link dotbar.print.UnicodePrinter}, every node's
 * {@code toString()} through {@link dotbar.print.UnicodeExprText}, the {@code expr.ExprText}
 * service) and LaTeX ({@link dotbar.print.LatexPrinter}), both on one iterative engine
 * ({@code TreeWriter}) and the parser's grammar ({@code Precedence}); aligned tables
 * ({@link dotbar.print.TextTable}) for the tables other packages print.
 *
 * <p>Depends on {@code dotbar.expr} and {@code dotbar.base}, and may read {@code dotbar.diff}'s
 * data (and the sweep package's) to render traces, gradients and Hessians; {@code diff} never
 * imports {@code print}.
 */
package dotbar.print;
