package dotbar.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Loop rolling: finds the stretches of a scheduled tape program that repeat one instruction
 * pattern with slot operands advancing by constant strides — the n/2 identical terms of
 * Rosenbrock's sum, the points of a loss — so that {@link Bytecode} can emit one loop per
 * stretch instead of straight-line code. Straight-line code of 7000 instructions streams some
 * 150 KB of machine code per call through the instruction cache; the loop is a few hundred bytes.
 *
 * <p>A run is {@code reps} iterations of a body of {@code period} consecutive instructions of the
 * schedule, iteration t reading and writing slot {@code base + t·stride} for each operand. The
 * loop performs exactly the run's instructions in exactly their order, so the results are the
 * straight-line code's (and the interpreter's) to the last bit.
 *
 * <p>Values stay in JVM locals where the slots array would put a store and a load on the loop's
 * critical path ({@link #plan}): each family of slots the body writes (the operands with one
 * base and stride) has a local; a read takes it from the local when the family wrote that slot
 * earlier in the same iteration, or when another family wrote it in the previous iteration (the
 * running sum, an adjoint accumulated term by term: {@code x(t) = f(t − 1)}); a family the body only
 * reads is loaded once per iteration. Every such claim is checked by simulating the run's
 * writes over all its iterations; where it fails the operand reads the array. A family stores
 * to the array only when some slot of it is a result, is read after the loop or is read from
 * the array in the loop; when only its last iteration's slot is needed, it stores once after the loop.
 */
final class Rolling {
    /** The longest body: a loop method stays far below HotSpot's 8000-byte limit (about 45 bytes an instruction). */
    static final int MAX_PERIOD = 100;
    /** Fewer iterations are left straight. */
    static final int MIN_REPS = 3;
    /** Shorter runs are left straight: a call of a method and a loop cost more than they save. */
    static final int MIN_INSTRUCTIONS = 24;

    private Rolling() {}

    /**
     * One loop: positions {@code start … start + period·reps − 1} of the schedule. For body
     * instruction j and operand k (1 = d, 2 = a, 3 = b), entry {@code e = 3j + k − 1} of
     * {@code base} and {@code stride} gives the slot of iteration t, and {@code family} numbers
     * equal (base, stride) pairs. The plan ({@link #plan}): {@code source[e]} is the family whose
     * local a read takes, or −1 for the array; family f stores every write to the array when
     * {@code store[f]}, its last iteration's value after the loop when {@code exitStore[f]}, and
     * its local starts as {@code r[base − stride]} when {@code init[f]}; {@code cached[f]}: a family
     * the body only reads, loaded into its local at its first read of each iteration.
     * {@code slotsNeeded[f]}: some read takes f's values from the slots array (an array read in the
     * loop or code after it); {@code onlyFinalResults[f]}: every write of f is a result's final
     * write — such a family may write its results straight into g instead ({@link Bytecode}).
     */
    record Run(int start, int period, int reps, int[] base, int[] stride, int[] family, int[] source,
               boolean[] written, boolean[] store, boolean[] exitStore, boolean[] init, boolean[] cached,
               boolean[] slotsNeeded, boolean[] onlyFinalResults) {
        int end() {
            return start + period * reps;
        }

        int slot(int j, int k, int t) {
            return base[3 * j + k - 1] + t * stride[3 * j + k - 1];
        }
    }

    /**
     * The runs of the schedule {@code order} of the instructions at int offset {@code from} of
     * {@code code}, in increasing position, none overlapping. Greedy: at each position the run
     * covering most instructions, over every period up to {@value #MAX_PERIOD}; then the
     * position after it.
     */
    static List<Run> find(int[] code, int from, int[] order) {
        int m = order.length;
        int[] op = new int[m], d = new int[m], a = new int[m], b = new int[m];
        for (int i = 0; i < m; i++) {
            int pc = from + 4 * order[i];
            op[i] = code[pc];
            d[i] = code[pc + 1];
            a[i] = code[pc + 2];
            b[i] = code[pc + 3];
        }
        var runs = new ArrayList<Run>();
        int s = 0;
        while (s + MIN_INSTRUCTIONS <= m) {
            if ((s & 1023) == 0) poll();
            int bestPeriod = 0, bestReps = 0;
            for (int p = 1; p <= MAX_PERIOD && s + MIN_REPS * p <= m; p++) {
                if (op[s] != op[s + p] || op[s + p - 1] != op[s + 2 * p - 1]) continue;
                int reps = reps(op, d, a, b, s, p);
                if (reps >= MIN_REPS && reps * p >= MIN_INSTRUCTIONS && reps * p > bestReps * bestPeriod) {
                    bestPeriod = p;
                    bestReps = reps;
                }
            }
            if (bestPeriod == 0) {
                s++;
                continue;
            }
            runs.add(run(op, d, a, b, s, bestPeriod, bestReps));
            s += bestPeriod * bestReps;
        }
        return runs;
    }

    /** How many iterations of period p from s repeat the ops with the strides of the first two (1 if those differ). */
    private static int reps(int[] op, int[] d, int[] a, int[] b, int s, int p) {
        int m = op.length;
        for (int j = 0; j < p; j++) if (op[s + j] != op[s + p + j]) return 1;
        int reps = 2;
        for (; s + (reps + 1) * p <= m; reps++) {
            int at = s + reps * p;
            for (int j = 0; j < p; j++) {
                int i = at + j, first = s + j, second = s + p + j;
                if (op[i] != op[first]
                        || d[i] - d[first] != reps * (d[second] - d[first])
                        || a[i] - a[first] != reps * (a[second] - a[first])
                        || b[i] - b[first] != reps * (b[second] - b[first])) {
                    return reps;
                }
            }
        }
        return reps;
    }

    private static Run run(int[] op, int[] d, int[] a, int[] b, int s, int p, int reps) {
        int[] base = new int[3 * p], stride = new int[3 * p];
        for (int j = 0; j < p; j++) {
            int[][] operands = {d, a, b};
            for (int k = 0; k < 3; k++) {
                base[3 * j + k] = operands[k][s + j];
                stride[3 * j + k] = operands[k][s + p + j] - operands[k][s + j];
            }
        }
        int[] family = new int[3 * p];
        int families = 0;
        for (int e = 0; e < 3 * p; e++) {
            family[e] = -1;
            for (int f = 0; f < e && family[e] < 0; f++) {
                if (base[f] == base[e] && stride[f] == stride[e]) family[e] = family[f];
            }
            if (family[e] < 0) family[e] = families++;
        }
        int[] source = new int[3 * p];
        Arrays.fill(source, -1);
        var onlyFinal = new boolean[families];
        Arrays.fill(onlyFinal, true);
        return new Run(s, p, reps, base, stride, family, source, new boolean[families], new boolean[families],
                new boolean[families], new boolean[families], new boolean[families], new boolean[families], onlyFinal);
    }

    /**
     * Plans each run's locals and stores (see the class comment and {@link Run}), given the whole
     * section's schedule; {@code params} slots are parameters, {@code output} the results.
     */
    static void plan(List<Run> runs, int[] code, int from, int[] order, int slots, BitSet constant, BitSet output) {
        int[] last = new int[slots], lastWrite = new int[slots];  // positions of each slot's last access and last write
        Arrays.fill(last, -1);
        for (int i = 0; i < order.length; i++) {
            int pc = from + 4 * order[i];
            for (int k = 1; k <= 3; k++) last[code[pc + k]] = i;
            lastWrite[code[pc + 1]] = i;
        }
        // the last write of each slot: by which run (id + 1), family, iteration and body position
        int[] writerRun = new int[slots], writerFamily = new int[slots], writerIteration = new int[slots], writerAt = new int[slots];
        int id = 0;
        for (Run run : runs) {
            poll();
            id++;
            plan(run, id, code, from, order, constant, output, last, lastWrite, writerRun, writerFamily, writerIteration, writerAt);
        }
    }

    /** Whether operand k of an instruction with code op is read (d only by the accumulations). */
    private static boolean reads(int op, int k) {
        return k != 1 || op == Opcode.MULACC || op == Opcode.MULSUB;
    }

    private static void plan(Run run, int id, int[] code, int from, int[] order, BitSet constant, BitSet output, int[] last, int[] lastWrite,
                             int[] writerRun, int[] writerFamily, int[] writerIteration, int[] writerAt) {
        int p = run.period(), families = run.written().length;
        int[] op = new int[p];
        for (int j = 0; j < p; j++) op[j] = code[from + 4 * order[run.start() + j]];
        int[] firstWrite = new int[families], firstRead = new int[families];
        Arrays.fill(firstWrite, Integer.MAX_VALUE);
        Arrays.fill(firstRead, Integer.MAX_VALUE);
        for (int j = p - 1; j >= 0; j--) {
            firstWrite[run.family()[3 * j]] = j;
            run.written()[run.family()[3 * j]] = true;
            for (int k = 1; k <= 3; k++) if (reads(op[j], k)) firstRead[run.family()[3 * j + k - 1]] = j;
        }
        // the structural claims: a read of x takes x's own local (x written before it in the body),
        // the local of the family f with x(t) = f(t − 1) (f written at or after it), or x's cache
        for (int j = 0; j < p; j++) {
            for (int k = 1; k <= 3; k++) {
                int e = 3 * j + k - 1, x = run.family()[e];
                if (!reads(op[j], k) || (run.stride()[e] == 0 && constant.get(run.base()[e]))) continue;
                if (firstWrite[x] < j) run.source()[e] = x;
                else {
                    int carrier = -1;
                    for (int f = 0; f < 3 * p && carrier < 0; f += 3) {
                        int g = run.family()[f];
                        if (run.stride()[f] == run.stride()[e] && run.base()[f] - run.stride()[f] == run.base()[e] && firstWrite[g] >= j) carrier = g;
                    }
                    if (carrier >= 0) {
                        run.source()[e] = carrier;
                        run.init()[carrier] = true;
                    } else if (!run.written()[x]) {
                        run.source()[e] = x;
                        run.cached()[x] = true;
                    }
                }
            }
        }
        // check every claim over every iteration; a claim that fails anywhere reads the array
        boolean[] uncached = new boolean[families];
        for (int pass = 0; pass < 2; pass++) {
            int stamp = 2 * id + pass;
            for (int t = 0; t < run.reps(); t++) {
                for (int j = 0; j < p; j++) {
                    for (int k = 1; k <= 3; k++) {
                        int e = 3 * j + k - 1, s = run.slot(j, k, t);
                        if (!reads(op[j], k) || (run.stride()[e] == 0 && constant.get(s))) continue;
                        checkRead(run, stamp, e, s, t, j, firstWrite, firstRead, uncached, writerRun, writerFamily, writerIteration, writerAt);
                    }
                    int s = run.slot(j, 1, t);
                    writerRun[s] = stamp;
                    writerFamily[s] = run.family()[3 * j];
                    writerIteration[s] = t;
                    writerAt[s] = j;
                }
            }
            for (int e = 0; e < 3 * p; e++) if (run.source()[e] >= 0 && run.cached()[run.source()[e]] && uncached[run.source()[e]]) run.source()[e] = -1;
        }
        // stores: every write of a family some array read, result (its final write) or later read needs;
        // else one after the loop
        int stamp = 2 * id + 1;  // the writes of the second pass, still in place
        for (int t = 0; t < run.reps(); t++) {
            for (int j = 0; j < p; j++) {
                int f = run.family()[3 * j], s = run.slot(j, 1, t);
                boolean result = output.get(s) && lastWrite[s] == run.start() + t * p + j, later = last[s] >= run.end();
                if (result || later) {
                    if (t < run.reps() - 1) run.store()[f] = true;
                    else run.exitStore()[f] = true;
                }
                if (later) run.slotsNeeded()[f] = true;
                if (!result) run.onlyFinalResults()[f] = false;
            }
        }
        // the slot an exit store writes must have its family's last write of the loop as its last write
        for (int j = 0; j < p; j++) {
            int f = run.family()[3 * j], s = run.slot(j, 1, run.reps() - 1);
            if (run.exitStore()[f] && !(writerRun[s] == stamp && writerFamily[s] == f)) needed(run, f);
        }
    }

    /**
     * Checks the claim of read e (slot s, iteration t, body position j) against the last write of
     * s. A failed claim makes the read take the array (a cached family: all its reads), and an
     * array read makes the writer of s, when a family of this run, store to the array.
     */
    private static void checkRead(Run run, int stamp, int e, int s, int t, int j, int[] firstWrite, int[] firstRead,
                                  boolean[] uncached, int[] writerRun, int[] writerFamily, int[] writerIteration, int[] writerAt) {
        int source = run.source()[e];
        boolean inLoop = writerRun[s] == stamp, thisIteration = inLoop && writerIteration[s] == t;
        if (source >= 0 && run.cached()[source]) {
            // loaded from the array at the family's first read of the iteration: nothing may write s after that
            if (thisIteration && writerAt[s] >= firstRead[source] && writerAt[s] < j) uncached[source] = true;
            // the cache is loaded at the family's first read, which may take another source (a carried local): so every
            // read of the family checks that a loop write of its slot before that load point is in the array
            if (inLoop && (j == firstRead[source] || writerIteration[s] < t || writerAt[s] < firstRead[source])) needed(run, writerFamily[s]);
            return;
        }
        if (source >= 0) {
            boolean holds = firstWrite[source] < j
                    ? thisIteration && writerFamily[s] == source                                   // written before, this iteration
                    : t == 0 ? !inLoop : inLoop && writerIteration[s] == t - 1 && writerFamily[s] == source;  // carried
            if (holds) return;
            run.source()[e] = -1;
        }
        if (inLoop) needed(run, writerFamily[s]);
    }

    /** Family f's values are read from the slots array: it stores every write there. */
    private static void needed(Run run, int f) {
        run.store()[f] = true;
        run.slotsNeeded()[f] = true;
    }

    private static void poll() {
        if (Thread.currentThread().isInterrupted()) throw new Bytecode.Interrupted();
    }
}
