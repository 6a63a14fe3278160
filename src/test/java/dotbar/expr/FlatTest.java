package dotbar.expr;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The flat layout of named scalars and tensors: offsets, entry names, and Point ↔ double[] both ways. */
class FlatTest {
    static {
        matrix("Wfl", 2, 3);
        vector("bfl", 2);
    }

    @Test
    void eachTensorRowByRowInTheOrderGiven() {
        Flat f = Flat.of(List.of("Wfl", "bfl", "cfl"));
        assertEquals(9, f.size());
        assertEquals(3, f.count());
        assertFalse(f.scalarsOnly());
        assertEquals(List.of(0, 6, 8), List.of(f.offset(0), f.offset(1), f.offset(2)));
        double[] x = f.flatten(at("Wfl", new double[][]{{1, 2, 3}, {4, 5, 6}}, "bfl", new double[]{7, 8}, "cfl", 9));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, x);
        assertEquals(List.of("Wfl[1,1]", "Wfl[1,3]", "Wfl[2,1]", "bfl[2]", "cfl"),
                List.of(f.entryName(0), f.entryName(2), f.entryName(3), f.entryName(7), f.entryName(8)));
        assertEquals(List.of(0, 0, 1, 2), List.of(f.parameterOf(5), f.parameterOf(0), f.parameterOf(6), f.parameterOf(8)));
        Point p = f.point(x);
        assertArrayEquals(new double[]{4, 5, 6}, p.array("Wfl")[1]);
        assertEquals(8, p.array("bfl")[1][0]);
        assertEquals(9, p.get("cfl"));
        assertEquals("Wfl 2×3, bfl 2×1, cfl", f.toString());
    }

    @Test
    void badValuesAreNamed() {
        Flat f = Flat.of(List.of("Wfl", "cfl"));
        var e = assertThrows(DotbarException.class, () -> f.flatten(at("cfl", 1.0)));
        assertEquals("no value for Wfl", e.getMessage());
        e = assertThrows(DotbarException.class, () -> f.flatten(Point.empty()));
        assertEquals("no values for Wfl, cfl", e.getMessage());
        e = assertThrows(DotbarException.class, () -> Flat.of(List.of("bfl")).point(new double[3]));
        assertTrue(e.getMessage().contains("3 entries for parameters of 2 entries (bfl 2×1)"), e.getMessage());
        matrix("Wfl2", 2, 2);
        Point before = at("Wfl2", new double[][]{{1, 2}, {3, 4}});
        Shapes.forget("Wfl2");
        Flat scalar = Flat.of(List.of("Wfl2"));
        e = assertThrows(DotbarException.class, () -> scalar.flatten(before));
        assertTrue(e.getMessage().startsWith("Wfl2 is a scalar (it has no declared shape) but is given a 2×2 array"), e.getMessage());
        Point number = at("Wfl3", 2.0);
        matrix("Wfl3", 1, 2);
        e = assertThrows(DotbarException.class, () -> Flat.of(List.of("Wfl3")).flatten(number));
        assertEquals("Wfl3 is declared 1×2 but is given the number 2 (a 1×1); give it a double[][] of 1×2", e.getMessage());
    }

    @Property(tries = 30)
    void pointAndFlattenAreInverse(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 5) int columns,
                                   @ForAll long seed) {
        String name = "Ffl" + rows + "x" + columns;
        matrix(name, rows, columns);
        Flat f = Flat.of(List.of("sfl", name));
        var random = new java.util.SplittableRandom(seed);
        double[] x = new double[f.size()];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble(-10, 10);
        assertArrayEquals(x, f.flatten(f.point(x)));
        assertEquals(1 + rows * columns, f.size());
        for (int i = 1; i < x.length; i++) {
            int r = (i - 1) / columns, c = (i - 1) % columns;
            // a vector's entries (a row or a column) have one index, a matrix's two: the labels of hessian and jacobian rows
            String expected = rows * columns == 1 ? name : rows == 1 || columns == 1 ? name + "[" + (i - 1 + 1) + "]"
                    : name + "[" + (r + 1) + "," + (c + 1) + "]";
            assertEquals(expected, f.entryName(i));
            if (rows * columns > 1) assertEquals(x[i], f.point(x).array(name)[r][c]);
        }
    }
}
