package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Shape;
import dotbar.expr.Shapes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which columns of a dataset each data symbol of a per-sample loss reads (the rule is in
 * {@link Dataset}'s class comment): a scalar symbol named like a column reads it; a symbol of
 * declared shape r×c reads the columns {@code name1 … name(r·c)}, row-major, so a row of the data
 * flattens into the tensor tape's layout of the symbols in {@link #symbols} order.
 *
 * @param symbols the loss's data symbols, in the order of {@code loss.vars()}
 * @param columns for each row of the tape's data inputs, the column of the dataset it comes from
 */
record Binding(List<String> symbols, int[] columns) {

    /**
     * The data symbols of {@code loss} over {@code data}. {@code given} are the start point's
     * names (parameters), used only to say more when a scalar symbol x is neither a column nor
     * given but the data has x1, x2, …: then the loss wants a vector. Errors name the symbol,
     * its shape and the column that is missing or extra.
     */
    static Binding of(Expr loss, Dataset data, Collection<String> given) {
        var symbols = new ArrayList<String>();
        var columns = new ArrayList<Integer>();
        for (String v : loss.vars()) {
            Shape shape = Shapes.declared(v);
            var entries = data.entries(v);
            if (shape.isScalar()) {
                if (data.has(v)) {
                    symbols.add(v);
                    columns.add(data.index(v));
                } else if (!entries.isEmpty() && !given.contains(v)) {
                    throw new DotbarException("the loss's " + v + " is a scalar, but the data has columns "
                            + Dataset.listed(entries.values().stream().map(c -> data.columns().get(c)).toList())
                            + ": declare vector(\"" + v + "\", " + entries.lastKey() + ") before parsing the loss to read them as one vector");
                }
                continue;
            }
            int k = shape.size();
            String what = "the loss's " + v + " (" + shape + ", columns " + v + "1 … " + v + k + ")";
            if (data.has(v)) {
                throw new DotbarException("the data's column " + v + " is one number per row, but " + what
                        + " has " + k + " entries: name its columns " + v + "1 … " + v + k + " (data(\"" + v + ":" + k + " …\", rows))");
            }
            if (entries.isEmpty()) continue;   // no column of it: a parameter
            for (int i = 1; i <= k; i++) {
                Integer c = entries.get(i);
                if (c == null) throw new DotbarException("the data has no column " + v + i + " for " + what);
                columns.add(c);
            }
            if (entries.lastKey() > k) {
                throw new DotbarException("the data has a column " + v + entries.lastKey() + ", past the " + k + " entries of " + what);
            }
            symbols.add(v);
        }
        return new Binding(List.copyOf(symbols), columns.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The names a loss may read from {@code data}, in the order of its columns: each column, but
     * a vector's columns x1 … xk as the one name x (for messages, and to tell data from parameters).
     */
    List<String> readable(Dataset data) {
        var owner = new String[data.columns().size()];
        for (int s = 0, at = 0; s < symbols.size(); s++) {
            int k = Shapes.declared(symbols.get(s)).size();
            for (int i = at; i < at + k; i++) owner[columns[i]] = symbols.get(s);
            at += k;
        }
        var names = new java.util.LinkedHashSet<String>();
        for (int c = 0; c < owner.length; c++) names.add(owner[c] != null ? owner[c] : data.columns().get(c));
        return List.copyOf(names);
    }

    /** Each row of {@code data} as the tape reads it: the bound columns in order. */
    double[][] rows(Dataset data) {
        double[][] table = data.table(), out = new double[table.length][columns.length];
        for (int r = 0; r < table.length; r++) {
            for (int i = 0; i < columns.length; i++) out[r][i] = table[r][columns[i]];
        }
        return out;
    }
}
