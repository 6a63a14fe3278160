package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PlotInputTest {
    private final Sym x = sym("x"), y = sym("y");

    private static String error(Executable call) {
        return assertThrows(DotbarException.class, call).getMessage();
    }

    @Test
    void emptyReversedAndInfiniteRanges() {
        assertEquals("plot: the range of x [1, 1] is empty; give two different ends", error(() -> plot(x, "x", 1, 1)));
        assertEquals("plot: the range of x [2, -1] is reversed; give the smaller end first", error(() -> plot(x, "x", 2, -1)));
        assertEquals("plot: the range of x [0, ∞] is not finite", error(() -> plot(x, "x", 0, Double.POSITIVE_INFINITY)));
        assertEquals("plot: the range of x [NaN, 1] is not finite", error(() -> plot(x, "x", Double.NaN, 1)));
        assertEquals("contour: the range of y [3, -1] is reversed; give the smaller end first",
                error(() -> contour(x.plus(y), "x", -1, 1, "y", 3, -1)));
        assertEquals("contour: both axes are x; give two different variables", error(() -> contour(x, "x", 0, 1, "x", 0, 1)));
        assertTrue(error(() -> plot(x, "1x", 0, 1)).startsWith("not a symbol name: '1x'"));
    }

    @Test
    void freeSymbolsBesidesThePlotsVariablesAreNamed() {
        assertEquals("plot: x·y has the free symbol y besides x; give it a value first, e.g. e.subs(\"y\", 1)"
                .replace("x·y", x.times(y).toString()), error(() -> plot(x.times(y), "x", 0, 1)));
        var z = sym("z");
        assertTrue(error(() -> contour(x.times(y).times(z).plus(sym("a")), "x", 0, 1, "y", 0, 1))
                .contains("has the free symbols a, z besides x and y; give them a value first"));
        assertEquals("plot: no function to draw", error(() -> plot(List.of(), "x", 0, 1)));
        assertDoesNotThrow(() -> plot(num(3), "x", 0, 1).render(), "a constant is a flat line");
    }

    @Test
    void optionsCheckTheirInput() {
        var c = contour(x.pow(2).plus(y.pow(2)), "x", -1, 1, "y", -1, 1);
        assertEquals("levels: 0 levels; give 1 to 50", error(() -> c.levels(0)));
        assertEquals("levels: NaN is not a finite number", error(() -> c.levels(1, Double.NaN)));
        assertEquals("levels: no values", error(() -> c.levels(new double[0])));
        assertTrue(error(() -> c.logScale()).contains("use logLevels()"));
        assertTrue(error(() -> c.lossCurve("a", new double[]{1})).startsWith("lossCurve: adds to a loss plot"));
        var f = plot(x, "x", 0, 1);
        assertTrue(error(() -> f.levels(3)).startsWith("levels: sets contour levels, but this is a plot of x"));
        assertTrue(error(() -> f.shaded()).contains("sets contour levels"));
        assertEquals("ylim: the range of y [1, 0] is reversed; give the smaller end first", error(() -> f.ylim(1, 0)));
        assertEquals("ylim: a log scale needs lo > 0, got 0", error(() -> plot(x, "x", 0, 1).logScale().ylim(0, 1)));
        assertTrue(error(() -> plot(x, "x", 0, 1).ylim(-1, 1).logScale()).contains("a log scale needs lo > 0"));
        assertEquals("size: 20 columns is too narrow; a plot needs at least 30", error(() -> f.size(20, 10)));
        assertEquals("size: 2 rows; give 3 to 200", error(() -> f.size(40, 2)));
        var b = bars(List.of("a", "b"), new double[]{1, 2});
        assertEquals("bars: 3 values for 2 labels", error(() -> b.bars("more", new double[]{1, 2, 3})));
        assertEquals("bars: 1 values for 2 labels", error(() -> bars(List.of("a", "b"), new double[]{1})));
        assertEquals("bars: no labels", error(() -> bars(List.of(), new double[0])));
        assertTrue(error(() -> b.path("p", new double[]{1}, new double[]{1})).contains("not on a bar chart"));
        assertTrue(error(() -> f.bars("x", new double[]{1})).contains("not for a plot of x"));
        assertEquals("lossCurve: 'adam' has no values", error(() -> lossCurve("adam", new double[0])));
        assertEquals("series 's': 2 x values but 1 y values", error(() -> f.series("s", new double[]{0, 1}, new double[]{1})));
    }

    @Test
    void aFailedCallChangesNothing() {
        var c = contour(x.pow(2).plus(y.pow(2)), "x", -1, 1, "y", -1, 1).size(50, 10)
                .path("ok", List.of(Point.of("x", 0, "y", 0)));
        String before = c.render();
        var points = List.of(Point.of("x", 0.5, "y", 0.5), Point.of("x", 0.2));
        assertEquals("path 'gd': point 1 (x=0.2) has no value for y", error(() -> c.path("gd", points)));
        assertEquals("path 'gd' has no points", error(() -> c.path("gd", List.of())));
        assertEquals("path 'gd': 2 x values but 1 y values", error(() -> c.path("gd", new double[]{1, 2}, new double[]{1})));
        assertTrue(error(() -> c.levels(-1)).contains("give 1 to 50"));
        assertEquals(before, c.render());
        var f = plot(x, "x", 0, 1).size(40, 6);
        String plain = f.render();
        assertThrows(DotbarException.class, () -> f.ylim(2, 1));
        assertThrows(DotbarException.class, () -> f.size(10, 5));
        assertEquals(plain, f.render());
        assertTrue(error(() -> lossCurve("l", new double[]{1}).path("p", new double[]{1}, null)).contains("needs y values"));
    }
}
