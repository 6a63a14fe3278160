package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.diff.Grad;
import dotbar.expr.Flat;
import dotbar.expr.Point;
import dotbar.print.TextTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trajectory of an optimizer: one row per step, the state after it — θ_t, the loss and the
 * gradient norm ‖g‖ — and row 0 the start.
 *
 * <p>For a whole loss, the loss and ‖∇L‖ are at θ_t (what the next step will use). For
 * minibatches, row 0 has the whole mean loss at the start and each later row the loss and ‖g‖ of
 * the minibatch step t used (evaluated at θ_{t−1}, as a training loop logs {@code loss.item()}).
 *
 * <p>Memory is bounded: a history keeps about four million numbers. A longer run is thinned —
 * every other row dropped, and from then on only every 2nd (then 4th, …) step recorded — so row i
 * is step i until then, and {@link Row#t()} always says which step a row is. The start and the
 * latest step are always there.
 *
 * <p>θ is kept flat ({@link Flat}: each tensor row by row), so a row of a network's history is
 * its every weight; the table shows a tensor parameter by its norm, a column {@code ‖W1‖}.
 *
 * <p>A history returned by {@link Optimizer#history()} is a snapshot: later steps do not change it.
 */
public final class History {
    /** The state after step {@code t}. */
    public record Row(long t, double loss, Point at, double gradientNorm) {
        @Override public String toString() {
            return "t=" + t + "  loss=" + Format.brief(loss) + "  " + Format.point(at) + "  ‖g‖=" + Format.brief(gradientNorm);
        }
    }

    /**
     * The scores at the end of an epoch of an optimizer given test data ({@link Optimizer#test}):
     * epoch 0 is the start. The losses are means of the per-sample loss over every row of the
     * training and of the test set at θ after the epoch; the accuracies are NaN without a network.
     * {@code seconds} is the wall time spent in steps since the start (evaluations not counted).
     */
    public record Epoch(long epoch, long t, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                        double seconds) {
        @Override public String toString() {
            return "epoch " + epoch + "  t=" + t + "  train loss=" + Format.brief(trainLoss) + "  test loss=" + Format.brief(testLoss)
                    + (Double.isNaN(trainAccuracy) ? "" : "  train accuracy=" + Format.brief(trainAccuracy)
                    + "  test accuracy=" + Format.brief(testAccuracy));
        }
    }

    private static final int NUMBERS = 1 << 22;

    private final Flat flat;
    private final List<String> parameters;
    private final int n;          // entries per row: flat.size()
    private final int capacity;   // rows
    private final boolean minibatch;
    private long[] steps;
    private double[] loss;
    private double[] norm;
    private double[] theta;       // row-major: row r's θ at [r·n, (r+1)·n)
    private int size;
    private long stride;          // rows are kept for steps that are multiples of it (and the latest)
    private boolean shared;       // a snapshot reads the arrays: copy them before changing a row
    private String stopped = "";  // why the last stepUntil stopped
    private List<Epoch> epochs = new ArrayList<>();

    /** @param minibatch whether the rows hold minibatch losses (see the class comment), which the table says */
    History(Flat parameters, boolean minibatch) {
        this(parameters, Math.max(1024, NUMBERS / (parameters.size() + 3)), minibatch);
    }

    /** Scalar parameters (tests). */
    History(List<String> parameters, int capacity, boolean minibatch) {
        this(Flat.of(parameters), capacity, minibatch);
    }

    History(Flat parameters, int capacity, boolean minibatch) {
        this.flat = parameters;
        this.parameters = parameters.names();
        this.n = parameters.size();
        this.capacity = capacity;
        this.minibatch = minibatch;
        clear();
    }

    private History(History h) {
        flat = h.flat;
        parameters = h.parameters;
        n = h.n;
        capacity = h.capacity;
        minibatch = h.minibatch;
        steps = h.steps;
        loss = h.loss;
        norm = h.norm;
        theta = h.theta;
        size = h.size;
        stride = h.stride;
        stopped = h.stopped;
        epochs = List.copyOf(h.epochs);
    }

    /** Empty again; the arrays are kept (an optimizer reset runs as fast as the first run) unless a snapshot reads them. */
    void clear() {
        size = 0;
        stopped = "";
        stride = 1;
        epochs = new ArrayList<>();
        if (steps != null && !shared) return;
        steps = new long[16];
        loss = new double[16];
        norm = new double[16];
        theta = new double[16 * n];
        shared = false;
    }

    /** Records step t; it replaces the latest row when that one was off the stride. */
    void add(long t, double rowLoss, double[] at, double gradientNorm) {
        int row = size;
        if (size > 1 && steps[size - 1] % stride != 0) {
            own();
            row = size - 1;
        } else if (size == steps.length) {
            // grow by copying: a snapshot keeps the old arrays, which are not written again below its size
            resize(2 * size);
        }
        steps[row] = t;
        loss[row] = rowLoss;
        norm[row] = gradientNorm;
        System.arraycopy(at, 0, theta, row * n, n);
        if (row == size) size++;
        if (size > capacity) thin();
    }

    /**
     * Room for {@code more} rows beyond the current ones (up to the capacity), in one allocation:
     * {@code step(n)} says how many rows are coming, so a long run does not grow the arrays by
     * doubling, copying every row it has each time (measured: a quarter of an Adam step at n = 10).
     */
    void reserve(long more) {
        int rows = (int) Math.min(size + more, capacity + 1L);
        if (rows > steps.length) resize(rows);
    }

    /** Keeps the start, the rows on twice the stride, and the latest. */
    private void thin() {
        own();
        int kept = 0;
        stride *= 2;
        for (int r = 0; r < size; r++) {
            if (r == 0 || r == size - 1 || steps[r] % stride == 0) {
                steps[kept] = steps[r];
                loss[kept] = loss[r];
                norm[kept] = norm[r];
                System.arraycopy(theta, r * n, theta, kept * n, n);
                kept++;
            }
        }
        size = kept;
    }

    private void own() {
        if (shared) resize(steps.length);
    }

    /** Fresh arrays of {@code rows} rows: no snapshot reads them. */
    private void resize(int rows) {
        shared = false;
        steps = Arrays.copyOf(steps, rows);
        loss = Arrays.copyOf(loss, rows);
        norm = Arrays.copyOf(norm, rows);
        theta = Arrays.copyOf(theta, rows * n);
    }

    History snapshot() {
        shared = true;
        return new History(this);
    }

    /** Drops the epoch rows (test data given anew). */
    void clearEpochs() { epochs = new ArrayList<>(); }

    /** Records an epoch's scores. */
    void epoch(Epoch e) { epochs.add(e); }

    /**
     * The scores per epoch, epoch 0 the start, when the optimizer has test data
     * ({@link Optimizer#test}); empty otherwise.
     */
    public List<Epoch> epochs() { return List.copyOf(epochs); }

    /** Records why a {@code stepUntil} stopped ("" when the last run was not one). */
    void stopped(String why) { stopped = why; }

    /**
     * Why the last {@code stepUntil} stopped — {@code "‖g‖ = 8.2e-07 ≤ 1e-06 at t = 412"},
     * {@code "steps(100) taken at t = 100"} — or "" when the last run was a {@code step(n)}.
     */
    public String stopped() { return stopped; }

    /** The loss of the latest row. */
    double lastLoss() { return loss[size - 1]; }

    /** ‖g‖ of the latest row. */
    double lastNorm() { return norm[size - 1]; }

    /** The number of rows (the steps taken plus the start, unless a long run was thinned). */
    public int size() { return size; }

    /** The parameter names, in order. */
    public List<String> parameters() { return parameters; }

    /** Row {@code i}: the start for 0, step i unless a long run was thinned. */
    public Row get(int i) {
        if (i < 0 || i >= size) throw new DotbarException("no row " + i + " in the history: it has rows 0 to " + (size - 1));
        return new Row(steps[i], loss[i], flat.point(Arrays.copyOfRange(theta, i * n, (i + 1) * n)), norm[i]);
    }

    /** The step of every row. */
    public long[] steps() { return Arrays.copyOf(steps, size); }

    /** θ of every row, as points: the path a contour plot overlays. */
    public List<Point> points() {
        var r = new ArrayList<Point>(size);
        for (int i = 0; i < size; i++) r.add(get(i).at());
        return r;
    }

    /** The last row. */
    public Row last() { return get(size - 1); }

    /** The loss of every row. */
    public double[] losses() { return Arrays.copyOf(loss, size); }

    /** ‖g‖ of every row. */
    public double[] gradientNorms() { return Arrays.copyOf(norm, size); }

    /** One scalar parameter's value in every row: the path's coordinate. */
    public double[] column(String parameter) {
        int k = parameters.indexOf(parameter);
        if (k < 0) throw new DotbarException("no parameter " + parameter + " in the history (parameters: " + String.join(", ", parameters) + ")");
        if (!flat.shape(k).isScalar()) {
            throw new DotbarException(parameter + " is a " + flat.shape(k) + " tensor, not one number per row: get(i).at().array(\""
                    + parameter + "\") is its value at row i");
        }
        int i = flat.offset(k);
        double[] r = new double[size];
        for (int row = 0; row < size; row++) r[row] = theta[row * n + i];
        return r;
    }

    /** The parameter columns a table shows: a scalar's name, {@code ‖W1‖} for a tensor (its norm). */
    public List<String> columns() {
        var r = new ArrayList<String>();
        for (int k = 0; k < parameters.size(); k++) r.add(flat.shape(k).isScalar() ? parameters.get(k) : "‖" + parameters.get(k) + "‖");
        return r;
    }

    /** Row {@code i}'s values of {@link #columns()}: a scalar parameter's value, a tensor's norm √(Σ entries²). */
    public double[] cells(int i) {
        if (i < 0 || i >= size) throw new DotbarException("no row " + i + " in the history: it has rows 0 to " + (size - 1));
        double[] r = new double[parameters.size()];
        for (int k = 0; k < r.length; k++) {
            int from = i * n + flat.offset(k);
            r[k] = flat.shape(k).isScalar() ? theta[from] : Grad.norm(Arrays.copyOfRange(theta, from, from + flat.shape(k).size()));
        }
        return r;
    }

    /**
     * A line saying which loss the rows hold, then a table of the rows: all of them when few, else
     * the first and last five.
     */
    @Override
    public String toString() {
        return (minibatch
                ? "t=0: the mean loss over all rows at the start; t≥1: the loss and ‖g‖ of the minibatch step t used, at θ before it\n"
                : "loss and ‖g‖ at θ after step t (what step t+1 uses)\n") + table()
                + (stopped.isEmpty() ? "" : "\nstopped: " + stopped)
                + (epochs.isEmpty() ? "" : "\nper epoch, over all rows of the training and the test set:\n" + epochTable());
    }

    private String epochTable() {
        boolean accuracy = !Double.isNaN(epochs.get(0).trainAccuracy());
        var table = accuracy ? new TextTable("epoch", "t", "train loss", "test loss", "train accuracy", "test accuracy")
                : new TextTable("epoch", "t", "train loss", "test loss");
        for (Epoch e : epochs) {
            if (accuracy) table.row(e.epoch(), e.t(), e.trainLoss(), e.testLoss(), e.trainAccuracy(), e.testAccuracy());
            else table.row(e.epoch(), e.t(), e.trainLoss(), e.testLoss());
        }
        return table.toString();
    }

    private String table() {
        var header = new ArrayList<String>(List.of("t", "loss"));
        header.addAll(columns());
        header.add("‖g‖");
        var table = new TextTable(header.toArray(new String[0]));
        for (int r = 0; r < size; r++) {
            if (size > 12 && r == 5) {
                var gap = new Object[header.size()];
                gap[0] = "…";
                table.row(gap);
                r = size - 5;
            }
            var cells = new ArrayList<Object>(List.of(steps[r], loss[r]));
            for (double c : cells(r)) cells.add(c);
            cells.add(norm[r]);
            table.row(cells.toArray());
        }
        return table.toString();
    }
}
