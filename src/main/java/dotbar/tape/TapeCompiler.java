package dotbar.tape;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Partial;
import dotbar.expr.Sym;
import dotbar.sweep.Accumulator;
import dotbar.sweep.Dag;
import dotbar.sweep.Walk;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Flattens an expression into a {@link Compiled} tape: the value section from the DAG in
 * topological order, then the reverse sweep with each op's local partials taken from the op
 * table and compiled over the value slots (see {@link Compiled} for the program's shape).
 * Everything walks iteratively; each node, partial and contribution is visited once.
 */
final class TapeCompiler {
    private final Map<String, Integer> paramIndex = new HashMap<>();
    private final IdentityHashMap<Expr, Integer> valueSlot = new IdentityHashMap<>();
    private Dag dag;
    /** By node of the DAG: ū's slot, null while ū is 0 (no contribution yet). */
    private Adjoint[] adjoint;
    /** The nodes that depend on a parameter the gradient is by. */
    private boolean[] active;
    private final BitSet constantSlotSet = new BitSet();
    private final java.util.HashMap<Long, Integer> constantByBits = new java.util.HashMap<>();
    private int[] code = new int[256];
    private int length;
    private int slots;
    private double[] init;
    private int[] constantSlots = new int[8];
    private int constants;

    private TapeCompiler(List<String> params) {
        for (String p : params) paramIndex.put(p, paramIndex.size());
        slots = params.size();
        init = new double[Math.max(64, 2 * slots)];
    }

    /**
     * Compiles {@code e} over {@code params}, differentiated by the first {@code differentiated}
     * of them, after checking them against the expression's symbols.
     */
    static Compiled compile(Expr e, List<String> params, int differentiated) {
        return compile(e, params, differentiated, false);
    }

    /** {@link #compile(Expr, List, int)}, where {@code absentAllowed} lets parameters be missing from e (their gradient is 0). */
    static Compiled compile(Expr e, List<String> params, int differentiated, boolean absentAllowed) {
        if (differentiated < 0 || differentiated > params.size()) {
            throw new DotbarException("compile: cannot differentiate by " + differentiated + " of " + params.size() + " parameters");
        }
        check(e, params, absentAllowed);
        Expr flat = Graph.inline(e);
        var dag = new Dag(flat);
        List<Expr> forward = dag.nodes();
        rejectAbstract(forward);
        var unknown = new LinkedHashSet<String>();
        var given = new HashSet<>(params);  // a hash index: 10⁵ parameters are checked in linear time
        for (Expr n : forward) if (n instanceof Sym s && !given.contains(s.name())) unknown.add(s.name());
        if (!unknown.isEmpty()) {
            throw new DotbarException("compile: the expression uses " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a parameter" : ", which are not parameters")
                    + (params.isEmpty() ? " (no parameters given)" : " (parameters: " + String.join(", ", params) + ")"));
        }
        return new TapeCompiler(params).build(flat, dag, params, differentiated);
    }

    private static void check(Expr e, List<String> params, boolean absentAllowed) {
        var seen = new LinkedHashSet<String>();
        for (String p : params) {
            Exprs.sym(p); // an error unless p is a symbol name
            if (!seen.add(p)) throw new DotbarException("compile: parameter " + p + " is given twice");
        }
        if (absentAllowed) return;
        var vars = e.vars();
        var present = new HashSet<>(vars);
        var absent = params.stream().filter(p -> !present.contains(p)).toList();
        if (!absent.isEmpty()) {
            throw new DotbarException("compile: " + (absent.size() == 1 ? "parameter " : "parameters ")
                    + String.join(", ", absent) + (absent.size() == 1 ? " is" : " are") + " not in the expression"
                    + (vars.isEmpty() ? ", which has no symbols" : " (its symbols: " + String.join(", ", vars) + ")"));
        }
    }

    private static void rejectAbstract(List<Expr> nodes) {
        for (Expr n : nodes) {
            var fn = n instanceof Apply a ? a.fn() : n instanceof Partial p ? p.fn() : null;
            if (fn != null) {
                throw new DotbarException("cannot compile " + n + ": " + fn.name() + " is abstract; give it a body with def(\""
                        + fn.signature() + " = ...\")");
            }
        }
    }

    private Compiled build(Expr root, Dag dag, List<String> params, int differentiated) {
        long steps = 0;
        for (Expr n : dag.nodes()) {
            Interrupted.poll(++steps);
            emitValue(n);
        }
        int valueEnd = length;
        // the nodes that depend on a parameter the gradient is by carry adjoints
        active = dag.dependsOn(dag.symbols(x -> paramIndex.get(x.name()) < differentiated));
        this.dag = dag;
        adjoint = new Adjoint[dag.size()];
        Walk.reverse(dag, dag.size() - 1, active, Walk.Order.PUSH, new Emission());
        int[] gradientSlots = new int[differentiated];
        boolean[] negated = new boolean[differentiated];
        for (int k = 0; k < gradientSlots.length; k++) {
            int i = dag.find(Exprs.sym(params.get(k)));
            Adjoint a = i < 0 ? null : adjoint[i];
            gradientSlots[k] = a == null ? -1 : a.slot;
            negated[k] = a != null && a.negated;
        }
        return new Compiled(params, Arrays.copyOf(code, length), valueEnd, Arrays.copyOf(init, slots),
                Arrays.copyOf(constantSlots, constants), valueSlot.get(root), gradientSlots, negated, dag.size());
    }

    /**
     * Where an adjoint ū lives: ū = r[slot], or −r[slot] when {@code negated} — a negation is
     * exact, so it is carried along rather than computed. An owned slot is ū's alone and takes
     * further contributions in place; a borrowed one is shared (a constant, a partial's value, or
     * w̄ when ∂w/∂u = ±1), is never written, and ū moves to a slot of its own at its next
     * contribution.
     */
    private record Adjoint(int slot, boolean owned, boolean negated) {}

    /**
     * The reverse sweep emitted: the contributions of node w to its operands' adjoints,
     * ū += ∂w/∂u · w̄, with ∂w/∂u from the op table, for the operands that depend on a parameter
     * differentiated by (the walk skips numbers and data). The seed w̄ = 1 of the root is a
     * constant: the root's contributions fold into their partials. An op whose partials are all
     * structurally 0 (sign, step) contributes an exact 0, not 0·w̄ (PyTorch's
     * {@code zeros_like(grad)}: w̄ = ∞ still gives 0), and the sweep goes on below u with that 0,
     * so that an infinite partial there gives 0·∞ = NaN as in PyTorch rather than the branch
     * being cut off (which made {@code grad((x − 1)·step(z/0))} 0 by z where PyTorch, the
     * numeric sweeps and {@code diff} give NaN; {@code grad(sign(4^z))} at z = 710 is NaN as in
     * PyTorch, while diff's folded formula is 0).
     */
    private final class Emission implements Accumulator {
        private int partialsOf = -1;
        private List<Expr> partials;

        @Override
        public void seed(int root) {
            if (active[root]) adjoint[root] = new Adjoint(valueOf(Exprs.ONE), false, false);
        }

        @Override
        public void accumulate(int u, int w, int k, int source) {
            Call c = (Call) dag.node(w);
            if (c.op().hasZeroPartials()) {
                if (adjoint[u] == null) adjoint[u] = new Adjoint(valueOf(Exprs.ZERO), false, false);  // ū + 0 = ū
                return;
            }
            if (partialsOf != w) {
                partials = c.op().partials(c.args(), c);
                partialsOf = w;
            }
            // also a partial folded to 0 from constants (∂(1^z)/∂z = 1^z·log 1): 0·w̄, NaN at w̄ = ∞
            contribute(u, partials.get(k), adjoint[w]);
        }
    }

    /** ū += p · w̄, in as few instructions as the forms of p, w̄ and ū allow. */
    private void contribute(int u, Expr p, Adjoint wbar) {
        // the term is ±r[single], or ±r[factor]·r[bar]; minus says which sign
        boolean minus = wbar.negated;
        for (; p instanceof Call c && c.op() == Op.NEG; p = c.arg()) minus = !minus;  // −q·w̄ = −(q·w̄)
        int bar = wbar.slot, single = -1, factor = -1;
        if (p instanceof Num c && isConstant(bar)) single = valueOf(Exprs.num(Op.MUL.apply(c.value(), init[bar])));
        else if (p instanceof Num c && (c.is(1) || c.is(-1))) {
            single = bar;
            minus ^= c.is(-1);
        } else if (isConstant(bar) && Math.abs(init[bar]) == 1) {
            single = valueOf(p);
            minus ^= init[bar] < 0;
        } else factor = factorOf(p);

        Adjoint ubar = adjoint[u];
        if (ubar == null) {
            int s = single >= 0 ? single : emit(Opcode.MUL, newSlot(), factor, bar);
            adjoint[u] = new Adjoint(s, single < 0, minus);
            return;
        }
        boolean add = minus == ubar.negated;  // ū = ±r[u] takes ±term: r[u] ← r[u] + term or r[u] − term
        if (ubar.owned) {
            if (single >= 0) emit(add ? Opcode.ADD : Opcode.SUB, ubar.slot, ubar.slot, single);
            else emit(add ? Opcode.MULACC : Opcode.MULSUB, ubar.slot, factor, bar);
        } else {
            int d = newSlot();
            if (single >= 0) emit(add ? Opcode.ADD : Opcode.SUB, d, ubar.slot, single);
            else emit(add ? Opcode.ADD : Opcode.SUB, d, ubar.slot, emit(Opcode.MUL, d, factor, bar));
            adjoint[u] = new Adjoint(d, true, ubar.negated);
        }
    }

    /**
     * The slot of the partial {@code p}, reusing a value the tape already has where the canonical
     * form distributed a number over it: ∂(u²)/∂u = 2·u with u = x1 − x0² is built as
     * 2·x1 − 2·x0², three instructions, where 2·r[u] is one (and Rosenbrock's gradient has one such
     * partial per term). When p is a sum whose first term has an exact coefficient c ≠ ±1 and
     * p/c (construction distributes 1/c back) is a node already computed, p is c·r[p/c]: the same
     * number up to rounding, as the op table's formula is the same function.
     */
    private int factorOf(Expr p) {
        if (!valueSlot.containsKey(p) && p instanceof Call sum && (sum.op() == Op.ADD || sum.op() == Op.SUB)
                && sum.args().get(0) instanceof Call term && term.op() == Op.MUL && term.args().get(0) instanceof Num c
                && c.isExact() && !c.is(0) && !c.is(1) && !c.is(-1)) {
            Expr q = Exprs.mul(Exprs.num(c.exact().reciprocal()), p);
            Integer known = valueSlot.get(q);
            if (known != null) return emit(Opcode.MUL, newSlot(), constant(c.value()), known);
        }
        return valueOf(p);
    }

    private boolean isConstant(int slot) {
        return constantSlotSet.get(slot);
    }

    /** The slot of an expression over already-compiled nodes, emitting instructions for its new nodes. */
    private int valueOf(Expr e) {
        for (Expr n : Graph.topologicalOrder(List.of(e), valueSlot::containsKey)) emitValue(n);
        return valueSlot.get(e);
    }

    private void emitValue(Expr n) {
        int s = switch (n) {
            case Num c -> constant(c.value());
            case Sym x -> paramIndex.get(x.name());
            case Call c -> {
                int a = valueSlot.get(c.args().get(0));
                Expr second = c.args().size() > 1 ? c.args().get(1) : c.args().get(0);
                if (c.op() == Op.POW && second instanceof Num two && two.is(2)) yield emit(Opcode.SQUARE, newSlot(), a, a);
                yield emit(Opcode.of(c.op()), newSlot(), a, valueSlot.get(second));
            }
            case Apply a -> throw new IllegalStateException("not inlined: " + a);
            case Partial p -> throw new IllegalStateException("abstract: " + p);
        };
        valueSlot.put(n, s);
    }

    /**
     * The slot holding the constant {@code v}, one per double value (by its bits, so −0 and 0
     * differ): the exact 1 and the floating 1.0 are different nodes with one value and one slot.
     */
    private int constant(double v) {
        Integer known = constantByBits.get(Double.doubleToRawLongBits(v));
        if (known != null) return known;
        int s = newSlot();
        constantByBits.put(Double.doubleToRawLongBits(v), s);
        init[s] = v;
        constantSlotSet.set(s);
        if (constants == constantSlots.length) constantSlots = Arrays.copyOf(constantSlots, 2 * constants);
        constantSlots[constants++] = s;
        return s;
    }

    private int newSlot() {
        if (slots == init.length) init = Arrays.copyOf(init, 2 * slots);
        return slots++;
    }

    /** Appends {@code r[d] = op(r[a], r[b])} and returns {@code d}. */
    private int emit(int op, int d, int a, int b) {
        if (length + 4 > code.length) code = Arrays.copyOf(code, 2 * code.length);
        code[length++] = op;
        code[length++] = d;
        code[length++] = a;
        code[length++] = b;
        return d;
    }
}
