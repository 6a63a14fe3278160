package dotbar.expr;

import java.util.List;

/** A symbol (a free variable). {@code sym("x") == sym("x")}: symbols are interned by name. */
public record Sym(String name) implements Expr {
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> children) { return this; }
    @Override public String toString() { return Exprs.print(this); }

    // Written out: the record's own equals and hashCode go through an invokedynamic bootstrap
    // (ObjectMethods), which the interpreter runs slowly, and interning hashes symbols at every
    // construction (JFR, a cold grad(e) on Rosenbrock n = 1000: 3 % of the samples).
    @Override public boolean equals(Object o) { return this == o || o instanceof Sym s && name.equals(s.name); }

    @Override public int hashCode() { return name.hashCode(); }
}
