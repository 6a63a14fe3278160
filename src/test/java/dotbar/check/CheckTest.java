package dotbar.check;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Point;
import dotbar.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckTest {
    @Test
    void aHandDerivationThatSimplifies() {
        Check c = check("d/dx x^2*sin(x) = 2*x*sin(x) + x^2*cos(x)");
        assertTrue(c.holds(), c.toString());
        assertEquals(Check.Verdict.SIMPLIFIED, c.verdict());
        assertTrue(c.toString().contains("equal after simplification"), c.toString());
        assertTrue(c.toString().startsWith("✓ holds: d/dx (x²·sin(x))"), c.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "d/dx x^3 = 3*x^2; true",
            "d/dx x^3 = 3*x; false",
            "∂/∂a a*b + sin(c) = b; true",
            "∂/∂c a*b + sin(c) = cos(c); true",
            "∂/∂c a*b + sin(c) = -cos(c); false",
            "d²/dx² x^3 = 6*x; true",
            "d^2/dx^2 x^3 = 6*x; true",
            "∂²/∂x∂y x^2*y^3 = 6*x*y^2; true",
            "d/dx sigmoid(x) = sigmoid(x)*(1 - sigmoid(x)); true",
            "d/dx tanh(x) = 1/cosh(x)^2; true",
            "d/dx relu(x) = step(x); true",
            "d/dx(x^2) = 2*x; true",
            "sin(x)^2 + cos(x)^2 = 1; true",
            "2 + 2 = 5; false",
    })
    void verdicts(String equation, boolean holds) {
        Check c = check(equation);
        assertEquals(holds, c.holds(), c.toString());
    }

    @Test
    void equalAtRandomPointsSaysHowManyAndTheLargestError() {
        Check c = check("sin(x)^2 + cos(x)^2 = 1");
        assertEquals(Check.Verdict.RANDOM_POINTS, c.verdict());
        assertEquals(Check.POINTS, c.points());
        assertTrue(c.largestRelativeError() < 1e-14, c.toString());
        assertTrue(c.reason().contains("200 random points") && c.reason().contains("largest relative error"), c.reason());
        // the same check twice gives the same answer: the points come from a fixed seed
        assertEquals(c.toString(), check("sin(x)^2 + cos(x)^2 = 1").toString());
    }

    @Test
    void aCounterexampleComesWithBothValues() {
        Check c = check("d/dx x^3 = 3*x");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict());
        Point p = c.counterexample().orElseThrow();
        double x = p.get("x"), left = 3 * x * x, right = 3 * x;
        assertTrue(Math.abs(left - right) > 1e-6);
        // 12 significant digits: 3·2.855² prints as 24.453075, not 24.453075000000002
        String l = dotbar.print.TextTable.number(left, 12), r = dotbar.print.TextTable.number(right, 12);
        assertTrue(c.reason().contains("the left side is " + l + " and the right side " + r), c.reason());
        assertTrue(Math.abs(Double.parseDouble(l) - left) <= 1e-11 * Math.abs(left), l);
    }

    @Test
    void whereOnlyOneSideIsDefinedItSaysSo() {
        Check c = check("log(x^2) = 2*log(x)");
        assertTrue(c.holds());
        assertTrue(c.reason().contains("only one side is defined"), c.reason());
    }

    @Test
    void undecidedWhenNoPointHasBothSidesDefined() {
        declare("q(u)");
        Check abs = check(parse("q(x)"), parse("q(x)*2 - q(x)"));
        assertTrue(abs.holds(), "simplification needs no values: " + abs);
        // an abstract function is decided by identity testing now (VerdictsTest): q(x) = q(x)² is refuted
        Check c = check(parse("q(x)"), parse("q(x)^2"));
        assertFalse(c.holds());
        assertEquals(Check.Verdict.COUNTEREXAMPLE, c.verdict());
        assertTrue(c.reason().contains("q(x) = "), c.reason());
        Check none = check("sqrt(-1 - x^2) = 1");
        assertEquals(Check.Verdict.UNDECIDED, none.verdict());
    }

    @Test
    void twoExpressions() {
        assertTrue(check(parse("2*x"), parse("x+x")).holds());
        assertFalse(check(parse("2*x"), parse("x*x")).holds());
    }

    @Test
    void unparseableSidesNameTheColumnInTheWholeEquation() {
        // "x^^2" alone fails at its column 3; after "d/dx " that is column 8
        int alone = assertThrows(ParseException.class, () -> parse("x^^2")).column();
        var left = assertThrows(ParseException.class, () -> check("d/dx x^^2 = 2*x"));
        assertEquals(alone + 5, left.column());
        assertTrue(left.getMessage().contains("at column " + (alone + 5) + "\nd/dx x^^2 = 2*x\n"), left.getMessage());
        var right = assertThrows(ParseException.class, () -> check("d/dx x^2 = 2*x +"));
        assertEquals(17, right.column());
        assertTrue(right.getMessage().endsWith(" ".repeat(16) + "^"), right.getMessage());
        assertEquals(11, assertThrows(ParseException.class, () -> check("d/dx x^2 == 2")).column());
        assertTrue(assertThrows(ParseException.class, () -> check("x^2")).getMessage().contains("no '='"));
        assertTrue(assertThrows(ParseException.class, () -> check("x = ")).getMessage().contains("right side"));
        assertTrue(assertThrows(ParseException.class, () -> check("∂³/∂x∂y x*y = 1")).getMessage().contains("order"));
    }
}
