package dotbar.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalesTest {

    @Test
    void linearAndLogScalesMapEndsToEndDots() {
        var s = new Scale(-2, 2, false, 101, false);
        assertEquals(0, s.toDot(-2), 1e-12);
        assertEquals(50, s.toDot(0), 1e-12);
        assertEquals(100, s.toDot(2), 1e-12);
        assertEquals(1.0, s.fromDot(75), 1e-12);
        var f = new Scale(-2, 2, false, 101, true);
        assertEquals(100, f.toDot(-2), 1e-12);
        assertEquals(-1.0, f.fromDot(75), 1e-12);
        var log = new Scale(1e-4, 1, true, 9, true);
        assertEquals(0, log.toDot(1), 1e-12);
        assertEquals(2, log.toDot(0.1), 1e-12);  // one decade of four is two dots of eight
        assertEquals(8, log.toDot(1e-4), 1e-12);
        assertEquals(0.01, log.fromDot(4), 1e-15);
        assertTrue(Double.isNaN(log.toDot(0)));
        assertTrue(Double.isNaN(log.toDot(-1)));
        assertTrue(Double.isNaN(s.toDot(Double.NaN)));
        assertTrue(Double.isNaN(s.toDot(Double.POSITIVE_INFINITY)));
    }

    @Test
    void ticksAreOneTwoFiveMultiples() {
        assertEquals(List.of(-2.0, -1.0, 0.0, 1.0, 2.0), Ticks.linear(-2, 2, 5));
        assertEquals(List.of(-2.0, 0.0, 2.0), Ticks.linear(-2, 2, 4));
        assertEquals(List.of(0.0, 0.5, 1.0), Ticks.linear(0, 1, 5));
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), Ticks.linear(0, 1, 6));
        assertEquals(List.of(-1.0, 0.0, 1.0, 2.0, 3.0), Ticks.linear(-1.3, 3.2, 8));  // 0.5 would give 9
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), Ticks.log(5e-5, 3, 8));
        assertEquals(List.of(1e-12, 1e-9, 1e-6, 1e-3, 1.0), Ticks.log(1e-12, 1, 5));
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0), Ticks.log(1.5, 9, 4));  // less than a decade: linear ticks
    }

    @Test
    void tickLabelsAndNumbersAreShort() {
        assertEquals(List.of("-2", "-1", "0", "1", "2"), Ticks.labels(Ticks.linear(-2, 2, 5), false));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), Ticks.labels(Ticks.linear(0, 1, 6), false));
        assertEquals(List.of("1e-4", "0.001", "0.01", "0.1", "1"), Ticks.labels(Ticks.log(1e-4, 1, 8), true));
        assertEquals("2500", Format.number(2500, 3));
        assertEquals("0.0312", Format.number(0.03123, 3));
        assertEquals("3.12e-4", Format.number(3.1234e-4, 3));
        assertEquals("1.23e6", Format.number(1234567, 3));
        assertEquals("-1.5", Format.number(-1.5, 3));
        assertEquals("0", Format.number(0, 3));
        assertEquals("NaN", Format.number(Double.NaN, 3));
        assertEquals("∞", Format.number(Double.POSITIVE_INFINITY, 3));
        assertEquals("1.5", Format.tick(1.5, 0.5));
        assertEquals("1200", Format.tick(1200, 200));
        assertEquals("0", Format.tick(1e-17, 0.1));
    }

    @Test
    void clippingKeepsTheInsidePart() {
        assertArrayEquals(new double[]{0, 0.5, 1, 0.5}, Clip.segment(-1, 0.5, 2, 0.5, 0, 1, 0, 1), 1e-12);
        assertArrayEquals(new double[]{0.25, 0.25, 0.75, 0.75}, Clip.segment(0.25, 0.25, 0.75, 0.75, 0, 1, 0, 1), 1e-12);
        assertNull(Clip.segment(2, 2, 3, 3, 0, 1, 0, 1));
        assertNull(Clip.segment(0, 0, Double.NaN, 1, 0, 1, 0, 1));
        double[] far = Clip.segment(0.5, 0.5, 1e300, 1e300, 0, 1, 0, 1);
        assertArrayEquals(new double[]{0.5, 0.5, 1, 1}, far, 1e-12);
    }
}
