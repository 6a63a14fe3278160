package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Substitution;
import dotbar.expr.Sym;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backpropagation equations of a reverse trace in the user's own names, as a textbook
 * writes them: one equation per row named by the user — a symbol, or an application of a
 * {@code def} — and none for the unnamed intermediates t1, t2, … For the seed's two-layer
 * network written with defs ({@code w1(v) = W1·v + b1}, {@code φ1(w) = σ(w)}, …):
 *
 * <pre>
 * φ̄2 = φ2 - y
 * w̄2 = σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2
 * W̄2 = w̄2·φ1ᵀ
 * φ̄1 = W2ᵀ·w̄2
 * w̄1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ φ̄1
 * W̄1 = w̄1·xᵀ
 * </pre>
 *
 * <p>A row whose chain rule (eq. 28–30) reads only adjoints of named rows keeps it, the unnamed
 * values inside written out; a row reached from the output through unnamed rows only (φ̄2, the
 * output's adjoint, below {@code sum((…)²)/2}) is its seeded adjoint written out instead:
 * {@code φ̄2 = φ2 - y}. {@link #equation} substitutes the equations into one another down to
 * those rows: the seed's eq. (31) for ∂L/∂W1, {@code ((W2ᵀ·(σ'(w2) ⊙ φ̄2)) ⊙ σ'(w1))·xᵀ}, the
 * derivative σ' written out as the op table's σ(w) ⊙ (1 - σ(w)).
 */
final class Backprop {
    private final SymbolicTrace trace;
    private final List<SymbolicTrace.Equation> equations = new ArrayList<>();
    private final Map<String, SymbolicTrace.Equation> byRow = new HashMap<>();
    private final Set<String> fromTheOutput = new HashSet<>();  // rows whose equation is their seeded adjoint
    private final Map<String, Expr> expanded = new HashMap<>();  // eq. (31): by adjoint name, down to those rows
    private final Substitution intoOneAnother = Substitution.growing(expanded);
    private final Substitution toInputs;                          // row names and adjoints to expressions in the inputs
    private final String output;                                  // L, or the output row's own name

    Backprop(SymbolicTrace trace, Map<String, Expr> nodes) {
        this.trace = trace;
        var inputs = new HashMap<String, Expr>(nodes);
        for (var r : trace.rows()) inputs.put(trace.derivativeName(r.name()), trace.result(r.name()));
        this.toInputs = new Substitution(inputs);
        var unnamed = new HashMap<String, Expr>();        // t1 → φ2 - y, in evaluation order
        var written = Substitution.growing(unnamed);
        var unnamedAdjoints = new HashSet<Sym>();
        List<SymbolicTrace.Row> rows = trace.rows();
        this.output = named(rows.get(0)) ? rows.get(0).name() : "L";
        for (int i = rows.size() - 1; i >= 0; i--) {
            var r = rows.get(i);
            if (!named(r)) {
                unnamed.put(r.name(), written.apply(r.definition()));
                unnamedAdjoints.add(Exprs.sym(trace.derivativeName(r.name())));
            }
        }
        for (var r : rows) {
            if (!named(r)) continue;
            String bar = trace.derivativeName(r.name());
            boolean seeded = reads(r.chainRule(), unnamedAdjoints);
            Expr right = written.apply(seeded ? r.result() : r.chainRule());
            if (seeded) fromTheOutput.add(r.name());
            var eq = new SymbolicTrace.Equation(bar, right, toInputs.apply(right), trace.text(right));
            equations.add(eq);
            byRow.put(r.name(), eq);
            // users come first in a reverse trace: every adjoint the equation reads is expanded already
            expanded.put(bar, seeded ? Exprs.sym(bar) : intoOneAnother.apply(right));
        }
    }

    /** A row the user named: a symbol, or an application of a defined or abstract function. */
    private static boolean named(SymbolicTrace.Row r) {
        return r.definition() instanceof Sym || r.definition() instanceof Apply;
    }

    private static boolean reads(Expr e, Set<Sym> symbols) {
        if (symbols.isEmpty()) return false;
        for (Expr n : Graph.topologicalOrder(e)) if (n instanceof Sym s && symbols.contains(s)) return true;
        return false;
    }

    List<SymbolicTrace.Equation> equations() {
        return List.copyOf(equations);
    }

    /**
     * ∂L/∂{@code row} with the equations substituted into one another down to the rows whose
     * equation is their seeded adjoint (the output's adjoint φ̄2): eq. (31) in matrix notation.
     */
    SymbolicTrace.Equation equation(String row) {
        String name = Exprs.sym(row).name();
        if (!byRow.containsKey(name)) {
            throw new DotbarException("no backprop equation for " + name + "; the rows named by the user are "
                    + String.join(", ", equations.stream().map(e -> e.left()).toList()));
        }
        Expr right = expanded.get(trace.derivativeName(name));
        return new SymbolicTrace.Equation("∂" + output + "/∂" + name, right, toInputs.apply(right), trace.text(right));
    }
}
