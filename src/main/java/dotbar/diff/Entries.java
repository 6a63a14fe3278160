package dotbar.diff;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Flat;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;
import dotbar.expr.TensorValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The entries of some symbols laid out in one line: the symbols in the order given, each one's
 * entries row by row (entry (i, j) of an m×n symbol at offset + i·n + j) — the rows and columns
 * of a {@link Jacobian} or a {@link Hessian} over tensors, and the layout of {@code compile}'s x.
 * Entries are labelled with 1-based indices: {@code W[1,2]} for a matrix, {@code x[3]} for a
 * vector (a column or a row), the bare name for a scalar.
 */
final class Entries {
    /**
     * The most entries a {@link Jacobian} or a Hessian over tensors has on a side: each column
     * (forward) or row (reverse) is one evaluation of the derivative's whole expression, and a
     * 400×400 table is already more than a screen can show. Above it they refuse and point at
     * the directional derivatives, which cost one evaluation each.
     */
    static final int MAX = 400;

    /** The offsets and sizes: the layout the optimizers and the tensor tape use too. */
    private final Flat layout;

    private Entries(List<String> names, List<Shape> shapes) {
        this.layout = Flat.of(names, shapes);
    }

    /**
     * The entries of {@code params}, each a symbol of {@code e} named once, at most {@link #MAX}
     * in all; else an error that begins with {@code what} and names the symbol or the count.
     */
    static Entries of(String what, Expr e, List<String> params) {
        if (params.isEmpty()) throw new DotbarException(what + " needs at least one symbol to differentiate by; " + symbolsOf(e));
        var free = new HashSet<>(e.vars());
        var seen = new HashSet<String>();
        var names = new ArrayList<String>();
        var shapes = new ArrayList<Shape>();
        for (String p : params) {
            if (p == null) throw new DotbarException(what + ": a symbol name is null");
            String name = Exprs.sym(p).name();  // NFC; a name that is no symbol is an error naming it
            if (!free.contains(name)) throw new DotbarException(what + ": " + brief(e) + " has no symbol " + p + "; " + symbolsOf(e));
            if (!seen.add(name)) throw new DotbarException(what + ": " + p + " is named twice");
            names.add(name);
            shapes.add(Shapes.declared(name));
        }
        var entries = new Entries(names, shapes);
        int size = entries.size();
        if (size > MAX) {
            var parts = new ArrayList<String>();
            for (int k = 0; k < names.size(); k++) parts.add(names.get(k) + " " + shapes.get(k));
            throw new DotbarException(what + ": " + String.join(", ", parts) + " have " + size + " entries, so the matrix would be "
                    + size + "×" + size + "; the limit is " + MAX + " entries. Without the matrix: forward(e, p, \"W\", V) "
                    + "is the derivative along a direction V of W's shape (of diff(L, \"W\") it is the Hessian-vector product H·V), "
                    + "and compile(L, \"W\", …) gives the gradient");
        }
        return entries;
    }

    /** The entries of one value of shape {@code s} named {@code name} (a Jacobian's rows: {@code [i,j]} for the name ""). */
    static Entries ofShape(String name, Shape s) {
        return new Entries(List.of(name), List.of(s));
    }

    /** The number of entries. */
    int size() { return layout.size(); }

    /** The symbols, in order. */
    List<String> names() { return layout.names(); }

    /** The shape of symbol k. */
    Shape shape(int k) { return layout.shape(k); }

    /** The offset of symbol k's first entry. */
    int offset(int k) { return layout.offset(k); }

    /** Every entry's label, in order. */
    List<String> labels() {
        var r = new ArrayList<String>(size());
        for (int k = 0; k < layout.count(); k++) {
            Shape s = layout.shape(k);
            for (int q = 0; q < s.size(); q++) r.add(Flat.label(layout.names().get(k), s, q));
        }
        return r;
    }

    /** For each entry q of symbol k, row by row, the value of its shape with a 1 at q and 0 elsewhere: the directions of the entries. */
    List<TensorValue> units(int k) {
        Shape s = layout.shape(k);
        var r = new ArrayList<TensorValue>(s.size());
        for (int q = 0; q < s.size(); q++) {
            double[] v = new double[s.size()];
            v[q] = 1;
            r.add(new TensorValue(s, v));
        }
        return r;
    }

    /** The point with only these symbols' values (each must have one). */
    Point restrict(Point point) {
        Point r = Point.empty();
        for (int k = 0; k < layout.count(); k++) {
            String n = layout.names().get(k);
            TensorValue v = layout.shape(k).isScalar() ? TensorValue.scalar(point.get(n)) : point.tensor(n);
            if (v == null) throw Point.missingValues(List.of(n));
            r = r.with(n, v);
        }
        return r;
    }

    private static String symbolsOf(Expr e) {
        List<String> vars = e.vars();
        return vars.isEmpty() ? "it has no symbols (it is constant)" : "its symbols are " + Point.listed(vars);
    }

    static String brief(Expr e) {
        String t = e.toString();
        return t.length() <= 40 ? t : t.substring(0, 37) + "…";
    }
}
