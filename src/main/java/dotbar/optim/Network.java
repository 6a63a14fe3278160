package dotbar.optim;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.expr.Shapes;
import dotbar.expr.TensorEval;
import dotbar.parse.Parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron written in the ordinary DSL: {@code mlp("x", 64, 32, 10)} declares the
 * input vector {@code x} (64×1) and per layer l = 1 … L the weights {@code Wl} (out×in) and bias
 * {@code bl} (out×1), and builds
 * <pre>  w_l = W_l·φ_(l−1) + b_l,   φ_l = f(w_l),   φ_0 = x,   logits z = w_L</pre>
 * (the seed's two-layer network of eq. (31), as matrices), f the hidden activation (relu unless
 * {@link #activation} says otherwise; the last layer has none). The loss is an {@link Expr} like
 * any other, so {@code diff}, {@code reverse}, {@code grad}, {@code compile} and the optimizers take it:
 * <pre>{@code
 * var net = mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y");
 * net.loss()        // logsumexp(W2·relu(W1·x + b1) + b2) − yᵀ·(W2·relu(W1·x + b1) + b2), y one-hot
 * net.init(0)       // W1, b1, W2, b2 as torch.nn.Linear initialises them, from seed 0
 * var X = matrix("X", 64, 16); var Y = matrix("Y", 10, 16);
 * var opt = adam().on(net.batchLoss("X", "Y", 16), net.init(0), at("X", xs, "Y", ys)).lr(0.01);
 * }</pre>
 * An immutable value: {@link #activation} and the loss methods return new networks.
 */
public final class Network {
    private enum Loss { NONE, SOFTMAX_CROSS_ENTROPY, SQUARED_ERROR }

    private final String input;
    private final String prefix;      // of the parameters' names: prefix + "W1", …
    private final int[] sizes;
    private final String activation;   // null: none (linear hidden layers)
    private final Loss kind;
    private final String target;

    private Network(String input, String prefix, int[] sizes, String activation, Loss kind, String target) {
        this.input = input;
        this.prefix = prefix;
        this.sizes = sizes;
        this.activation = activation;
        this.kind = kind;
        this.target = target;
    }

    /**
     * The network from input {@code input} through layers of {@code sizes} (the input's size first,
     * the output's last, at least two): declares {@code input} as a {@code sizes[0]}-vector, and
     * {@code W1, b1, …, WL, bL} when the loss, logits or start are first asked for (so that
     * {@link #prefix} can rename them). A name declared before with another shape is an error naming both.
     */
    public static Network mlp(String input, int... sizes) {
        if (input == null) throw new DotbarException("mlp: the input name is null");
        if (sizes == null || sizes.length < 2) {
            throw new DotbarException("mlp(\"" + input + "\", …) needs the input's size and at least one layer's, e.g. mlp(\"x\", 64, 32, 10)");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) throw new DotbarException("mlp: size " + (i + 1) + " is " + sizes[i] + "; every layer needs at least one unit");
        }
        String x = Exprs.sym(input).name();
        Shapes.declare(x, sizes[0], 1);
        return new Network(x, "", sizes.clone(), "relu", Loss.NONE, null).checkNames();
    }

    /**
     * The same network with parameters named {@code p + "W1"}, {@code p + "b1"}, …: two networks
     * in one session, or one beside a {@code W1} declared with another shape.
     */
    public Network prefix(String p) {
        if (p == null) throw new DotbarException("prefix: null");
        if (!p.isEmpty()) Exprs.sym(p + "W1");  // the error for a prefix that makes no symbol name
        return new Network(input, p, sizes, activation, kind, target).checkNames();
    }

    private Network checkNames() {
        var names = parameters();
        if (names.contains(input)) throw new DotbarException("mlp: the input " + input + " has the name of a layer's parameter");
        if (target != null && names.contains(target)) throw new DotbarException("mlp: the target " + target + " has the name of a layer's parameter");
        return this;
    }

    private String weight(int l) { return prefix + "W" + l; }

    private String bias(int l) { return prefix + "b" + l; }

    /** Declares the parameters' shapes (again: a declaration of the same shape is allowed). */
    private void declareParameters() {
        for (int l = 1; l < sizes.length; l++) {
            Shapes.declare(weight(l), sizes[l], sizes[l - 1]);
            Shapes.declare(bias(l), sizes[l], 1);
        }
    }

    /** Hidden layers with f = relu (the default). */
    public Network relu() { return activation("relu"); }

    /** Hidden layers with the logistic f = σ. */
    public Network sigmoid() { return activation("sigmoid"); }

    /** Hidden layers with f = tanh. */
    public Network tanh() { return activation("tanh"); }

    /**
     * Hidden layers with the elementwise function {@code f}: a built-in ({@code relu}, {@code σ},
     * {@code tanh}, {@code softplus}, …) or one made by {@code def}; {@code "identity"} for none.
     * An unknown name is an error suggesting the closest.
     */
    public Network activation(String f) {
        if (f == null) throw new DotbarException("activation: the function name is null");
        if (f.equals("identity") || f.equals("linear")) return new Network(input, prefix, sizes, null, kind, target);
        Exprs.sym(f);                         // the error for text that is not a name
        Parser.parse(f + "(" + input + ")");  // the error for an unknown function or a wrong arity
        return new Network(input, prefix, sizes, f, kind, target);
    }

    /**
     * The per-sample softmax cross-entropy against the one-hot target vector {@code y} (declared
     * with the output's size): {@code logsumexp(z) − yᵀ·z} = −log softmax(z)_k for y = e_k, what
     * PyTorch's {@code F.cross_entropy} takes for one sample.
     */
    public Network softmaxCrossEntropy(String y) {
        return withLoss(Loss.SOFTMAX_CROSS_ENTROPY, y);
    }

    /** The per-sample squared error {@code sum((z − y)²)/2} against the target vector {@code y} (the seed's loss). */
    public Network squaredError(String y) {
        return withLoss(Loss.SQUARED_ERROR, y);
    }

    private Network withLoss(Loss k, String y) {
        if (y == null) throw new DotbarException("the target's name is null");
        String name = Exprs.sym(y).name();
        if (name.equals(input) || parameters().contains(name)) throw new DotbarException("the target " + name + " is already the network's input or a parameter");
        Shapes.declare(name, sizes[sizes.length - 1], 1);
        return new Network(input, prefix, sizes, activation, k, name);
    }

    /** The number of layers L (weight matrices). */
    public int layers() { return sizes.length - 1; }

    /** The layer sizes, the input's first. */
    public int[] sizes() { return sizes.clone(); }

    /** The input vector's name. */
    public String input() { return input; }

    /** The target vector's name, or null before a loss is chosen. */
    public String target() { return target; }

    /** {@code W1, b1, …, WL, bL}: the parameters, in the order {@link #init} gives them (and torch's {@code parameters()}). */
    public List<String> parameters() {
        var r = new ArrayList<String>();
        for (int l = 1; l < sizes.length; l++) {
            r.add(weight(l));
            r.add(bias(l));
        }
        return r;
    }

    /** The number of numbers in the parameters: Σ out·in + out. */
    public int parameterCount() {
        int n = 0;
        for (int l = 1; l < sizes.length; l++) n += sizes[l] * (sizes[l - 1] + 1);
        return n;
    }

    /** The logits z = w_L as text, the input being {@code in}. */
    private String logitsText(String in) {
        declareParameters();
        String phi = in;
        for (int l = 1; l < sizes.length; l++) {
            String w = weight(l) + "·" + (l == 1 ? phi : "(" + phi + ")") + " + " + bias(l);
            phi = l < sizes.length - 1 && activation != null ? activation + "(" + w + ")" : w;
        }
        return phi;
    }

    /** The logits z = w_L of one sample, an out×1 Expr over the parameters and the input. */
    public Expr logits() {
        return Parser.parse(logitsText(input));
    }

    /**
     * The logits with the input replaced by the symbol {@code inputs}, declared before: an
     * in×B matrix of B samples as columns gives the out×B logits (each bias added to every column).
     */
    public Expr logits(String inputs) {
        return Parser.parse(logitsText(batchSymbol(inputs, sizes[0])));
    }

    /** The per-sample loss over the parameters, the input and the target; an error before a loss is chosen. */
    public Expr loss() {
        Loss k = needLoss();
        String z = "(" + logitsText(input) + ")";
        return switch (k) {
            case SOFTMAX_CROSS_ENTROPY -> Parser.parse("logsumexp" + z + " - dot(" + target + ", " + z + ")");
            case SQUARED_ERROR -> Parser.parse("sum((" + z + " - " + target + ")^2)/2");
            case NONE -> throw new IllegalStateException();
        };
    }

    /**
     * The mean of the per-sample loss over a batch of {@code batch} samples, the columns of the
     * symbols {@code inputs} (in×batch) and {@code targets} (out×batch), which it declares:
     * (Σ_columns logsumexp(Z) − Σ Y ⊙ Z)/B for the cross-entropy, Σ (Z − Y)²/(2B) for the squared
     * error, with Z = {@link #logits(String) logits(inputs)}; PyTorch's {@code reduction="mean"}.
     */
    public Expr batchLoss(String inputs, String targets, int batch) {
        Loss k = needLoss();
        if (batch < 1) throw new DotbarException("batchLoss: the batch needs at least one sample, got " + batch);
        String x = Exprs.sym(inputs).name(), y = Exprs.sym(targets).name();
        if (x.equals(y)) throw new DotbarException("batchLoss: the inputs and the targets need two names, got " + x + " twice");
        Shapes.declare(x, sizes[0], batch);
        Shapes.declare(y, sizes[sizes.length - 1], batch);
        return Parser.parse(batchLossText(k, x, y, batch));
    }

    /** The text of {@link #batchLoss}'s mean over the columns of {@code x} and {@code y}, {@code batch} of them. */
    private String batchLossText(Loss k, String x, String y, int batch) {
        String z = "(" + logitsText(x) + ")";
        return k == Loss.SOFTMAX_CROSS_ENTROPY
                ? "(sum(logsumexp" + z + ") - sum(" + y + "*" + z + "))/" + batch
                : "sum((" + z + " - " + y + ")^2)/" + (2L * batch);
    }

    private Loss needLoss() {
        if (kind == Loss.NONE) {
            throw new DotbarException("the network has no loss yet: choose one, e.g. mlp(…).softmaxCrossEntropy(\"y\") or .squaredError(\"y\")");
        }
        return kind;
    }

    private String batchSymbol(String name, int rows) {
        String s = Exprs.sym(name).name();
        var shape = Shapes.declared(s);
        if (shape.rows() != rows) {
            throw new DotbarException("logits(\"" + s + "\"): " + s + " is " + shape + " but the network's input has " + rows
                    + " rows; declare it first, e.g. matrix(\"" + s + "\", " + rows + ", B) for B samples");
        }
        return s;
    }

    /**
     * Parameters as {@code torch.nn.Linear} initialises them ({@code kaiming_uniform_(a=√5)} for
     * the weight and its bias rule): every entry of W_l and b_l drawn uniformly from
     * (−1/√fan_in, 1/√fan_in), fan_in = the layer's input size, in the order W1 row by row, b1,
     * W2, …, from a {@link SplittableRandom} seeded with {@code seed}. The same seed gives the same
     * point; it is not torch's generator, so the numbers differ from {@code torch.manual_seed(seed)}'s
     * (load torch's weights with {@code at("W1", …)} to start where torch does).
     */
    public Point init(long seed) {
        declareParameters();
        var random = new SplittableRandom(seed);
        var pairs = new ArrayList<Object>();
        for (int l = 1; l < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l - 1]);
            double[][] w = new double[sizes[l]][sizes[l - 1]];
            for (double[] row : w) for (int j = 0; j < row.length; j++) row[j] = uniform(random, bound);
            double[][] b = new double[sizes[l]][1];
            for (double[] row : b) row[0] = uniform(random, bound);
            pairs.addAll(List.of(weight(l), value(w), bias(l), value(b)));
        }
        return Point.of(pairs.toArray());
    }

    /** What {@code at(…)} takes for a value of these rows: a number for 1×1 (a scalar, which has no declared shape), else the array. */
    private static Object value(double[][] rows) {
        return rows.length == 1 && rows[0].length == 1 ? (Object) rows[0][0] : rows;
    }

    /** U(−bound, bound): (2u − 1)·bound, u uniform in [0, 1), as torch's {@code uniform_(-bound, bound)} maps its draws. */
    private static double uniform(SplittableRandom random, double bound) {
        return (2 * random.nextDouble() - 1) * bound;
    }

    /**
     * The fraction of samples classified right: row r of {@code inputs} is a sample's input (in
     * entries), row r of {@code targets} its target (out entries, one-hot or scores), and a sample
     * is right when the largest of its logits at {@code parameters} is where its target's largest
     * entry is (the first on ties, as torch's {@code argmax}).
     */
    public double accuracy(Point parameters, double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new DotbarException("accuracy: " + inputs.length + " input rows but " + targets.length + " target rows");
        }
        if (inputs.length == 0) throw new DotbarException("accuracy: no samples");
        int out = sizes[sizes.length - 1];
        for (int r = 0; r < inputs.length; r++) {
            if (targets[r] == null || targets[r].length != out) {
                throw new DotbarException("accuracy: target row " + (r + 1) + " has " + (targets[r] == null ? 0 : targets[r].length)
                        + " entries, the network " + out + " outputs");
            }
            if (inputs[r] == null || inputs[r].length != sizes[0]) {
                throw new DotbarException("accuracy: input row " + (r + 1) + " has " + (inputs[r] == null ? 0 : inputs[r].length)
                        + " entries, the network's input " + input + " " + sizes[0]);
            }
        }
        return forward(parameters, columns(inputs), null).accuracy(targets);
    }

    /** The mean loss and the accuracy over a dataset, from {@link #evaluate}. */
    public record Scores(double loss, double accuracy) {
        @Override public String toString() { return "loss=" + Format.brief(loss) + "  accuracy=" + Format.brief(accuracy); }
    }

    /**
     * The mean per-sample loss and the {@link #accuracy} over every row of {@code data} at
     * {@code parameters}, in one forward pass with the rows as the columns of a matrix: the value
     * of {@link #batchLoss} over all N rows (PyTorch's {@code reduction="mean"}) and the fraction
     * whose largest logit is at the target's largest entry. The data's columns are read as an
     * optimizer reads them ({@code x1 … x64} for the input x, {@code y1 … y10} for the target y);
     * a missing column is an error naming it.
     */
    public Scores evaluate(Point parameters, Dataset data) {
        needLoss();
        if (data == null) throw new DotbarException("evaluate: the dataset is null");
        Binding bound = Binding.of(loss(), data, parameters());
        double[][] rows = bound.rows(data);
        int at = 0, xAt = -1, yAt = -1;
        for (String s : bound.symbols()) {
            if (s.equals(input)) xAt = at;
            if (s.equals(target)) yAt = at;
            at += Shapes.declared(s).size();
        }
        if (xAt < 0 || yAt < 0) {
            String missing = xAt < 0 ? input : target;
            int n = sizes[xAt < 0 ? 0 : sizes.length - 1];
            throw new DotbarException("evaluate: the data (columns " + Dataset.listed(data.columns()) + ") has no columns " + missing + "1 … "
                    + missing + n + " for the network's " + (xAt < 0 ? "input " : "target ") + missing);
        }
        int in = sizes[0], out = sizes[sizes.length - 1];
        double[][] inputs = new double[rows.length][], targets = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            inputs[r] = Arrays.copyOfRange(rows[r], xAt, xAt + in);
            targets[r] = Arrays.copyOfRange(rows[r], yAt, yAt + out);
        }
        Forward f = forward(parameters, columns(inputs), columns(targets));
        return new Scores(f.loss, f.accuracy(targets));
    }

    /** The logits of every sample (a column each) and, when the targets are given, the mean loss. */
    private record Forward(double[][] logits, double loss) {
        double accuracy(double[][] targets) {
            int right = 0;
            double[] column = new double[logits.length];
            for (int r = 0; r < targets.length; r++) {
                for (int i = 0; i < column.length; i++) column[i] = logits[i][r];
                if (argmax(column) == argmax(targets[r])) right++;
            }
            return (double) right / targets.length;
        }
    }

    /**
     * One forward pass over N samples: the input symbol is read as the in×N matrix {@code x}
     * (each bias added to every column) and, when {@code y} is not null, the target as the out×N
     * matrix y, for this thread only ({@link Shapes#within}), so nothing is declared for anyone else.
     */
    private Forward forward(Point parameters, double[][] x, double[][] y) {
        int n = x[0].length;
        var shapes = new java.util.HashMap<String, dotbar.expr.Shape>();
        shapes.put(input, new dotbar.expr.Shape(sizes[0], n));
        if (y != null) shapes.put(target, new dotbar.expr.Shape(sizes[sizes.length - 1], n));
        return Shapes.within(shapes, () -> {
            var pairs = new ArrayList<Object>();
            parameters.asMap().forEach((k, v) -> pairs.addAll(List.of(k, v)));
            for (String name : parameters.arrayNames()) pairs.addAll(List.of(name, parameters.array(name)));
            pairs.addAll(List.of(input, x));
            if (y != null) pairs.addAll(List.of(target, y));
            Point at = Point.of(pairs.toArray());
            Expr z = Parser.parse(logitsText(input));
            if (y == null) return new Forward(z.evalArray(at), Double.NaN);
            Expr loss = Parser.parse(batchLossText(needLoss(), input, target, n));
            var values = TensorEval.values(List.of(z, loss), at);
            return new Forward(values.get(z).toArray(), values.get(loss).entries()[0]);
        });
    }

    /** The rows as the columns of a matrix: row r of the result is entry r of every row. */
    private static double[][] columns(double[][] rows) {
        double[][] r = new double[rows[0].length][rows.length];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < r.length; j++) r[j][i] = rows[i][j];
        return r;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /** {@code mlp 64→32→10, relu, softmax cross-entropy against y: W1 32×64, b1 32×1, W2 10×32, b2 10×1 (2410 parameters)}. */
    @Override
    public String toString() {
        var shapes = new ArrayList<String>();
        for (int l = 1; l < sizes.length; l++) {
            shapes.add(weight(l) + " " + sizes[l] + "×" + sizes[l - 1]);
            shapes.add(bias(l) + " " + sizes[l] + "×1");
        }
        String arrows = String.join("→", Arrays.stream(sizes).mapToObj(Integer::toString).toList());
        String loss = switch (kind) {
            case NONE -> "no loss yet";
            case SOFTMAX_CROSS_ENTROPY -> "softmax cross-entropy against " + target;
            case SQUARED_ERROR -> "squared error against " + target;
        };
        return "mlp " + input + ": " + arrows + ", " + (activation == null ? "linear" : activation) + ", " + loss + ": "
                + String.join(", ", shapes) + " (" + parameterCount() + " parameters)";
    }
}
