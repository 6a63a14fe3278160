package dotbar.optim;

import dotbar.diff.SymbolicDiff;
import dotbar.expr.Expr;

import java.util.List;

/**
 * Value and gradient from symbolic partials: ∂f/∂xᵢ is derived once, at construction, and the
 * function with all its partials is compiled into one {@link Kernel}, so subexpressions shared
 * between f and its partials are computed once per evaluation.
 */
final class SymbolicGradient implements Differentiable {
    private final Kernel kernel;
    private final double[] registers;
    private final int value;
    private final int[] partials;

    SymbolicGradient(Expr f, List<String> inputs, int n) {
        var k = new Kernel.Builder(inputs);
        value = k.compile(f);
        partials = new int[n];
        for (int i = 0; i < n; i++) partials[i] = k.compile(SymbolicDiff.diff(f, inputs.get(i)));
        kernel = k.build();
        registers = kernel.registers();
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        System.arraycopy(x, 0, registers, 0, x.length);
        kernel.run(registers);
        for (int i = 0; i < g.length; i++) g[i] = registers[partials[i]];
        return registers[value];
    }
}
