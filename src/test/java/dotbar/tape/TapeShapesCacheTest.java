package dotbar.tape;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Expr;
import dotbar.expr.Shapes;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The tape cache knows the declared shapes: an interned expression over a redeclared symbol compiles anew. */
class TapeShapesCacheTest {
    @Test
    void aRedeclaredShapeGetsANewTape() {
        try {
            vector("ua", 2);
            vector("va", 2);
            Expr e = parse("dot(ua, va)");
            Compiled two = Tapes.of(e, List.of("ua", "va"), 1);
            double[] g2 = new double[2];
            assertEquals(1 * 3 + 2 * 4, two.gradient(new double[]{1, 2, 3, 4}, g2));
            assertArrayEquals(new double[]{3, 4}, g2);
            Shapes.forget("ua");
            Shapes.forget("va");
            vector("ua", 3);
            vector("va", 3);
            Expr same = parse("dot(ua, va)");
            Compiled three = Tapes.of(same, List.of("ua", "va"), 1);
            double[] g3 = new double[3];
            assertEquals(1 * 4 + 2 * 5 + 3 * 6, three.gradient(new double[]{1, 2, 3, 4, 5, 6}, g3));
            assertArrayEquals(new double[]{4, 5, 6}, g3);
        } finally {
            Shapes.forget("ua");
            Shapes.forget("va");
        }
    }
}
