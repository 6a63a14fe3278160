package dotbar.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The body of a function with a matrix body ({@link Fn#hasMatrixBody()}) for the shapes of one
 * application's arguments: {@code w1(v) = W1·v + b1} applied to a 4×1 x has the body
 * {@code W1·v + b1} built with v a 4×1 column, so {@code W1·v} is the matrix product (3×4)·(4×1)
 * and the application is 3×1. The parameters' shapes hold only while the instance is used
 * ({@link Instance#within}), never for the session; an instance is kept per definition and
 * parameter shapes, and made again when some function was redefined since
 * ({@link Functions#version()}).
 *
 * <p>Shapes that do not fit are a {@link ShapeMismatch} naming the function, each non-scalar
 * parameter with its argument and shape, and the body's own mismatch:
 * {@code w1(v) = W1·v + b1 with v = z (3×1): W1·v: 3×4 · 3×1 (…) (column 11 of the definition)}.
 */
public final class Instances {
    private Instances() {}

    /**
     * One instance: the body built with {@code shapes} (the parameters' shapes, by name), and its
     * shape. Read its nodes' shapes only {@link #within} it.
     */
    public record Instance(Fn fn, Expr body, Map<String, Shape> shapes, Shape shape) {
        /** Runs {@code task} with the parameters having this instance's shapes. */
        public <T> T within(Supplier<T> task) {
            return Shapes.within(shapes, task);
        }
    }

    /** A kept instance, or the message of the mismatch it would be, with the version of the functions it was made under. */
    record Stamped(long version, Instance instance, String mismatch) {}

    /** The instance for the application {@code a} (its operands' shapes as the shapes in force give them). */
    public static Instance of(Apply a) {
        return of(a.fn(), a.args());
    }

    /** The instance of {@code fn}'s matrix body for the arguments {@code args} (one per parameter, captured ones included). */
    static Instance of(Fn fn, List<Expr> args) {
        var shapes = new ArrayList<Shape>(args.size());
        for (Expr a : args) shapes.add(Shapes.of(a));
        long version = Functions.version();
        Stamped known = fn.instances().get(shapes);
        if (known == null || known.version() != version) {
            known = make(fn, shapes, version);
            fn.instances().put(List.copyOf(shapes), known);
        }
        if (known.mismatch() != null) throw new ShapeMismatch(fn + with(fn, args, shapes) + ": " + known.mismatch());
        return known.instance();
    }

    private static Stamped make(Fn fn, List<Shape> shapes, long version) {
        var byName = new HashMap<String, Shape>();
        for (int k = 0; k < shapes.size(); k++) byName.put(fn.params().get(k), shapes.get(k));
        try {
            return Shapes.within(byName, () -> {
                Expr body = fn.rebuildBody();
                return new Stamped(version, new Instance(fn, body, Map.copyOf(byName), Shapes.of(body)), null);
            });
        } catch (dotbar.base.Interrupted stop) {
            throw stop;
        } catch (dotbar.base.DotbarException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            first = first.replaceFirst(" at column (\\d+)$", " (column $1 of the definition)");
            return new Stamped(version, null, first);
        }
    }

    /** {@code " with v = z (3×1)"}: the written parameters given non-scalar arguments. */
    private static String with(Fn fn, List<Expr> args, List<Shape> shapes) {
        var parts = new ArrayList<String>();
        for (int k = 0; k < fn.arity(); k++) {
            if (shapes.get(k).isScalar()) continue;
            String arg = args.get(k).toString();
            String p = fn.params().get(k);
            parts.add(arg.equals(p) ? p + " " + shapes.get(k) : p + " = " + (arg.length() <= 40 ? arg : "…") + " (" + shapes.get(k) + ")");
        }
        return parts.isEmpty() ? " with scalar arguments" : " with " + String.join(", ", parts);
    }

    /**
     * {@code fn} applied to {@code args} replaced by its body over the arguments: the instance's
     * body for a matrix body, else the body itself (which applies entry by entry), the parameters
     * substituted simultaneously.
     */
    public static Expr inline(Fn fn, List<Expr> args) {
        Expr body = fn.hasMatrixBody() ? of(fn, args).body() : fn.body();
        var binding = new HashMap<String, Expr>();
        for (int k = 0; k < args.size(); k++) binding.put(fn.params().get(k), args.get(k));
        return new Substitution(binding).apply(body);
    }
}
