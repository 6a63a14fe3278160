package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Expr;
import dotbar.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionPlotTest {
    private final Sym x = sym("x");

    @AfterEach
    void restoreSettings() {
        Plot.setColumns(80);
        Plot.setRows(0);
        Plot.setColor(false);
        Terminal.environment = System::getenv;
    }

    @Test
    void axesAndTickLabelsForAKnownRange() {
        // y = x on [−2, 2], 60 columns, 12 rows. By hand: y ticks −2, 0, 2 (≤ 12/3 = 4 ticks), so the
        // margin is 2 + 2 = 4 and the body 60 − 4 − 2 = 54 cells = 108 × 48 dots. A value v sits at dot
        // (v + 2)/4 · 107 across and (2 − v)/4 · 47 down; a cell is 2 dots wide and 4 tall.
        var pic = Picture.of(plot(x, "x", -2, 2).size(60, 12).render());
        assertEquals(12, pic.rows());
        assertEquals(54, pic.columns());
        assertEquals(3, pic.axisColumn());
        assertEquals("2", pic.leftLabel(0));     // 2 → dot 0 → row 0
        assertEquals("0", pic.leftLabel(6));     // 0 → dot 23.5 → 24 → row 6
        assertEquals("-2", pic.leftLabel(11));   // −2 → dot 47 → row 11
        for (int r : new int[]{1, 2, 3, 4, 5, 7, 8, 9, 10}) assertEquals("", pic.leftLabel(r));
        // x ticks −2 … 2 (≤ 54/8 = 6): dots 0, 26.75, 53.5, 80.25, 107 → cells 0, 13, 27, 40, 53
        String axis = pic.axis();
        int[] cells = {0, 13, 27, 40, 53};
        for (int c : cells) assertEquals('┬', axis.charAt(4 + c), "tick at cell " + c);
        assertEquals(5, axis.chars().filter(ch -> ch == '┬').count());
        String labels = pic.tickLabels();
        assertEquals("-2", labels.substring(3, 5));    // centred: starts at 4 + 0 − 1
        assertEquals("-1", labels.substring(16, 18));
        assertEquals("0", labels.substring(31, 32));
        assertEquals("1", labels.substring(44, 45));
        assertEquals("2", labels.substring(57, 58));
        assertEquals("x", pic.lines().get(pic.axisLine() + 2).strip());
        assertTrue(pic.lines().get(0).contains("y = x"));
        // the line runs from the bottom-left dot to the top-right dot
        assertTrue(pic.dot(0, 47));
        assertTrue(pic.dot(107, 0));
    }

    @Test
    void aParabolaHasItsMinimumAtTheBottomOfTheCentreColumn() {
        // y = x² on [−2, 2]: y ticks 0, 2, 4, margin 3, body 55 cells = 110 × 48 dots. Dot column px is
        // x = −2 + 4·px/109; y is at dot row 47 − y/4·47. The bottom dot row holds y < 4/47/2, i.e.
        // |x| < 0.21, which is |px − 54.5| < 5.7; the top dot row holds y > 4 − 4/47/2: only the ends.
        var pic = Picture.of(plot(x.pow(2), "x", -2, 2).size(60, 12).render());
        assertEquals(55, pic.columns());
        assertEquals("0", pic.leftLabel(pic.rows() - 1));
        assertEquals("4", pic.leftLabel(0));
        int lit = 0;
        for (int px = 0; px < 110; px++) {
            if (pic.dot(px, 47)) {
                lit++;
                assertTrue(Math.abs(px - 54.5) < 6, "bottom dot row lit at " + px);
            }
            if (pic.dot(px, 0)) assertTrue(px <= 1 || px >= 108, "top dot row lit at " + px);
        }
        assertTrue(lit >= 2);
        assertTrue(pic.dot(54, 47) && pic.dot(55, 47), "the two centre dot columns touch the bottom");
        assertTrue(pic.dot(0, 0) && pic.dot(109, 0), "x = ±2 touch the top");
        // going out from the centre, the curve only climbs: the highest lit dot of each column rises
        int previous = Integer.MAX_VALUE;
        for (int px = 55; px < 110; px++) {
            int top = topDot(pic, px);
            assertTrue(top <= previous, "dot column " + px);
            previous = top;
        }
    }

    private static int topDot(Picture pic, int px) {
        for (int py = 0; py < pic.rows() * 4; py++) if (pic.dot(px, py)) return py;
        return Integer.MAX_VALUE;
    }

    @Test
    void nanOnPartOfTheRangeLeavesAGap() {
        // √x on [−1, 1]: NaN left of 0. Ticks 0, 0.5, 1 → margin 5, body 53 cells = 106 dots;
        // dot px is x = −1 + 2·px/105 < 0 up to px = 52, i.e. cells 0 … 25 stay empty
        String text = plot(sqrt(x), "x", -1, 1).size(60, 12).render();
        var pic = Picture.of(text);
        for (int r = 0; r < pic.rows(); r++) {
            for (int c = 0; c <= 25; c++) assertFalse(pic.inked(c, r), "cell " + c + " row " + r);
        }
        assertTrue(pic.inked(pic.columns() - 1, 0));  // √1 = 1 at the top right
        assertTrue(text.contains("is NaN or infinite on part of the range: gaps"), text);
    }

    @Test
    void aFunctionWithNoFiniteValueSaysSo() {
        String text = plot(sqrt(x), "x", -2, -1).size(40, 6).render();
        var pic = Picture.of(text);
        for (int r = 0; r < pic.rows(); r++) for (int c = 0; c < pic.columns(); c++) assertFalse(pic.inked(c, r));
        assertTrue(text.contains("has no finite value on [-2, -1]"), text);
        // log(0) = −∞ and 1/0 = ∞ at single samples are gaps, not errors
        assertDoesNotThrow(() -> plot(log(abs(x)), x.pow(-1), "x", -1, 1).render());
    }

    @Test
    void severalFunctionsGetMarkersAndALegend() {
        String text = plot(sin(x), cos(x), "x", -3, 3).size(70, 10).render();
        var pic = Picture.of(text);
        assertNotNull(pic.find('•'), "sin's marker on its line");
        assertNotNull(pic.find('+'), "cos's marker on its line");
        assertTrue(text.contains("• " + sin(x)));
        assertTrue(text.contains("+ " + cos(x)));
        assertEquals(text, plot(List.of(parse("sin(x)"), parse("cos(x)")), "x", -3, 3).size(70, 10).render());
        assertEquals(plot(x.pow(2), "x", -1, 1).render(), plot("x^2", "x", -1, 1).render());
        // the list form and three at once
        assertTrue(plot(List.<Expr>of(x, x.pow(2), x.pow(3)), "x", -1, 1).size(50, 8).render().contains("x " + x.pow(3)));
        assertTrue(plot(x, x.neg(), x.times(2), "x", -1, 1).size(50, 8).render().contains("x " + x.times(2)));
    }

    @Test
    void coloursOnlyWhenSwitchedOnAndNoColorUnset() {
        var p = plot(sin(x), cos(x), "x", -3, 3).size(50, 8);
        assertFalse(p.render().contains("\u001b["), "off by default");
        Plot.setColor(true);
        Terminal.environment = name -> null;
        String coloured = p.render();
        assertTrue(coloured.contains("\u001b[34m") && coloured.contains("\u001b[31m"), "blue sin, red cos");
        Terminal.environment = name -> name.equals("NO_COLOR") ? "1" : null;
        assertFalse(p.render().contains("\u001b["), "NO_COLOR wins");
        assertFalse(Plot.colorEnabled());
    }

    @Test
    void widthComesFromTheSharedSettingAndTooNarrowSaysSo() {
        var p = plot(x, "x", 0, 1);
        Plot.setColumns(50);
        assertTrue(p.render().lines().allMatch(l -> l.length() <= 50), p.render());
        Plot.setColumns(29);
        assertEquals("(the terminal is 29 columns wide; a plot needs at least 30)\n", p.render());
        assertEquals(p.render(), p.toString());
        Plot.setColumns(30);
        assertNotNull(Picture.of(p.render()));
        Plot.setColumns(80);
        Plot.setRows(14);  // a short terminal: the body shrinks to fit the screen with its axes
        assertEquals(6, Picture.of(p.render()).rows());
    }

    @Test
    void aTwentyThousandDeepChainPlotsWithoutRecursion() {
        Expr e = x;
        for (int i = 0; i < 20_000; i++) e = sin(e).plus(x);
        var pic = Picture.of(plot(e, "x", 0, 1).ylim(0, 2).size(34, 4).render());
        assertEquals(4, pic.rows());
    }
}
