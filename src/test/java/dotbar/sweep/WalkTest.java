package dotbar.sweep;

import static dotbar.DotBar.def;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walks' order of terms and their masks, recorded by an accumulator that only writes down
 * what it is asked: the chain rule's terms are the graph's edges, forward in topological order,
 * reverse pushed from each node or pulled from each node's users in evaluation order (eq. 29).
 */
class WalkTest {
    /** Writes each call as text over the nodes' printed forms. */
    private static final class Recorder implements Accumulator {
        final Dag dag;
        final List<String> calls = new ArrayList<>();

        Recorder(Dag dag) {
            this.dag = dag;
        }

        private String n(int i) {
            return dag.node(i).toString();
        }

        @Override public void seed(int node) { calls.add("seed " + n(node)); }

        @Override public void accumulate(int target, int node, int k, int source) {
            calls.add(n(target) + " += ∂(" + n(node) + ")/∂#" + k + " · " + n(source));
        }

        @Override public void done(int node) { calls.add("done " + n(node)); }
    }

    /** The seed's graph: w = w(a, b, c), φ = φ(w, c), L = L(φ); c reaches L through w and directly through φ. */
    private static Dag seedGraph() {
        def("w(a,b,c) = a*b + c");
        def("φ(w,c) = sigmoid(w)*c");
        def("L(φ) = φ^2");
        return new Dag(parse("L(φ(w(a,b,c), c))"));
    }

    @Test
    void pullSumsEachAdjointOverItsUsersInEvaluationOrder() {
        Dag dag = seedGraph();
        var r = new Recorder(dag);
        Walk.reverse(dag, dag.size() - 1, dag.notNumbers(), Walk.Order.PULL, r);
        // c̄ = ∂w/∂c·w̄ + ∂φ/∂c·φ̄: w's term first, as in the corrected eq. (29)
        int c = r.calls.indexOf("done c");
        assertEquals(List.of("c += ∂(w(a, b, c))/∂#2 · w(a, b, c)", "c += ∂(φ(w(a, b, c), c))/∂#1 · φ(w(a, b, c), c)"),
                r.calls.subList(c - 2, c));
        assertEquals(List.of("seed L(φ(w(a, b, c), c))", "done L(φ(w(a, b, c), c))"), r.calls.subList(0, 2));
    }

    @Test
    void pushAddsFromEachNodeIntoItsOperandsRootFirst() {
        Dag dag = seedGraph();
        var r = new Recorder(dag);
        Walk.reverse(dag, dag.size() - 1, dag.dependsOn(dag.symbols(s -> true)), Walk.Order.PUSH, r);
        List<String> terms = r.calls.stream().filter(s -> s.contains("+=")).toList();
        assertEquals(List.of(
                "φ(w(a, b, c), c) += ∂(L(φ(w(a, b, c), c)))/∂#0 · L(φ(w(a, b, c), c))",
                "w(a, b, c) += ∂(φ(w(a, b, c), c))/∂#0 · φ(w(a, b, c), c)",
                "c += ∂(φ(w(a, b, c), c))/∂#1 · φ(w(a, b, c), c)",
                "a += ∂(w(a, b, c))/∂#0 · w(a, b, c)",
                "b += ∂(w(a, b, c))/∂#1 · w(a, b, c)",
                "c += ∂(w(a, b, c))/∂#2 · w(a, b, c)"), terms);
    }

    @Test
    void forwardHasTermsOnlyForOperandsThatDependOnTheSeed() {
        Dag dag = new Dag(parse("x*y + sin(y)"));
        var r = new Recorder(dag);
        Walk.forward(dag, dag.symbols(s -> s.name().equals("x")), r);
        assertEquals(List.of("seed x", "x·y += ∂(x·y)/∂#0 · x", "x·y + sin(y) += ∂(x·y + sin(y))/∂#0 · x·y"),
                r.calls.stream().filter(s -> !s.startsWith("done")).toList());
    }

    @Test
    void reverseFromOneRootOfManyLeavesTheOthersOut() {
        Expr shared = parse("sin(x)");
        Expr first = Exprs.mul(shared, Exprs.sym("y")), second = Exprs.add(shared, Exprs.sym("z"));
        Dag dag = new Dag(List.of(second, first));
        var r = new Recorder(dag);
        Walk.reverse(dag, dag.indexOf(first), dag.notNumbers(), Walk.Order.PUSH, r);
        assertEquals(List.of(), r.calls.stream().filter(s -> s.contains("z")).toList(), "z and sin(x) + z are not under the root");
        r.calls.clear();
        Walk.reverse(dag, dag.indexOf(first), dag.notNumbers(), Walk.Order.PULL, r);
        assertEquals(List.of(), r.calls.stream().filter(s -> s.contains("+=") && s.contains("z")).toList());
    }
}
