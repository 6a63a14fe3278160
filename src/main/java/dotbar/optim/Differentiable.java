package dotbar.optim;

import dotbar.expr.Expr;
import dotbar.expr.Functions;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;

/**
 * A scalar function of named inputs with its gradient by the first few of them: what an
 * optimizer asks of a loss at each step (the other inputs are data columns). Compiled once, to a
 * reverse-mode tape.
 */
interface Differentiable {
    /** f(x), writing ∂f/∂xᵢ into {@code g[i]} for every {@code i < g.length}. */
    double valueAndGradient(double[] x, double[] g);

    /** {@code f} over {@code inputs} (values in that order), differentiated by the first {@code n}. */
    static Differentiable of(Expr f, List<String> inputs, int n) {
        Compiled first = Tapes.of(f, inputs, n); // errors show at construction
        long firstVersion = Functions.version();
        return new Differentiable() {
            private Compiled tape = first;
            private long version = firstVersion;

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                long now = Functions.version();
                if (now != version) { // a function the loss applies was defined again: use its new body
                    tape = Tapes.of(f, inputs, n);
                    version = now;
                }
                return tape.gradient(x, g);
            }
        };
    }
}
