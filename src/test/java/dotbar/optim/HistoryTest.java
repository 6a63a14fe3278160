package dotbar.optim;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bounded memory: a long run is thinned to every 2ᵏ-th step, keeping the start and the latest. */
class HistoryTest {
    private static void run(History h, long from, long to) {
        for (long t = from; t <= to; t++) h.add(t, 1.0 / (t + 1), new double[]{t, -t}, t);
    }

    @Test
    void longRunsAreThinnedKeepingStartAndLatest() {
        History h = new History(List.of("x", "y"), 8, false);
        run(h, 0, 5);
        History early = h.snapshot();
        run(h, 6, 100);
        long[] steps = h.steps();
        assertTrue(h.size() <= 8, Arrays.toString(steps));
        assertEquals(0, steps[0]);
        assertEquals(100, steps[steps.length - 1]);
        long stride = steps[1];
        assertTrue(Long.bitCount(stride) == 1 && stride > 1, "a power of two: " + stride);
        for (int i = 1; i < steps.length - 1; i++) assertEquals(i * stride, steps[i], Arrays.toString(steps));
        assertEquals(100, h.last().at().get("x"));
        assertEquals(-100, h.last().at().get("y"));
        assertEquals(1.0 / 101, h.last().loss());
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 5}, early.steps(), "a snapshot survives thinning");
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, early.column("x"));
    }

    @Test
    void theLatestOffStrideRowIsReplacedNotAppended() {
        History h = new History(List.of("x"), 4, false);
        run(h, 0, 4);                        // 5 rows > 4: thinned to steps 0, 2, 4 (stride 2)
        assertArrayEquals(new long[]{0, 2, 4}, h.steps());
        run(h, 5, 5);
        History snap = h.snapshot();
        run(h, 6, 6);                        // 5 is off the stride: 6 replaces it
        assertArrayEquals(new long[]{0, 2, 4, 6}, h.steps());
        assertArrayEquals(new long[]{0, 2, 4, 5}, snap.steps(), "the snapshot keeps its row 5");
        run(h, 7, 7);                        // appended: 5 rows > 4, thinned to stride 4
        assertArrayEquals(new long[]{0, 4, 7}, h.steps());
    }

    /** Reserving rows for a run changes nothing a reader sees: the same rows as growing one by one, and a snapshot keeps its own. */
    @Test
    void reservingRowsChangesNothingButTheAllocation() {
        History grown = new History(List.of("x", "y"), 8, false), reserved = new History(List.of("x", "y"), 8, false);
        run(grown, 0, 3);
        run(reserved, 0, 3);
        History snap = reserved.snapshot();
        reserved.reserve(1_000_000);          // more than the capacity: only capacity + 1 rows
        run(grown, 4, 100);
        run(reserved, 4, 100);
        assertArrayEquals(grown.steps(), reserved.steps());
        assertArrayEquals(grown.column("x"), reserved.column("x"));
        assertArrayEquals(grown.losses(), reserved.losses());
        assertArrayEquals(new long[]{0, 1, 2, 3}, snap.steps(), "the snapshot keeps its rows");
        assertArrayEquals(new double[]{0, -1, -2, -3}, snap.column("y"));
    }
}
