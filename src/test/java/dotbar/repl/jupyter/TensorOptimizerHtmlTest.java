package dotbar.repl.jupyter;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** A notebook shows an optimizer over tensor parameters by their shapes and norms, and its ‖g‖ over every entry. */
class TensorOptimizerHtmlTest {
    @Test
    void tensorParametersShowAsShapeAndNorm() {
        matrix("Wht", 3, 4);
        var opt = gd(parse("sum(Wht^2)/2 + c^2"), at("c", 1.0, "Wht", new double[][]{{3, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 4}})).step(0);
        String html = Html.of(opt);
        // ‖W‖ = 5; the gradient is (2c, W): ‖g‖ = √(4 + 25) = 5.38516
        assertTrue(html.contains("3×4 ‖·‖=5<"), html);
        assertTrue(html.contains("5.38516"), html);
        assertTrue(html.contains("‖Wht‖"), "the history's column: " + html);
    }
}
