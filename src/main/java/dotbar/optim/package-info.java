/**
 * Optimizers from the seed's §4.3.2, stepped from the prompt and matched to {@code torch.optim}.
 *
 * <p>An optimizer is a {@link dotbar.optim.Rule}: update equations over per-parameter state, as
 * the seed writes them (momentum eq. 1–2, AdaGrad 6–7, RMSProp 8–9, Adam 13–15 with the bias
 * corrections 19 and 22), compiled once and run numerically. {@link dotbar.optim.Rules} holds the
 * built-ins with PyTorch's defaults; {@code rule("name", "v = α*v - g", "θ = θ + η*v")} makes
 * more. {@code rule.on(loss, start)} gives an {@link dotbar.optim.Optimizer}, which steps, keeps
 * the state and the {@link dotbar.optim.History}, and stops at a step that is not finite.
 * {@link dotbar.optim.Dataset} and {@code sgd(loss, data, start)} average a per-sample loss over
 * minibatches. {@code rule.unroll(state, t)} steps a rule symbolically (eq. 10–12, 16, 20–22).
 *
 * <p>Above {@code dotbar.diff}, {@code dotbar.tape}, {@code dotbar.plot}, {@code dotbar.parse},
 * {@code dotbar.print} and {@code dotbar.simplify}, which it may use with {@code dotbar.expr} and
 * {@code dotbar.base}: an optimizer is a {@code plot.Trajectory} and {@code opt.plot()} draws it,
 * so {@code plot} sits below {@code optim} and never imports it.
 */
package dotbar.optim;
