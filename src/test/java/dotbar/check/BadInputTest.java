package dotbar.check;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Functions;
import dotbar.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/**
 * The checker's bad input (issue 13): a claim that is not an equation, an unknown function, an
 * ambiguous partial — each a {@link DotbarException} saying what and where, with nothing left
 * changed — and claims that are verdicts with a reason: sides with different symbols (read as
 * for all of them, said so) and claims true only on part of the domain (where, said so).
 */
class BadInputTest {

    @Test
    void notAnEquationNamesTheColumn() {
        var none = assertThrows(ParseException.class, () -> check("x^2 + 1"));
        assertTrue(none.getMessage().startsWith("a check needs an equation, 'left = right'; there is no '='"), none.getMessage());
        assertEquals(8, none.column());
        var two = assertThrows(ParseException.class, () -> check("x = y = z"));
        assertTrue(two.getMessage().contains("one '='"), two.getMessage());
        assertEquals(7, two.column());
        var empty = assertThrows(ParseException.class, () -> check(" = x"));
        assertTrue(empty.getMessage().contains("left side of the equation is empty"), empty.getMessage());
        var noBody = assertThrows(ParseException.class, () -> check("d/dx = 2"));
        assertTrue(noBody.getMessage().contains("empty"), noBody.getMessage());
        assertThrows(ParseException.class, () -> check("x < 2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"d/dx foo13(x) = 1; 6", "x = 1 + foo13(x); 9", "sin(foo13(x))^2 = 1; 5"})
    void anUnknownFunctionIsNamedWithItsColumn(String claim, int column) {
        var e = assertThrows(ParseException.class, () -> check(claim));
        assertTrue(e.getMessage().startsWith("unknown function 'foo13'"), e.getMessage());
        // says how to make it known, or the near name meant (when one is known: "did you mean fd13?")
        assertTrue(e.getMessage().contains("declare(\"foo13(x)\")") || e.getMessage().contains("did you mean"), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void aWrongNumberOfArgumentsIsNamed() {
        declare("kb13(u, v)");
        var e = assertThrows(DotbarException.class, () -> check("kb13(x) = 1"));
        assertTrue(e.getMessage().contains("kb13"), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void anAmbiguousPartialNamesTheChoices() {
        declare("gb13(u, v)");
        var e = assertThrows(ParseException.class, () -> check("d/dx gb13(x, y)*gb13(y, x) = ∂gb13/∂x * gb13(y, x)"));
        assertTrue(e.getMessage().startsWith("∂gb13/∂x is ambiguous here: it can be ∂gb13/∂u(x, y) or ∂gb13/∂v(y, x)"), e.getMessage());
        assertEquals(30, e.column(), e.getMessage());
        // written as the message says, it is decided
        assertTrue(check("d/dx gb13(x, y)*gb13(y, x) = ∂gb13/∂u(x, y)*gb13(y, x) + gb13(x, y)*∂gb13/∂v(y, x)").holds());
        var none = assertThrows(ParseException.class, () -> check("d/dx gb13(x, y) = ∂gb13/∂z"));
        assertTrue(none.getMessage().contains("∂gb13/∂z"), none.getMessage());
    }

    @Test
    void aFailedCheckLeavesNoDeclarationBehind() {
        declare("gb13(u, v)");
        def("hb13(u) = u^2 + 1");
        List<String> names = Functions.names();
        long version = Functions.version();
        for (String bad : new String[] {"d/dx gb13(x, y)*gb13(y, x) = ∂gb13/∂x * gb13(y, x)", "d/dx foo13(x) = ∂foo13/∂x",
                "hb13(x) = ∂hb13/∂u", "d/dx hb13(x) = 2*x +", "hb13(x, y) = 1", "x^2", "d/dx gb13(x, y) = ∂gb13/∂z"}) {
            assertThrows(DotbarException.class, () -> check(bad), bad);
            assertEquals(names, Functions.names(), bad);
            assertEquals(version, Functions.version(), bad);
        }
        // and the functions still mean what they meant
        assertTrue(check("hb13(x) = x^2 + 1").holds());
        assertEquals(Check.Verdict.COUNTEREXAMPLE, check("hb13(x) = x^2").verdict());
    }

    @Test
    void sidesWithDifferentSymbolsAreReadAsForAllOfThem() {
        Check holds = check("x*(y^2 - 1) - x*y^2 = -x");   // (x + y - y is x at construction: no y left)
        assertTrue(holds.holds(), holds.toString());
        assertTrue(holds.reason().startsWith("read as for all x, y (y only on the left side); "), holds.reason());
        Check fails = check("x + y = x");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, fails.verdict());
        assertTrue(fails.toString().startsWith("✗ does not hold: x + y = x\n  read as for all x, y (y only on the left side); not equal"), fails.toString());
        Check derivative = check("d/dx x^2 = 2*x + z*(z + 1) - z^2 - z");   // (z - z is 0 at construction)
        assertTrue(derivative.holds());
        assertTrue(derivative.reason().startsWith("read as for all x, z (z only on the right side)"), derivative.reason());
        // a constant side is no assumption worth saying, nor are equal symbol sets
        assertFalse(check("sin(x)^2 + cos(x)^2 = 1").reason().contains("read as"));
        assertFalse(check("x*y = y*x").reason().contains("read as"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "d/dx sqrt(x^2) = x/abs(x) | holds for x ≠ 0; at x = 0 neither side is defined",
            "log(x^2) = 2*log(x) | holds for x > 0; for x < 0 only the left side is defined; at x = 0 neither side is defined",
            "exp(log(x)) = x | holds for x > 0; for x ≤ 0 only the right side is defined",
            "abs(sqrt(x))^2 = x | holds for x ≥ 0; for x < 0 only the right side is defined",
            "cos(asin(x)) = sqrt(1 - x^2) | holds for -1 ≤ x ≤ 1; for x < -1 and x > 1 neither side is defined",
            "(x^3 - 1)/(x - 1) = x^2 + x + 1 | holds for x ≠ 1; at x = 1 only the right side is defined",
            "1/(x - 1) - 1/(x + 1) = 2/(x^2 - 1) | holds for x ≠ -1, 1; at x = -1 and x = 1 neither side is defined",
            "sin(x)/x = sin(x)/x + 0*x | holds for x ≠ 0; at x = 0 neither side is defined",
            "acosh(x) = log(x + sqrt(x^2 - 1)) | holds for x ≥ 1; for x < 1 neither side is defined",
    })
    void aClaimTrueOnPartOfTheDomainSaysWhere(String claim, String where) {
        Check c = check(claim);
        assertTrue(c.holds(), c.toString());
        assertEquals(where, c.domain().orElseThrow(), c.toString());
        assertTrue(c.reason().startsWith(where + "; ") || c.reason().contains("; " + where + "; "), c.reason());
        assertTrue(c.toString().startsWith("✓ holds: "), c.toString());
    }

    @Test
    void withSeveralSymbolsTheDomainIsShownByExample() {
        Check c = check("log(x*y) = log(x) + log(y)");
        assertTrue(c.holds(), c.toString());
        String d = c.domain().orElseThrow();
        assertTrue(d.startsWith("holds where both sides are defined; only the left side is defined at (x=-"), d);
        // the example is one: there log(x·y) is defined and log(x) is not
        var p = c.domain().orElseThrow().replaceAll(".*only the left side is defined at \\(x=([-0-9.]+), y=([-0-9.]+)\\).*", "$1 $2").split(" ");
        double x = Double.parseDouble(p[0]), y = Double.parseDouble(p[1]);
        assertTrue(x * y > 0 && x < 0, d);
    }

    @Test
    void claimsDefinedEverywhereSayNothingAboutTheDomain() {
        for (String claim : new String[] {"sin(x)^2 + cos(x)^2 = 1", "d/dx x^3 = 3*x^2", "tan(x) = sin(x)/cos(x)", "x*y = y*x", "d/dx log(cos(x)) = -tan(x)"}) {
            Check c = check(claim);
            assertTrue(c.holds(), c.toString());
            assertTrue(c.domain().isEmpty(), c.toString());
        }
        // and a false claim is refuted, not restricted
        Check wrong = check("sqrt(x^2) = x");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, wrong.verdict());
        assertTrue(wrong.domain().isEmpty());
    }
}
