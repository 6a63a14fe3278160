package dotbar.plot;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import dotbar.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** Optimizers drawn on plots: their paths over a contour, their losses against step. */
class OptimizerPathTest {
    private final dotbar.expr.Expr bowl = parse("(x-1)^2 + 10*(y+2)^2");

    @Test
    void twoOptimizersGetTwoLegendEntriesWithTheirLabels() {
        Optimizer gd = gd(bowl, at("x=0, y=0")).lr(0.01);
        Optimizer adam = adam(bowl, at("x=0, y=0")).lr(0.1);
        gd.step(50);
        adam.step(50);
        assertEquals(51, gd.points().size(), "the start and one point per step");
        String picture = contour(bowl, "x", -1, 2, "y", -3, 1).size(60, 20).path(gd, adam).toString();
        assertTrue(picture.contains(gd.label()), picture);
        assertTrue(picture.contains(adam.label()), picture);
        assertTrue(gd.label().startsWith("gd η=0.01"), gd.label());
    }

    @Test
    void lossPlotFallsOnALogScale() {
        Optimizer gd = gd(bowl, at("x=0, y=0")).lr(0.01);
        gd.step(200);
        double[] losses = gd.losses();
        assertEquals(gd.history().size(), losses.length);
        assertTrue(losses[losses.length - 1] < losses[0] * 1e-3);
        assertEquals(200.0, gd.steps()[gd.steps().length - 1]);
        assertEquals(0.0, gd.steps()[0]);
        String picture = gd.plot().toString();
        assertTrue(picture.contains("gd η=0.01"), picture);
    }

    @Test
    void aPathNeedsAnOptimizer() {
        var c = contour(bowl, "x", -1, 2, "y", -3, 1);
        assertThrows(DotbarException.class, () -> c.path(new Trajectory[0]));
    }
}
