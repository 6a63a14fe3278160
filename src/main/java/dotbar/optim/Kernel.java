package dotbar.optim;

import dotbar.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Fn;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A straight-line register program compiled once from expressions, then run many times with no
 * allocation and no map look-ups: the numeric engine of optimizer rules. Registers are
 * {@code [inputs…, constants…, temporaries…]}; each instruction is {@code r[dst] = op(r[a], r[b])}
 * (unary ops ignore {@code b}) or a move {@code r[dst] = r[a]}, which is how an update equation
 * stores its result back into an input slot.
 *
 * <p>A kernel is immutable and can be shared; the register file belongs to the caller
 * ({@link #registers()}), so one kernel serves many optimizers.
 */
final class Kernel {
    private final Op[] ops;          // null: a move
    private final int[] a;
    private final int[] b;
    private final int[] dst;
    private final double[] initial;  // inputs 0, constants filled in

    private Kernel(Builder k) {
        int n = k.ops.size();
        ops = k.ops.toArray(new Op[0]);
        a = new int[n];
        b = new int[n];
        dst = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = k.a.get(i);
            b[i] = k.b.get(i);
            dst[i] = k.dst.get(i);
        }
        initial = new double[k.registers];
        k.constants.forEach((reg, value) -> initial[reg] = value);
    }

    /** A fresh register file: inputs at {@code [0, inputs)} (zero), constants in place. */
    double[] registers() {
        return initial.clone();
    }

    /** Runs the program over the register file {@code r}. */
    void run(double[] r) {
        for (int i = 0; i < ops.length; i++) {
            Op op = ops[i];
            r[dst[i]] = op == null ? r[a[i]] : op.apply(r[a[i]], r[b[i]]);
        }
    }

    /** Compiles expressions over named input slots, in the order they are added. */
    static final class Builder {
        private final Map<String, Integer> inputs = new HashMap<>();
        private final Map<Expr, Integer> done = new IdentityHashMap<>();
        private final Map<Integer, Double> constants = new HashMap<>();
        private final List<Op> ops = new ArrayList<>();
        private final List<Integer> a = new ArrayList<>();
        private final List<Integer> b = new ArrayList<>();
        private final List<Integer> dst = new ArrayList<>();
        private int registers;

        Builder(List<String> inputNames) {
            for (String name : inputNames) inputs.put(name, registers++);
        }

        /**
         * Emits the instructions computing {@code e} (defined functions inlined) and returns the
         * register holding its value. Nodes compiled since the last {@link #store} are reused.
         */
        int compile(Expr e) {
            Expr root = Graph.inline(e);
            for (Expr n : Graph.topologicalOrder(root)) {
                if (done.containsKey(n)) continue;
                done.put(n, switch (n) {
                    case Num c -> {
                        constants.put(registers, c.value());
                        yield registers++;
                    }
                    case Sym s -> {
                        Integer slot = inputs.get(s.name());
                        if (slot == null) throw new DotbarException("no value for " + s.name());
                        yield slot;
                    }
                    case Call c -> emit(c.op(), done.get(c.args().get(0)),
                            done.get(c.args().get(c.args().size() - 1)), registers++);
                    case Apply f -> throw abstractFunction(f, f.fn());  // inline left only abstract ones
                    case Partial p -> throw abstractFunction(p, p.fn());
                });
            }
            return done.get(root);
        }

        /**
         * Emits {@code input ← r[register]}. Every compiled node that may have read the old value
         * is forgotten, so equations compiled later see the new one.
         */
        void store(int register, String input) {
            int slot = inputs.get(input);
            if (register != slot) emit(null, register, register, slot);
            done.keySet().removeIf(n -> !(n instanceof Num));
        }

        private static DotbarException abstractFunction(Expr node, Fn fn) {
            return new DotbarException("cannot evaluate " + node + ": " + fn.name()
                    + " is abstract; give it a body with def(\"" + fn.signature() + " = ...\")");
        }

        Kernel build() {
            return new Kernel(this);
        }

        private int emit(Op op, int x, int y, int to) {
            ops.add(op);
            a.add(x);
            b.add(y);
            dst.add(to);
            return to;
        }
    }
}
