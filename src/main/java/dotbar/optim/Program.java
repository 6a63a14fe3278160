package dotbar.optim;

import dotbar.expr.Expr;
import dotbar.expr.Graph;
import dotbar.expr.Point;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;

/**
 * A rule's equations compiled once: each right-hand side is a tape over the symbols it reads,
 * and running the program evaluates them in order over one slot array
 * {@code [θ, g, t, hyperparameters…, states…]}, each result stored into its target's slot before
 * the next equation reads. Immutable; the mutable part is a {@link Frame} per optimizer.
 */
final class Program {
    private final Compiled[] tapes;    // null where the right-hand side is a number
    private final double[] constants;
    private final int[][] reads;       // per equation: the slot of each tape parameter
    private final int[] writes;        // per equation: the target's slot

    /** The slots and each equation's argument array: what running the program writes. */
    record Frame(double[] slots, double[][] arguments) {}

    Program(List<String> slots, List<Rule.Equation> equations) {
        int n = equations.size();
        tapes = new Compiled[n];
        constants = new double[n];
        reads = new int[n][];
        writes = new int[n];
        for (int e = 0; e < n; e++) {
            Expr rhs = Graph.inline(equations.get(e).rhs());
            List<String> symbols = rhs.vars();
            reads[e] = symbols.stream().mapToInt(slots::indexOf).toArray();
            writes[e] = slots.indexOf(equations.get(e).target());
            if (symbols.isEmpty()) constants[e] = rhs.eval(Point.empty());
            else tapes[e] = Tapes.of(rhs, symbols, 0);
        }
    }

    Frame frame(int slots) {
        double[][] arguments = new double[reads.length][];
        for (int e = 0; e < reads.length; e++) arguments[e] = new double[reads[e].length];
        return new Frame(new double[slots], arguments);
    }

    /** Runs the equations in order over {@code f.slots()}. */
    void run(Frame f) {
        double[] s = f.slots();
        for (int e = 0; e < tapes.length; e++) {
            if (tapes[e] == null) {
                s[writes[e]] = constants[e];
                continue;
            }
            double[] x = f.arguments()[e];
            int[] from = reads[e];
            for (int k = 0; k < x.length; k++) x[k] = s[from[k]];
            s[writes[e]] = tapes[e].value(x);
        }
    }
}
