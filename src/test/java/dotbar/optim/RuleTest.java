package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.parse.ParseException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Custom rules from equation text: order of updates, hyperparameters, and every kind of bad rule. */
class RuleTest {
    private static final Expr BOWL = parse("(x-1)^2 + 10*(y+2)^2");

    @Test
    void partsOfARule() {
        Rule r = rule("heavy", "v = α*v - g", "θ ← θ + η*v");
        assertEquals("heavy", r.name());
        assertEquals(List.of("v"), r.states());
        assertEquals(List.of("α", "η"), List.copyOf(r.hyperparameters().keySet()));
        assertTrue(r.hyperparameters().get("α").isNaN(), "unset");
        assertEquals(2, r.equations().size());
        assertTrue(r.equations().get(0).startsWith("v ← "), r.equations().get(0));
        Rule set = r.set("α", 0.9).set("lr", 0.01);
        assertEquals(0.01, set.get("η"));
        assertTrue(r.hyperparameters().get("α").isNaN(), "set returns a new rule");
        assertEquals(List.of("v", "w", "v̂", "ŵ"), adam().states());
    }

    /** Equations run in order: a later one sees this step's new values, an earlier one the previous step's. */
    @Test
    void equationsRunInOrder() {
        // b is assigned before θ reads it: θ1 = θ0 − η·1·g; c is assigned after, so θ reads c's previous value
        Optimizer seq = rule("seq", "a = a + 1", "b = a", "θ = θ - η*b*g").set("η", 0.1).on(parse("x^2"), at("x=1"));
        assertEquals(1 - 0.1 * 1 * 2, seq.step().at().get("x"), 1e-15);
        Optimizer lag = rule("lag", "θ = θ - η*m", "m = g").set("η", 0.1).on(parse("x^2"), at("x=1"));
        assertEquals(1, lag.step().at().get("x"), "m is still 0 in step 1");
        assertEquals(1 - 0.1 * 2, lag.step().at().get("x"), 1e-15);
        assertEquals(2 * 1.0, lag.state().get("m").get("x"), 1e-15, "step 2's gradient, taken at θ1 = 1");
    }

    @Test
    void stepCountAndDefinedFunctions() {
        def("sq(u) = u^2");
        // θ ← θ − η·g·t/sq(t): a 1/t schedule
        Optimizer o = rule("decay", "θ = θ - η*g*t/sq(t)").set("η", 0.5).on(parse("x^2"), at("x=1"));
        o.step(2);
        assertEquals((1 - 0.5 * 2) * (1 - 0.25 * 2) + 0.0, o.at().get("x"), 1e-15);
    }

    @Test
    void customRulesHaveNoBuiltInRangesButLrMustBePositive() {
        assertEquals(1.5, rule("r", "θ = θ - η*α*g").set("α", 1.5).get("α"));
        var e = assertThrows(DotbarException.class, () -> rule("r", "θ = θ - η*g").set("η", -1));
        assertEquals("r: η (lr) must be positive, got -1", e.getMessage());
        e = assertThrows(DotbarException.class, () -> momentum().set("α", 1.5));
        assertEquals("momentum: α (alpha) must be in [0, 1), got 1.5", e.getMessage());
    }

    @Test
    void aRuleReadingAnUndefinedStateOrSymbolNamesIt() {
        Rule typo = rule("heavy", "v = α*v - g", "θ = θ + η*vv").set("α", 0.9).set("η", 0.01);
        var e = assertThrows(DotbarException.class, () -> typo.on(BOWL, at("x=0, y=0")));
        assertEquals("rule heavy reads vv, which has no value: not a state (no equation assigns it), not g, t or θ, and not set; "
                + "known states: v; set a hyperparameter with .set(\"vv\", value)", e.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("two", "θ = θ - η*q*r*g").on(BOWL, at("x=0, y=0")));
        assertTrue(e.getMessage().startsWith("rule two reads q, r, η, which have no value"), e.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("heavy", "v = α*v - g", "θ = θ + η*v").set("β", 1));
        assertEquals("heavy has no hyperparameter 'β'; known: α (alpha, beta1), η (lr)", e.getMessage());
    }

    @Test
    void malformedRules() {
        var e = assertThrows(DotbarException.class, () -> rule("still", "v = α*v - g"));
        assertEquals("rule still never assigns θ, so it would not move the parameters; add an equation θ = …", e.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("r", "g = 2*g", "θ = θ - g"));
        assertTrue(e.getMessage().startsWith("rule r: g is the gradient and cannot be assigned (in g ← "), e.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("r", "θ - g"));
        assertEquals("rule r, equation 1: 'θ - g' is not an update 'state = expression'", e.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("r", "2v = g", "θ = θ - v"));
        assertEquals("rule r, equation 1: the left side '2v' of '2v = g' is not a name", e.getMessage());
        var p = assertThrows(ParseException.class, () -> rule("r", "v = α*v -", "θ = θ + v"));
        assertEquals(10, p.column(), "column within the whole equation");
        assertTrue(p.getMessage().startsWith("rule r, equation 1: "), p.getMessage());
        assertTrue(p.getMessage().endsWith("v = α*v -\n         ^"), p.getMessage());
        e = assertThrows(DotbarException.class, () -> rule("r", "θ = θ - nosuch(g)"));
        assertTrue(e.getMessage().startsWith("rule r, equation 1"), e.getMessage());
        assertThrows(DotbarException.class, () -> rule("r"));
    }
}
