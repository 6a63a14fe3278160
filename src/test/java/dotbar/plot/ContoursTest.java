package dotbar.plot;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ContoursTest {

    @Test
    void aPlaneGivesAStraightLineWhereItCrossesTheLevel() {
        // z = i (grows along columns): the level 1.25 is the vertical line i = 1.25 through every row
        double[][] z = new double[4][4];
        for (int j = 0; j < 4; j++) for (int i = 0; i < 4; i++) z[j][i] = i;
        var segs = Contours.segments(z, 1.25);
        assertEquals(3, segs.size());  // one per row of squares in column 1
        for (double[] s : segs) {
            assertEquals(1.25, s[0], 1e-12);
            assertEquals(1.25, s[2], 1e-12);
            assertEquals(1, Math.abs(s[3] - s[1]), 1e-12);
        }
    }

    @Test
    void aCircleLevelSetLiesOnTheCircle() {
        // z = (i−10)² + (j−10)² on a 21×21 grid, level 36: crossings within linear-interpolation error of radius 6
        int n = 21;
        double[][] z = new double[n][n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) z[j][i] = (i - 10) * (i - 10) + (j - 10) * (j - 10);
        var segs = Contours.segments(z, 36);
        assertTrue(segs.size() >= 24, "a closed ring of segments, got " + segs.size());
        for (double[] s : segs) {
            for (int k = 0; k < 4; k += 2) {
                double r = Math.hypot(s[k] - 10, s[k + 1] - 10);
                assertEquals(6, r, 0.1, "crossing at (" + s[k] + ", " + s[k + 1] + ")");
            }
        }
        // every endpoint is shared by exactly two segments: the ring is closed
        for (double[] s : segs) {
            for (int k = 0; k < 4; k += 2) {
                int uses = 0;
                for (double[] t : segs) {
                    if (near(s[k], s[k + 1], t[0], t[1]) || near(s[k], s[k + 1], t[2], t[3])) uses++;
                }
                assertEquals(2, uses);
            }
        }
    }

    private static boolean near(double a, double b, double c, double d) {
        return Math.abs(a - c) < 1e-9 && Math.abs(b - d) < 1e-9;
    }

    @Test
    void aSaddleIsResolvedByTheCentre() {
        // corners 00 and 11 high, 10 and 01 low; the centre 0.6 ≥ 0.5 joins the high corners,
        // so the segments cut off the low corners 10 (top right) and 01 (bottom left)
        double[][] z = {{1, 0.2}, {0.2, 1}};
        var segs = Contours.segments(z, 0.5);
        assertEquals(2, segs.size());
        double t = (0.5 - 1) / (0.2 - 1);  // where 0.5 lies between 1 and 0.2
        assertArrayEquals(new double[]{t, 0, 1, 1 - t}, segs.get(0), 1e-12);
        assertArrayEquals(new double[]{1 - t, 1, 0, t}, segs.get(1), 1e-12);
        double[][] low = {{1, 0}, {0, 1}};  // centre 0.5 at level 0.7: low, so the high corners are cut off
        var cut = Contours.segments(low, 0.7);
        assertArrayEquals(new double[]{0.3, 0, 0, 0.3}, cut.get(0), 1e-12);
        assertArrayEquals(new double[]{1, 0.7, 0.7, 1}, cut.get(1), 1e-12);
    }

    @Test
    void squaresWithANonFiniteCornerAreLeftOut() {
        double[][] z = {{0, 1, 2}, {0, Double.NaN, 2}, {0, 1, 2}};
        assertTrue(Contours.segments(z, 0.5).isEmpty());
        double[][] w = {{0, 1, 2}, {0, 1, 2}, {Double.POSITIVE_INFINITY, 1, 2}};
        // level 0.5 crosses the left column of squares; the lower one has the ∞ corner and is left out
        assertEquals(1, Contours.segments(w, 0.5).size());
        assertEquals(2, Contours.segments(w, 1.5).size());
    }

    @Test
    void levelsAreLinearForABowlAndLogForAValley() {
        int n = 51;
        double[] bowl = new double[n * n], valley = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = -1 + 2.0 * i / (n - 1), y = -1 + 2.0 * j / (n - 1);
                bowl[j * n + i] = x * x + y * y;
                double rx = -2 + 4.0 * i / (n - 1), ry = -1 + 4.0 * j / (n - 1);
                valley[j * n + i] = (1 - rx) * (1 - rx) + 100 * (ry - rx * rx) * (ry - rx * rx);
            }
        }
        Levels linear = Levels.choose(bowl, 10, null);
        assertFalse(linear.log());
        assertArrayEquals(new double[]{0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8}, linear.values(), 1e-12);
        Levels log = Levels.choose(valley, 10, null);
        assertTrue(log.log());
        // the 1–3–10 sequence below Rosenbrock's highest corner (x, y) = (−2, −1): 9 + 100·25 = 2509
        double[] v = log.values();
        assertEquals(1000, v[v.length - 1], 1e-9);
        assertTrue(v[0] <= 1 && v.length >= 7 && v.length <= 10, log.toString());
        for (int k = 0; k < v.length; k++) {
            double mantissa = v[k] / Math.pow(10, Math.floor(Math.log10(v[k]) + 1e-12));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 3) < 1e-9, "level " + v[k]);
            if (k > 0) assertTrue(v[k] > v[k - 1]);
        }
        Levels fixed = new Levels(new double[]{1, 3, 10}, true);
        assertEquals(0, fixed.band(0.5));
        assertEquals(1, fixed.band(1));
        assertEquals(2, fixed.band(5));
        assertEquals(3, fixed.band(5000));
        assertEquals(-1, fixed.band(Double.NaN));
        assertEquals(-1, log.band(Double.NaN));
        assertEquals(0, Levels.choose(new double[]{2, 2, 2}, 10, null).values().length);
        assertEquals(0, Levels.choose(new double[]{Double.NaN}, 10, null).values().length);
    }
}
