package dotbar.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dotbar.base.DotbarException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Point#values(List)}: the same answers whether the order of the names is remembered or not. */
class PointValuesTest {
    private final Point p = dotbar.DotBar.at("b=2, a=1, c=3");

    @Test
    void anUnmodifiableListIsReadInItsOrderEveryTime() {
        List<String> names = List.of("a", "b", "c");
        assertArrayEquals(new double[]{1, 2, 3}, p.values(names));
        assertArrayEquals(new double[]{1, 2, 3}, p.values(names));
        assertArrayEquals(new double[]{2, 1, 3}, p.values(List.of("b", "a", "c")));  // this point's own order
        assertArrayEquals(new double[]{3}, p.values(List.of("c")));
        assertArrayEquals(new double[]{1, 2, 3}, p.values(names));
    }

    @Test
    void aListThatChangesIsReadAgain() {
        var names = new ArrayList<>(List.of("a", "b"));
        assertArrayEquals(new double[]{1, 2}, p.values(names));
        names.set(0, "c");
        assertArrayEquals(new double[]{3, 2}, p.values(names));
        names.add("a");
        assertArrayEquals(new double[]{3, 2, 1}, p.values(names));
    }

    @Test
    void missingNamesAreErrorsEachTime() {
        List<String> names = List.of("a", "z", "y");
        for (int i = 0; i < 2; i++) {
            assertEquals("no values for z, y", assertThrows(DotbarException.class, () -> p.values(names)).getMessage());
        }
    }
}
