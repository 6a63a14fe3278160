package dotbar.optim;

import dotbar.expr.Point;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters flattened into one array, the layout of the tensor tape ({@link dotbar.tape.Compiled}):
 * the parameters in order, a scalar one entry, a tensor its entries row by row (a 3×4 W is
 * entries 0 … 11, W[i][j] at 4i + j).
 */
final class Flat {
    private Flat() {}

    /** The names {@code start} gives values: its scalars, then its tensors (each in the order given). */
    static List<String> names(Point start) {
        var names = new ArrayList<>(start.names());
        names.addAll(start.arrayNames());
        return names;
    }

    /** The entries of {@code names} together: Σ rows·columns of their declared shapes. */
    static int size(List<String> names) {
        int n = 0;
        for (String name : names) n += Shapes.declared(name).size();
        return n;
    }
}
