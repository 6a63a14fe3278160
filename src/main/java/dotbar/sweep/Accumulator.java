package dotbar.sweep;

/**
 * What a {@link Walk} does at each chain-rule term: the kind of value a derivative is (a double,
 * an expression, a trace row, a tape slot, a count) lives here, the order of the terms in the walk.
 *
 * <p>Every term is "target += ∂node/∂u · source", u being operand {@code k} of {@code node}. In
 * forward mode (eq. 24–26) the target is the node and the source its operand: ẇ += ∂w/∂u·u̇.
 * In reverse mode (eq. 27–30) the target is the operand and the source the node: ū += ∂w/∂u·w̄.
 * A derivative no term was added to is zero: an accumulator represents that zero as it likes
 * (0.0, {@code null} standing for the symbolic zero, no slot at all).
 */
public interface Accumulator {
    /** The seed: the derivative of {@code node} is 1 (ẋ = 1 in forward mode, L̄ = 1 in reverse mode). */
    void seed(int node);

    /**
     * target += ∂node/∂(operand {@code k} of node) · source. Forward: {@code target == node},
     * source the operand; reverse: target the operand, {@code source == node}.
     */
    void accumulate(int target, int node, int k, int source);

    /** Every term of {@code node}'s derivative has been added: its tangent or adjoint is final. */
    default void done(int node) {}
}
