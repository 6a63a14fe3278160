package dotbar.sweep;

import dotbar.base.Interrupted;

/**
 * The two walks of the chain rule over a {@link Dag}, one forward and one reverse: every
 * derivative dotbar computes — numeric or symbolic, trace, tape, count — is one of these with an
 * {@link Accumulator}. The walks own the order of the terms and which terms exist at all (the
 * masks); the accumulator owns the values. Both are loops over the topological numbering: no
 * recursion, any depth.
 */
public final class Walk {
    private Walk() {}

    /** The order in which reverse mode adds the contributions to one adjoint. */
    public enum Order {
        /**
         * Each node, from the root down, pushes ū += ∂w/∂u·w̄ into its operands (micrograd's
         * {@code backward}, the tape): an adjoint's contributions arrive users last-evaluated first.
         */
        PUSH,
        /**
         * Each node, from the root down, pulls from its users in evaluation order:
         * ū = Σ over the users w of u, in the order the graph is built, of ∂w/∂u·w̄ — the
         * corrected eq. (29), c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄, reads that way.
         */
        PULL
    }

    /**
     * Forward mode (eq. 24–26): seeds the nodes marked in {@code seeds} (ẋ = 1), then in
     * topological order adds ẇ += ∂w/∂u·u̇ for each operand u of w that depends on a seed.
     * Operands that do not are skipped, not multiplied by 0 (a partial there may be NaN, as
     * ∂(aᵇ)/∂b at a &lt; 0).
     */
    public static void forward(Dag dag, boolean[] seeds, Accumulator acc) {
        forward(dag, seeds, dag.dependsOn(seeds), acc);
    }

    /**
     * Forward mode with the terms for the operands marked {@code active} (a superset of the
     * nodes depending on a seed: a chain rule written out names operands whose tangent is 0).
     * {@link Accumulator#done} is called for every node, in topological order.
     */
    public static void forward(Dag dag, boolean[] seeds, boolean[] active, Accumulator acc) {
        for (int i = 0; i < dag.size(); i++) {
            Interrupted.poll(i + 1);
            if (seeds[i]) acc.seed(i);
            int[] u = dag.operands(i);
            for (int k = 0; k < u.length; k++) if (active[u[k]]) acc.accumulate(i, i, k, u[k]);
            acc.done(i);
        }
    }

    /**
     * Reverse mode (eq. 27–30) from the node {@code root}: L̄ = 1 at the root, then
     * ū += ∂w/∂u·w̄ for each operand u of a node w that the root reaches, for the operands marked
     * {@code active} (those that carry an adjoint: depending on an input, or not a number), in
     * the given {@link Order}. Nodes the root does not reach (other roots of the DAG) get no
     * terms. {@link Accumulator#done} is called for each node from the root down, before its
     * terms are pushed (push) or after it pulled them (pull).
     */
    public static void reverse(Dag dag, int root, boolean[] active, Order order, Accumulator acc) {
        if (order == Order.PUSH) push(dag, root, active, acc);
        else pull(dag, root, active, acc);
    }

    private static void push(Dag dag, int root, boolean[] active, Accumulator acc) {
        boolean[] reached = new boolean[root + 1];
        acc.seed(root);
        reached[root] = true;
        for (int w = root; w >= 0; w--) {
            Interrupted.poll(w);
            if (!reached[w]) continue;
            acc.done(w);
            int[] u = dag.operands(w);
            for (int k = 0; k < u.length; k++) {
                reached[u[k]] = true;
                if (active[u[k]]) acc.accumulate(u[k], w, k, w);
            }
        }
    }

    private static void pull(Dag dag, int root, boolean[] active, Accumulator acc) {
        // the users of each node as (user, operand position) pairs, in evaluation order: counted, then filled
        int[] start = new int[root + 2];
        for (int w = 0; w <= root; w++) for (int u : dag.operands(w)) if (active[u]) start[u + 1]++;
        for (int i = 0; i <= root; i++) start[i + 1] += start[i];
        int[] fill = java.util.Arrays.copyOf(start, root + 1);
        int[] user = new int[start[root + 1]], position = new int[start[root + 1]];
        for (int w = 0; w <= root; w++) {
            int[] u = dag.operands(w);
            for (int k = 0; k < u.length; k++) {
                if (!active[u[k]]) continue;
                user[fill[u[k]]] = w;
                position[fill[u[k]]++] = k;
            }
        }
        boolean[] reached = new boolean[root + 1];
        acc.seed(root);
        reached[root] = true;
        acc.done(root);
        for (int u = root - 1; u >= 0; u--) {
            Interrupted.poll(u + 1);
            for (int j = start[u]; j < start[u + 1]; j++) {
                int w = user[j];
                if (!reached[w]) continue;
                reached[u] = true;
                acc.accumulate(u, w, position[j], w);
            }
            acc.done(u);
        }
    }
}
