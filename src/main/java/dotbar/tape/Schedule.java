package dotbar.tape;

import java.util.Arrays;

/**
 * A locality-friendly order of a straight-line tape program. The tape's own order computes every
 * value before the reverse sweep starts, so a partial is used far from where its operands were
 * computed; generated Java wants each value used soon after it is made, while it is still in a
 * register. This order follows the data flow depth first: after an instruction, the
 * instructions it has just made ready run first (the reverse sweep of one Rosenbrock term right
 * after its values), ties broken by the original order.
 *
 * <p>Every dependency of the original order is kept — read after write, write after read and
 * write after write on each slot — so the accumulations into an adjoint happen in the same
 * order and every result is the same to the last bit.
 */
final class Schedule {
    private Schedule() {}

    /**
     * The instructions {@code from … to} (int offsets, four ints each) as indices 0, 1, … in the
     * new order; from int offset {@code lazyFrom} on, instructions that depend on none before it
     * run only when first needed.
     */
    static int[] order(int[] code, int from, int to, int lazyFrom) {
        int n = (to - from) / 4;
        int slots = 0;
        for (int pc = from; pc < to; pc += 4) slots = Math.max(slots, 1 + Math.max(code[pc + 1], Math.max(code[pc + 2], code[pc + 3])));
        var edges = new IntPairs();
        int[] lastWriter = new int[slots];
        Arrays.fill(lastWriter, -1);
        var readers = new IntPairs.Lists(slots);  // readers of each slot since its last write
        for (int j = 0; j < n; j++) {
            int pc = from + 4 * j, d = code[pc + 1];
            read(code[pc + 2], j, lastWriter, readers, edges);
            if (code[pc + 3] != code[pc + 2]) read(code[pc + 3], j, lastWriter, readers, edges);
            if (code[pc] == Opcode.MULACC || code[pc] == Opcode.MULSUB) read(d, j, lastWriter, readers, edges);
            int writer = j;
            if (lastWriter[d] >= 0 && lastWriter[d] != j) edges.add(lastWriter[d], j);
            readers.forEach(d, r -> {
                if (r != writer) edges.add(r, writer);
            });
            readers.clear(d);
            lastWriter[d] = j;
        }
        return depthFirst(n, edges, (lazyFrom - from) / 4);
    }

    private static void read(int s, int j, int[] lastWriter, IntPairs.Lists readers, IntPairs edges) {
        if (lastWriter[s] >= 0) edges.add(lastWriter[s], j);
        readers.add(s, j);
    }

    /**
     * Kahn's algorithm with a stack for the ready instructions, smallest original index on top.
     * Instructions from {@code firstLazy} on that depend on nothing computed before that point
     * (partials of parameters, such as 2·x for x²) are lazy: each runs just before the first
     * instruction that needs it, rather than all at the start or all at the end.
     */
    private static int[] depthFirst(int n, IntPairs edges, int firstLazy) {
        int[] succStart = new int[n + 1], predStart = new int[n + 1];
        for (int e = 0; e < edges.size(); e++) {
            succStart[edges.first(e) + 1]++;
            predStart[edges.second(e) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            succStart[i + 1] += succStart[i];
            predStart[i + 1] += predStart[i];
        }
        int[] successors = new int[edges.size()], predecessors = new int[edges.size()];
        int[] succFill = Arrays.copyOf(succStart, n), predFill = Arrays.copyOf(predStart, n);
        for (int e = 0; e < edges.size(); e++) {
            successors[succFill[edges.first(e)]++] = edges.second(e);
            predecessors[predFill[edges.second(e)]++] = edges.first(e);
        }
        boolean[] lazy = new boolean[n];
        int[] remaining = new int[n];  // predecessors not yet emitted, lazy ones not counted
        for (int j = 0; j < n; j++) {
            lazy[j] = j >= firstLazy;
            for (int e = predStart[j]; e < predStart[j + 1]; e++) {
                if (!lazy[predecessors[e]]) {
                    lazy[j] = false;
                    remaining[j]++;
                }
            }
        }
        int[] stack = new int[n];
        int top = 0;
        for (int i = n - 1; i >= 0; i--) if (!lazy[i] && remaining[i] == 0) stack[top++] = i;
        int[] order = new int[n];
        boolean[] emitted = new boolean[n];
        int count = 0;
        int[] pull = new int[n];
        while (top > 0) {
            int j = stack[--top];
            count = pullLazy(j, predStart, predecessors, lazy, emitted, order, count, pull);
            order[count++] = j;
            emitted[j] = true;
            // successors are in increasing original order; push them so the smallest is on top
            for (int e = succStart[j + 1] - 1; e >= succStart[j]; e--) {
                int k = successors[e];
                if (!lazy[k] && --remaining[k] == 0) stack[top++] = k;
            }
        }
        for (int j = 0; j < n; j++) {  // lazy results nothing else needs: outputs computed from parameters alone
            if (!emitted[j]) count = pullLazy(j, predStart, predecessors, lazy, emitted, order, count, pull);
            if (!emitted[j]) {
                order[count++] = j;
                emitted[j] = true;
            }
        }
        if (count != n) throw new IllegalStateException("cyclic dependencies in a tape program");
        return order;
    }

    /** Emits the lazy instructions {@code j} depends on, operands first (an explicit stack: chains may be long). */
    private static int pullLazy(int j, int[] predStart, int[] predecessors, boolean[] lazy, boolean[] emitted,
                                int[] order, int count, int[] stack) {
        int top = 0;
        stack[top++] = j;
        while (top > 0) {
            int k = stack[top - 1];
            boolean waiting = false;
            for (int e = predStart[k]; e < predStart[k + 1] && !waiting; e++) {
                int p = predecessors[e];
                if (lazy[p] && !emitted[p]) {
                    stack[top++] = p;
                    waiting = true;
                }
            }
            if (waiting) continue;
            top--;
            if (k != j && !emitted[k]) {
                order[count++] = k;
                emitted[k] = true;
            }
        }
        return count;
    }
}
