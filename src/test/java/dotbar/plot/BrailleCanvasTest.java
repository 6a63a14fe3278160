package dotbar.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrailleCanvasTest {

    @Test
    void eachDotOfACellHasItsUnicodeBit() {
        // the Unicode braille chart: dots 1,2,3,7 down the left column, 4,5,6,8 down the right
        int[][] expected = {{0x2801, 0x2808}, {0x2802, 0x2810}, {0x2804, 0x2820}, {0x2840, 0x2880}};
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 2; col++) {
                var c = new BrailleCanvas(1, 1);
                c.dot(col, row, 0);
                assertEquals((char) expected[row][col], c.charAt(0, 0), "dot (" + col + ", " + row + ")");
            }
        }
    }

    @Test
    void dotsLandInTheirCells() {
        var c = new BrailleCanvas(3, 2);
        c.dot(0, 0, 0);   // cell (0,0), dot 1
        c.dot(3, 5, 0);   // cell (1,1), right column, second row: dot 5
        c.dot(5, 7, 0);   // cell (2,1), right column, bottom row: dot 8
        c.dot(6, 0, 0);   // off the canvas: ignored
        c.dot(-1, 2, 0);
        assertEquals('⠁', c.charAt(0, 0));
        assertEquals('⠐', c.charAt(1, 1));
        assertEquals('⢀', c.charAt(2, 1));
        assertEquals(BrailleCanvas.BLANK, c.charAt(1, 0));
        assertTrue(c.isLit(3, 5));
        assertFalse(c.isLit(2, 5));
        assertEquals(List.of("⠁⠀⠀", "⠀⠐⢀"), c.rows(null));
    }

    @Test
    void horizontalAndDiagonalLines() {
        var c = new BrailleCanvas(2, 1);
        c.line(0, 0, 3, 0, 0);
        assertEquals(List.of("⠉⠉"), c.rows(null));  // dots 1 and 4 in both cells
        var d = new BrailleCanvas(2, 1);
        d.line(0, 0, 3, 3, 0);
        // (0,0),(1,1) in cell 0: dots 1 and 5; (2,2),(3,3) in cell 1: dots 3 and 8
        assertEquals(List.of("⠑⢄"), d.rows(null));
    }

    @Test
    void walkVisitsBothEndsAndEveryStepOnce() {
        var seen = new ArrayList<int[]>();
        BrailleCanvas.walk(5, 1, 0, 3, (x, y) -> seen.add(new int[]{x, y}));
        assertArrayEquals(new int[]{5, 1}, seen.get(0));
        assertArrayEquals(new int[]{0, 3}, seen.get(seen.size() - 1));
        assertEquals(6, seen.size());  // a shallow line takes one dot per column
        for (int i = 1; i < seen.size(); i++) {
            assertEquals(-1, seen.get(i)[0] - seen.get(i - 1)[0]);
            assertTrue(Math.abs(seen.get(i)[1] - seen.get(i - 1)[1]) <= 1);
        }
    }

    @Test
    void markersHideDotsAndColoursWrapRuns() {
        var c = new BrailleCanvas(3, 1);
        c.dot(0, 0, 0);
        c.dot(2, 0, 0);
        c.mark(2, 0, '•', 1);
        c.mark(7, 0, 'x', 1);  // off the canvas
        assertEquals('•', c.charAt(2, 0));
        assertEquals(List.of("⠁⠁•"), c.rows(null));
        String coloured = c.rows(Palette.INSTANCE).get(0);
        assertEquals("\u001b[34m⠁⠁\u001b[0m\u001b[31m•\u001b[0m", coloured);
        assertEquals(-1, new BrailleCanvas(1, 1).styleAt(0, 0));
    }
}
