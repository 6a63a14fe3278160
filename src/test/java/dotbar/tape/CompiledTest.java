package dotbar.tape;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Sym;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompiledTest {
    private final Sym x = sym("x"), y = sym("y"), a = sym("a"), b = sym("b"), c = sym("c");

    @Test
    void valueAndGradientOfTheContractExample() {
        Expr f = a.times(b).plus(sin(c).pow(2));
        Compiled t = compile(f, "a", "b", "c");
        double[] g = new double[3];
        double v = t.gradient(new double[]{0.5, -1.2, 0.3}, g);
        // f = a·b + sin²c; ∇f = (b, a, 2·sin c·cos c)
        assertEquals(0.5 * -1.2 + Math.pow(Math.sin(0.3), 2), v, 1e-15);
        assertEquals(v, t.value(new double[]{0.5, -1.2, 0.3}));
        assertArrayEquals(new double[]{-1.2, 0.5, Math.sin(0.6)}, g, 1e-15);
        assertEquals(v, t.value(at("c=0.3, b=-1.2, a=0.5, z=9")));
    }

    @Test
    void parameterOrderIsTheOrderGiven() {
        Expr f = x.times(2).plus(y.times(3));
        assertArrayEquals(new double[]{3, 2}, compile(f, "y", "x").gradient(new double[]{1, 1}));
        assertEquals(List.of("x", "y"), compile(f).params());
    }

    @Test
    void disassemblyOfASmallExpression() {
        Expr f = x.pow(2).times(sin(y)).plus(exp(x.times(y)));
        assertEquals("""
                params     r0 = x, r1 = y
                constants  r2 = 2, r9 = 1
                value
                  r3 = r0²
                  r4 = sin(r1)
                  r5 = r3 * r4
                  r6 = r0 * r1
                  r7 = exp(r6)
                  r8 = r5 + r7
                gradient
                  r10 = r1 * r7
                  r11 = r0 * r7
                  r12 = cos(r1)
                  r11 += r12 * r3
                  r13 = r2 * r0
                  r10 += r13 * r4
                result     f = r8, ∂f/∂x = r10, ∂f/∂y = r11
                """, Tapes.compile(f, List.of("x", "y")).disassemble());
    }

    @Test
    void disassemblyCarriesNegationsInsteadOfComputingThem() {
        // f = (1 − x)² + cos(xy): ∂x = −(2 − 2x) − y·sin(xy) (the canonical form distributes 2·(1 − x)), ∂y = −x·sin(xy),
        // with the minus signs read off at the end
        assertEquals("""
                params     r0 = x, r1 = y
                constants  r2 = 1, r4 = 2
                value
                  r3 = r2 - r0
                  r5 = r3²
                  r6 = r0 * r1
                  r7 = cos(r6)
                  r8 = r5 + r7
                gradient
                  r9 = sin(r6)
                  r10 = r1 * r9
                  r11 = r0 * r9
                  r12 = r4 * r0
                  r13 = r4 - r12
                  r10 = r10 + r13
                result     f = r8, ∂f/∂x = -r10, ∂f/∂y = -r11
                """, compile(parse("(1 - x)^2 + cos(x*y)"), "x", "y").disassemble());
        double[] g = compile(parse("(1 - x)^2 + cos(x*y)"), "x", "y").gradient(new double[]{0.5, 2});
        assertArrayEquals(new double[]{-2 * 0.5 - 2 * Math.sin(1), -0.5 * Math.sin(1)}, g, 1e-15);
    }

    @Test
    void sharedSubexpressionsAreComputedOnce() {
        Expr s = sin(x.times(y));
        Compiled t = compile(s.times(s).plus(s), "x", "y");
        assertEquals(4, t.valueInstructions());  // x·y, sin, ·, +
        double[] g = t.gradient(new double[]{0.3, 0.7});
        double u = Math.sin(0.21), du = (2 * u + 1) * Math.cos(0.21);  // d(s² + s) = (2s + 1)·cos(xy)·d(xy)
        assertArrayEquals(new double[]{du * 0.7, du * 0.3}, g, 1e-15);
    }

    @Test
    void namedFunctionsAreInlined() {
        Fn sq = def("sqr", List.of("u"), sym("u").pow(2));
        Fn w = def("w", List.of("p", "q"), sym("p").times(sym("q")).plus(sym("p")));
        Expr f = sq.apply(w.apply(x, y)).plus(sq.apply(x));
        Compiled t = compile(f, "x", "y");
        assertEquals(f.eval(at("x=0.4, y=-1.5")), t.value(new double[]{0.4, -1.5}), 1e-15);
        // f = (xy + x)² + x²: ∂x = 2(xy + x)(y + 1) + 2x, ∂y = 2(xy + x)·x
        double wv = 0.4 * -1.5 + 0.4;
        assertArrayEquals(new double[]{2 * wv * -0.5 + 0.8, 2 * wv * 0.4}, t.gradient(new double[]{0.4, -1.5}), 1e-15);
        assertFalse(t.disassemble().contains("sqr"));
    }

    @Test
    void aParameterThatInliningRemovesHasGradientZero() {
        Fn first = def("first", List.of("u", "v"), sym("u").times(3));
        Compiled t = compile(first.apply(x, y), "x", "y");
        assertArrayEquals(new double[]{3, 0}, t.gradient(new double[]{1, 2}));
    }

    @Test
    void aGradientByTheFirstParametersOnlyLeavesTheDataAlone() {
        // a model w·x + b·x² with data x: ∂/∂w = x, ∂/∂b = x², and nothing computed for x̄
        Expr f = sym("w").times(x).plus(sym("b").times(x.pow(2)));
        Compiled byModel = Tapes.compile(f, List.of("w", "b", "x"), 2);
        assertEquals(List.of("w", "b"), byModel.wrt());
        assertArrayEquals(new double[]{3, 9}, byModel.gradient(new double[]{0.5, -2, 3}));
        Compiled byAll = Tapes.compile(f, List.of("w", "b", "x"));
        assertArrayEquals(new double[]{3, 9, 0.5 - 12}, byAll.gradient(new double[]{0.5, -2, 3}));
        assertTrue(byModel.gradientInstructions() < byAll.gradientInstructions());
        assertSame(Tapes.of(f, List.of("w", "b", "x"), 2), Tapes.of(f, List.of("w", "b", "x"), 2));
        assertEquals("compile: cannot differentiate by 4 of 3 parameters",
                assertThrows(DotbarException.class, () -> Tapes.compile(f, List.of("w", "b", "x"), 4)).getMessage());
    }

    @Test
    void constantExponentsStayFiniteAtNegativeBases() {
        // ∂(aᵇ)/∂b = aᵇ·log a is NaN for a < 0; a constant exponent must not contribute it
        assertArrayEquals(new double[]{-2}, compile(x.pow(2), "x").gradient(new double[]{-1}));
        assertArrayEquals(new double[]{12}, compile(x.pow(3), "x").gradient(new double[]{-2}));
        assertArrayEquals(new double[]{0}, compile(abs(x), "x").gradient(new double[]{0}));  // PyTorch's kink
        assertArrayEquals(new double[]{0}, compile(relu(x), "x").gradient(new double[]{0}));
    }

    @Test
    void trivialExpressions() {
        assertArrayEquals(new double[]{1}, compile(x, "x").gradient(new double[]{5}));
        Compiled constant = compile(num(3));
        assertEquals(List.of(), constant.params());
        assertEquals(3, constant.gradient(new double[0], new double[0]));
        // x + x: both contributions reach the same adjoint
        assertArrayEquals(new double[]{2}, compile(x.plus(x), "x").gradient(new double[]{5}));
        assertArrayEquals(new double[]{10}, compile(x.times(x), "x").gradient(new double[]{5}));
    }

    @Test
    void a20000DeepChainCompilesAndRuns() {
        Expr e = x;
        for (int i = 0; i < 20_000; i++) e = sin(e).plus(x);
        Compiled t = Tapes.compile(e, List.of("x"));
        assertEquals(40_001, t.nodes());
        double[] g = new double[1];
        double v = t.gradient(new double[]{0.1}, g);
        assertEquals(e.eval(at("x=0.1")), v);
        assertEquals(diff(e, "x").eval(at("x=0.1")), g[0], 1e-9 * Math.abs(g[0]));
        assertEquals(TapePropertiesTest.finiteDifference(t, new double[]{0.1}, 0), g[0], 1e-5 * Math.abs(g[0]));
    }

    @Test
    void badInputNamesWhatIsWrong() {
        Expr f = a.times(b);
        assertEquals("compile: parameters c, z are not in the expression (its symbols: a, b)",
                assertThrows(DotbarException.class, () -> compile(f, "a", "b", "c", "z")).getMessage());
        assertEquals("compile: the expression uses b, which is not a parameter (parameters: a)",
                assertThrows(DotbarException.class, () -> compile(f, "a")).getMessage());
        assertEquals("compile: the expression uses a, b, which are not parameters (no parameters given)",
                assertThrows(DotbarException.class, () -> compile(f, new String[0])).getMessage());
        assertEquals("compile: parameter a is given twice",
                assertThrows(DotbarException.class, () -> compile(f, "a", "b", "a")).getMessage());
        Compiled t = compile(f, "a", "b");
        assertEquals("value: x has length 3 but there are 2 parameters [a, b]",
                assertThrows(DotbarException.class, () -> t.value(new double[3])).getMessage());
        double[] g = {7};
        assertEquals("gradient: g has length 1 but the gradient is by 2 parameters [a, b]",
                assertThrows(DotbarException.class, () -> t.gradient(new double[2], g)).getMessage());
        assertEquals("gradient: x has length 1 but there are 2 parameters [a, b]",
                assertThrows(DotbarException.class, () -> t.gradient(new double[1], new double[2])).getMessage());
        assertEquals(7, g[0]);  // nothing half-changed
        assertEquals("no value for b", assertThrows(DotbarException.class, () -> t.value(at("a=1"))).getMessage());
    }

    @Test
    void abstractFunctionsCannotBeCompiled() {
        Fn h = Functions.register(Fn.abstractFn("h", List.of("u")));
        var e = assertThrows(DotbarException.class, () -> compile(h.apply(x).plus(1), "x"));
        assertTrue(e.getMessage().contains("h is abstract; give it a body with def(\"h(u) = ...\")"), e.getMessage());
    }

    @Test
    void tapesAreCachedPerExpressionAndParameters() {
        Expr f = x.times(y).plus(cos(x));
        assertSame(compile(f, "x", "y"), compile(f, "x", "y"));
        assertNotSame(compile(f, "x", "y"), compile(f, "y", "x"));
        assertNotSame(Tapes.compile(f, List.of("x", "y")), compile(f, "x", "y"));
    }

    @Test
    void otherThreadsGetCorrectResults() throws Exception {
        Expr f = x.times(y).plus(exp(x.minus(y)));
        Compiled t = Tapes.compile(f, List.of("x", "y"));
        t.value(new double[]{0, 0});  // this thread owns the scratch slots
        var pool = Executors.newFixedThreadPool(3);
        try {
            var futures = new java.util.ArrayList<Future<double[]>>();
            for (int i = 0; i < 30; i++) {
                double xi = i * 0.1;
                futures.add(pool.submit(() -> t.gradient(new double[]{xi, 1})));
            }
            for (int i = 0; i < 30; i++) {
                double xi = i * 0.1, ex = Math.exp(xi - 1);
                assertArrayEquals(new double[]{1 + ex, xi - ex}, futures.get(i).get(), 1e-14);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void kernelsAllocateNothingPerCall() {
        Expr f = x;
        for (int i = 0; i < 50; i++) f = tanh(f.times(y)).plus(sigmoid(f)).minus(x.pow(2));
        Compiled t = compile(f, "x", "y");
        long allocated = allocatedPerRun(t, new double[]{0.3, 0.6});
        assertTrue(allocated < 20_000, "40 000 calls allocated " + allocated + " bytes");
    }

    /** Bytes the current thread allocates in 20 000 value and 20 000 gradient calls, after 2 000 to warm up and own the slots. */
    static long allocatedPerRun(Compiled tape, double[] in) {
        double[] g = new double[in.length];
        for (int i = 0; i < 2_000; i++) tape.gradient(in, g);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        double sum = 0;
        for (int i = 0; i < 20_000; i++) sum += tape.gradient(in, g) + tape.value(in);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(Double.isFinite(sum));
        return allocated;
    }

    @Test
    void sizeAndMemoryAreReported() {
        Compiled t = compile(x.times(y).plus(sin(x)), "x", "y");
        assertEquals(5, t.nodes());
        assertEquals(3, t.valueInstructions());
        assertTrue(t.bytes() > 0 && t.bytes() < 64L * t.nodes() * 4);
        // compile(e, …) of a small expression has its bytecode at once; a tape made otherwise starts interpreted
        assertEquals("Compiled[x, y]: 5 nodes, 3 value and " + (t.gradientInstructions() - 3) + " gradient instructions, "
                + t.slotCount() + " slots, running as bytecode", t.toString());
        assertTrue(Tapes.compile(x.times(y).plus(sin(x)), List.of("x", "y")).toString().endsWith("slots, interpreted"));
        var many = new java.util.ArrayList<String>();
        Expr sum = num(0);
        for (int i = 0; i < 20; i++) {
            many.add("w" + i);
            sum = sum.plus(sym("w" + i));
        }
        assertTrue(Tapes.compile(sum, many).toString().startsWith("Compiled[w0, w1, w2, …, w19 (20 parameters)]: 39 nodes"));
    }

    @Test
    void compileGeneratesBytecodeAtOnceUpToThirtyThousandInstructionsAndNotBeyond() {
        // Σ_k sin(k·x + y): no term repeats another's constants in stride, so nothing here relies on rolling
        Expr within = num(0), beyond = num(0);
        for (int k = 1; k <= 1200; k++) within = within.plus(sin(x.times(k).plus(y)));
        for (int k = 1; k <= 6000; k++) beyond = beyond.plus(sin(x.times(k).plus(y)));
        Compiled small = compile(within, "x", "y"), large = compile(beyond, "x", "y");
        assertTrue(small.gradientInstructions() > 2000 && small.gradientInstructions() <= 30_000, small::toString);
        assertTrue(small.toString().endsWith("running as bytecode"), small::toString);
        assertTrue(large.gradientInstructions() > 30_000, large::toString);
        assertFalse(large.toString().endsWith("running as bytecode"), "a large tape starts interpreted: " + large);
        double[] g = new double[2];
        double v = small.gradient(new double[]{0.25, -0.5}, g), dx = 0, dy = 0, value = 0;
        for (int k = 1; k <= 1200; k++) {  // ∂/∂x = Σ k·cos(k·x + y), ∂/∂y = Σ cos(k·x + y)
            value += Math.sin(k * 0.25 - 0.5);
            dx += k * Math.cos(k * 0.25 - 0.5);
            dy += Math.cos(k * 0.25 - 0.5);
        }
        assertEquals(value, v, 1e-9);
        assertEquals(dx, g[0], 1e-6);
        assertEquals(dy, g[1], 1e-9);
    }

    /**
     * ∂(u²)/∂u is 2·u, which construction writes 2·x1 − 2·x0² for u = x1 − x0²: the tape takes
     * 2·r[u] (one multiply) rather than the distributed sum (three), so one Rosenbrock term's
     * gradient is six instructions; the numbers are Rosenbrock's gradient by hand.
     */
    @Test
    void aDistributedNumberReusesTheSumItMultiplies() {
        Compiled t = compile(parse("100*(x1 - x0^2)^2 + (1 - x0)^2"), "x0", "x1");
        assertEquals(6, t.gradientInstructions() - t.valueInstructions(), t::toString);
        double[] g = new double[2];
        for (double[] x : new double[][]{{-1.2, 1}, {0.5, -3}, {2, 4}}) {
            double d = x[1] - x[0] * x[0];
            assertEquals(100 * d * d + (1 - x[0]) * (1 - x[0]), t.gradient(x, g), 1e-12);
            assertEquals(-400 * x[0] * d - 2 * (1 - x[0]), g[0], 1e-12 * Math.max(1, Math.abs(g[0])));
            assertEquals(200 * d, g[1], 1e-12 * Math.max(1, Math.abs(g[1])));
        }
    }
}
