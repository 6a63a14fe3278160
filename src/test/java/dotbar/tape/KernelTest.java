package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Op;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel against the op table: every code names its op, every instruction computes Op.apply bit for bit. */
class KernelTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1, -1, 0.5, -0.5, 2, 1e-300, -1e300, 710, -745,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Math.PI};

    @Test
    void opcodeNamesAreTheOrdinalsOfTheOpTable() throws IllegalAccessException {
        int named = 0;
        for (Field f : Opcode.class.getDeclaredFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            int code = f.getInt(null);
            if (code < 0) continue; // tape-only instructions
            assertEquals(Op.valueOf(f.getName()).ordinal(), code, f.getName());
            named++;
        }
        // a name is a fast case of its own; an op without one runs through the default branch (below)
        assertTrue(named > 0);
    }

    @Test
    void everyInstructionComputesOpApplyExactly() {
        var random = new Random(5);
        for (Op op : Op.values()) {
            for (int i = 0; i < 400; i++) {
                double a = i < SPECIAL.length ? SPECIAL[i] : random.nextGaussian() * (i % 3 == 0 ? 100 : 2);
                double b = i < SPECIAL.length ? SPECIAL[(i * 7 + 3) % SPECIAL.length] : random.nextGaussian() * 3;
                double[] r = {a, b, 0};
                Kernel.run(new int[]{Opcode.of(op), 2, 0, 1}, 0, 4, r);
                double expected = op.apply(a, b);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(r[2]),
                        () -> op + "(" + a + ", " + b + "): kernel " + r[2] + ", Op.apply " + expected);
            }
        }
    }

    @Test
    void squareIsPowOfTwoExactly() {
        var random = new Random(11);
        double[] r = new double[2];
        int[] square = {Opcode.SQUARE, 1, 0, 0};
        for (int i = 0; i < 200_000; i++) {
            // all magnitudes, subnormal to overflowing, both signs
            double a = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(2, random.nextInt(2100) - 1075);
            r[0] = a;
            Kernel.run(square, 0, 4, r);
            if (Double.doubleToLongBits(r[1]) != Double.doubleToLongBits(Op.POW.apply(a, 2))) {
                throw new AssertionError(a + "² = " + r[1] + " but pow gives " + Op.POW.apply(a, 2));
            }
        }
    }

    @Test
    void accumulateAndCopy() {
        double[] r = {3, 4, 10, 1};
        Kernel.run(new int[]{Opcode.MULACC, 2, 0, 1, Opcode.MULSUB, 3, 0, 1, Opcode.COPY, 0, 2, 2}, 0, 12, r);
        assertEquals(22, r[2]);  // 10 + 3·4
        assertEquals(-11, r[3]);  // 1 − 3·4
        assertEquals(22, r[0]);
    }
}
