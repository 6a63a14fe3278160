package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarsAndLossTest {

    @Test
    void linearBarsAreProportionalInEighthsOfACell() {
        // labels a, b, c: margin 3, body 40 − 3 − 2 = 35; values "4" "2" "1" take 1 + 1 columns, so bars
        // have 33 cells = 264 eighths for [0, 4]: 4 → 33 cells, 2 → 16½ cells (▌), 1 → 8¼ cells (▎)
        var pic = Picture.of(bars(List.of("a", "b", "c"), new double[]{4, 2, 1}).size(40, 5).render());
        assertEquals("█".repeat(33) + " 4", pic.body().get(0));
        assertEquals("█".repeat(16) + "▌" + " ".repeat(17) + "2", pic.body().get(1));
        assertEquals("█".repeat(8) + "▎" + " ".repeat(25) + "1", pic.body().get(2));
        assertEquals("a", pic.leftLabel(0));
        assertEquals("c", pic.leftLabel(2));
    }

    @Test
    void logBarsStartAtThePowerOfTenBelowTheSmallest() {
        // values 1, 0.1, 0.01 on [0.01, 1]: two decades over 35 − 5 = 30 cells, 15 cells a decade
        var pic = Picture.of(bars(List.of("a", "b", "c"), new double[]{1, 0.1, 0.01}).logScale().size(40, 5).render());
        assertEquals("█".repeat(30) + " 1", pic.body().get(0));
        assertEquals("█".repeat(15) + " ".repeat(16) + "0.1", pic.body().get(1));
        assertEquals(" ".repeat(31) + "0.01", pic.body().get(2));
        assertTrue(pic.tickLabels().contains("0.01") && pic.tickLabels().contains("0.1"));
    }

    @Test
    void negativeZeroAndNaNBars() {
        // [−1.5, 3] over 30 cells = 240 eighths: 0 is at eighth 80 (cell 10); −1.5 fills cells 0–9;
        // 0.2 is at eighth 90.7 → 91: one cell and 3/8 (▍) after the origin
        var pic = Picture.of(bars(List.of("a", "b", "c", "d"), new double[]{3, -1.5, 0.2, Double.NaN}).size(40, 6).render());
        assertEquals(" ".repeat(10) + "█".repeat(20) + " 3", pic.body().get(0));
        assertEquals("█".repeat(10) + " ".repeat(21) + "-1.5", pic.body().get(1));
        assertEquals(" ".repeat(10) + "█▍" + " ".repeat(19) + "0.2", pic.body().get(2));
        assertEquals(" ".repeat(31) + "NaN", pic.body().get(3));
        var log = bars(List.of("a", "b"), new double[]{0, 0.5}).logScale().size(40, 5).render();
        assertTrue(log.contains("values ≤ 0 have no bar"), log);
    }

    @Test
    void severalBarSeriesAreToldApartByFillAndLegend() {
        String text = bars(List.of("1", "2"), new double[]{0.25, 0.0625}).bars("relu", new double[]{1, 1})
                .logScale().title("|∂L/∂a|").size(50, 5).render();
        var pic = Picture.of(text);
        assertEquals(4, pic.rows());
        assertTrue(pic.body().get(1).startsWith("▒"), text);
        assertEquals("1", pic.leftLabel(0));
        assertEquals("", pic.leftLabel(1));
        assertEquals("2", pic.leftLabel(2));
        assertTrue(text.contains("▒ relu") && text.contains("|∂L/∂a|"), text);
    }

    @Test
    void theFirstBarSeriesCanBeNamedInTheLegend() {
        String text = bars(List.of("1", "2"), "sigmoid", new double[]{0.25, 0.0625}).bars("relu", new double[]{1, 1})
                .logScale().size(50, 5).render();
        var legend = text.lines().filter(l -> l.startsWith("  █") || l.startsWith("  ▒")).toList();
        assertEquals(List.of("  █ sigmoid", "  ▒ relu"), legend, text);
        String alone = bars(List.of("1", "2"), "sigmoid", new double[]{0.25, 0.0625}).size(50, 4).render();
        assertTrue(alone.contains("█ sigmoid"), alone);
        String unnamed = bars(List.of("1", "2"), new double[]{0.25, 0.0625}).size(50, 4).render();
        assertTrue(unnamed.lines().noneMatch(l -> l.startsWith("  █")), "a single unnamed series has no legend:\n" + unnamed);
    }

    @Test
    void aGeometricLossIsAStraightLineOnTheLogScale() {
        // losses 10⁻ᵗ, t = 0 … 4: ticks 1e-4, 0.01, 1 (every other decade, ≤ 12/3 = 4), margin 6,
        // body 52 cells = 104 × 48 dots; loss 10⁻ᵗ is at dot (t/4 · 103, t/4 · 47)
        String text = lossCurve("sgd", new double[]{1, 0.1, 0.01, 1e-3, 1e-4}).size(60, 12).render();
        var pic = Picture.of(text);
        assertEquals("1", pic.leftLabel(0));
        assertEquals("0.01", pic.leftLabel(6));  // dot 23.5 → 24
        assertEquals("1e-4", pic.leftLabel(11));
        assertTrue(pic.dot(0, 0) && pic.dot(103, 47));
        for (int px = 0; px < 104; px++) {
            for (int py = 0; py < 48; py++) {
                if (pic.dot(px, py)) assertEquals(px * 47.0 / 103, py, 1.0, "dot " + px + "," + py + " off the line");
            }
        }
        assertTrue(text.contains("sgd: 1 → 1e-4 after 4 steps"), text);
        assertTrue(pic.lines().get(0).startsWith("loss"));
        assertEquals("step", pic.lines().get(pic.axisLine() + 2).strip());
    }

    @Test
    void twoLossCurvesAndValuesTheLogScaleCannotShow() {
        String text = lossCurve("adam", new double[]{5, 1, 0.2, 0.05}).lossCurve("gd", new double[]{5, 2, 0, 1}).size(60, 10).render();
        assertTrue(text.contains("• adam") && text.contains("+ gd"), text);
        assertTrue(text.contains("gd has values ≤ 0, not shown on the log scale"), text);
        assertTrue(text.contains("gd: 5 → 1 after 3 steps, lowest 0 at step 2"), text);
    }
}
