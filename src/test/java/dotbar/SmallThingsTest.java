package dotbar;

import dotbar.base.*;
import static dotbar.DotBar.adagrad;
import static dotbar.DotBar.adam;
import static dotbar.DotBar.adamw;
import static dotbar.DotBar.at;
import static dotbar.DotBar.data;
import static dotbar.DotBar.gd;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.hessian;
import static dotbar.DotBar.momentum;
import static dotbar.DotBar.nesterov;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.reverse;
import static dotbar.DotBar.rmsprop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dotbar.expr.Expr;
import dotbar.expr.NaturalOrder;
import dotbar.optim.Dataset;
import dotbar.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** Issue 11, item 6: the smaller things seen at the prompt, one test each. */
class SmallThingsTest {

    @Test
    void namesSortNaturally() {
        Expr e = parse("x10 + x2 + x1*x3 + y");
        assertEquals(List.of("x1", "x2", "x3", "x10", "y"), e.vars());
        assertEquals(List.of("x1", "x2", "x3", "x10", "y"), List.copyOf(grad(e, at("x1=1, x2=1, x3=1, x10=1, y=1")).names()));
        assertEquals(List.of("x1", "x2", "x3", "x10", "y"), List.copyOf(reverse(e).gradient().keySet()));
        List<String> sorted = new ArrayList<>(List.of("w10", "w9", "w1", "a", "w01", "w100", "w2b", "w2a"));
        sorted.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a", "w01", "w1", "w2a", "w2b", "w9", "w10", "w100"), sorted);
    }

    @Test
    void aHessianKeepsTheOrderTheUserGave() {
        Expr e = parse("x^2*y + 3*y");
        var h = hessian(e, at("y=2, x=1"));
        assertEquals(List.of("y", "x"), h.names());
        assertEquals(2 * 1.0, h.get("x", "y"), 1e-12); // ∂²/∂x∂y of x²y = 2x
        assertEquals(2 * 2.0, h.get("x", "x"), 1e-12); // 2y
        assertEquals(0.0, h.get("y", "y"), 1e-12);
    }

    @Test
    void optimizerStateHyperparametersAndHistoryPrintForPeople() {
        Optimizer opt = adam(parse("(1-x)^2 + 100*(y-x^2)^2"), at("x=-1.5, y=2"));
        assertEquals("{η=0.001, α=0.9, ρ=0.999, ε=1e-8}", opt.hyperparameters().toString());
        assertEquals(1e-8, opt.hyperparameters().get("ε"));
        opt.step(3);
        String state = opt.state().toString();
        List<String> lines = state.lines().toList();
        assertTrue(lines.get(0).matches("θ +v +w +v̂ +ŵ"), state);
        assertTrue(lines.get(2).startsWith("x ") && lines.get(3).startsWith("y "), "a row per parameter: " + state);
        assertEquals(opt.state().get("v").get("x"), Double.parseDouble(lines.get(2).trim().split(" +")[1]), 1e-4 * Math.abs(opt.state().get("v").get("x")));
        assertTrue(opt.history().toString().startsWith("loss and ‖g‖ at θ after step t"), opt.history().toString());
        Dataset d = data("x y", new double[][] {{1, 2}, {2, 4}, {3, 6}});
        Optimizer batches = adam(parse("(w*x - y)^2"), d, at("w=0")).batch(2);
        assertTrue(batches.history().toString().startsWith("t=0: the mean loss over all rows at the start; t≥1: the loss and ‖g‖ of the minibatch"),
                batches.history().toString());
    }

    @Test
    void everyOptimizerFactoryTakesADataset() {
        Dataset d = data("x y", new double[][] {{1, 2}, {2, 4}, {3, 6}});
        Expr perSample = parse("(w*x - y)^2");
        List<Optimizer> all = List.of(gd(perSample, d, at("w=0")), momentum(perSample, d, at("w=0")), nesterov(perSample, d, at("w=0")),
                adagrad(perSample, d, at("w=0")), rmsprop(perSample, d, at("w=0")), adam(perSample, d, at("w=0")),
                adamw(perSample, d, at("w=0")));
        for (Optimizer o : all) {
            o.batch(3).lr(0.01).step(200);
            assertTrue(Math.abs(o.at().get("w") - 2) < Math.abs(0 - 2), o + " moves towards w = 2");
        }
        // full batch gd on the mean loss: w ← w − η·mean(2(wx − y)x) = 0.01·(2·(2 + 8 + 18)/3) from 0
        Optimizer first = gd(perSample, d, at("w=0")).batch(3).lr(0.01).step();
        assertEquals(0.01 * 2 * (1 * 2 + 2 * 4 + 3 * 6) / 3.0, first.at().get("w"), 1e-12);
    }

    @Test
    void aOneLetterUnknownFunctionIsNotTakenForAnotherLetter() {
        DotbarException q = assertThrows(DotbarException.class, () -> parse("q(3)"));
        assertFalse(q.getMessage().contains("σ"), q.getMessage()); // (a defined sq may be suggested: it contains q)
        DotbarException sinn = assertThrows(DotbarException.class, () -> parse("sinn(x)"));
        assertTrue(sinn.getMessage().contains("did you mean sin?"), sinn.getMessage());
        assertTrue(Suggestions.closest("q", List.of("σ", "π")).isEmpty());
    }

    @Test
    void missingValuesAreListedUpToTenThenCounted() {
        String sum = IntStream.range(0, 1000).mapToObj(i -> "v" + i).collect(Collectors.joining(" + "));
        DotbarException e = assertThrows(DotbarException.class, () -> parse(sum).eval(at("a=1")));
        assertEquals("no values for v0, v1, v2, v3, v4, v5, v6, v7, v8, v9 … and 990 more", e.getMessage());
        DotbarException few = assertThrows(DotbarException.class, () -> parse("a + b").eval(at("c=1")));
        assertEquals("no values for a, b", few.getMessage());
    }
}
