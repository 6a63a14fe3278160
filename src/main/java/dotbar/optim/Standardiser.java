package dotbar.optim;

import dotbar.base.DotbarException;

import java.util.List;
import java.util.StringJoiner;

/**
 * The statistics that standardise some columns of a dataset, as scikit-learn's
 * {@code StandardScaler} does: for each column c its mean μ_c = (1/n) Σᵢ x_ic and population
 * standard deviation σ_c = √((1/n) Σᵢ (x_ic − μ_c)²) over the rows it was made from, and
 * {@link #apply} maps every value of the column to (x − μ_c)/σ_c. Made from the training set
 * ({@code train.standardiser()}) and applied to the test set too, so both are scaled by the
 * training statistics and nothing of the test set leaks into them.
 *
 * <p>A column that is constant in the rows it was made from (σ_c = 0: in the digits, the pixels
 * on the image's border that are always blank) is shifted by its mean and not scaled, so it is 0
 * in those rows; μ_c is then that constant exactly. Immutable.
 */
public final class Standardiser {
    private final List<String> columns;
    private final double[] mean, sd;

    private Standardiser(List<String> columns, double[] mean, double[] sd) {
        this.columns = columns;
        this.mean = mean;
        this.sd = sd;
    }

    /** The statistics of {@code columns} (names of columns of {@code data}) over data's rows. */
    static Standardiser of(Dataset data, List<String> columns) {
        double[][] rows = data.table();
        double[] mean = new double[columns.size()], sd = new double[columns.size()];
        for (int k = 0; k < columns.size(); k++) {
            int c = data.index(columns.get(k));
            double first = rows[0][c], sum = 0;
            boolean constant = true;
            for (double[] row : rows) {
                sum += row[c];
                constant &= row[c] == first;
            }
            if (constant) {   // μ exactly the constant, σ = 0: no rounding makes a blank column ±1
                mean[k] = first;
                continue;
            }
            mean[k] = sum / rows.length;
            double squares = 0;
            for (double[] row : rows) squares += (row[c] - mean[k]) * (row[c] - mean[k]);
            sd[k] = Math.sqrt(squares / rows.length);
        }
        return new Standardiser(List.copyOf(columns), mean, sd);
    }

    /**
     * {@code data} with each of this standardiser's columns mapped to (x − μ)/σ (σ = 0: x − μ);
     * its other columns as they are. A column missing from {@code data} is an error naming it.
     */
    public Dataset apply(Dataset data) {
        if (data == null) throw new DotbarException("apply: the dataset is null");
        int[] at = new int[columns.size()];
        for (int k = 0; k < at.length; k++) {
            if (!data.has(columns.get(k))) {
                throw new DotbarException("the standardiser scales column " + columns.get(k) + ", which the dataset does not have (columns: "
                        + Dataset.listed(data.columns()) + ")");
            }
            at[k] = data.index(columns.get(k));
        }
        double[][] rows = data.table(), out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
            for (int k = 0; k < at.length; k++) {
                double shifted = rows[r][at[k]] - mean[k];
                out[r][at[k]] = sd[k] == 0 ? shifted : shifted / sd[k];
            }
        }
        return data.withRows(out);
    }

    /** The columns scaled, in order. */
    public List<String> columns() { return columns; }

    /** The mean μ of {@code column} in the rows this was made from. */
    public double mean(String column) { return mean[at(column)]; }

    /** The standard deviation σ of {@code column} (dividing by n) in the rows this was made from; 0 for a constant column. */
    public double sd(String column) { return sd[at(column)]; }

    private int at(String column) {
        int k = columns.indexOf(column);
        if (k < 0) throw new DotbarException("the standardiser has no column " + column + " (columns: " + Dataset.listed(columns) + ")");
        return k;
    }

    /** {@code standardiser of 3 columns: u (μ=2, σ=0.816497), …}. */
    @Override
    public String toString() {
        var s = new StringJoiner(", ", "standardiser of " + columns.size() + " column" + (columns.size() == 1 ? "" : "s") + ": ", "");
        for (int k = 0; k < Math.min(columns.size(), 5); k++) {
            s.add(columns.get(k) + " (μ=" + Format.brief(mean[k]) + ", σ=" + Format.brief(sd[k]) + ")");
        }
        if (columns.size() > 5) s.add("…");
        return s.toString();
    }
}
