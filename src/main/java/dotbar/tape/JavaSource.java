package dotbar.tape;

import static dotbar.tape.Opcode.*;

import java.util.BitSet;

/**
 * A tape program as Java source, one statement per instruction, for {@link Javac}: the class
 * implements {@code ToDoubleFunction<double[]>} (the value section, returning f) and
 * {@code Consumer<double[]>} (the whole gradient program) over the same slots array as the
 * interpreter, with the same operations in an order that keeps each value close to its uses
 * ({@link Schedule}), so its results are the interpreter's to the last bit.
 *
 * <p>Statements are split into methods of {@value #CHUNK}, small enough for the JIT to compile
 * (HotSpot skips methods over 8000 bytes of bytecode). A slot read and written within one method
 * only becomes a local variable, which the JIT keeps in a register; parameters, results and
 * slots shared between methods stay in the array; constants become literals.
 */
final class JavaSource {
    static final int CHUNK = 200;

    private final Compiled tape;
    private final BitSet constant = new BitSet();
    private final BitSet output = new BitSet();
    private final StringBuilder methods = new StringBuilder();

    private JavaSource(Compiled tape) {
        this.tape = tape;
        for (int s : tape.constantSlots()) constant.set(s);
        output.set(tape.root());
        for (int s : tape.gradientSlots()) if (s >= 0) output.set(s);
    }

    /** The source of the public class {@code name}, in the unnamed package. */
    static String of(Compiled tape, String name) {
        var source = new JavaSource(tape);
        String value = source.section("v", 0, tape.valueEnd());
        String gradient = source.section("g", 0, tape.code().length);
        return "public final class " + name
                + " implements java.util.function.ToDoubleFunction<double[]>, java.util.function.Consumer<double[]> {\n"
                + "    public double applyAsDouble(double[] r) {\n" + value + "        return r[" + tape.root() + "];\n    }\n"
                + "    public void accept(double[] r) {\n" + gradient + "    }\n"
                + source.methods + "}\n";
    }

    /** Writes the methods of instructions {@code from … to} and returns the statements that call them. */
    private String section(String prefix, int from, int to) {
        int[] code = tape.code();
        int[] order = Schedule.order(code, from, to, tape.valueEnd());
        int chunks = (order.length + CHUNK - 1) / CHUNK;
        int[] lastWrite = new int[tape.slotCount()];
        BitSet local = localSlots(code, from, order, lastWrite);
        var declared = new BitSet();
        var calls = new StringBuilder();
        for (int c = 0; c < chunks; c++) {
            calls.append("        ").append(prefix).append(c).append("(r);\n");
            methods.append("    private static void ").append(prefix).append(c).append("(double[] r) {\n");
            for (int i = c * CHUNK; i < Math.min(order.length, (c + 1) * CHUNK); i++) {
                int pc = from + 4 * order[i];
                int op = code[pc], d = code[pc + 1];
                String target = local.get(d) ? (declared.get(d) ? "s" + d : "double s" + d) : "r[" + d + "]";
                declared.set(d);
                String a = operand(code[pc + 2], local), b = operand(code[pc + 3], local), self = operand(d, local);
                methods.append("        ").append(target).append(" = ").append(expression(op, a, b, self)).append(";\n");
                if (local.get(d) && output.get(d) && lastWrite[d] == i) methods.append("        r[").append(d).append("] = s").append(d).append(";\n");
            }
            methods.append("    }\n");
        }
        return calls.toString();
    }

    /**
     * The slots all accesses of which fall in one method, other than parameters and constants; a
     * result among them is stored into the array after its last write, recorded in {@code lastWrite}.
     */
    private BitSet localSlots(int[] code, int from, int[] order, int[] lastWrite) {
        int slots = tape.slotCount();
        int[] chunkOf = new int[slots];
        java.util.Arrays.fill(chunkOf, -1);
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

    private String operand(int s, BitSet local) {
        if (constant.get(s)) return literal(tape.constants()[s]);
        return local.get(s) ? "s" + s : "r[" + s + "]";
    }

    /** A double literal that reads back as exactly {@code v}, parenthesised when negative. */
    static String literal(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        String s = Double.toString(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /**
     * One instruction as a Java expression: plain operators for the arithmetic (the same IEEE
     * operations as {@link dotbar.expr.Op#apply}), the op table itself for everything else.
     */
    static String expression(int op, String a, String b, String d) {
        return switch (op) {
            case MULACC -> d + " + " + a + " * " + b;
            case MULSUB -> d + " - " + a + " * " + b;
            case COPY -> a;
            case SQUARE -> a + " * " + a;
            case ADD -> a + " + " + b;
            case SUB -> a + " - " + b;
            case MUL -> a + " * " + b;
            case DIV -> a + " / " + b;
            case NEG -> "-" + a;
            default -> "dotbar.expr.Op." + Opcode.op(op).name() + ".apply(" + a + ", " + b + ")";
        };
    }
}
