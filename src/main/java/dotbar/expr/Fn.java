package dotbar.expr;

import dotbar.DotbarException;

import java.util.Arrays;
import java.util.List;

/**
 * A named function: defined ({@code w1(a, b, c) = a·b + c}, with a body over its parameters) or
 * abstract ({@code f(x, y)}, only a name and an arity). Its applications stay nodes
 * ({@link Apply}); the derivative of a defined function comes from its body, that of an abstract
 * one is a {@link Partial} node printed as {@code ∂f/∂u}.
 *
 * <p>Identity matters: an application refers to the {@code Fn} object it was built with, so
 * redefining a name later does not change expressions built before.
 */
public final class Fn {
    private final String name;
    private final List<String> params;
    private final Expr body;
    private volatile List<Fn> callees;  // computed on first use
    volatile FunctionValues.Body layout;  // the body laid out for numeric evaluation, on first use

    private Fn(String name, List<String> params, Expr body) {
        this.name = Exprs.sym(name).name();  // NFC, as symbols are
        this.params = params.stream().map(p -> Exprs.sym(p).name()).toList();
        this.body = body;
    }

    /**
     * A defined function. Its body may use only its parameters (a free symbol elsewhere would
     * have no value when the function is applied).
     */
    public static Fn defined(String name, List<String> params, Expr body) {
        check(name, params);
        var names = params.stream().map(p -> Exprs.sym(p).name()).toList();
        var unknown = body.vars().stream().filter(v -> !names.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new DotbarException("the body of " + name + " uses " + String.join(", ", unknown)
                    + ", which " + (unknown.size() == 1 ? "is not a parameter" : "are not parameters")
                    + " of " + name + "(" + String.join(", ", params) + ")");
        }
        return new Fn(name, params, body);
    }

    /** An abstract function: no body, only a name and parameter names (which give its arity). */
    public static Fn abstractFn(String name, List<String> params) {
        check(name, params);
        return new Fn(name, params, null);
    }

    private static void check(String name, List<String> params) {
        Exprs.sym(name); // the same naming rule as symbols
        if (Op.byFunctionName(name).isPresent()) {
            throw new DotbarException("'" + name + "' is a built-in function and cannot be redefined");
        }
        if (params.stream().map(p -> Exprs.sym(p).name()).distinct().count() != params.size()) {
            throw new DotbarException(name + ": parameter names repeat: " + params);
        }
    }

    public String name() { return name; }

    public List<String> params() { return params; }

    public int arity() { return params.size(); }

    /** True when the function has no body (declared, not defined). */
    public boolean isAbstract() { return body == null; }

    /** The body over the parameters; a {@code DotbarException} for an abstract function. */
    public Expr body() {
        if (body == null) {
            throw new DotbarException(name + " is abstract (declared without a body); give it one with def(\""
                    + signature() + " = ...\")");
        }
        return body;
    }

    /**
     * The defined functions whose applications occur in the body (each once, abstract ones left
     * out); empty for an abstract function. See {@link Definitions} for the nested ones.
     */
    public List<Fn> callees() {
        List<Fn> known = callees;
        if (known == null) {
            var found = new java.util.LinkedHashSet<Fn>();
            if (body != null) {
                for (Expr n : Graph.topologicalOrder(body)) if (n instanceof Apply a && !a.fn().isAbstract()) found.add(a.fn());
            }
            callees = known = List.copyOf(found);
        }
        return known;
    }

    /** Builds the application {@code name(args...)}; the number of arguments must be the arity. */
    public Expr apply(Expr... args) {
        return Exprs.apply(this, Arrays.asList(args));
    }

    /** {@code name(p1, p2)}. */
    public String signature() {
        return name + "(" + String.join(", ", params) + ")";
    }

    @Override
    public String toString() {
        return body == null ? signature() : signature() + " = " + body;
    }
}
