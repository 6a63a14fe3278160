package dotbar.tape;

import dotbar.base.DotbarException;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;

/**
 * An expression compiled once into a flat tape: its value and its gradient by reverse mode, as
 * straight-line programs over one array of slots, run with no allocation per call.
 *
 * <pre>{@code
 * var c = compile(parse("a*b + sin(c)^2"), "a", "b", "c");   // parameter order as given
 * double v = c.value(new double[]{0.5, -1.2, 0.3});
 * double[] g = new double[3];
 * c.gradient(new double[]{0.5, -1.2, 0.3}, g);   // g = (b, a, 2·sin(c)·cos(c)) = (-1.2, 0.5, 0.5646…)
 * }</pre>
 *
 * <h2>The program</h2>
 * Slots {@code r0 … r(n−1)} hold the parameters, in the order given. The <em>value</em> section
 * has one instruction per distinct operation node of the DAG (named functions inlined), in
 * topological order, each writing its own slot: a shared subexpression is computed once. The
 * <em>gradient</em> section is the reverse sweep (the seed's eq. (31) read right to left): for
 * each node w in reverse order and each operand u that depends on a parameter,
 * <pre>  ū += ∂w/∂u · w̄</pre>
 * where ∂w/∂u is the op table's own rule ({@link dotbar.expr.Op#partials}) applied to the node's
 * operands and compiled into instructions over the value slots, interned with them: the partials
 * of {@code exp}, {@code tanh} or {@code σ} reuse the node's value, those of a product are its
 * operands and cost nothing. The compiler folds what it knows: the root's w̄ = 1 and constant
 * partials multiply at compile time; a term ∂w/∂u = ±1 (sums, differences) reads w̄'s slot
 * instead of copying it; negations (a difference's −1, cos' = −sin) are carried as signs and
 * absorbed into the accumulation ({@code r[d] −= r[a]·r[b]}) or the final read, never computed;
 * the first contribution to ū is a store, later ones accumulate in place, so nothing is zeroed
 * per call. Partials that are structurally 0
 * ({@code sign}, {@code step}) and operands that are constants contribute nothing — so the
 * exponent of x² never yields 2·x·log(x), NaN for x &lt; 0.
 *
 * <p>Why this shape rather than interpreting per-op derivative templates at run time: every
 * partial is then an ordinary instruction, shared by interning with the value section and with
 * other partials, folded by the same construction rules as any expression, and one kernel runs
 * both sections. On sums of squares (Rosenbrock) the gradient section has about as many
 * instructions as the value section.
 *
 * <h2>Two tiers</h2>
 * A new tape is interpreted: a loop with a switch over the instruction codes, about 2 ns per
 * instruction. From its second call (a few calls for programs over 20 000 instructions) a
 * background thread writes the program as JVM bytecode — straight-line code, one short run of
 * bytecode per instruction, values in local variables, and one loop for each run of repeated
 * terms ({@link Rolling}) — into hidden classes, warms that code up on a copy of the slots while
 * the tape keeps interpreting, and switches the tape to it once it measures faster (about
 * 0.2–0.5 ns per instruction). The generated gradient reads x and writes g itself. A tape of up
 * to 30 000 instructions made by {@code compile(e, …)}, which is there to be called many times,
 * has its bytecode at once ({@link Tapes#forCalls}). No JDK compiler is needed: any Java 21 runtime has the second tier.
 * {@link #generate()} switches at once. Both tiers perform the same operations in orders with
 * the same dependencies, so they give the same numbers to the last bit. The benchmarks ({@code scripts/bench}) measure both, and the tiers as a user meets them
 * ({@code scripts/bench --user}).
 *
 * <h2>Threads</h2>
 * The slots live in one array owned by the first thread that calls (and, once that thread has
 * ended, the next); other threads get a fresh array per call, so a {@code Compiled} is safe to
 * share, and allocation-free for its owner.
 *
 * <h2>Tensors</h2>
 * An expression over matrix and vector symbols compiles into a {@link TensorTape} instead, which
 * this class wraps: x is every parameter's entries in the order given, each tensor row by row,
 * and the gradient fills g in the same layout. It has no second tier ({@link #generate()} is
 * false); its matrix products are loops over contiguous arrays, and it allocates nothing per call.
 */
