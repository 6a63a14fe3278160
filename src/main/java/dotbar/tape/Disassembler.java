package dotbar.tape;

import dotbar.expr.Op;
import dotbar.expr.Point;

import java.util.StringJoiner;

/**
 * The text form of a tape, for reading and for golden tests:
 * <pre>
 * params     r0 = x, r1 = y
 * constants  r2 = 2
 * value
 *   r3 = r0 ^ r2
 *   …
 * gradient
 *   r7 += r2 * r6
 *   …
 * result     f = r5, ∂f/∂x = r9, ∂f/∂y = r12
 * </pre>
 */
final class Disassembler {
    private Disassembler() {}

    static String text(Compiled c) {
        var out = new StringBuilder();
        var params = new StringJoiner(", ");
        for (int k = 0; k < c.params().size(); k++) params.add("r" + k + " = " + c.params().get(k));
        out.append("params     ").append(params).append('\n');
        var constants = new StringJoiner(", ");
        for (int s : c.constantSlots()) constants.add("r" + s + " = " + Point.formatNumber(c.constants()[s]));
        out.append("constants  ").append(constants).append('\n');
        out.append("value\n");
        int[] code = c.code();
        for (int pc = 0; pc < c.valueEnd(); pc += 4) out.append("  ").append(instruction(code, pc)).append('\n');
        out.append("gradient\n");
        for (int pc = c.valueEnd(); pc < code.length; pc += 4) out.append("  ").append(instruction(code, pc)).append('\n');
        var result = new StringJoiner(", ");
        result.add("f = r" + c.root());
        for (int k = 0; k < c.gradientSlots().length; k++) {
            int g = c.gradientSlots()[k];
            result.add("∂f/∂" + c.params().get(k) + " = " + (g < 0 ? "0" : (c.gradientNegated()[k] ? "-r" : "r") + g));
        }
        out.append("result     ").append(result).append('\n');
        return out.toString();
    }

    /**
     * One instruction: {@code r3 = r0 ^ r2}, {@code r4 = sin(r1)}, {@code r5 = -r4}, {@code r6 = r3²},
     * {@code r7 += r2 * r6}; a function of two operands is {@code f(r0, r1)}. Written from the op
     * table's notation, so a new op needs nothing here.
     */
    static String instruction(int[] code, int pc) {
        int op = code[pc];
        String d = "r" + code[pc + 1], a = "r" + code[pc + 2], b = "r" + code[pc + 3];
        if (op == Opcode.MULACC) return d + " += " + a + " * " + b;
        if (op == Opcode.MULSUB) return d + " -= " + a + " * " + b;
        if (op == Opcode.COPY) return d + " = " + a;
        if (op == Opcode.SQUARE) return d + " = " + a + "²";
        Op o = Opcode.op(op);
        if (o.isOperator()) return d + " = " + (o.arity() == 1 ? o.symbol() + a : a + " " + o.symbol() + " " + b);
        return d + " = " + o.symbol() + "(" + a + (o.arity() == 2 ? ", " + b : "") + ")";
    }
}
