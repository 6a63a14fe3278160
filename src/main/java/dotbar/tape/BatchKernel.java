package dotbar.tape;

import static dotbar.tape.Opcode.*;

import dotbar.expr.Op;

import java.util.Arrays;

/**
 * The value section run over a block of points at once: each slot is a row with one entry per
 * point, and each instruction is one loop over the row, so the dispatch is paid once per block
 * and the arithmetic loops are plain array loops the JIT vectorises. Rows that are the same at
 * every point (constants, inputs given as one number, and what is computed from them only) are
 * computed once and filled.
 *
 * <p>Values come from {@link Op#apply} on constant receivers, as in {@link Kernel}; ops without a
 * loop of their own go through the op table's virtual call.
 */
final class BatchKernel {
    private BatchKernel() {}

    /**
     * Runs instructions {@code 0 … valueEnd} over rows 0 … {@code m}−1. {@code uniform[s]} says
     * that row s holds one value everywhere; it is set here for every written row.
     */
    static void run(int[] code, int valueEnd, double[][] rows, boolean[] uniform, int m) {
        for (int pc = 0; pc < valueEnd; pc += 4) {
            int op = code[pc], d = code[pc + 1], a = code[pc + 2], b = code[pc + 3];
            boolean same = uniform[a] && uniform[b];
            uniform[d] = same;
            int n = same ? 1 : m;
            double[] rd = rows[d], ra = rows[a], rb = rows[b];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) rd[i] = Op.ADD.apply(ra[i], rb[i]); }
                case SUB -> { for (int i = 0; i < n; i++) rd[i] = Op.SUB.apply(ra[i], rb[i]); }
                case MUL -> { for (int i = 0; i < n; i++) rd[i] = Op.MUL.apply(ra[i], rb[i]); }
                case DIV -> { for (int i = 0; i < n; i++) rd[i] = Op.DIV.apply(ra[i], rb[i]); }
                case NEG -> { for (int i = 0; i < n; i++) rd[i] = Op.NEG.apply(ra[i], 0); }
                case SQRT -> { for (int i = 0; i < n; i++) rd[i] = Op.SQRT.apply(ra[i], 0); }
                case SQUARE -> { for (int i = 0; i < n; i++) rd[i] = ra[i] * ra[i]; }
                default -> {
                    Op o = Opcode.op(op);
                    for (int i = 0; i < n; i++) rd[i] = o.apply(ra[i], rb[i]);
                }
            }
            if (same) Arrays.fill(rd, 1, m, rd[0]);
        }
    }
}
