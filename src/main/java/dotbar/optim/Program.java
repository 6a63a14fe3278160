package dotbar.optim;

import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.Arrays;
import java.util.List;

/**
 * A rule's equations compiled once: each right-hand side is a tape over the symbols it reads,
 * and running the program evaluates them in order, each equation once over every parameter
 * ({@link Compiled#values}), on one column per slot {@code [θ, g, t, hyperparameters…, states…]}:
 * θ, g and the states hold one value per parameter, t and the hyperparameters one value for all.
 * Each result is stored into its target's column before the next equation reads, so an equation
 * sees the values the ones before it assigned in the same step. Immutable; the mutable part is a
 * {@link Frame} per optimizer.
 */
final class Program {
    private final Compiled[] tapes;    // null where the right-hand side is a number
    private final double[] constants;
    private final int[][] reads;       // per equation: the slot of each tape parameter
    private final int[] writes;        // per equation: the target's slot

    /**
     * One optimizer's columns, one per slot, and each equation's view of them (its tape's
     * parameters in order): what running the program reads and writes. The one-value columns are
     * its own; the per-parameter ones are the caller's arrays, {@linkplain #bind bound} before a
     * run, so that a step allocates and copies nothing.
     */
    record Frame(double[][] slots, double[][][] arguments) {}

    Program(List<String> slots, List<Rule.Equation> equations) {
        int n = equations.size();
        tapes = new Compiled[n];
        constants = new double[n];
        reads = new int[n][];
        writes = new int[n];
        // every slot is one number per parameter, whatever shape the session declared for its name
        // (a network's target t, a matrix w): the equations are compiled with the slots as scalars
        var scalars = new java.util.HashMap<String, dotbar.expr.Shape>();
        for (String s : slots) scalars.put(s, dotbar.expr.Shape.SCALAR);
        dotbar.expr.Shapes.within(scalars, () -> {
            compile(slots, equations);
            return null;
        });
    }

    private void compile(List<String> slots, List<Rule.Equation> equations) {
        for (int e = 0; e < equations.size(); e++) {
            Expr rhs = Graph.inline(equations.get(e).rhs());
            List<String> symbols = rhs.vars();
            reads[e] = symbols.stream().mapToInt(slots::indexOf).toArray();
            writes[e] = slots.indexOf(equations.get(e).target());
            if (symbols.isEmpty()) constants[e] = rhs.eval(Point.empty());
            else tapes[e] = Tapes.of(rhs, symbols, 0);
        }
    }

    /** A frame whose slots {@code from ≤ s < to} hold one value for all parameters; the others are {@linkplain #bind bound} later. */
    Frame frame(int slots, int from, int to) {
        double[][] columns = new double[slots][];
        for (int s = from; s < to; s++) columns[s] = new double[1];
        double[][][] arguments = new double[reads.length][][];
        for (int e = 0; e < reads.length; e++) {
            arguments[e] = new double[reads[e].length][];
            for (int k = 0; k < reads[e].length; k++) arguments[e][k] = columns[reads[e][k]];
        }
        return new Frame(columns, arguments);
    }

    /** Makes {@code column} (one value per parameter) slot {@code slot}'s column in {@code f}: read and written in place. */
    void bind(Frame f, int slot, double[] column) {
        f.slots()[slot] = column;
        for (int e = 0; e < reads.length; e++) {
            for (int k = 0; k < reads[e].length; k++) if (reads[e][k] == slot) f.arguments()[e][k] = column;
        }
    }

    /** Runs the equations in order over {@code f}'s columns, each over every parameter at once. */
    void run(Frame f) {
        double[][] s = f.slots();
        for (int e = 0; e < tapes.length; e++) {
            if (tapes[e] == null) Arrays.fill(s[writes[e]], constants[e]);
            else tapes[e].values(f.arguments()[e], s[writes[e]]);
        }
    }
}
