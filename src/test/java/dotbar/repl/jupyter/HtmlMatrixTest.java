package dotbar.repl.jupyter;

import static dotbar.DotBar.at;
import static dotbar.DotBar.hessian;
import static dotbar.DotBar.jacobian;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Shapes;

import org.junit.jupiter.api.Test;

/** A notebook shows a Hessian or a Jacobian over matrix entries as a table with the entries' labels. */
class HtmlMatrixTest {
    @Test
    void aJacobianAndATensorHessianAreTablesLabelledByEntries() {
        matrix("Wj", 2, 3);
        vector("xj", 3);
        try {
            var p = at("Wj", new double[][]{{1, 2, 3}, {4, 5, 6}}, "xj", new double[]{1, -1, 2});
            String j = Html.of(jacobian(parse("Wj·xj"), p, "xj"));
            assertTrue(j.contains("Jacobian of Wj·xj (2×1)") && j.contains("∂xj[3]") && j.contains("∂[2]") && j.contains(">6<"), j);
            String h = Html.of(hessian(parse("sum((Wj·xj)^2)/2"), p, "Wj"));
            assertTrue(h.contains("Hessian") && h.contains("∂Wj[2,3]") && h.contains(">4<"), h);  // x3·x3
        } finally {
            Shapes.forget("Wj");
            Shapes.forget("xj");
        }
    }
}
