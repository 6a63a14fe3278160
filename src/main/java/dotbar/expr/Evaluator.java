package dotbar.expr;

import dotbar.base.DotbarException;
import dotbar.base.Interrupted;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Numeric evaluation over the DAG in topological order: each distinct node once. Arithmetic is
 * IEEE 754: 1/0 is ∞ and log(−1) is NaN, never an exception.
 */
public final class Evaluator {
    private Evaluator() {}

    /** The value of {@code e} at {@code point}; a missing value is an error naming every missing symbol. */
    public static double eval(Expr e, Point point) {
        List<Expr> order = Graph.topologicalOrder(e);
        if (Shapes.anyTensor(order)) return TensorEval.scalar(e, point);  // matrices inside: entry by entry
        var missing = new TreeSet<String>(NaturalOrder.INSTANCE);
        for (Expr n : order) if (n instanceof Sym s && !point.has(s.name())) missing.add(s.name());
        if (!missing.isEmpty()) throw Point.missingValues(List.copyOf(missing));
        return values(order, point.asMap()).get(e);
    }

    /** The value of every node of {@code e}'s DAG; every symbol must have a value in {@code symbols}. */
    public static IdentityHashMap<Expr, Double> values(Expr e, Map<String, Double> symbols) {
        return values(Graph.topologicalOrder(e), symbols);
    }

    /**
     * The value of every node of {@code order}, a topological order ({@link Graph#topologicalOrder}):
     * for evaluating one DAG at many points with one walk.
     */
    public static IdentityHashMap<Expr, Double> values(List<Expr> order, Map<String, Double> symbols) {
        var value = new IdentityHashMap<Expr, Double>(order.size());
        var calls = new FunctionValues();
        long done = 0;
        for (Expr n : order) {
            Interrupted.poll(++done);
            value.put(n, node(n, symbols, value, calls));
        }
        return value;
    }

    /** A defined function's value at numeric arguments: its body with the parameters bound to them. */
    public static double applyFunction(Fn fn, double[] args) {
        return new FunctionValues().apply(fn, args);
    }

    /** The value of one node from its operands' values (named functions evaluated afresh). */
    public static double node(Expr n, Map<String, Double> symbols, Map<Expr, Double> value) {
        return node(n, symbols, value, new FunctionValues());
    }

    /**
     * The value of one node from its operands' values; applications of named functions go
     * through {@code calls}, which remembers each distinct one (pass the same object for all the
     * nodes of one evaluation).
     */
    public static double node(Expr n, Map<String, Double> symbols, Map<Expr, Double> value, FunctionValues calls) {
        return switch (n) {
            case Num x -> x.value();
            case Sym s -> {
                Double v = symbols.get(s.name());
                if (v == null) throw Point.missingValues(List.of(s.name()));
                yield v;
            }
            case Call c -> c.op().apply(value.get(c.args().get(0)), c.args().size() > 1 ? value.get(c.args().get(1)) : 0);
            case Apply a -> calls.apply(a.fn(), FunctionValues.arguments(a, value));
            case Partial p when !p.fn().isAbstract() -> throw new DotbarException("cannot evaluate " + p
                    + ": it was taken while " + p.fn().name() + " had no body; " + p.fn().name()
                    + " is defined now, so differentiate again (diff, reverse, ...) to use its body");
            case Partial p -> throw new DotbarException("cannot evaluate " + p + ": " + p.fn().name()
                    + " is abstract; give it a body with def(\"" + p.fn().signature() + " = ...\")");
        };
    }
}
