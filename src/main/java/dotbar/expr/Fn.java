package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A named function: defined ({@code w1(a, b, c) = a·b + c}, with a body over its parameters) or
 * abstract ({@code f(x, y)}, only a name and an arity). Its applications stay nodes
 * ({@link Apply}); the derivative of a defined function comes from its body, that of an abstract
 * one is a {@link Partial} node printed as {@code ∂f/∂u}.
 *
 * <p>A body with matrix operations or matrix and vector symbols may use symbols besides the
 * parameters (in a scalar body one would have no value when the function is applied):
 * {@code w1(v) = W1·v + b1} <em>captures</em> W1 and b1 ({@link #captured()}). They are parameters the user does not write: an application
 * {@code w1(x)} holds them as its last operands ({@link Apply#writtenArgs()} are the others), so
 * it depends on W1 and b1 as the seed's w1(a, b, c) depends on a, b and c, and W̄1 is one of its
 * adjoints. A body that is scalar with scalar parameters and has no tensor operation applies entry
 * by entry to tensors; any other is a <em>matrix body</em> ({@link #hasMatrixBody()}), built again
 * for the shapes of each application's arguments ({@link Instances}).
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
        final List<String> params;          // the written parameters, then the captured symbols
        final int written;                  // how many parameters an application writes
        final Expr body;
        /** Builds the body again under the shapes in force ({@link Shapes#within}); null for a body that applies entry by entry. */
        final java.util.function.Supplier<Expr> rebuild;
        /** A matrix body as the user wrote it (built with scalar parameters, {@code vᵀ·A·v} would print as {@code v·A·v}); else null. */
        final String text;
        final Map<List<Shape>, Instances.Stamped> instances = new java.util.concurrent.ConcurrentHashMap<>();
        volatile List<Fn> callees;              // computed on first use
        volatile FunctionValues.Body layout;    // the body laid out for numeric evaluation, on first use

        Definition(List<String> params, int written, Expr body, java.util.function.Supplier<Expr> rebuild, String text) {
            this.params = params;
            this.written = written;
            this.body = body;
            this.rebuild = rebuild;
            this.text = text;
        }
    }

    private Fn(String name, List<String> params, int written, Expr body, java.util.function.Supplier<Expr> rebuild, String text) {
        this.name = Exprs.sym(name).name();  // NFC, as symbols are
        this.definition = new Definition(params.stream().map(p -> Exprs.sym(p).name()).toList(), written, body, rebuild, text);
    }

    /**
     * A defined function from Java: {@code body} over {@code params} and any captured symbols.
     * A matrix body is built again for each application's shapes by rebuilding its nodes
     * ({@link #defined(String, List, Expr, java.util.function.Supplier)} takes a better way).
     */
    public static Fn defined(String name, List<String> params, Expr body) {
        var scope = new java.util.HashMap<String, Shape>();
        for (String p : params) scope.put(p, Shape.SCALAR);
        boolean matrix = Shapes.within(scope, () -> matrixBody(body));
        return defined(name, params, body, matrix ? () -> Graph.rebuild(body, (n, kids) -> kids.isEmpty() ? n : n.withChildren(kids)) : null, null);
    }

    /**
     * A defined function: {@code body}, built with the parameters scalar, over {@code params} and
     * the symbols it captures (its other symbols, in natural order). Only a matrix body captures:
     * in a scalar one (which applies entry by entry) another symbol is refused, as it has no value
     * when the function is applied. {@code rebuild}, for
     * a matrix body, builds the body again under the shapes in force (the parser parses its text
     * again, so {@code W1·v} is a matrix product once v is a column); null when the body applies
     * entry by entry. {@code text}, when not null, is how a matrix body prints (as written).
     */
    public static Fn defined(String name, List<String> params, Expr body, java.util.function.Supplier<Expr> rebuild, String text) {
        check(name, params);
        var names = params.stream().map(p -> Exprs.sym(p).name()).toList();
        var all = new java.util.ArrayList<>(names);
        var unknown = new java.util.ArrayList<String>();
        for (String v : body.vars()) {
            if (names.contains(v)) continue;
            if (rebuild == null && Shapes.declared(v).isScalar()) unknown.add(v);   // a scalar body captures nothing
            else all.add(v);
        }
        if (!unknown.isEmpty()) {
            throw new DotbarException("the body of " + name + " uses " + String.join(", ", unknown)
                    + ", which " + (unknown.size() == 1 ? "is not a parameter" : "are not parameters")
                    + " of " + name + "(" + String.join(", ", params) + ") (only a body with matrix operations or matrix and"
                    + " vector symbols, declared by matrix(…) or vector(…), may use other symbols than its parameters)");
        }
        return new Fn(name, all, names.size(), body, rebuild, rebuild == null ? null : text);
    }

    /**
     * True when {@code body} (with the shapes in force) is not scalar entry by entry: a node of it
     * is not a scalar, or is a tensor operation, or applies a function with a matrix body.
     */
    public static boolean matrixBody(Expr body) {
        for (Expr n : Graph.topologicalOrder(body)) {
            if (n instanceof Call c && Tensors.isTensorOp(c.op())) return true;
            if (n instanceof Apply a && a.fn().hasMatrixBody()) return true;
            if (!Shapes.of(n).isScalar()) return true;
        }
        return false;
    }

    /** An abstract function: no body, only a name and parameter names (which give its arity). */
    public static Fn abstractFn(String name, List<String> params) {
        check(name, params);
        return new Fn(name, params, params.size(), null, null, null);
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

    /** Every parameter: the written ones, then the captured symbols; an application's operands, one each. */
    public List<String> params() { return definition.params; }

    /** The parameters an application writes: {@code w1(x)} for {@code w1(v) = W1·v + b1}. */
    public int arity() { return definition.written; }

    /** The symbols the body uses besides the written parameters (W1 and b1 of {@code w1(v) = W1·v + b1}), in natural order. */
    public List<String> captured() {
        Definition d = definition;
        return d.params.subList(d.written, d.params.size());
    }

    /**
     * True when the body is not scalar entry by entry (it has a matrix product, a transpose, a
     * reduction, or a captured tensor, …): each application then takes its body built for its
     * arguments' shapes ({@link Instances}) rather than applying the body entry by entry.
     */
    public boolean hasMatrixBody() { return definition.rebuild != null; }

    /** The body built again under the shapes in force; for {@link Instances}. */
    Expr rebuildBody() { return definition.rebuild.get(); }

    /** The instances of a matrix body by parameter shapes, of the current definition. */
    Map<List<Shape>, Instances.Stamped> instances() { return definition.instances; }

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
        return name + "(" + String.join(", ", params().subList(0, arity())) + ")";
    }

    /**
     * Takes the parameters and body of {@code newer}, a definition of the same name and arity
     * (see {@link Functions#register}); refused, with nothing changed, when the new body would
     * apply this function itself, directly or through other functions.
     */
    void redefineAs(Fn newer) {
        if (newer.arity() != arity() || !newer.name.equals(name) || !newer.captured().equals(captured())) {
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
        Definition d = definition;
        return d.body == null ? signature() : signature() + " = " + (d.text != null ? d.text : d.body.toString());
    }
}
