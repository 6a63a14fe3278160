package dotbar.expr;

import java.util.List;

/**
 * An application of a named function ({@link Fn}, defined or abstract) to its arguments, such
 * as {@code w1(a, b, c)}. It stays a node of its own: it prints under its name and gets its own
 * row in traces; {@link Graph#inline} replaces it by the function's body. Its operands are the
 * written arguments, then the symbols the function captures (W1 and b1 of
 * {@code w1(v) = W1·v + b1}): it depends on them, and prints without them.
 */
public record Apply(Fn fn, List<Expr> args) implements Expr {
    public Apply {
        args = List.copyOf(args);
    }

    @Override public List<Expr> children() { return args; }

    /** The arguments as the application is written: its operands without the captured symbols ({@link Fn#captured()}). */
    public List<Expr> writtenArgs() {
        return args.subList(0, Math.min(fn.arity(), args.size()));
    }
    @Override public Expr withChildren(List<Expr> children) { return Exprs.apply(fn, children); }
    @Override public String toString() { return Exprs.print(this); }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Apply a && fn == a.fn && Exprs.sameElements(args, a.args);
    }

    @Override public int hashCode() { return Exprs.shallowHash(System.identityHashCode(fn), args); }
}
