package dotbar.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

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

    /** One variable of a Leibniz denominator and how many times the derivative is taken by it. */
    public record Variable(String name, int times) {}

    /**
     * The Leibniz denominator in argument order, each variable by {@link #argumentName}:
     * {@code wrt = [0, 0, 1]} at {@code (x, y)} gives x², y. The printers write it and the parser
     * matches a typed {@code ∂²f/∂x²∂y} against it.
     */
    public List<Variable> denominator() {
        return runs(this::argumentName);
    }

    /** The denominator by the function's parameter names, as the explicit form writes it: ∂g/∂u(x, y). */
    public List<Variable> parameterDenominator() {
        return runs(k -> fn.params().get(k));
    }

    private List<Variable> runs(IntFunction<String> name) {
        var out = new ArrayList<Variable>();
        for (int i = 0; i < wrt.size(); ) {
            int j = i;
            while (j < wrt.size() && wrt.get(j).equals(wrt.get(i))) j++;
            out.add(new Variable(name.apply(wrt.get(i)), j - i));
            i = j;
        }
        return out;
    }

    /**
     * The sorted index tuples {@code wrt} of {@code order} indices below {@code arity}, the
     * partials of that order a function of that arity has (at most {@code max} of them).
     */
    public static List<List<Integer>> wrtTuples(int arity, int order, int max) {
        var out = new ArrayList<List<Integer>>();
        if (arity == 0 || order == 0) return out;
        int[] t = new int[order];
        while (out.size() < max) {
            var tuple = new ArrayList<Integer>(order);
            for (int k : t) tuple.add(k);
            out.add(List.copyOf(tuple));
            int i = order - 1;
            while (i >= 0 && t[i] == arity - 1) i--;
            if (i < 0) break;
            t[i]++;
            for (int j = i + 1; j < order; j++) t[j] = t[i];
        }
        return out;
    }

    @Override public boolean equals(Object o) {
        return this == o || o instanceof Partial p && fn == p.fn && wrt.equals(p.wrt) && Exprs.sameElements(args, p.args);
    }

    @Override public int hashCode() { return Exprs.shallowHash(System.identityHashCode(fn) * 31 + wrt.hashCode(), args); }
}
