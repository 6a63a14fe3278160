package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Op;
import dotbar.expr.Point;
import dotbar.testing.RandomExprs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The second tier: generated Java computes exactly what the interpreter computes. */
class GeneratedJavaTest {

    @Test
    void everyInstructionAgreesWithTheOpTable() {
        // a white-box program: one instruction per code over the parameters a, b, each result
        // read back as a "gradient" component
        int[] codes = new int[Op.values().length + 2];
        for (int k = 0; k < Op.values().length; k++) codes[k] = k;
        codes[Op.values().length] = Opcode.SQUARE;
        codes[Op.values().length + 1] = Opcode.COPY;
        var params = new ArrayList<String>();
        int[] code = new int[4 * codes.length];
        int[] outputs = new int[codes.length];
        for (int k = 0; k < codes.length; k++) {
            params.add("p" + k);
            outputs[k] = codes.length + k;
            code[4 * k] = codes[k];
            code[4 * k + 1] = outputs[k];
            code[4 * k + 2] = 0;
            code[4 * k + 3] = 1;
        }
        var tape = new Compiled(params, code, 0, new double[2 * codes.length], new int[0], 0, outputs, new boolean[codes.length],
                codes.length);
        assertTrue(tape.generateJava(), tape::toString);
        var random = new Random(3);
        double[] x = new double[codes.length];
        for (int i = 0; i < 2_000; i++) {
            x[0] = i % 10 == 0 ? 0.0 : random.nextGaussian() * (i % 3 == 0 ? 50 : 1.5);
            x[1] = i % 7 == 0 ? 2 : random.nextGaussian() * 2;
            double[] g = tape.gradient(x);
            for (int k = 0; k < codes.length; k++) {
                double expected = codes[k] >= 0 ? Op.values()[codes[k]].apply(x[0], x[1])
                        : codes[k] == Opcode.SQUARE ? Op.POW.apply(x[0], 2) : x[0];
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(g[k]),
                        "code " + codes[k] + " at " + x[0] + ", " + x[1]);
            }
        }
    }

    @Property(tries = 25)
    void generatedCodeGivesTheInterpretersResultsBitForBit(@ForAll("exprs") Expr e, @ForAll("points") List<Point> points) {
        Assume.that(!e.vars().isEmpty());
        Compiled tape = Tapes.compile(e, e.vars());
        double[] values = new double[points.size()];
        double[][] gradients = new double[points.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = tape.value(points.get(i).values(tape.params()));
            gradients[i] = tape.gradient(points.get(i).values(tape.params()));
        }
        assertTrue(tape.generateJava(), tape::toString);
        for (int i = 0; i < values.length; i++) {
            double[] x = points.get(i).values(tape.params());
            assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(tape.value(x)), e::toString);
            double[] g = tape.gradient(x);
            for (int k = 0; k < g.length; k++) assertEquals(gradients[i][k], g[k], 0.0, e::toString);
        }
    }

    @Provide
    Arbitrary<Expr> exprs() {
        // e·e + sin(e): shared nodes, so the programs accumulate adjoints
        return RandomExprs.exprs(7).map(e -> e.times(e).plus(dotbar.DotBar.sin(e)));
    }

    @Provide
    Arbitrary<List<Point>> points() {
        return RandomExprs.points().list().ofSize(5);
    }

    @Test
    void generatedKernelsAllocateNothingPerCall() {
        Expr f = dotbar.expr.Exprs.sym("x");
        Expr y = dotbar.expr.Exprs.sym("y");
        for (int i = 0; i < 300; i++) f = f.times(y).plus(dotbar.DotBar.sin(f)).minus(y.pow(2));
        Compiled tape = Tapes.compile(f, List.of("x", "y"));
        assertTrue(tape.generateJava());
        assertTrue(tape.toString().endsWith("running as generated Java"), tape::toString);
        long allocated = CompiledTest.allocatedPerRun(tape, new double[]{0.3, 0.6});
        assertTrue(allocated < 20_000, "40 000 calls allocated " + allocated + " bytes");
    }

    @Test
    void literalsReadBackExactly() {
        assertEquals("(-0.0)", JavaSource.literal(-0.0));
        assertEquals("1.0E-300", JavaSource.literal(1e-300));
        assertEquals("Double.NEGATIVE_INFINITY", JavaSource.literal(Double.NEGATIVE_INFINITY));
        assertEquals("0.1", JavaSource.literal(0.1));
    }
}
