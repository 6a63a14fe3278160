package dotbar.bench;

import dotbar.expr.Expr;
import dotbar.optim.Rule;
import dotbar.parse.Parser;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prototype of an optimizer step with the rule's update equations run batched on tapes
 * ({@link Compiled#values}): each equation once per step over all parameters, instead of once
 * per parameter. The equations are the rule's own ({@link Rule#equations()}, parsed back); the
 * gradient comes from the loss's tape.
 */
final class BatchedRule {
    private final Compiled loss;
    private final List<Compiled> tapes = new ArrayList<>();
    private final List<double[][]> columns = new ArrayList<>();
    private final List<double[]> targets = new ArrayList<>();
    private final Map<String, double[]> arrays = new HashMap<>();
    private final double[] t = new double[1];
    private final double[] theta, g;

    BatchedRule(Rule rule, Compiled loss, int n) {
        this.loss = loss;
        theta = array("θ", n);
        g = array("g", n);
        arrays.put("t", t);
        rule.hyperparameters().forEach((name, value) -> arrays.put(name, new double[]{value}));
        for (String equation : rule.equations()) {
            String[] sides = equation.split(" ← ");
            Expr rhs = Parser.parse(sides[1]);
            List<String> symbols = rhs.vars();
            tapes.add(Tapes.of(rhs, symbols, 0));
            columns.add(symbols.stream().map(s -> array(s, n)).toArray(double[][]::new));
            targets.add(array(sides[0], n));
        }
    }

    private double[] array(String name, int n) {
        return arrays.computeIfAbsent(name, k -> new double[n]);
    }

    /** θ from {@code start}, states 0, then {@code steps} steps; returns the last loss and leaves θ in {@code out}. */
    double run(double[] start, int steps, double[] out) {
        System.arraycopy(start, 0, theta, 0, theta.length);
        for (double[] a : arrays.values()) if (a.length == theta.length && a != theta) java.util.Arrays.fill(a, 0);
        double f = 0;
        for (int step = 1; step <= steps; step++) {
            f = loss.gradient(theta, g);
            t[0] = step;
            for (int e = 0; e < tapes.size(); e++) tapes.get(e).values(columns.get(e), targets.get(e));
        }
        System.arraycopy(theta, 0, out, 0, out.length);
        return f;
    }
}
