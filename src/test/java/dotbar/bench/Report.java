package dotbar.bench;

import dotbar.expr.Expr;
import dotbar.parse.Parser;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The table printed after a benchmark run: times per call, then the ratios side by side
 * for Rosenbrock in n = 10, 100, 1000 and the sigmoid network, each against its target, then
 * parse and compile times and the tape's bytes per node.
 *
 * <p>Each time is the fastest measured iteration (1 s of calls), not the mean: the machine is
 * shared, and the fastest iteration is the one least slowed by other processes. "compiled" is
 * the tape's second tier (generated Java), "interpreted" its first.
 */
final class Report {
    private static final List<String> COLUMNS = List.of("n=10", "n=100", "n=1000", "network");

    private final Map<String, Double> score = new HashMap<>();  // "Bench.method column" → fastest iteration, µs or ms per call
    private final StringBuilder out = new StringBuilder();

    private Report(Collection<RunResult> results) {
        for (RunResult r : results) {
            var p = r.getParams();
            String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
            String n = p.getParam("n"), function = p.getParam("function");
            String column = n != null ? "n=" + n : function != null ? function : name.startsWith("NetworkBench") ? "network" : "";
            double best = Double.POSITIVE_INFINITY;
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) best = Math.min(best, i.getPrimaryResult().getScore());
            }
            score.put(name + " " + column, best);
        }
    }

    static String text(Collection<RunResult> results) {
        return new Report(results).build();
    }

    private String build() {
        out.append(String.format("%-38s", "time per call, µs (fastest iteration)")).append(header()).append('\n');
        for (String method : List.of("compiledValue", "compiledGradient", "interpretedValue", "interpretedGradient", "handValue",
                "handGradient", "derivativeStructure", "reverseSweep")) {
            out.append(String.format("  %-36s", method));
            for (String c : COLUMNS) out.append(cell(time(method, c)));
            out.append('\n');
        }
        out.append("\nratio").append(" ".repeat(32)).append(header()).append("  target\n");
        ratio("compiled gradient / compiled value", "compiledGradient", "compiledValue", COLUMNS, 3, true);
        ratio("interpreted gradient / value", "interpretedGradient", "interpretedValue", COLUMNS, 3, true);
        ratio("compiled gradient / hand-written", "compiledGradient", "handGradient", List.of("n=1000"), 3, true);
        ratio("interpreted gradient / hand-written", "interpretedGradient", "handGradient", List.of(), 0, true);
        ratio("DerivativeStructure / compiled", "derivativeStructure", "compiledGradient", List.of("n=100"), 20, false);
        ratio("DerivativeStructure / interpreted", "derivativeStructure", "interpretedGradient", List.of("n=100"), 20, false);
        ratio("reverse sweep on the DAG / compiled", "reverseSweep", "compiledGradient", List.of(), 0, false);
        adam("Adam: optimizer / hand-written", "AdamBench.tape", true);
        double parse = score("ParseBench.parse ");
        out.append(String.format("%nparse 10⁴ nodes: %s ms   %s%ncompile 10⁴ nodes to a tape: %s ms;  tape to Java bytecode (javac): %s ms%n",
                fmt(parse), verdict("≤ 100 ms", parse, parse <= 100), fmt(score("ParseBench.compile ")),
                fmt(score("ParseBench.generateJava "))));
        memory();
        return out.toString();
    }

    /** 100 Adam steps against the hand-written loop, in the n=100 and network columns. */
    private void adam(String title, String method, boolean checked) {
        double r = score(method + " rosenbrock100") / score("AdamBench.hand rosenbrock100");
        double net = score(method + " network") / score("AdamBench.hand network");
        out.append(String.format("  %-35s%9s%9s%9s%9s  %s%n", title, "", fmt(r), "", fmt(net),
                checked ? verdict("≤ 5", Math.max(r, net), r <= 5 && net <= 5) : ""));
    }

    /** A row of top/bottom per column; {@code checked} columns must be ≤ (or ≥) {@code bound}. */
    private void ratio(String title, String top, String bottom, List<String> checked, double bound, boolean atMost) {
        out.append(String.format("  %-35s", title));
        double worst = Double.NaN;
        for (String c : COLUMNS) {
            double r = time(top, c) / time(bottom, c);
            out.append(cell(r));
            if (checked.contains(c)) worst = Double.isNaN(worst) ? r : atMost ? Math.max(worst, r) : Math.min(worst, r);
        }
        if (!checked.isEmpty()) {
            String target = (atMost ? "≤ " : "≥ ") + fmt(bound) + (checked.size() < COLUMNS.size() ? " at " + String.join(", ", checked) : "");
            out.append("  ").append(verdict(target, worst, atMost ? worst <= bound : worst >= bound));
        }
        out.append('\n');
    }

    private void memory() {
        out.append("\nbytes of tape arrays per DAG node (target ≤ 64):\n");
        for (int n : new int[]{10, 100, 1000}) bytes("Rosenbrock n=" + n, Rosenbrock.expr(n), Rosenbrock.names(n));
        bytes("sigmoid network", SigmoidNetwork.expr(), SigmoidNetwork.names());
        Expr big = Parser.parse(ParseBench.text(ParseBench.VARIABLES));
        bytes("parsed 10⁴ nodes", big, big.vars());
    }

    private void bytes(String what, Expr e, List<String> names) {
        Compiled c = Tapes.compile(e, names);
        double perNode = (double) c.bytes() / c.nodes();
        out.append(String.format("  %-18s %5.1f  (%d nodes, %d value + %d gradient instructions, %d slots)  %s%n", what, perNode,
                c.nodes(), c.valueInstructions(), c.gradientInstructions() - c.valueInstructions(), c.slotCount(),
                perNode <= 64 ? "met" : "MISSED"));
    }

    private double time(String method, String column) {
        return score((column.equals("network") ? "NetworkBench." : "RosenbrockBench.") + method + " " + column);
    }

    private double score(String key) {
        return score.getOrDefault(key, Double.NaN);
    }

    private static String verdict(String target, double value, boolean ok) {
        return Double.isNaN(value) ? target + " (not run)" : target + (ok ? "  met" : "  MISSED");
    }

    private static String header() {
        var s = new StringBuilder();
        for (String c : COLUMNS) s.append(String.format("%9s", c));
        return s.toString();
    }

    private static String cell(double v) {
        return String.format("%9s", fmt(v));
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
