package dotbar.tape;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.testing.RandomExprs;

import java.lang.management.ManagementFactory;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Evaluation at many points at once gives, point by point, what value(x) gives. */
class BatchTest {
    @Provide
    Arbitrary<Expr> exprs() {
        return RandomExprs.exprs(6).filter(e -> !e.vars().isEmpty());
    }

    @Property(tries = 200)
    void eachPointAsValueGivesIt(@ForAll("exprs") Expr e, @ForAll @IntRange(max = 1300) int m, @ForAll long seed) {
        Compiled c = Tapes.compile(e, e.vars());
        var random = new Random(seed);
        int n = c.params().size();
        double[][] columns = new double[n][];
        for (int k = 0; k < n; k++) {
            // some parameters have one value for all points
            columns[k] = new double[random.nextInt(3) == 0 ? 1 : m];
            for (int i = 0; i < columns[k].length; i++) columns[k][i] = -2 + 4 * random.nextDouble();
        }
        double[] out = new double[m];
        c.values(columns, out);
        double[] x = new double[n];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) x[k] = columns[k][columns[k].length == 1 ? 0 : i];
            assertEquals(Double.doubleToLongBits(c.value(x)), Double.doubleToLongBits(out[i]), e + " at point " + i);
        }
    }

    @Test
    void oneValueColumnsAreComputedOnceAndSpreadOut() {
        // θ − η·v/(1 − α^t): α^t depends on one-value columns only
        Compiled c = compile(parse("θ - η*v/(1 - α^t)"), "θ", "v", "η", "α", "t");
        double[] out = new double[3];
        c.values(new double[][]{{1, 2, 3}, {0.5, -0.5, 1}, {0.1}, {0.9}, {2}}, out);
        double scale = 0.1 / (1 - 0.81);
        assertArrayEquals(new double[]{1 - scale * 0.5, 2 + scale * 0.5, 3 - scale}, out, 1e-15);
    }

    @Test
    void badShapesNameWhatIsWrong() {
        Compiled c = compile(parse("x*y"), "x", "y");
        assertEquals("values: 1 columns but there are 2 parameters [x, y]",
                assertThrows(DotbarException.class, () -> c.values(new double[][]{{1}}, new double[2])).getMessage());
        assertEquals("values: the column of y has length 3 but out has length 2 (a column has one value per point, or one for all)",
                assertThrows(DotbarException.class, () -> c.values(new double[][]{{1, 2}, {1, 2, 3}}, new double[2])).getMessage());
        c.values(new double[][]{{}, {}}, new double[0]);  // no points: nothing to do
    }

    @Test
    void noAllocationPerCall() {
        Compiled c = compile(parse("sigmoid(w*x + b) - y"), "w", "b", "x", "y");
        double[][] columns = {{0.5}, {-1}, new double[1000], new double[1000]};
        double[] out = new double[1000];
        for (int i = 0; i < 200; i++) c.values(columns, out);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 2_000; i++) c.values(columns, out);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 20_000, "2000 calls allocated " + allocated + " bytes");
    }
}
