package dotbar.check;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicReference;

/** The three verdicts, claims off by 10⁻⁹, abstract functions decided by identity testing, deep input. */
class VerdictsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exp(x) = exp(x)*(1+1e-9)", "d/dx x^2 = 2*x*(1 + 1e-9)", "x = x + 1e-12", "sin(x)^2 + cos(x)^2 = 1 + 1e-14"})
    void claimsOffByATinyAmountAreRefuted(String claim) {
        Check c = check(claim);
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict(), c.toString());
        assertFalse(c.holds());
        assertTrue(c.toString().startsWith("✗ does not hold: "), c.toString());
    }

    @Test
    void theCounterexampleValuesAreHighPrecisionOnes() {
        // mpmath (mp.dps = 70): exp(2.855) = 17.3744372076562594514686041597,
        // exp(2.855)·(1 + 1e-9) = 17.3744372250306966591248636111
        Check c = check("exp(x) = exp(x)*(1+1e-9)");
        assertEquals(2.855, c.counterexample().orElseThrow().get("x"), "the first point of the fixed seed");
        assertTrue(c.reason().contains("the left side is 17.3744372077 and the right side 17.374437225"), c.reason());
        // x = x + 1e-12 needs 13 digits to show the difference
        Check tiny = check("x = x + 1e-12");
        assertTrue(tiny.reason().contains("the left side is 2.855 and the right side 2.855000000001"), tiny.reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sin(x)^2 + cos(x)^2 = 1", "d/dx tanh(x) = 1/cosh(x)^2", "sin(x + π) = -sin(x)", "cosh(x)^2 - sinh(x)^2 = 1",
            "d/dx atan(x) = 1/(1 + x^2)", "tan(x) = sin(x)/cos(x)", "d/dx softplus(x) = 1/(1 + exp(-x))", "exp(log(x)) = x",
            "d/dx asinh(x) = 1/sqrt(x^2 + 1)", "x^(1/3)*x^(2/3) = x", "atan2(sin(x), cos(x)) = atan(tan(x))*0 + atan2(sin(x), cos(x))"})
    void trueIdentitiesHoldInHighPrecision(String claim) {
        Check c = check(claim);
        assertTrue(c.holds(), c.toString());
        assertTrue(c.toString().startsWith("✓ holds: "), c.toString());
        if (c.verdict() == Check.Verdict.RANDOM_POINTS) {
            assertTrue(c.reason().contains("60-digit arithmetic"), c.reason());
            assertTrue(c.points() >= Check.PRECISE_POINTS, c.toString());
        }
    }

    @Test
    void roundingNoiseOfAFoldedConstantIsNoCounterexample() {
        // 1/3 and π/2 fold to doubles when parsed; they are read back as 1/3 and π/2
        assertTrue(check("x/3 + 0*x^2 = x*(1/3) + x^2 - x^2").holds());
        assertTrue(check("sin(x + π/2) = cos(x)").holds(), check("sin(x + π/2) = cos(x)").toString());
        Check folded = check("sin(1)^2 + cos(1)^2 + 0*x = 1");
        assertTrue(folded.holds(), folded.toString());
        // typed, sin(1) and cos(1) stay exact operations; Java doubles are inexact constants, compared to 10⁻¹² only
        Expr ex = exp(sym("x"));
        Check inexact = check(ex.times(num(Math.cos(1)).pow(2)), ex.times(num(1).minus(num(Math.sin(1)).pow(2))));
        assertEquals(Check.Verdict.RANDOM_POINTS, inexact.verdict(), inexact.toString());
        assertTrue(inexact.reason().contains("rounded double"), inexact.reason());
    }

    @Test
    void undecidedPrintsAsUndecided() {
        Check none = check("sqrt(-1 - x^2) = 1");
        assertEquals(Check.Verdict.UNDECIDED, none.verdict());
        assertFalse(none.holds());
        assertTrue(none.toString().startsWith("? undecided: sqrt(-x² - 1) = 1\n  the simplifier could not show it and no point of 4000"), none.toString());
        // a partial taken while the function was abstract cannot be evaluated once it has a body
        declare("vt13(u)");
        Expr d = diff(parse("vt13(x)^2"), "x");
        def("vt13(u) = u^2");
        Check stale = check(d, parse("4*x^3 + 0*x"));
        assertEquals(Check.Verdict.UNDECIDED, stale.verdict(), stale.toString());
        assertTrue(stale.toString().startsWith("? undecided: "), stale.toString());
        assertTrue(stale.reason().contains("differentiate again"), stale.reason());
    }

    /** The seed's graph L(φ(w(a, b, c), c)), eq. (24)–(30), built as issue 13 describes. */
    @Test
    void theSeedsAbstractGradientHoldsAndWrongOnesAreRefuted() {
        declare("w(a, b, c)");
        declare("φ(w, c)");
        declare("L(φ)");
        Expr J = parse("L(φ(w(a, b, c), c))");
        var rv = reverse(J);
        Check c = check(rv.gradient().get("c"), diff(J, "c"));
        assertTrue(c.holds(), c.toString());
        assertEquals(Check.Verdict.RANDOM_POINTS, c.verdict());
        assertTrue(c.toString().startsWith("✓ holds: "), c.toString());
        assertEquals(IdentityTest.POINTS, c.points());
        assertTrue(c.reason().contains("with the 6 applications and partials of abstract functions"), c.reason());
        assertTrue(c.reason().contains("degree ≤ 6") && c.reason().contains("probability ≤ (6/10000001)^20"), c.reason());
        for (Expr wrong : new Expr[] {diff(J, "c").times(-1), diff(J, "c").times(2), diff(J, "b"), diff(J, "c").plus(diff(J, "a"))}) {
            Check w = check(rv.gradient().get("c"), wrong);
            assertEquals(Check.Verdict.COUNTEREXAMPLE, w.verdict(), w.toString());
            assertTrue(w.toString().startsWith("✗ does not hold: ") && w.reason().contains("not equal for some functions"), w.toString());
        }
        for (String x : new String[] {"a", "b"}) assertTrue(check(rv.gradient().get(x), diff(J, x)).holds());
    }

    /** Eq. (31): the vanishing-gradient chain with L(φ2), φ2(w2), w2(φ1), φ1(w1, c), w1(a, b, c). */
    @Test
    void theChainOfEquation31Holds() {
        declare("w1(a, b, c)");
        declare("φ1(w1, c)");
        declare("w2(φ1)");
        declare("φ2(w2)");
        declare("L(φ2)");
        Expr J = parse("L(φ2(w2(φ1(w1(a, b, c), c))))");
        Check c = check(reverse(J).gradient().get("a"), diff(J, "a"));
        assertTrue(c.holds(), c.toString());
        Check off = check(reverse(J).gradient().get("a"), diff(J, "a").plus(diff(J, "b")));
        assertFalse(off.holds(), off.toString());
    }

    @Test
    void applicationsAtEqualArgumentsAreOneUnknown() {
        declare("fv13(u)");
        assertTrue(check(parse("fv13(x*1 + 0)^2 - fv13(x)"), parse("fv13(x)*fv13(x) - fv13(x)")).holds());
        assertTrue(check(parse("fv13(x)*(fv13(x) + 1)"), parse("fv13(x)^2 + fv13(x)")).holds());
        Check w = check(parse("fv13(2*x)"), parse("2*fv13(x)"));
        assertEquals(Check.Verdict.COUNTEREXAMPLE, w.verdict(), w.toString());
        Check q = check(parse("fv13(x)"), parse("fv13(x)^2"));
        assertEquals(Check.Verdict.COUNTEREXAMPLE, q.verdict(), q.toString());
        // through a function that is not a polynomial: evidence, said so
        Check trig = check(parse("sin(fv13(x))^2"), parse("1 - cos(fv13(x))^2"));
        assertTrue(trig.holds(), trig.toString());
        assertTrue(trig.reason().contains("no Schwartz–Zippel bound"), trig.reason());
        // def'd functions are inlined: their bodies are compared
        def("gv13(u) = u^2 + 1");
        assertTrue(check(parse("gv13(fv13(x))"), parse("fv13(x)^2 + 1")).holds());
        assertFalse(check(parse("gv13(fv13(x))"), parse("fv13(x)^2 + 1.000000001")).holds());
    }

    @Test
    void deepClaimsOnASmallStack() throws Exception {
        declare("fd13(u)");
        var fn = ((dotbar.expr.Apply) parse("fd13(u)")).fn();
        Expr f = parse("x"), s = parse("x");
        for (int i = 0; i < 20_000; i++) {
            f = fn.apply(f);
            s = sin(s);
        }
        Expr ff = f, ss = s;
        var out = new AtomicReference<Object>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(new Check[] {check(ff.times(ff.plus(1)), ff.times(ff).plus(ff)), check(ff, ff.times(1.000000001)),
                        check(ss, ss.plus(1e-12)), check(ss.times(ss.plus(1)), ss.times(ss).plus(ss))});
            } catch (Throwable e) {
                out.set(e);
            }
        }, "deep check", 512 * 1024);
        t.start();
        t.join(600_000);
        assertFalse(t.isAlive(), "still running");
        if (out.get() instanceof Throwable e) throw new AssertionError(e);
        Check[] c = (Check[]) out.get();
        assertTrue(c[0].holds(), c[0].toString());
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c[1].verdict(), c[1].toString());
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c[2].verdict(), c[2].toString());
        assertTrue(c[3].holds(), c[3].toString());
    }

    /** A counterexample lists its unknowns apart from the claim: two different partials of h keep two different names. */
    @Test
    void aCounterexampleNamesDifferentPartialsDifferently() {
        declare("hv(u, v)");
        var c = check("d/dx hv(x, y)*hv(y, x) = ∂hv/∂u(x, y)*hv(y, x)");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict(), c.toString());
        assertTrue(c.reason().contains("∂hv/∂u(x, y) = ") && c.reason().contains("∂hv/∂v(y, x) = "), c.reason());
        assertFalse(c.reason().contains("∂hv/∂x = "), c.reason());
    }
}
