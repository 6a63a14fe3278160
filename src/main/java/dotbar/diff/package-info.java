/**
 * Derivatives as data: symbolic differentiation ({@link dotbar.diff.SymbolicDiff}), every first
 * partial from one symbolic reverse sweep ({@link dotbar.diff.Partials}), numeric forward and
 * reverse sweeps ({@code NumericSweep} over a {@link dotbar.diff.Dag}), traces read like the
 * seed's §4.3.3 ({@link dotbar.diff.Trace}, {@link dotbar.diff.SymbolicTrace}), gradients
 * ({@link dotbar.diff.Grad}), Hessians ({@link dotbar.diff.Hessian}; over matrix entries
 * {@link dotbar.diff.TensorHessian}), Jacobians of matrix-valued expressions by forward or reverse
 * mode ({@link dotbar.diff.Jacobian}, from the sweeps with an open seed, {@code Seeded}) and the
 * cost of each mode ({@link dotbar.diff.Cost}). Every rule comes from the op table ({@code expr.Op#partials}).
 *
 * <p>Depends only on {@code dotbar.expr}, {@code dotbar.base} and the sweep package; it does not
 * print, parse or simplify (rendering is {@code dotbar.print}'s, checking derivations is
 * {@code dotbar.check}'s).
 */
package dotbar.diff;
