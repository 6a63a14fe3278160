package dotbar.optim;

import dotbar.DotbarException;
import dotbar.expr.Point;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The trajectory of an optimizer: row t is the state after step t, row 0 the start. Each row has
 * the parameters θ_t, the loss and the gradient norm ‖g‖.
 *
 * <p>For a whole loss, the loss and ‖∇L‖ are at θ_t (what the next step will use). For
 * minibatches, row 0 has the whole mean loss at the start and each later row the loss and ‖g‖ of
 * the minibatch step t used (evaluated at θ_{t−1}, as a training loop logs {@code loss.item()}).
 *
 * <p>A history returned by {@link Optimizer#history()} is a snapshot: later steps do not change it.
 */
public final class History {
    /** The state after step {@code t}. */
    public record Row(long t, double loss, Point at, double gradientNorm) {
        @Override public String toString() {
            return "t=" + t + "  loss=" + Format.brief(loss) + "  " + at + "  ‖g‖=" + Format.brief(gradientNorm);
        }
    }

    private final List<String> parameters;
    private double[] loss;
    private double[] norm;
    private double[] theta;   // row-major: row r's θ at [r·n, (r+1)·n)
    private int size;

    History(List<String> parameters) {
        this.parameters = parameters;
        clear();
    }

    private History(History h) {
        parameters = h.parameters;
        loss = h.loss;
        norm = h.norm;
        theta = h.theta;
        size = h.size;
    }

    void clear() {
        loss = new double[16];
        norm = new double[16];
        theta = new double[16 * parameters.size()];
        size = 0;
    }

    void add(double rowLoss, double[] at, double gradientNorm) {
        if (size == loss.length) {
            // grow by copying: a snapshot keeps the old arrays, which are never written again below its size
            loss = Arrays.copyOf(loss, 2 * size);
            norm = Arrays.copyOf(norm, 2 * size);
            theta = Arrays.copyOf(theta, 2 * size * parameters.size());
        }
        loss[size] = rowLoss;
        norm[size] = gradientNorm;
        System.arraycopy(at, 0, theta, size * parameters.size(), parameters.size());
        size++;
    }

    History snapshot() {
        return new History(this);
    }

    /** The number of rows (the steps taken, plus the start). */
    public int size() { return size; }

    /** The parameter names, in order. */
    public List<String> parameters() { return parameters; }

    /** Row {@code t} (0 is the start). */
    public Row get(int t) {
        if (t < 0 || t >= size) throw new DotbarException("no row " + t + " in the history: it has rows 0 to " + (size - 1));
        var at = new LinkedHashMap<String, Double>();
        for (int i = 0; i < parameters.size(); i++) at.put(parameters.get(i), theta[t * parameters.size() + i]);
        return new Row(t, loss[t], Point.of(at), norm[t]);
    }

    /** The last row. */
    public Row last() { return get(size - 1); }

    /** The loss of every row. */
    public double[] losses() { return Arrays.copyOf(loss, size); }

    /** ‖g‖ of every row. */
    public double[] gradientNorms() { return Arrays.copyOf(norm, size); }

    /** One parameter's value in every row: the path's coordinate. */
    public double[] column(String parameter) {
        int i = parameters.indexOf(parameter);
        if (i < 0) throw new DotbarException("no parameter " + parameter + " in the history (parameters: " + String.join(", ", parameters) + ")");
        double[] r = new double[size];
        for (int t = 0; t < size; t++) r[t] = theta[t * parameters.size() + i];
        return r;
    }

    /** A table of the rows: all of them when few, else the first and last five. */
    @Override
    public String toString() {
        var s = new StringBuilder(String.format("%6s  %-12s", "t", "loss"));
        for (String p : parameters) s.append(String.format("  %-12s", p));
        s.append("  ‖g‖");
        for (int t = 0; t < size; t++) {
            if (size > 12 && t == 5) {
                s.append("\n     …");
                t = size - 5;
            }
            s.append(String.format("\n%6d  %-12s", t, Format.brief(loss[t])));
            for (int i = 0; i < parameters.size(); i++) s.append(String.format("  %-12s", Format.brief(theta[t * parameters.size() + i])));
            s.append("  ").append(Format.brief(norm[t]));
        }
        return s.toString();
    }
}
