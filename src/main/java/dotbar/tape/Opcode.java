package dotbar.tape;

import dotbar.expr.Op;

/**
 * The instruction codes of the tape. Codes 0, 1, 2, … are the ordinals of the op table
 * ({@link Op}); the constants here name them so that the kernel's {@code switch} reads as
 * {@code case SIN -> Op.SIN.apply(a, b)}, and a test checks every name against its ordinal.
 * A few more exist only on the tape: {@link #MULACC} ({@code r[d] += r[a]·r[b]}),
 * {@link #MULSUB} ({@code r[d] −= r[a]·r[b]}) and {@link #COPY} ({@code r[d] = r[a]}) for the
 * reverse sweep's accumulation, and {@link #SQUARE}
 * for the most common power.
 */
final class Opcode {
    private Opcode() {}

    /** r[d] = r[d] + r[a]·r[b]: one adjoint contribution w̄ᵤ += ∂w/∂u · w̄, as MUL then ADD would round it. */
    static final int MULACC = -1;
    /** r[d] = r[a]. */
    static final int COPY = -2;
    /** r[d] = r[d] − r[a]·r[b]: a contribution to an adjoint kept negated (see TapeCompiler's {@code Adjoint}). */
    static final int MULSUB = -4;
    /**
     * r[d] = r[a]·r[a]: {@code a ^ 2} without the call to {@link Math#pow}, whose result it equals
     * exactly (a·a is correctly rounded, and pow(a, 2) is within an ulp and exact when a·a is).
     */
    static final int SQUARE = -3;

    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, NEG = 5, SIN = 6, COS = 7, TAN = 8,
            ASIN = 9, ACOS = 10, ATAN = 11, SINH = 12, COSH = 13, TANH = 14, ASINH = 15, ACOSH = 16,
            ATANH = 17, EXP = 18, LOG = 19, SQRT = 20, ABS = 21, SIGMOID = 22, RELU = 23, SOFTPLUS = 24,
            SIGN = 25, STEP = 26;

    private static final Op[] OPS = Op.values();

    /** The op of a code ≥ 0. */
    static Op op(int code) {
        return OPS[code];
    }

    /** The code of an op. */
    static int of(Op op) {
        return op.ordinal();
    }
}