public final class Compiled {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(Compiled.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<String> params;
    /** The first {@code gradientSlots.length} parameters, unmodifiable (a Grad keeps it without copying). */
    private final List<String> wrt;
    private final int[] code;
    private final int valueEnd;
    private final int[] constantSlots;
    private final int root;
    private final int[] gradientSlots;
    /** ∂f/∂(k-th parameter) is −r[gradientSlots[k]] rather than r[…]. */
    private final boolean[] gradientNegated;
    private final int nodes;
    /** The slots, constants in place; also the template of other threads' slots (see {@link #slots}). */
    private final double[] scratch;
    @SuppressWarnings("unused") // set through OWNER
    private volatile Thread owner;
    /** The second tier's sections, each once generated and warm; until then the interpreter runs. */
    private volatile Program valueProgram, gradientProgram;
    /** Why there is no second tier, once that is known. */
    private volatile String notGenerated;
    private volatile boolean requested, generatedByCaller;
    /** Ints of code interpreted so far (four per instruction); racy increments only delay the second tier. */
    private long interpreted;
    /** The owner thread's rows for {@link #values}, made on first use. */
    private Batch batch;
    /** The tensor tape this object wraps, or null for a scalar tape. */
    private final TensorTape tensor;

    Compiled(List<String> params, int[] code, int valueEnd, double[] slots, int[] constantSlots, int root,
             int[] gradientSlots, boolean[] gradientNegated, int nodes) {
        this.params = List.copyOf(params);
        this.wrt = gradientSlots.length == params.size() ? this.params : List.copyOf(params.subList(0, gradientSlots.length));
        this.code = code;
        this.valueEnd = valueEnd;
        this.constantSlots = constantSlots;
        this.root = root;
        this.gradientSlots = gradientSlots;
        this.gradientNegated = gradientNegated;
        this.nodes = nodes;
        this.scratch = slots;
        this.tensor = null;
    }

    /** A compiled tensor expression ({@link TensorTape}) behind this class's contract. */
    Compiled(TensorTape t, int differentiated) {
        this.params = t.params();
        this.wrt = List.copyOf(params.subList(0, differentiated));
        this.code = new int[0];
        this.valueEnd = 0;
        this.root = 0;
        this.constantSlots = new int[0];
        this.gradientSlots = new int[0];
        this.gradientNegated = new boolean[0];
        this.scratch = new double[0];
        this.nodes = t.nodes();
        this.tensor = t;
        notGenerated = "a tensor tape runs its kernels directly";
    }

    /** The parameters, in the order of the arrays {@link #value} and {@link #gradient} take. */
    /**
     * True while every parameter has the declared shape this tape was compiled for (a scalar tape:
     * every parameter a scalar), so a cache can tell a tape of {@code x} from before
     * {@code forget("x")} and a new declaration; O(1) for a scalar tape while nothing is declared.
     */
    boolean shapesCurrent() {
        if (tensor == null && !Shapes.anyDeclared()) return true;
        for (int k = 0; k < params.size(); k++) {
            Shape was = tensor == null ? Shape.SCALAR : tensor.shape(k);
            if (!Shapes.declared(params.get(k)).equals(was)) return false;
        }
        return true;
    }

    public List<String> params() { return params; }

    /** The parameters the gradient is by: all of {@link #params()}, or the first few (the rest are data). */
    public List<String> wrt() { return wrt; }

    /** The value at {@code x} (one number per parameter, in order). */
    public double value(double[] x) {
        if (tensor != null) return tensor.value(x);
        check(x, "value");
        double[] r = owned() ? scratch : scratch.clone();
        Program p = valueProgram;
        if (p != null) {  // the generated code reads x itself
            p.run(r, x, null);
            return root < x.length ? x[root] : r[root];
        }
        System.arraycopy(x, 0, r, 0, x.length);
        Kernel.run(code, 0, valueEnd, r);
        interpreted(valueEnd);
        return r[root];
    }

    /** The value at a point that gives every parameter a value (other names are ignored). */
    public double value(Point p) {
        if (tensor != null) return tensor.value(tensor.flatten(p));
        return value(p.sharedValues(params));  // read in place, never written
    }

    /**
     * The gradient at {@code x}: fills {@code g[k]} with ∂f/∂(k-th parameter) and returns f(x).
     * {@code x} has one entry per parameter, {@code g} one per parameter of {@link #wrt()}.
     */
    public double gradient(double[] x, double[] g) {
        if (tensor != null) return tensor.gradient(x, g);
        if (g.length != gradientSlots.length) {
            throw new DotbarException("gradient: g has length " + g.length + " but the gradient is by "
                    + (gradientSlots.length == 1 ? "1 parameter " : gradientSlots.length + " parameters ") + wrt());
        }
        check(x, "gradient");
        double[] r = owned() ? scratch : scratch.clone();
        Program p = gradientProgram;
        if (p != null && x != g) {  // the generated code reads x and writes g itself
            p.run(r, x, g);
            return root < x.length ? x[root] : r[root];
        }
        System.arraycopy(x, 0, r, 0, x.length);
        return run(r, g);
    }

    /** Runs the gradient program over the slots {@code r} (parameters set), fills g, returns f. */
    private double run(double[] r, double[] g) {
        Program p = gradientProgram;
        if (p != null) {
            p.run(r, r, g);
            return r[root];
        }
        Kernel.run(code, 0, code.length, r);
        interpreted(code.length);
        for (int k = 0; k < g.length; k++) {
            int s = gradientSlots[k];
            g[k] = s < 0 ? 0 : gradientNegated[k] ? -r[s] : r[s];
        }
        return r[root];
    }

    /**
     * The gradient at a point that gives every parameter a value (other names are ignored), in a
     * new array in the order of {@link #wrt()}: the generated code reads the point's values where
     * the point keeps them ({@link Point#sharedValues}).
     */
    public double[] gradient(Point p) {
        if (tensor != null) {
            double[] g = new double[tensor.gradientLength()];
            tensor.gradient(tensor.flatten(p), g);
            return g;
        }
        // the generated code reads the parameters in place: no copy of n values into the slots
        double[] g = new double[gradientSlots.length];
        gradient(p.sharedValues(params), g);
        return g;
    }

    /** The gradient at {@code x}, in a new array. */
    public double[] gradient(double[] x) {
        if (tensor != null) {
            double[] g = new double[tensor.gradientLength()];
            tensor.gradient(x, g);
            return g;
        }
        double[] g = new double[gradientSlots.length];
        gradient(x, g);
        return g;
    }

    /**
     * Generates the second tier now and runs it from the next call on (tapes do this by
     * themselves, in the background, once the generated code is warm; see the class comment).
     * It takes milliseconds for 10⁴ instructions. Returns false, and the tape keeps interpreting,
     * when that is impossible (programs over 1 000 000 instructions; {@link #toString()} then
     * says why) or when the calling thread is interrupted meanwhile (its interrupt stays set).
     */
    public synchronized boolean generate() {
        if (tensor != null) return false;
        if (valueProgram != null && gradientProgram != null) return true;
        if (notGenerated != null && generatedByCaller) return false;
        Object result;
        try {
            result = SecondTier.generate(this);
        } catch (Bytecode.Interrupted e) {
            return false;
        }
        generatedByCaller = true;
        if (result instanceof SecondTier.Generated g) {
            install(g.value(), g.gradient());
            notGenerated = null;
            return true;
        }
        notGenerated = (String) result;
        return false;
    }

    /** The name {@link #generate()} had when the second tier was compiled Java source. */
    public boolean generateJava() {
        return generate();
    }

    /** Switches the sections given (not null) to generated code. */
    void install(Program value, Program gradient) {
        if (value != null && valueProgram == null) valueProgram = value;
        if (gradient != null && gradientProgram == null) gradientProgram = gradient;
    }

    /** Records why the tape keeps interpreting (unless a caller's {@link #generate()} succeeded). */
    void notGenerated(String why) {
        if (gradientProgram == null || valueProgram == null) notGenerated = why;
    }

    /** True once {@link #generate()} was called: the background thread's work is moot. */
    boolean generatedByCaller() {
        return generatedByCaller;
    }

    /**
     * The value at many points at once: {@code out[i] = f(columns[0][i], …, columns[n−1][i])}, with
     * one column per parameter; a column of length 1 gives that parameter one value at every
     * point (a hyperparameter, a step count). The points go through in blocks, each instruction
     * one loop over a block, so an expression evaluated over a grid, a dataset or every
     * parameter of a model pays the instruction dispatch once per block rather than per point;
     * what depends only on one-value columns and constants is computed once per block. The values
     * are those of {@link #value} at each point, to the last bit. No allocation per call for the
     * thread that owns this tape's slots.
     */
    public void values(double[][] columns, double[] out) {
        if (tensor != null) throw new DotbarException("values: a tensor tape evaluates one point at a time: call value(x) per point");
        int m = out.length;
        if (columns.length != params.size()) {
            throw new DotbarException("values: " + columns.length + " columns but there " + count(params.size()) + " " + params);
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k].length != m && columns[k].length != 1) {
                throw new DotbarException("values: the column of " + params.get(k) + " has length " + columns[k].length
                        + " but out has length " + m + " (a column has one value per point, or one for all)");
            }
        }
        if (m == 0) return;
        Batch b = owned() ? (batch == null ? batch = new Batch(this) : batch) : new Batch(this);
        if (m <= b.block && valueEnd > 0 && code[valueEnd - 3] == root) {
            // one block, and the last instruction makes f: read the columns and write out in place
            for (int k = 0; k < columns.length; k++) {
                boolean one = columns[k].length == 1;
                if (one) Arrays.fill(b.rows[k], 0, m, columns[k][0]);
                else b.rows[k] = columns[k];
                b.uniform[k] = one || m == 1;
            }
            b.rows[root] = out;
            BatchKernel.run(code, valueEnd, b.rows, b.uniform, m);
            b.restore();
            return;
        }
        for (int start = 0; start < m; start += b.block) {
            int len = Math.min(b.block, m - start);
            for (int k = 0; k < columns.length; k++) {
                boolean one = columns[k].length == 1;
                if (one) Arrays.fill(b.rows[k], 0, len, columns[k][0]);
                else System.arraycopy(columns[k], start, b.rows[k], 0, len);
                b.uniform[k] = one || len == 1;
            }
            BatchKernel.run(code, valueEnd, b.rows, b.uniform, len);
            System.arraycopy(b.rows[root], 0, out, start, len);
        }
    }

    /** Rows of the value section's slots for a block of points; constants filled once. */
    private static final class Batch {
        final int block;
        final double[][] rows;
        final boolean[] uniform;
        private final double[][] own;

        Batch(Compiled c) {
            int slots = Math.max(c.root, c.params.size() - 1);
            for (int pc = 0; pc < c.valueEnd; pc++) if (pc % 4 != 0) slots = Math.max(slots, c.code[pc]);
            slots++;
            block = Math.max(16, Math.min(512, (1 << 16) / slots));  // rows of at most about 512 KB
            rows = new double[slots][block];
            uniform = new boolean[slots];
            for (int s : c.constantSlots) {
                if (s < slots) {
                    Arrays.fill(rows[s], c.scratch[s]);
                    uniform[s] = true;
                }
            }
            own = rows.clone();
        }

        /** Back to this batch's own rows after a call lent it the caller's arrays. */
        void restore() {
            System.arraycopy(own, 0, rows, 0, rows.length);
        }
    }

    /** The number of distinct DAG nodes compiled (named functions inlined). */
    public int nodes() { return nodes; }

    /** The number of instructions of the value section. */
    public int valueInstructions() { return valueEnd / 4; }

    /** The number of instructions of the gradient program (value section included). */
    public int gradientInstructions() { return code.length / 4; }

    /** The number of slots (registers) the program uses. */
    public int slotCount() { return scratch.length; }

    /** The bytes of the tape's arrays: instructions, slots and the lists of constant and output slots. */
    public long bytes() {
        return 4L * code.length + 8L * scratch.length + 4L * constantSlots.length + 5L * gradientSlots.length;
    }

    /**
     * The program as text, one instruction per line: the parameters' and constants' slots, the
     * value section, the gradient section and the slots the results are read from.
     */
    public String disassemble() {
        return Disassembler.text(this);
    }

    @Override
    public String toString() {
        if (tensor != null) return tensor.toString();
        String names = params.size() <= 8 ? params.toString() : "[" + String.join(", ", params.subList(0, 3)) + ", …, "
                + params.get(params.size() - 1) + " (" + params.size() + " parameters)]";
        return "Compiled" + names + ": " + nodes + " nodes, " + valueInstructions() + " value and "
                + (gradientInstructions() - valueInstructions()) + " gradient instructions, " + slotCount() + " slots, "
                + (gradientProgram != null ? "running as bytecode" : notGenerated != null ? "interpreted (" + notGenerated + ")"
                : "interpreted");
    }

    // for the second tier's warm-up
    Program gradientProgram() { return gradientProgram; }
    Program valueProgram() { return valueProgram; }

    // for the disassembler
    int[] code() { return code; }
    int valueEnd() { return valueEnd; }
    double[] constants() { return scratch; }  // only the constant slots are meaningful
    int[] constantSlots() { return constantSlots; }
    int root() { return root; }
    int[] gradientSlots() { return gradientSlots; }
    boolean[] gradientNegated() { return gradientNegated; }

    private void interpreted(int ints) {
        if (!requested && (interpreted += ints) > SecondTier.threshold(this)) {
            requested = true;
            SecondTier.submit(this);
        }
    }

    /**
     * Checks that x has one entry per parameter. (The slots a call runs on are this object's own
     * array for its owner thread, else a copy of it. A copy taken while the owner runs is still
     * right: the program never writes a constant slot, and writes every other slot before it
     * reads it; the parameters come from x, copied in or read there by the generated code.)
     */
    private void check(double[] x, String what) {
        if (x.length != params.size()) {
            throw new DotbarException(what + ": x has length " + x.length + " but there " + count(params.size())
                    + " " + params);
        }
    }

    /**
     * True for the thread that owns this tape's slots: the first that called, or the first to
     * call after the owner ended — JShell runs each snippet on a thread of its own, so at the
     * prompt the owner of a tape made by one snippet is gone by the next. A thread that has
     * ended runs nothing, so taking its slots over is safe.
     */
    private boolean owned() {
        Thread me = Thread.currentThread(), o = owner;
        if (o == me) return true;
        return (o == null || !o.isAlive()) && OWNER.compareAndSet(this, o, me);
    }

    private static String count(int n) {
        return n == 1 ? "is 1 parameter" : "are " + n + " parameters";
    }
}
