package dotbar.tape;

import dotbar.expr.Expr;
import dotbar.expr.Functions;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Compiled tapes, cached per expression and parameter list, so that {@code grad}, the optimizers
 * and repeated {@code compile} calls compile each expression once. The cache holds expressions
 * weakly (a tape holds no reference to its expression), so an expression nobody uses any more
 * takes its tapes with it.
 */
public final class Tapes {
    private static final Map<Expr, Map<Key, Compiled>> CACHE = new WeakHashMap<>();

    /**
     * A tape is for one parameter list and one state of the named functions: after a function is
     * defined again ({@link Functions#version()} moved on) the expressions applying it compile anew.
     * A tape found is used only while its symbols keep the shapes it was compiled for
     * ({@link Compiled#shapesCurrent}): after {@code forget("x")} and {@code vector("x", 5)} the
     * same interned expression over x compiles anew.
     */
    private record Key(List<String> params, int differentiated, long definitions) {}

    /** The key of the tape over the expression's own symbols, {@code e.vars()}: found without walking the DAG. */
    private static Key vars(long definitions) {
        return new Key(List.of(), -1, definitions);
    }

    private Tapes() {}

    /**
     * The tape of {@code e} over its symbols {@code e.vars()} (sorted by name), compiled on first
     * use; a second call finds it without walking the expression (which {@code e.vars()} does).
     */
    public static Compiled of(Expr e) {
        // the last answer, found without the lock: grad(e, p) in a loop asks for the same tape each time
        // (valid only while no function has been defined again since: the version is part of the answer)
        long definitions = Functions.version();
        // (and while its symbols keep the shapes it was compiled for: this key has no parameter list to hold them)
        Compiled last = lastOf(e, definitions);
        if (last != null && last.shapesCurrent()) return last;
        Key key = vars(definitions);
        synchronized (CACHE) {
            var byParams = CACHE.get(e);
            Compiled known = byParams == null ? null : byParams.get(key);
            if (known != null && known.shapesCurrent()) return remember(e, definitions, known);
        }
        Compiled fresh = of(e, e.vars()); // drops the tapes of older definitions
        synchronized (CACHE) {
            return remember(e, definitions, CACHE.computeIfAbsent(e, k -> new HashMap<>())
                    .merge(key, fresh, (old, replacing) -> old.shapesCurrent() ? old : replacing));
        }
    }

    /** The expression and tape {@link #of(Expr)} answered last; weak, as the cache is. */
    private record Last(WeakReference<Expr> expr, long definitions, Compiled tape) {}

    private static volatile Last last;

    private static Compiled lastOf(Expr e, long definitions) {
        Last l = last;
        return l != null && l.definitions() == definitions && l.expr().get() == e ? l.tape() : null;
    }

    private static Compiled remember(Expr e, long definitions, Compiled tape) {
        last = new Last(new WeakReference<>(e), definitions, tape);
        return tape;
    }

    /**
     * The tape of {@code e} over {@code params} (in that order), compiled on first use.
     * Errors (see {@link #compile}) are not cached.
     */
    public static Compiled of(Expr e, List<String> params) {
        return of(e, params, params.size());
    }

    /**
     * The tape of {@code e} over {@code params}, its gradient by the first {@code differentiated}
     * of them only (the others are data: an optimizer's dataset columns), compiled on first use.
     */
    public static Compiled of(Expr e, List<String> params, int differentiated) {
        var key = new Key(List.copyOf(params), differentiated, Functions.version());
        synchronized (CACHE) {
            var byParams = CACHE.get(e);
            Compiled known = byParams == null ? null : byParams.get(key);
            if (known != null && known.shapesCurrent()) return known;
        }
        Compiled fresh = compile(e, key.params(), differentiated); // outside the lock: compiling a large expression takes a while
        synchronized (CACHE) {
            var byParams = CACHE.computeIfAbsent(e, k -> new HashMap<>());
            byParams.keySet().removeIf(k -> k.definitions() != key.definitions()); // stale definitions
            return byParams.merge(key, fresh, (old, replacing) -> old.shapesCurrent() ? old : replacing);
        }
    }

    /**
     * Compiles {@code e} over {@code params} without the cache. Every parameter must occur in
     * {@code e}, every symbol of {@code e} (after inlining named functions) must be a parameter,
     * and abstract functions cannot be compiled; each is an error naming the symbols or function.
     */
    public static Compiled compile(Expr e, List<String> params) {
        return compile(e, params, params.size());
    }

    /** {@link #compile(Expr, List)} with the gradient by the first {@code differentiated} parameters only. */
    public static Compiled compile(Expr e, List<String> params, int differentiated) {
        if (TensorTape.applies(e)) return new Compiled(TensorTape.compile(e, List.copyOf(params), differentiated), differentiated);
        return TapeCompiler.compile(e, List.copyOf(params), differentiated);
    }

    /**
     * {@link #of(Expr, List)} for a caller that will call the tape many times ({@code compile(e, …)}
     * at the prompt): a program of at most 30 000 instructions (the measurements are at
     * {@link SecondTier#EAGER}) has its bytecode generated at once, so that its first calls do
     * not wait in the interpreter; larger ones switch in the background as every tape does
     * ({@link Compiled}).
     */
    public static Compiled forCalls(Expr e, List<String> params) {
        return forCalls(e, params, params.size());
    }

    /** {@link #forCalls(Expr, List)} with the gradient by the first {@code differentiated} parameters only. */
    public static Compiled forCalls(Expr e, List<String> params, int differentiated) {
        Compiled tape = of(e, params, differentiated);
        SecondTier.eager(tape);
        return tape;
    }

    /** {@link #of(Expr)} for a caller that will call the tape many times (see {@link #forCalls(Expr, List)}). */
    public static Compiled forCalls(Expr e) {
        Compiled tape = of(e);
        SecondTier.eager(tape);
        return tape;
    }
}
