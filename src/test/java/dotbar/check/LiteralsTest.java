package dotbar.check;

import static dotbar.DotBar.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

/** Typed decimals compared as the numbers they read as, though construction folds them to doubles. */
class LiteralsTest {
    @Test
    void aFoldedPowerOfADecimalIsComparedExactly() {
        // mpmath (mp.dps = 50): 0.99^100 = 0.36603234127322950493061602657251738618971207663892
        Check wrong = check("0.99^100 = 0.366032341273229");
        assertEquals(Check.Verdict.COUNTEREXAMPLE, wrong.verdict(), wrong.toString());
        assertTrue(wrong.reason().contains("not equal: the left side is 0.366032341273229505 and the right side 0.366032341273229"), wrong.reason());
        Check right = check("0.99^100 = 0.36603234127322950493061602657251738618971207663892");
        assertTrue(right.holds(), right.toString());
        assertTrue(check("0.99^100*x = 0.99^50*0.99^50*x").holds());
        assertTrue(check("0.1 + 0.2 = 0.3").holds());
        assertEquals(Check.Verdict.COUNTEREXAMPLE, check("d/dx 1.1^2*x = 1.2100000000000002").verdict());
    }

    @Test
    void theStandInsAreTheLiteralsAndNothingElse() {
        var read = Literals.of("d/dx x2*0.5 + 1e-9*y + .25 = 3 + 2.5E3");
        var exact = read.literals().exact();
        assertEquals(4, exact.size(), exact.toString());
        assertTrue(exact.containsValue(new BigDecimal("0.5")) && exact.containsValue(new BigDecimal("1e-9"))
                && exact.containsValue(new BigDecimal("0.25")) && exact.containsValue(new BigDecimal("2.5E3")), exact.toString());
        assertEquals(java.util.List.of("x"), read.claim().by());
        assertNull(Literals.of("d/dx x^2 = 2*x"), "integers are exact already");
    }
}
