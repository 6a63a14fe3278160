package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContourPlotTest {
    private final Sym x = sym("x"), y = sym("y");
    // a bowl with its minimum at (0.5, 0), a point of the 101×101 level grid
    private final Expr bowl = x.minus(0.5).pow(2).plus(y.pow(2));

    /*
     * Layout by hand for [−1, 1]², 60 columns, 16 rows: y ticks −1, −0.5, 0, 0.5, 1 (≤ 16/3 = 5),
     * margin 4 + 2 = 6, body 52 cells = 104 × 64 dots. (x, y) is at dot ((x + 1)/2 · 103, (1 − y)/2 · 63)
     * and in cell (dot x / 2, dot y / 4).
     */
    private static int cellX(double x) { return (int) Math.round((x + 1) / 2 * 103) / 2; }
    private static int cellY(double y) { return (int) Math.round((1 - y) / 2 * 63) / 4; }

    @Test
    void theMinimumOfABowlIsMarkedInItsCellInsideTheInnermostRing() {
        // level circles of radius 0.2 and 0.4 around the minimum
        String text = contour(bowl, "x", -1, 1, "y", -1, 1).size(60, 16).levels(0.04, 0.16).render();
        var pic = Picture.of(text);
        assertEquals(52, pic.columns());
        assertEquals(16, pic.rows());
        int c = cellX(0.5), r = cellY(0);
        assertEquals(38, c);  // dot 77.25
        assertEquals(8, r);   // dot 31.5 → 32
        assertEquals('*', pic.cell(c, r), text);
        assertTrue(text.contains("* lowest sample 0 at (x=0.5, y=0)"), text);
        // the nearest level line is as far to the left as to the right, and as far up as down (a circle)
        int left = 0, right = 0, up = 0, down = 0;
        while (!pic.inked(c - left - 1, r)) left++;
        while (!pic.inked(c + right + 1, r)) right++;
        while (!pic.inked(c, r - up - 1)) up++;
        while (!pic.inked(c, r + down + 1)) down++;
        assertTrue(Math.abs(left - right) <= 1 && Math.abs(up - down) <= 1, left + " " + right + " " + up + " " + down);
        // radius 0.2 is 0.2/(2/103) = 10.3 dots = 5.15 cells across and 0.2/(2/63) = 6.3 dots = 1.6 rows
        // down; the ring's cell is one beyond the blank ones counted
        assertEquals(5.15, (left + right) / 2.0 + 1, 1.0);
        assertEquals(1.6, (up + down) / 2.0 + 1, 1.0);
    }

    @Test
    void aPathPassesThroughTheCellsOfItsSegments() {
        var points = List.of(Point.of("x", -0.5, "y", -0.5), Point.of("x", 0.5, "y", 0.5));
        String text = contour(bowl, "x", -1, 1, "y", -1, 1).size(60, 16).path("gd", points).render();
        var pic = Picture.of(text);
        int c0 = cellX(-0.5), r0 = cellY(-0.5), c1 = cellX(0.5), r1 = cellY(0.5);
        assertEquals('•', pic.cell(c0, r0), text);
        assertEquals('•', pic.cell(c1, r1), text);
        // the middle (0, 0) is at dot (51.5, 31.5): cell 25 or 26, row 7 or 8
        boolean middle = false;
        for (int c = 25; c <= 26; c++) for (int r = 7; r <= 8; r++) middle |= pic.cell(c, r) == '•';
        assertTrue(middle, text);
        // every marked cell lies on the segment: within a cell of the straight line between the ends (in dots)
        int marked = 0;
        for (int r = 0; r < pic.rows(); r++) {
            for (int c = 0; c < pic.columns(); c++) {
                if (pic.cell(c, r) != '•') continue;
                marked++;
                double px = 2 * c + 0.5, py = 4 * r + 1.5;
                double ax = 25.75, ay = 47.25, bx = 77.25, by = 15.75;
                double dist = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / Math.hypot(bx - ax, by - ay);
                assertTrue(dist < 4, "cell " + c + "," + r + " is " + dist + " dots off the line");
            }
        }
        assertTrue(marked >= c1 - c0 + 1, "one cell per column at least: " + marked);
        assertTrue(text.contains("• gd: (x=-0.5, y=-0.5) → (x=0.5, y=0.5) in 1 step"), text);
    }

    @Test
    void twoPathsHaveTheirOwnMarkersAndAFarPointIsClipped() {
        var p = contour(bowl, "x", -1, 1, "y", -1, 1).size(60, 16)
                .path("adam", new double[]{-0.9, 0.5}, new double[]{0.9, -0.2})
                .path("sgd", List.of(Point.of("x", 0.9, "y", -0.9), Point.of("x", 1e300, "y", 1e300)));
        String text = p.render();
        var pic = Picture.of(text);
        assertEquals('•', pic.cell(cellX(-0.9), cellY(0.9)));
        assertEquals('+', pic.cell(cellX(0.9), cellY(-0.9)));
        assertTrue(text.contains("• adam:") && text.contains("+ sgd:"), text);
    }

    @Test
    void shadedBandsGoFromBlankAtTheBottomToFullBlocksOnTheWalls() {
        // x² + y² on [−1, 1]²: linear levels 0.2 … 1.8 (nine); a corner (≈ 1.9) is in the top band
        var pic = Picture.of(contour(x.pow(2).plus(y.pow(2)), "x", -1, 1, "y", -1, 1).size(60, 16).shaded().render());
        assertEquals('█', pic.cell(0, 0));
        assertEquals('█', pic.cell(pic.columns() - 1, pic.rows() - 1));
        assertEquals(' ', pic.cell(pic.columns() / 2 + 1, pic.rows() / 2));
    }

    @Test
    void logLevelsForAValleyAndExplicitLevels() {
        Expr rosenbrock = num(1).minus(x).pow(2).plus(num(100).times(y.minus(x.pow(2)).pow(2)));
        String text = contour(rosenbrock, "x", -2, 2, "y", -1, 3).size(60, 16).render();
        assertTrue(text.contains("levels (log): "), text);
        assertTrue(text.contains("* lowest sample 0 at (x=1, y=1)"), text);
        assertEquals(text, contour("(1-x)^2 + 100*(y-x^2)^2", "x", -2, 2, "y", -1, 3).size(60, 16).render(), "parsed the same");
        String mine = contour(rosenbrock, "x", -2, 2, "y", -1, 3).levels(5, 1, 50).render();
        assertTrue(mine.contains("levels: 1 5 50"), mine);
        assertTrue(contour(bowl, "x", -1, 1, "y", -1, 1).logLevels().render().contains("levels (log)"));
        assertTrue(contour(rosenbrock, "x", -2, 2, "y", -1, 3).linearLevels().levels(4).render().contains("levels: "));
    }
}
