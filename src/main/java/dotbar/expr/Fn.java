package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A named function: defined ({@code w1(a, b, c) = a·b + c}, with a body over its parameters) or
 * abstract ({@code f(x, y)}, only a name and an arity). Its applications stay nodes
 * ({@link Apply}); the derivative of a defined function comes from its body, that of an abstract
 * one is a {@link Partial} node printed as {@code ∂f/∂u}.
 *
 * <p>An expression refers to a function by name, as Julia's REPL redefines methods: a later
 * {@code def} (or {@code declare}) of the same name and arity gives this same object the new
 * definition ({@link Functions#register}), so every expression built before uses it, and a chain
 * declared first and defined afterwards evaluates. Caches of anything derived from a body
 * compare {@link Functions#version()}. A definition with another arity is another function.
 */
public final class Fn {
    private final String name;
    /** The parameters and body, replaced together when the name is defined again. */
    private volatile Definition definition;

    /**
     * One definition, with what is derived from its body on first use; a redefinition brings a
     * new one, so nothing derived from the old body outlives it.
     */
    private static final class Definition {
        final List<String> params;
        final Expr body;
        volatile List<Fn> callees;              // computed on first use
        volatile FunctionValues.Body layout;    // the body laid out for numeric evaluation, on first use

        Definition(List<String> params, Expr body) {
            this.params = params;
            this.body = body;
        }
    }

    private Fn(String name, List<String> params, Expr body) {
        this.name = Exprs.sym(name).name();  // NFC, as symbols are
        this.definition = new Definition(params.stream().map(p -> Exprs.sym(p).name()).toList(), body);
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

    public List<String> params() { return definition.params; }

    public int arity() { return definition.params.size(); }

    /** True when the function has no body (declared, not defined). */
    public boolean isAbstract() { return definition.body == null; }

    /** The body over the parameters; a {@code DotbarException} for an abstract function. */
    public Expr body() {
        Expr body = definition.body;
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
        Definition d = definition;
        List<Fn> known = d.callees;
        if (known == null) {
            var found = new java.util.LinkedHashSet<Fn>();
            Expr body = d.body;
            if (body != null) {
                for (Expr n : Graph.topologicalOrder(body)) if (n instanceof Apply a && !a.fn().isAbstract()) found.add(a.fn());
            }
            d.callees = known = List.copyOf(found);
        }
        return known;
    }

    /** Builds the application {@code name(args...)}; the number of arguments must be the arity. */
    public Expr apply(Expr... args) {
        return Exprs.apply(this, Arrays.asList(args));
    }

    /** {@code name(p1, p2)}. */
    public String signature() {
        return name + "(" + String.join(", ", params()) + ")";
    }

    /**
     * Takes the parameters and body of {@code newer}, a definition of the same name and arity
     * (see {@link Functions#register}); refused, with nothing changed, when the new body would
     * apply this function itself, directly or through other functions.
     */
    void redefineAs(Fn newer) {
        if (newer.arity() != arity() || !newer.name.equals(name)) {
            throw new IllegalArgumentException(newer.signature() + " does not redefine " + signature());
        }
        if (!newer.isAbstract() && newer.uses(this)) {
            throw new DotbarException("the body of " + newer.signature() + " uses " + name
                    + " itself, directly or through other functions (a function cannot be recursive)");
        }
        definition = newer.definition;
    }

    /** Whether this function's body applies {@code target}, directly or through the bodies of the functions it applies. */
    private boolean uses(Fn target) {
        var seen = new HashSet<Fn>();
        var pending = new java.util.ArrayDeque<Fn>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Fn f = pending.pop();
            Expr body = f.definition.body;
            if (!seen.add(f) || body == null) continue;
            for (Expr n : Graph.topologicalOrder(body)) {
                Fn applied = n instanceof Apply a ? a.fn() : n instanceof Partial p ? p.fn() : null;
                if (applied == target) return true;
                if (applied != null) pending.push(applied);
            }
        }
        return false;
    }

    /** The current body's layout for numeric evaluation ({@link FunctionValues}), or {@code null} before its first use. */
    FunctionValues.Body layout() {
        return definition.layout;
    }

    /** Keeps {@code body}, laid out from the current definition, with it. */
    void layout(FunctionValues.Body body) {
        definition.layout = body;
    }

    @Override
    public String toString() {
        Expr body = definition.body;
        return body == null ? signature() : signature() + " = " + body;
    }
}
