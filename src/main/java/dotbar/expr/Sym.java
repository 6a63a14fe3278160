package dotbar.expr;

import java.util.List;

/** A symbol (a free variable). {@code sym("x") == sym("x")}: symbols are interned by name. */
public record Sym(String name) implements Expr {
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> children) { return this; }
    @Override public String toString() { return Exprs.print(this); }
}
