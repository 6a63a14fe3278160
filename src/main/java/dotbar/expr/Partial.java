package dotbar.expr;

import java.util.List;

/**
 * A partial derivative of an abstract function evaluated at {@code args}: for {@code wrt = [k]}
 * it is ∂f/∂u_k, for {@code wrt = [j, k]} the second partial ∂²f/∂u_j∂u_k (indices sorted:
 * mixed partials commute). It prints in Leibniz form, {@code ∂f/∂u}, where {@code u} is the k-th
 * argument when that argument is a symbol or an application (its function's name), else the
 * k-th parameter's name — so a chain of them reads like the seed's eq. (31).
 */
public record Partial(Fn fn, List<Integer> wrt, List<Expr> args) implements Expr {
    public Partial {
        wrt = List.copyOf(wrt);
        args = List.copyOf(args);
    }

    @Override public List<Expr> children() { return args; }
    @Override public Expr withChildren(List<Expr> children) { return Exprs.partial(fn, wrt, children); }
    @Override public String toString() { return Exprs.print(this); }

    /** The name the k-th argument goes by in Leibniz notation. */
    public String argumentName(int k) {
        Expr a = args.get(k);
        if (a instanceof Sym s) return s.name();
        if (a instanceof Apply ap) return ap.fn().name();
        return fn.params().get(k);
    }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Partial p && fn == p.fn && wrt.equals(p.wrt) && Exprs.sameElements(args, p.args);
    }

    @Override public int hashCode() { return Exprs.shallowHash(System.identityHashCode(fn) * 31 + wrt.hashCode(), args); }
}
