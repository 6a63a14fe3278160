package dotbar.sweep;

import dotbar.base.Interrupted;
import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Sym;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * The expression DAG under some roots, numbered in topological order (operands before the nodes
 * that use them, each shared node once, the last root last), with its operands as indices: what
 * the {@link Walk}s run over.
 */
public final class Dag {
    private final List<Expr> nodes;
    private final int[][] operands;
    private final IdentityHashMap<Expr, Integer> index = new IdentityHashMap<>();

    /** The DAG of {@code roots}, by one iterative walk ({@link Graph#topologicalOrder(Collection)}). */
    public Dag(Collection<? extends Expr> roots) {
        nodes = Graph.topologicalOrder(roots);
        operands = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            Interrupted.poll(i + 1);
            index.put(nodes.get(i), i);
            List<Expr> children = nodes.get(i).children();
            operands[i] = new int[children.size()];
            for (int k = 0; k < operands[i].length; k++) operands[i][k] = index.get(children.get(k));
        }
    }

    /** The DAG of one root, which is then the last node. */
    public Dag(Expr root) {
        this(List.of(root));
    }

    /** The number of distinct nodes. */
    public int size() {
        return nodes.size();
    }

    /** The nodes in topological order (unmodifiable). */
    public List<Expr> nodes() {
        return nodes;
    }

    /** Node {@code i}. */
    public Expr node(int i) {
        return nodes.get(i);
    }

    /** The indices of node {@code i}'s operands, in operand order (the array itself: do not change it). */
    public int[] operands(int i) {
        return operands[i];
    }

    /** The index of {@code node}; an error when it is not in the DAG. */
    public int indexOf(Expr node) {
        Integer i = index.get(node);
        if (i == null) throw new IllegalArgumentException("not a node of this DAG: " + node);
        return i;
    }

    /** The index of {@code node}, or −1 when it is not in the DAG. */
    public int find(Expr node) {
        Integer i = index.get(node);
        return i == null ? -1 : i;
    }

    /** The symbols accepted by {@code input}, as a mask over the nodes: the seeds of a sweep. */
    public boolean[] symbols(Predicate<Sym> input) {
        boolean[] mask = new boolean[nodes.size()];
        for (int i = 0; i < mask.length; i++) mask[i] = nodes.get(i) instanceof Sym s && input.test(s);
        return mask;
    }

    /**
     * For each node: does it depend on a node marked in {@code seeds}? The nodes whose tangent
     * can be non-zero in forward mode, and whose adjoint can reach an input in reverse mode.
     */
    public boolean[] dependsOn(boolean[] seeds) {
        boolean[] dep = new boolean[nodes.size()];
        for (int i = 0; i < dep.length; i++) {
            dep[i] = seeds[i];
            for (int k : operands[i]) dep[i] |= dep[k];
        }
        return dep;
    }

    /** For each node: is it anything but a number? The operands a chain rule written out names. */
    public boolean[] notNumbers() {
        boolean[] mask = new boolean[nodes.size()];
        for (int i = 0; i < mask.length; i++) mask[i] = !(nodes.get(i) instanceof Num);
        return mask;
    }
}
