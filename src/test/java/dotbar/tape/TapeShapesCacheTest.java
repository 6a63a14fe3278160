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

    /**
     * Tapes.of(e) over e's own symbols: sum(Aᵀ·A) is the sum of the squared row sums of A, so the
     * same six entries give another value when A is 2×3 than when it is 3×2.
     */
    @Test
    void theTapeOverTheExpressionsOwnSymbolsFollowsARedeclaration() {
        double[] entries = {1, 2, 3, 4, 5, 6};
        try {
            matrix("Ab", 2, 3);
            Expr e = parse("sum(Abᵀ·Ab)");
            assertEquals(6 * 6 + 15 * 15, Tapes.of(e).value(entries));   // rows (1 2 3), (4 5 6)
            Shapes.forget("Ab");
            matrix("Ab", 3, 2);
            assertEquals(3 * 3 + 7 * 7 + 11 * 11, Tapes.of(parse("sum(Abᵀ·Ab)")).value(entries));   // rows (1 2), (3 4), (5 6)
            Shapes.forget("Ab");
            assertEquals(List.of("Ab"), Tapes.of(parse("Ab^2")).params());
            assertEquals(9, Tapes.of(parse("Ab^2")).value(new double[]{3}), "a scalar again");
        } finally {
            Shapes.forget("Ab");
        }
    }
}
