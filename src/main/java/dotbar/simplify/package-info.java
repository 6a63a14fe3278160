/**
 * Simplification by rewrite rules run to a fixed point ({@link dotbar.simplify.Simplifier}):
 * sums and products in a canonical form ({@code Sums}, {@code Products}, {@code CanonicalOrder},
 * {@code Coefficients}) and identities of single functions ({@code FunctionRules}).
 *
 * <p>Depends only on {@code dotbar.expr} and {@code dotbar.base}.
 */
package dotbar.simplify;
