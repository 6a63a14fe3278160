/**
 * The chain rule, written once: one forward and one reverse walk over the expression DAG, generic
 * over what a derivative is.
 *
 * <pre>
 *   Dag (topological numbering) ──Walk.forward──▶ ẇ += ∂w/∂u·u̇      (eq. 24–26)
 *                               └─Walk.reverse─▶ ū += ∂w/∂u·w̄      (eq. 27–30; push, or pull in evaluation order)
 *                                      │
 *                                 Accumulator: double (diff.NumericSweep), Expr (SymbolicTangents,
 *                                 SymbolicAdjoints), trace rows (diff.SymbolicTrace), tape
 *                                 instructions (tape.TapeCompiler), counts (diff.Cost)
 * </pre>
 *
 * <ul>
 *   <li>{@link dotbar.sweep.Walk} — the two walks; they own the order of the terms and the masks
 *       (which operands carry a derivative: those depending on a seed, or every operand that is
 *       not a number), and the two reverse orders: push (each node adds into its operands, as the
 *       tape and micrograd do) and pull (each node sums over its users in evaluation order, as the
 *       corrected eq. 29 reads: c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄).</li>
 *   <li>{@link dotbar.sweep.Accumulator} — "target += ∂node/∂operand · source", plus the seed and
 *       the moment a derivative is final.</li>
 *   <li>{@link dotbar.sweep.Dag} — the DAG numbered operands first, with its masks.</li>
 *   <li>{@link dotbar.sweep.LocalPartials} — each node's local partials as expressions: the op
 *       table, defined functions' bodies, abstract functions' ∂f/∂uᵢ.</li>
 *   <li>{@link dotbar.sweep.SymbolicTangents}, {@link dotbar.sweep.SymbolicAdjoints} — the
 *       accumulators over expressions: {@code diff}, and the adjoints of {@code grad(e)},
 *       {@code reverse(e)}, {@code hessian} and {@code HessianVector}.</li>
 * </ul>
 *
 * Depends only on {@code dotbar.expr} and {@code dotbar.base}; everything walks iteratively, so
 * any depth runs on any stack.
 */
package dotbar.sweep;
