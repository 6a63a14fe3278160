package dotbar.tape;

import static dotbar.tape.Opcode.*;
import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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

    /** Thrown when the generating thread is interrupted; nothing is left half-made. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private final Compiled tape;
    private final BitSet constant = new BitSet();
    private final BitSet output = new BitSet();

    private Bytecode(Compiled tape) {
        this.tape = tape;
        for (int s : tape.constantSlots()) constant.set(s);
        output.set(tape.root());
        for (int s : tape.gradientSlots()) if (s >= 0) output.set(s);
    }

    /** The value section (instructions before {@code valueEnd}) as a program. */
    static Program value(Compiled tape) {
        return new Bytecode(tape).section(0, tape.valueEnd());
    }

    /** The whole gradient program (value section included) as a program. */
    static Program gradient(Compiled tape) {
        return new Bytecode(tape).section(0, tape.code().length);
    }

    private Program section(int from, int to) {
        int[] code = tape.code();
        poll();
        int[] order = Schedule.order(code, from, to, tape.valueEnd());
        poll();
        int[] lastWrite = new int[tape.slotCount()];
        BitSet local = localSlots(code, from, order, lastWrite);
        int chunks = (order.length + CHUNK - 1) / CHUNK;
        var parts = new ArrayList<Program>();
        int first = 0;
        while (first < chunks || parts.isEmpty()) {
            // as many chunks as the class's method and constant-pool budgets allow, at least one
            int last = first, pool = 0;
            while (last < chunks && last - first < CHUNKS_PER_CLASS) {
                int need = poolEntries(code, from, order, last, local);
                if (last > first && pool + need > POOL_BUDGET) break;
                pool += need;
                last++;
            }
            parts.add(define(code, from, order, first, last, local, lastWrite));
            first = last;
        }
        return parts.size() == 1 ? parts.get(0) : new Program.Sequence(parts.toArray(Program[]::new));
    }

    /** One hidden class running chunks {@code first … last−1}. */
    private Program define(int[] code, int from, int[] order, int first, int last, BitSet local, int[] lastWrite) {
        var cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, NAME, null, PROGRAM, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, PROGRAM, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "([D)V", null, null);
        run.visitCode();
        int[] jvmLocal = new int[tape.slotCount()];
        for (int c = first; c < last; c++) {
            poll();
            run.visitVarInsn(ALOAD, 1);
            run.visitMethodInsn(INVOKESTATIC, NAME, "c" + c, "([D)V", false);
            chunk(cw, code, from, order, c, local, lastWrite, jvmLocal);
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

    /** The static method {@code c<c>(double[] r)}: instructions {@code c·CHUNK …} of {@code order}. */
    private void chunk(ClassWriter cw, int[] code, int from, int[] order, int c, BitSet local, int[] lastWrite, int[] jvmLocal) {
        MethodVisitor m = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + c, "([D)V", null, null);
        m.visitCode();
        int nextLocal = 1;  // local 0 is r; a double takes two
        int end = Math.min(order.length, (c + 1) * CHUNK);
        for (int i = c * CHUNK; i < end; i++) {
            int pc = from + 4 * order[i];
            int op = code[pc], d = code[pc + 1], a = code[pc + 2], b = code[pc + 3];
            boolean toLocal = local.get(d);
            if (toLocal && jvmLocalOf(d, jvmLocal, c) < 0) {  // its first write
                jvmLocal[d] = encode(nextLocal, c);
                nextLocal += 2;
            }
            if (!toLocal) {
                m.visitVarInsn(ALOAD, 0);
                index(m, d);
            }
            switch (op) {
                case MULACC, MULSUB -> {
                    load(m, d, local, jvmLocal, c);
                    load(m, a, local, jvmLocal, c);
                    load(m, b, local, jvmLocal, c);
                    m.visitInsn(DMUL);
                    m.visitInsn(op == MULACC ? DADD : DSUB);
                }
                case COPY -> load(m, a, local, jvmLocal, c);
                case SQUARE -> {
                    load(m, a, local, jvmLocal, c);
                    m.visitInsn(DUP2);
                    m.visitInsn(DMUL);
                }
                case ADD, SUB, MUL, DIV -> {
                    load(m, a, local, jvmLocal, c);
                    load(m, b, local, jvmLocal, c);
                    m.visitInsn(op == ADD ? DADD : op == SUB ? DSUB : op == MUL ? DMUL : DDIV);
                }
                case NEG -> {
                    load(m, a, local, jvmLocal, c);
                    m.visitInsn(DNEG);
                }
                default -> {
                    m.visitFieldInsn(GETSTATIC, OP, Opcode.op(op).name(), "L" + OP + ";");
                    load(m, a, local, jvmLocal, c);
                    load(m, b, local, jvmLocal, c);
                    m.visitMethodInsn(INVOKEVIRTUAL, OP, "apply", "(DD)D", false);
                }
            }
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
            m.visitVarInsn(ALOAD, 0);
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

    /** An upper bound of the constant-pool entries chunk {@code c} adds: large indices, constants, its method. */
    private int poolEntries(int[] code, int from, int[] order, int c, BitSet local) {
        int n = 6;
        for (int i = c * CHUNK; i < Math.min(order.length, (c + 1) * CHUNK); i++) {
            int pc = from + 4 * order[i];
            for (int k = 1; k <= 3; k++) {
                int s = code[pc + k];
                if (constant.get(s)) n += 2;
                else if (s > Short.MAX_VALUE) n++;
            }
            if (code[pc] >= 0) n += 3;  // the op's field reference
        }
        return n;
    }

    /**
     * The slots all accesses of which fall in one method, other than parameters and constants; a
     * result among them is stored into the array after its last write, recorded in {@code lastWrite}.
     */
    private BitSet localSlots(int[] code, int from, int[] order, int[] lastWrite) {
        int slots = tape.slotCount();
        int[] chunkOf = new int[slots];
        Arrays.fill(chunkOf, -1);
        var shared = new BitSet();
        for (int i = 0; i < order.length; i++) {
            int pc = from + 4 * order[i], c = i / CHUNK;
            lastWrite[code[pc + 1]] = i;
            for (int k = 1; k <= 3; k++) {
                int s = code[pc + k];
                if (chunkOf[s] < 0) chunkOf[s] = c;
                else if (chunkOf[s] != c) shared.set(s);
            }
        }
        var local = new BitSet();
        for (int s = tape.params().size(); s < slots; s++) if (chunkOf[s] >= 0 && !shared.get(s) && !constant.get(s)) local.set(s);
        return local;
    }

    private static void poll() {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted();
    }
}
