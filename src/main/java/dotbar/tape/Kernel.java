package dotbar.tape;

import static dotbar.tape.Opcode.*;

import dotbar.expr.Op;

/**
 * The interpreter of tape instructions: a register machine over one {@code double[]} of slots.
 * An instruction is four ints {@code (code, d, a, b)} meaning {@code r[d] = op(r[a], r[b])}
 * (unary ops ignore {@code r[b]}).
 *
 * <p>Every value comes from {@link Op#apply}: each case calls it on a constant receiver, which
 * the JIT binds statically and inlines, so the switch costs one jump and there is no second copy
 * of any op's arithmetic. An op without a case of its own (one added to the table later) still
 * runs, through the {@code default} virtual call.
 */
final class Kernel {
    private Kernel() {}

    /** Runs the instructions from int offset {@code from} to {@code to} of {@code code} over the slots {@code r}. */
    static void run(int[] code, int from, int to, double[] r) {
        for (int pc = from; pc < to; pc += 4) {
            int op = code[pc], d = code[pc + 1];
            double a = r[code[pc + 2]], b = r[code[pc + 3]];
            r[d] = switch (op) {
                case MULACC -> r[d] + a * b;
                case MULSUB -> r[d] - a * b;
                case COPY -> a;
                case SQUARE -> a * a;
                case ADD -> Op.ADD.apply(a, b);
                case SUB -> Op.SUB.apply(a, b);
                case MUL -> Op.MUL.apply(a, b);
                case DIV -> Op.DIV.apply(a, b);
                case POW -> Op.POW.apply(a, b);
                case NEG -> Op.NEG.apply(a, b);
                case SIN -> Op.SIN.apply(a, b);
                case COS -> Op.COS.apply(a, b);
                case TAN -> Op.TAN.apply(a, b);
                case ASIN -> Op.ASIN.apply(a, b);
                case ACOS -> Op.ACOS.apply(a, b);
                case ATAN -> Op.ATAN.apply(a, b);
                case SINH -> Op.SINH.apply(a, b);
                case COSH -> Op.COSH.apply(a, b);
                case TANH -> Op.TANH.apply(a, b);
                case ASINH -> Op.ASINH.apply(a, b);
                case ACOSH -> Op.ACOSH.apply(a, b);
                case ATANH -> Op.ATANH.apply(a, b);
                case EXP -> Op.EXP.apply(a, b);
                case LOG -> Op.LOG.apply(a, b);
                case SQRT -> Op.SQRT.apply(a, b);
                case ABS -> Op.ABS.apply(a, b);
                case SIGMOID -> Op.SIGMOID.apply(a, b);
                case RELU -> Op.RELU.apply(a, b);
                case SOFTPLUS -> Op.SOFTPLUS.apply(a, b);
                case SIGN -> Op.SIGN.apply(a, b);
                case STEP -> Op.STEP.apply(a, b);
                default -> Opcode.op(op).apply(a, b);
            };
        }
    }
}
