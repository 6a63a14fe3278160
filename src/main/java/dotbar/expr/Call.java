package dotbar.expr;

import java.util.List;

/**
 * An application of a built-in operation ({@link Op}) to its operands. Equality compares the
 * operands by identity: operands are interned, so identity is structural equality, and
 * {@code equals}/{@code hashCode} cost O(arity) whatever the depth.
 */
public record Call(Op op, List<Expr> args) implements Expr {
    public Call {
        args = List.copyOf(args);
    }

    @Override public List<Expr> children() { return args; }
    @Override public Expr withChildren(List<Expr> children) { return Exprs.call(op, children); }
    @Override public String toString() { return Exprs.print(this); }

    /** The first operand. */
    public Expr arg() { return args.get(0); }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Call c && op == c.op && Exprs.sameElements(args, c.args);
    }

    @Override public int hashCode() { return Exprs.shallowHash(op.hashCode(), args); }
}
