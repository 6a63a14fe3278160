/**
 * The expression DAG: the sealed {@link dotbar.expr.Expr} and its records ({@code Num},
 * {@code Sym}, {@code Call}, {@code Apply}, {@code Partial}), interned through the one factory
 * {@link dotbar.expr.Exprs}; the op table {@link dotbar.expr.Op} (each op's value and local
 * partial derivatives, read by every mode); named functions ({@link dotbar.expr.Fn},
 * {@link dotbar.expr.Functions}); evaluation ({@link dotbar.expr.Evaluator}); topological order
 * ({@link dotbar.expr.Graph}); substitution; points ({@link dotbar.expr.Point}).
 *
 * <p>Depends only on {@code dotbar.base}. Every other package builds on this one. Text comes
 * from above at run time only: a node's {@code toString()} asks the {@link dotbar.expr.ExprText}
 * service, which {@code dotbar.print} implements and registers in {@code META-INF/services}; the
 * text parsers for expressions and points are in {@code dotbar.parse}.
 */
package dotbar.expr;
