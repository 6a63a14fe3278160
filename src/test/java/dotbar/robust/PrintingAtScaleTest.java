package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.print.LatexPrinter;
import dotbar.print.TextTable;
import dotbar.print.UnicodePrinter;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Printing is linear in the size of the text: inputs on which the old quadratic printers took
 * minutes (a 300 000-term left-deep sum: ~2 min; a 10⁶-letter name in LaTeX: 283 s) must finish
 * under a deadline of a minute, generous for linear work (well under a second on a quiet
 * machine; the speed itself is measured by {@code dotbar.bench.ScalingBench}). A table's long
 * cell no longer pads every row to its width.
 */
class PrintingAtScaleTest {
    private static final int TERMS = 300_000;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void leftDeepSumsDifferencesAndProductsPrintInLinearTime() {
        Expr sum = sym("x0"), difference = sym("x0"), product = sym("x0");
        for (int i = 1; i < TERMS; i++) {
            Expr s = sym("x" + (i % 100));
            sum = sum.plus(num(i).times(s));
            difference = difference.minus(s);
            product = product.times(s);
        }
        Expr a = sum, b = difference, c = product;
        String text = assertTimeoutPreemptively(DEADLINE, () -> UnicodePrinter.print(a, Integer.MAX_VALUE));
        assertTrue(text.startsWith("x0 + x1 + 2·x2 + 3·x3"), text.substring(0, 40));
        assertTrue(text.endsWith(" + 299999·x99"), text.substring(text.length() - 40));
        String minus = assertTimeoutPreemptively(DEADLINE, () -> UnicodePrinter.print(b, Integer.MAX_VALUE));
        assertTrue(minus.startsWith("x0 - x1 - x2"), minus.substring(0, 40));
        String latex = assertTimeoutPreemptively(DEADLINE, () -> LatexPrinter.print(c, Integer.MAX_VALUE));
        assertTrue(latex.startsWith("x_{0} \\cdot x_{1} \\cdot x_{2}"), latex.substring(0, 40));
        assertEquals(TERMS - 1, latex.split(" \\\\cdot ", -1).length - 1);
    }

    @Test
    void aMillionLetterNameInLatexIsLinear() {
        String name = "a".repeat(1_000_000);
        String latex = assertTimeoutPreemptively(DEADLINE, () -> latex(sym(name)));
        assertEquals("\\mathrm{" + name + "}", latex);
        assertEquals("\\alpha b", latex(sym("αb")).replace("\\mathrm{", "").replace("}", ""), "a command before a letter still gets its space");
    }

    @Test
    void oneLongCellDoesNotPadEveryRow() {
        var t = new TextTable("node", "definition", "value");
        t.row("big", "y".repeat(100_000), 1.5);
        for (int i = 0; i < 20_000; i++) t.row("t" + i, "x·" + i, i);
        String text = t.toString();
        assertTrue(text.length() < 100_000 + 20_001 * 60, text.length() + " characters");
        assertTrue(text.contains("\nt7      x·7 "), "short cells still line up under the widest short one (t19999)");
    }
}
