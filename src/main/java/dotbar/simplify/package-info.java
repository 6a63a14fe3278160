/**
 * Simplification by rewrite rules run to a fixed point ({@link dotbar.simplify.Simplifier}):
 * sums and products in the sorted canonical form (construction's, {@link dotbar.expr.Sums} and
 * {@link dotbar.expr.Products}, flattened without a bound and in {@link dotbar.expr.CanonicalOrder})
 * and identities of single functions ({@code FunctionRules}); and exact
 * algebra over the rationals ({@link dotbar.simplify.Algebra}: expand, factor, collect, together)
 * on sparse polynomials with {@code BigFraction} coefficients ({@code Poly}, {@code Monomial},
 * {@code Atoms}, {@code PolyGcd}, {@code SquareFree}, {@code Fractions}), whose numbers pass
 * through one adapter ({@code Coefficient}), and which {@code simplify} tries with the identities
 * of {@code Identities} ({@code Candidates}).
 *
 * <p>Depends only on {@code dotbar.expr} and {@code dotbar.base} (and Commons Math's
 * {@code BigFraction}).
 */
package dotbar.simplify;
