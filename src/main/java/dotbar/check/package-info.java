/**
 * The derivation checker: {@code check("d/dx x^2*sin(x) = 2*x*sin(x) + x^2*cos(x)")} gives a
 * {@link dotbar.check.Check} that says whether the equation holds and why — equal after
 * simplification, equal at random points, or a counterexample.
 *
 * <p>Sits above what it combines: it reads the claim with {@code dotbar.parse}, differentiates
 * with {@code dotbar.diff}, simplifies with {@code dotbar.simplify} and writes numbers with
 * {@code dotbar.print}; besides those only {@code dotbar.expr} and {@code dotbar.base}.
 */
package dotbar.check;
