package dotbar.tape;

import static dotbar.tape.Opcode.*;
import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A section of a tape program as JVM bytecode, one short run of instructions per tape
 * instruction, defined as hidden classes ({@link MethodHandles.Lookup#defineHiddenClass}) that
 * extend {@link Program}: no Java source, no JDK compiler, and each class is unloaded with the
 * last reference to it.
 *
 * <p>The instructions run in the order of {@link Schedule}, which keeps each value close to its
 * uses and every dependency of the tape's own order, so the accumulations into each adjoint
 * happen in the same order and the results are the interpreter's to the last bit: each
 * arithmetic instruction is the same IEEE operation ({@code dadd}, {@code dmul}, … — the JVM
 * never fuses a multiply and an add), every other op calls the op table's own
 * {@link dotbar.expr.Op#apply}, as the interpreter does.
 *
 * <p>Why ASM rather than the JDK's class-file API: dotbar is built for release 21, where that API
 * ({@code java.lang.classfile}, final in JDK 24) does not exist. Why straight-line code: a
 * tape is a fixed program, so the JIT sees every slot index and constant, keeps values in
 * registers and drops the interpreter's dispatch.
 *
 * <p>Instructions are split into static methods of {@value #CHUNK} (at most about 35 bytes of
 * bytecode each, so a method stays well under HotSpot's 8000-byte limit, above which the JIT
 * does not compile it; each method's size is checked). A slot read and written within one method
 * only becomes a local variable; parameters, results and slots shared between methods stay in
 * the array; constants become {@code ldc} operands. A class holds at most {@value #CHUNKS_PER_CLASS}
 * methods and a bounded number of constant-pool entries; a longer section becomes several
 * classes run in sequence ({@link Program.Sequence}).
 *
 * <p>A run of repeated instruction patterns ({@link Rolling}) becomes one method holding a loop
 * instead. Every method takes (r, x, g): the slots, the caller's parameters, which the code reads
 * in place, and the gradient, which the gradient section's last methods write from the result
 * slots with their signs (that copy-out is rolled into loops too).
 */
final class Bytecode {
    static final int CHUNK = 200;
    static final int CHUNKS_PER_CLASS = 100;
    /** HotSpot's {@code HugeMethodLimit}: longer methods are never JIT-compiled. */
    static final int HUGE_METHOD = 8000;
    /** Constant-pool entries a class may use for slot indices and constants (the pool holds 65 535). */
    private static final int POOL_BUDGET = 40_000;
    private static final String OP = "dotbar/expr/Op";
    private static final String PROGRAM = Program.class.getName().replace('.', '/');
    private static final String NAME = "dotbar/tape/TapeProgram";
    /** Every generated method's descriptor: (double[] r, double[] x, double[] g), the slots, the parameters, the gradient. */
    private static final String METHOD = "([D[D[D)V";
    /** The JVM locals every method starts with: r, x, g. */
    private static final int FIRST_LOCAL = 3;

    /** Thrown when the generating thread is interrupted; nothing is left half-made. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private final Compiled tape;
    private final BitSet constant = new BitSet();
    private final BitSet output = new BitSet();
    private final int params;
    /** Parameters are read from the caller's x (local 1) rather than from the slots (local 0). */
    private boolean paramsFromX;
    /** The gradient's copy-out as pseudo-instructions (see {@link #outputs}), and their order (the identity). */
    private int[] out = new int[0], outOrder = new int[0];

    /** Pseudo-codes of the copy-out g[k] = ±r[s] (or ±x[s] for a parameter, or 0). */
    private static final int OUT_R = 0, OUT_R_NEG = 1, OUT_X = 2, OUT_X_NEG = 3, OUT_ZERO = 4;

    /** The most backedges a loop method takes per call, where its size allows ({@link #unrolling}). */
    private final int backedgesPerCall;

    private Bytecode(Compiled tape) {
        this(tape, BACKEDGES_PER_CALL);
    }

    private Bytecode(Compiled tape, int backedgesPerCall) {
        this.tape = tape;
        this.backedgesPerCall = backedgesPerCall;
        this.params = tape.params().size();
        for (int s : tape.constantSlots()) constant.set(s);
        output.set(tape.root());
        for (int s : tape.gradientSlots()) if (s >= 0) output.set(s);
    }

    /** The value section (instructions before {@code valueEnd}) as a program. */
    static Program value(Compiled tape) {
        return new Bytecode(tape).section(0, tape.valueEnd(), true, false);
    }

    /** The whole gradient program (value section included) as a program. */
    static Program gradient(Compiled tape) {
        return gradient(tape, true);
    }

    /** The gradient program, with repeated instruction patterns as loops ({@link Rolling}) or all straight-line. */
    static Program gradient(Compiled tape, boolean roll) {
        return new Bytecode(tape).section(0, tape.code().length, roll, true);
    }

    /** The rolled gradient program with loops unrolled to at most {@code backedgesPerCall} backedges a call (for tests: 1 unrolls as far as size allows). */
    static Program gradient(Compiled tape, int backedgesPerCall) {
        return new Bytecode(tape, backedgesPerCall).section(0, tape.code().length, true, true);
    }

    /** The loops the gradient program's bytecode has (for tests and the disassembler's reader). */
    static List<Rolling.Run> loops(Compiled tape) {
        int[] code = tape.code(), order = Schedule.order(code, 0, code.length, tape.valueEnd());
        List<Rolling.Run> runs = Rolling.find(code, 0, order);
        var b = new Bytecode(tape);
        Rolling.plan(runs, code, 0, order, tape.slotCount(), b.constant, b.output);
        return runs;
    }

    /**
     * A method of the generated code: positions {@code start … end−1} of the schedule, straight-line
     * or one loop; or, when {@code out}, of the copy-out into g.
     */
    private record Unit(int start, int end, Rolling.Run loop, boolean out) {}

    private Program section(int from, int to, boolean roll, boolean gradient) {
        int[] code = tape.code();
        poll();
        int[] order = Schedule.order(code, from, to, tape.valueEnd());
        poll();
        List<Rolling.Run> runs = roll ? Rolling.find(code, from, order) : List.of();
        Rolling.plan(runs, code, from, order, tape.slotCount(), constant, output);
        paramsFromX = readsParametersFromX(code, from, order, runs);
        List<Unit> units = units(order.length, runs, false);
        if (gradient) {  // g[k] = ±r[s] at the end, rolled as well, for the results no loop wrote into g
            outputs(intoG(runs));
            List<Unit> copy = units(outOrder.length, roll ? Rolling.find(out, 0, outOrder) : List.of(), true);
            if (copy.size() > 1 || copy.get(0).end() > 0) units.addAll(copy);
        }
        int[] lastWrite = new int[tape.slotCount()];
        BitSet local = localSlots(code, from, order, units, lastWrite);
        var parts = new ArrayList<Program>();
        int first = 0;
        while (first < units.size()) {
            // as many methods as the class's method and constant-pool budgets allow, at least one
            int last = first, pool = 0;
            while (last < units.size() && last - first < CHUNKS_PER_CLASS) {
                int need = poolEntries(code, from, order, units.get(last), local);
                if (last > first && pool + need > POOL_BUDGET) break;
                pool += need;
                last++;
            }
            parts.add(define(code, from, order, units, first, last, local, lastWrite));
            first = last;
        }
        Program program = parts.size() == 1 ? parts.get(0) : new Program.Sequence(parts.toArray(Program[]::new));
        return paramsFromX ? program : new Program.CopyIn(program, params);
    }

    /**
     * Whether the generated code can read the parameters from the caller's array: no instruction
     * writes a parameter's slot, and no family of slots in a loop has both parameters and other
     * slots among its iterations (a loop reads one array per operand). Otherwise the tape copies
     * the parameters into the slots first ({@link Program.CopyIn}).
     */
    private boolean readsParametersFromX(int[] code, int from, int[] order, List<Rolling.Run> runs) {
        for (int i : order) if (code[from + 4 * i + 1] < params) return false;
        for (Rolling.Run run : runs) {
            for (int e = 0; e < run.base().length; e++) {
                int firstSlot = run.base()[e], lastSlot = run.base()[e] + (run.reps() - 1) * run.stride()[e];
                if ((firstSlot < params) != (lastSlot < params)) return false;
            }
        }
        return true;
    }

    /** The copy-out g[k] = ±r[gradientSlots[k]] as pseudo-instructions (code, k, s, s), for {@link Rolling#find} to roll. */
    private void outputs(boolean[] done) {
        int[] slots = tape.gradientSlots();
        boolean[] negated = tape.gradientNegated();
        int count = 0;
        for (int k = 0; k < slots.length; k++) if (!done[k]) count++;
        out = new int[4 * count];
        outOrder = new int[count];
        int i = 0;
        for (int k = 0; k < slots.length; k++) {
            if (done[k]) continue;
            int s = slots[k];
            boolean x = s >= 0 && s < params && paramsFromX;
            out[4 * i] = s < 0 ? OUT_ZERO : x ? (negated[k] ? OUT_X_NEG : OUT_X) : (negated[k] ? OUT_R_NEG : OUT_R);
            out[4 * i + 1] = k;
            out[4 * i + 2] = out[4 * i + 3] = Math.max(s, 0);
            outOrder[i] = i;
            i++;
        }
    }

    /** Where a loop family writes its results into g directly: g[k0 + t·kStride], negated or not. */
    private record IntoG(int[] k0, int[] kStride, boolean[] negated, boolean[] on) {}

    private final IdentityHashMap<Rolling.Run, IntoG> intoG = new IdentityHashMap<>();

    /**
     * Decides which loop families write their results straight into g — a family whose every write
     * is the final write of a result ∂f/∂x_k, for k advancing by a constant stride with one sign,
     * and whose values nothing reads from the slots — and returns the k they cover (the copy-out
     * skips them).
     */
    private boolean[] intoG(List<Rolling.Run> runs) {
        int[] slots = tape.gradientSlots();
        boolean[] negated = tape.gradientNegated();
        int[] kOf = new int[tape.slotCount()];
        Arrays.fill(kOf, -1);
        for (int k = 0; k < slots.length; k++) if (slots[k] >= 0) kOf[slots[k]] = kOf[slots[k]] == -1 ? k : -2;  // −2: several k
        boolean[] done = new boolean[slots.length];
        for (Rolling.Run run : runs) {
            int families = run.written().length;
            var plan = new IntoG(new int[families], new int[families], new boolean[families], new boolean[families]);
            for (int j = 0; j < run.period(); j++) {
                int f = run.family()[3 * j];
                if (plan.on()[f] || !run.store()[f] || run.slotsNeeded()[f] || !run.onlyFinalResults()[f]) continue;
                boolean ok = true;
                for (int t = 0; t < run.reps() && ok; t++) {
                    int s = run.slot(j, 1, t), k = kOf[s];
                    if (k < 0 || s == tape.root() || done[k]) ok = false;
                    else if (t == 0) {
                        plan.k0()[f] = k;
                        plan.negated()[f] = negated[k];
                    } else {
                        if (t == 1) plan.kStride()[f] = k - plan.k0()[f];
                        ok = k == plan.k0()[f] + t * plan.kStride()[f] && negated[k] == plan.negated()[f];
                    }
                }
                if (!ok || plan.kStride()[f] == 0) continue;
                plan.on()[f] = true;
                for (int t = 0; t < run.reps(); t++) done[plan.k0()[f] + t * plan.kStride()[f]] = true;
            }
            intoG.put(run, plan);
        }
        return done;
    }

    /** The methods: each run one loop, the stretches between them straight-line methods of {@value #CHUNK} instructions. */
    private static List<Unit> units(int positions, List<Rolling.Run> runs, boolean out) {
        var units = new ArrayList<Unit>();
        int at = 0;
        for (Rolling.Run run : runs) {
            straight(units, at, run.start(), out);
            units.add(new Unit(run.start(), run.end(), run, out));
            at = run.end();
        }
        straight(units, at, positions, out);
        if (units.isEmpty()) units.add(new Unit(0, 0, null, out));
        return units;
    }

    private static void straight(List<Unit> units, int from, int to, boolean out) {
        for (int s = from; s < to; s += CHUNK) units.add(new Unit(s, Math.min(to, s + CHUNK), null, out));
    }

    /** One hidden class running methods {@code first … last−1}. */
    private Program define(int[] code, int from, int[] order, List<Unit> units, int first, int last, BitSet local, int[] lastWrite) {
        var cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, NAME, null, PROGRAM, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, PROGRAM, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", METHOD, null, null);
        run.visitCode();
        int[] jvmLocal = new int[tape.slotCount()];
        for (int c = first; c < last; c++) {
            poll();
            run.visitVarInsn(ALOAD, 1);
            run.visitVarInsn(ALOAD, 2);
            run.visitVarInsn(ALOAD, 3);
            run.visitMethodInsn(INVOKESTATIC, NAME, "c" + c, METHOD, false);
            Unit unit = units.get(c);
            if (unit.out()) copyOut(cw, c, unit);
            else if (unit.loop() != null) loop(cw, code, from, order, c, unit.loop());
            else chunk(cw, code, from, order, c, unit, local, lastWrite, jvmLocal);
        }
        run.visitInsn(RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        try {
            var lookup = MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
            return (Program) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("defining the generated class failed: " + e, e);
        }
    }

    /** Pushes operand k (1 = d, 2 = a, 3 = b) of an instruction. */
    private interface Operands {
        void push(int k);
    }

    /** The instruction {@code op} over its operands, leaving r[d]'s new value on the stack. */
    private static void arithmetic(MethodVisitor m, int op, Operands operand) {
        switch (op) {
            case MULACC, MULSUB -> {
                operand.push(1);
                operand.push(2);
                operand.push(3);
                m.visitInsn(DMUL);
                m.visitInsn(op == MULACC ? DADD : DSUB);
            }
            case COPY -> operand.push(2);
            case SQUARE -> {
                operand.push(2);
                m.visitInsn(DUP2);
                m.visitInsn(DMUL);
            }
            case ADD, SUB, MUL, DIV -> {
                operand.push(2);
                operand.push(3);
                m.visitInsn(op == ADD ? DADD : op == SUB ? DSUB : op == MUL ? DMUL : DDIV);
            }
            case NEG -> {
                operand.push(2);
                m.visitInsn(DNEG);
            }
            default -> {
                m.visitFieldInsn(GETSTATIC, OP, Opcode.op(op).name(), "L" + OP + ";");
                operand.push(2);
                operand.push(3);
                m.visitMethodInsn(INVOKEVIRTUAL, OP, "apply", "(DD)D", false);
            }
        }
    }

    /** The static method {@code c<c>(double[] r)}: the straight-line instructions of {@code unit}. */
    private void chunk(ClassWriter cw, int[] code, int from, int[] order, int c, Unit unit, BitSet local, int[] lastWrite,
                       int[] jvmLocal) {
        MethodVisitor m = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + c, METHOD, null, null);
        m.visitCode();
        int nextLocal = FIRST_LOCAL;  // a double takes two
        for (int i = unit.start(); i < unit.end(); i++) {
            int pc = from + 4 * order[i];
            int op = code[pc], d = code[pc + 1];
            boolean toLocal = local.get(d);
            if (toLocal && jvmLocalOf(d, jvmLocal, c) < 0) {  // its first write
                jvmLocal[d] = encode(nextLocal, c);
                nextLocal += 2;
            }
            if (!toLocal) {
                m.visitVarInsn(ALOAD, 0);
                index(m, d);
            }
            arithmetic(m, op, k -> load(m, code[pc + k], local, jvmLocal, c));
            if (toLocal) {
                int v = jvmLocalOf(d, jvmLocal, c);
                m.visitVarInsn(DSTORE, v);
                if (output.get(d) && lastWrite[d] == i) {  // a result: into the array after its last write
                    m.visitVarInsn(ALOAD, 0);
                    index(m, d);
                    m.visitVarInsn(DLOAD, v);
                    m.visitInsn(DASTORE);
                }
            } else {
                m.visitInsn(DASTORE);
            }
        }
        m.visitInsn(RETURN);
        end(m, c);
    }

    /**
     * The static method {@code c<c>(double[] r)} as one loop over the iterations of {@code run}:
     * {@code for (int t = 0; t < reps; t++)} the body, each operand {@code r[base + t·stride]}, a
     * constant with stride 0 an operand of the code, and the families of slots in JVM locals as
     * {@link Rolling#plan} decided.
     */
    private void loop(ClassWriter cw, int[] code, int from, int[] order, int c, Rolling.Run run) {
        MethodVisitor m = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + c, METHOD, null, null);
        m.visitCode();
        int families = run.written().length;
        int[] familyLocal = new int[families], familyBase = new int[families], familyStride = new int[families];
        for (int e = run.family().length - 1; e >= 0; e--) {
            familyBase[run.family()[e]] = run.base()[e];
            familyStride[run.family()[e]] = run.stride()[e];
        }
        var frame = new ArrayList<Object>(List.of("[D", "[D", "[D", INTEGER));
        int nextLocal = T + 1;  // after r, x, g and t
        for (int f = 0; f < families; f++) {
            familyLocal[f] = -1;
            if (!run.written()[f] && !run.cached()[f]) continue;
            familyLocal[f] = nextLocal;
            nextLocal += 2;
            frame.add(DOUBLE);
            if (run.init()[f]) {  // the value of the iteration before the first: r[base − stride]
                array(m, familyBase[f] - familyStride[f]);
                pushInt(m, familyBase[f] - familyStride[f]);
                m.visitInsn(DALOAD);
            } else {
                m.visitInsn(DCONST_0);  // never read before written: only for the verifier's frame
            }
            m.visitVarInsn(DSTORE, familyLocal[f]);
        }
        counted(m, frame.toArray(), run.reps(), v -> body(v, code, from, order, run, familyLocal, c));
        for (int f = 0; f < families; f++) {
            if (run.exitStore()[f] && !run.store()[f]) {  // the last iteration's value, which code after the loop reads
                m.visitVarInsn(ALOAD, 0);
                pushInt(m, familyBase[f] + familyStride[f] * (run.reps() - 1));
                m.visitVarInsn(DLOAD, familyLocal[f]);
                m.visitInsn(DASTORE);
            }
        }
        m.visitInsn(RETURN);
        end(m, c);
    }

    /**
     * Iteration t of {@code run}'s body (t in the local {@link #T}): each operand from its
     * family's local or from {@code r[base + t·stride]}, each result into its local and, where
     * the plan says, into the slots array or straight into g.
     */
    private void body(MethodVisitor m, int[] code, int from, int[] order, Rolling.Run run, int[] familyLocal, int c) {
        boolean[] loaded = new boolean[run.written().length];
        for (int j = 0; j < run.period(); j++) {
            int body = j, op = code[from + 4 * order[run.start() + j]];
            arithmetic(m, op, k -> {
                int e = 3 * body + k - 1, source = run.source()[e];
                if (run.stride()[e] == 0 && constant.get(run.base()[e])) load(m, run.base()[e], NO_SLOTS, null, c);
                else if (source >= 0 && (!run.cached()[source] || loaded[source])) m.visitVarInsn(DLOAD, familyLocal[source]);
                else {
                    array(m, run.base()[e]);
                    loopIndex(m, run, body, k);
                    m.visitInsn(DALOAD);
                    if (source >= 0) {  // a cached family's first read
                        m.visitInsn(DUP2);
                        m.visitVarInsn(DSTORE, familyLocal[source]);
                        loaded[source] = true;
                    }
                }
            });
            int fd = run.family()[3 * j];
            m.visitVarInsn(DSTORE, familyLocal[fd]);
            IntoG g = intoG.get(run);
            if (run.store()[fd] && g != null && g.on()[fd]) {  // a result: into g[k0 + t·kStride]
                m.visitVarInsn(ALOAD, 2);
                m.visitVarInsn(ILOAD, T);
                pushInt(m, g.kStride()[fd]);
                m.visitInsn(IMUL);
                pushInt(m, g.k0()[fd]);
                m.visitInsn(IADD);
                m.visitVarInsn(DLOAD, familyLocal[fd]);
                if (g.negated()[fd]) m.visitInsn(DNEG);
                m.visitInsn(DASTORE);
            } else if (run.store()[fd]) {
                m.visitVarInsn(ALOAD, 0);
                loopIndex(m, run, j, 1);
                m.visitVarInsn(DLOAD, familyLocal[fd]);
                m.visitInsn(DASTORE);
            }
        }
    }

    /**
     * {@code for (t = 0; t < reps; t++) body}, with several copies of the body per backedge
     * ({@link #unrolling}) and then one per backedge for the iterations left. Each copy reads t,
     * so the copies run exactly the iterations, in order, that the plain loop does.
     */
    private void counted(MethodVisitor m, Object[] frame, int reps, Consumer<MethodVisitor> body) {
        int copies = unrolling(reps, bytes(body), backedgesPerCall);
        Label head = new Label(), rest = new Label(), done = new Label();
        m.visitInsn(ICONST_0);
        m.visitVarInsn(ISTORE, T);
        if (copies > 1) {
            m.visitLabel(head);
            m.visitFrame(F_FULL, frame.length, frame, 0, new Object[0]);
            m.visitVarInsn(ILOAD, T);
            pushInt(m, reps - copies);
            m.visitJumpInsn(IF_ICMPGT, rest);
            for (int u = 0; u < copies; u++) {
                body.accept(m);
                m.visitIincInsn(T, 1);
            }
            m.visitJumpInsn(GOTO, head);
        }
        m.visitLabel(rest);
        m.visitFrame(F_FULL, frame.length, frame, 0, new Object[0]);
        m.visitVarInsn(ILOAD, T);
        pushInt(m, reps);
        m.visitJumpInsn(IF_ICMPGE, done);
        body.accept(m);
        m.visitIincInsn(T, 1);
        m.visitJumpInsn(GOTO, rest);
        m.visitLabel(done);
        m.visitFrame(F_FULL, frame.length, frame, 0, new Object[0]);
    }

    /**
     * How many copies of a loop's body one backedge runs. The JIT counts backedges as well as
     * calls: a loop of 500 iterations, called once per gradient, passes the backedge threshold
     * of an on-stack-replacement (OSR) compile long before the call threshold of a normal one,
     * and once that OSR code exists HotSpot deoptimises the running C1 code at each backedge
     * notification to enter it (C1's counter-overflow stub, {@code Runtime1::counter_overflow},
     * deoptimises its frame whenever the policy returns an OSR method). Measured on the n = 1000
     * Rosenbrock gradient: 20–36 µs a call for ~45 ms, against 5 µs before the OSR code and
     * 1.3 µs once the normal compile lands;
     * with OSR off (an experiment) the first 100 ms ratio to the hand-written gradient fell from
     * 1.7–6.2 to 0.8–1.3. With at most {@value #BACKEDGES_PER_CALL} backedges a call, the normal
     * compile is asked for first (at 60 calls under the launcher's scaled thresholds, where OSR
     * needs 4 000 backedges), and HotSpot asks for no OSR while a compile of the method is queued.
     * Bounded by size: the copies stay below {@value #LOOP_BYTES} bytes of bytecode.
     */
    static int unrolling(int reps, int bodyBytes, int backedgesPerCall) {
        int wanted = Math.ceilDiv(reps, backedgesPerCall);
        int fit = LOOP_BYTES / Math.max(1, bodyBytes) - 1;  // the loop for the iterations left holds one more copy
        return Math.max(1, Math.min(wanted, fit));
    }

    /** The most backedges one call of a loop method takes, where the method's size allows ({@link #unrolling}). */
    static final int BACKEDGES_PER_CALL = 32;
    /** The bytecode a loop method's copies of its body may take, well below {@link #HUGE_METHOD}. */
    private static final int LOOP_BYTES = 6000;

    /** The bytecode size of {@code body}, emitted into a method that is thrown away. */
    private static int bytes(Consumer<MethodVisitor> body) {
        MethodVisitor m = new ClassWriter(0).visitMethod(ACC_STATIC, "size", METHOD, null, null);
        m.visitCode();
        Label start = new Label(), end = new Label();
        m.visitLabel(start);
        body.accept(m);
        m.visitLabel(end);
        return end.getOffset() - start.getOffset();
    }

    private static final BitSet NO_SLOTS = new BitSet();

    /** A loop's counter t. */
    private static final int T = FIRST_LOCAL;

    /**
     * The copy-out g[k] = ±r[s] of {@code unit}: straight-line, or a loop over its iterations; a
     * negation is the code's {@code dneg} (exact), a parameter's value read from x.
     */
    private void copyOut(ClassWriter cw, int c, Unit unit) {
        MethodVisitor m = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + c, METHOD, null, null);
        m.visitCode();
        Rolling.Run run = unit.loop();
        if (run == null) copyOut(m, unit, null);
        else counted(m, new Object[] {"[D", "[D", "[D", INTEGER}, run.reps(), v -> copyOut(v, unit, run));
        m.visitInsn(RETURN);
        end(m, c);
    }

    /** The copy-out's statements: all of a straight-line unit, or iteration t of its loop. */
    private void copyOut(MethodVisitor m, Unit unit, Rolling.Run run) {
        int length = run == null ? unit.end() - unit.start() : run.period();
        for (int j = 0; j < length; j++) {
            int i = unit.start() + j, op = out[4 * i];
            m.visitVarInsn(ALOAD, 2);
            if (run == null) index(m, out[4 * i + 1]);
            else loopIndex(m, run, j, 1);
            if (op == OUT_ZERO) {
                m.visitInsn(DCONST_0);
            } else {
                m.visitVarInsn(ALOAD, op == OUT_X || op == OUT_X_NEG ? 1 : 0);
                if (run == null) index(m, out[4 * i + 2]);
                else loopIndex(m, run, j, 2);
                m.visitInsn(DALOAD);
                if (op == OUT_R_NEG || op == OUT_X_NEG) m.visitInsn(DNEG);
            }
            m.visitInsn(DASTORE);
        }
    }

    /** Pushes the array slot s lives in: x for a parameter (when read from there), else r. */
    private void array(MethodVisitor m, int s) {
        m.visitVarInsn(ALOAD, s < params && paramsFromX ? 1 : 0);
    }

    /** Pushes the slot index of operand k of body instruction j at iteration {@code t}: base + t·stride. */
    private static void loopIndex(MethodVisitor m, Rolling.Run run, int j, int k) {
        int base = run.base()[3 * j + k - 1], stride = run.stride()[3 * j + k - 1];
        if (stride == 0) {
            pushInt(m, base);
            return;
        }
        m.visitVarInsn(ILOAD, T);
        if (stride != 1) {
            pushInt(m, stride);
            m.visitInsn(IMUL);
        }
        if (base != 0) {
            pushInt(m, base);
            m.visitInsn(IADD);
        }
    }

    private static void pushInt(MethodVisitor m, int v) {
        if (v >= -1 && v <= 5) m.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) m.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) m.visitIntInsn(SIPUSH, v);
        else m.visitLdcInsn(v);
    }

    /** Ends a method, checking it stays below the JIT's limit. */
    private static void end(MethodVisitor m, int c) {
        Label size = new Label();
        m.visitLabel(size);
        if (size.getOffset() >= HUGE_METHOD) {
            throw new IllegalStateException("generated method c" + c + " has " + size.getOffset() + " bytes of bytecode");
        }
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    // a slot's JVM local in chunk c is stored as (c << 16 | local) + 1, so that stale entries of other chunks read as absent
    private static int encode(int jvm, int c) {
        return ((c << 16) | jvm) + 1;
    }

    private static int jvmLocalOf(int s, int[] jvmLocal, int c) {
        int e = jvmLocal[s] - 1;
        return e >= 0 && (e >>> 16) == c ? e & 0xFFFF : -1;
    }

    /** Pushes the value of slot {@code s}: a constant, a local variable, or {@code r[s]}. */
    private void load(MethodVisitor m, int s, BitSet local, int[] jvmLocal, int c) {
        if (constant.get(s)) {
            double v = tape.constants()[s];
            long bits = Double.doubleToRawLongBits(v);
            if (bits == 0L) m.visitInsn(DCONST_0);
            else if (v == 1.0) m.visitInsn(DCONST_1);
            else m.visitLdcInsn(v);
        } else if (local.get(s)) {
            int v = jvmLocalOf(s, jvmLocal, c);
            if (v < 0) throw new IllegalStateException("slot " + s + " read before it is written");
            m.visitVarInsn(DLOAD, v);
        } else {
            array(m, s);
            index(m, s);
            m.visitInsn(DALOAD);
        }
    }

    private static void index(MethodVisitor m, int s) {
        if (s <= 5) m.visitInsn(ICONST_0 + s);
        else if (s <= Byte.MAX_VALUE) m.visitIntInsn(BIPUSH, s);
        else if (s <= Short.MAX_VALUE) m.visitIntInsn(SIPUSH, s);
        else m.visitLdcInsn(s);
    }

    /** An upper bound of the constant-pool entries a method adds: large indices, constants, its method. */
    private int poolEntries(int[] code, int from, int[] order, Unit unit, BitSet local) {
        if (unit.out()) return 6 + 4 * (unit.loop() == null ? unit.end() - unit.start() : unit.loop().period());
        int n = 6, end = unit.loop() == null ? unit.end() : unit.start() + unit.loop().period();
        for (int i = unit.start(); i < end; i++) {
            int pc = from + 4 * order[i];
            for (int k = 1; k <= 3; k++) {
                int s = code[pc + k];
                if (constant.get(s)) n += 2;
                else if (s > Short.MAX_VALUE) n++;
                if (unit.loop() != null) n += 2;  // a base and a stride
            }
            if (code[pc] >= 0) n += 3;  // the op's field reference
        }
        return n;
    }

    /**
     * The slots all accesses of which fall in one straight-line method, other than parameters and
     * constants; a result among them is stored into the array after its last write, recorded in
     * {@code lastWrite}. (A loop keeps its own locals: {@link Rolling#plan}.)
     */
    private BitSet localSlots(int[] code, int from, int[] order, List<Unit> units, int[] lastWrite) {
        int slots = tape.slotCount();
        int[] unitOf = new int[slots];
        Arrays.fill(unitOf, -1);
        var shared = new BitSet();
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (unit.out()) continue;
            for (int i = unit.start(); i < unit.end(); i++) {
                int pc = from + 4 * order[i];
                lastWrite[code[pc + 1]] = i;
                for (int k = 1; k <= 3; k++) {
                    int s = code[pc + k];
                    if (unitOf[s] < 0) unitOf[s] = u;
                    else if (unitOf[s] != u) shared.set(s);
                }
            }
        }
        var local = new BitSet();
        for (int s = tape.params().size(); s < slots; s++) {
            if (unitOf[s] >= 0 && !shared.get(s) && !constant.get(s) && units.get(unitOf[s]).loop() == null) local.set(s);
        }
        return local;
    }

    private static void poll() {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
    }
}
