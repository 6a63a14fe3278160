package dotbar.expr;

import java.util.List;

/**
 * An application of a named function ({@link Fn}, defined or abstract) to its arguments, such
 * as {@code w1(a, b, c)}. It stays a node of its own: it prints under its name and gets its own
 * row in traces; {@link Graph#inline} replaces it by the function's body.
 */
public record Apply(Fn fn, List<Expr> args) implements Expr {
    public Apply {
        args = List.copyOf(args);
    }

    @Override public List<Expr> children() { return args; }
    @Override public Expr withChildren(List<Expr> children) { return Exprs.apply(fn, children); }
    @Override public String toString() { return Exprs.print(this); }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Apply a && fn == a.fn && Exprs.sameElements(args, a.args);
    }

    @Override public int hashCode() { return Exprs.shallowHash(System.identityHashCode(fn), args); }
}
