package dotbar.tensor;

import static dotbar.DotBar.matrix;

import dotbar.reference.RefFiles.Case;
import dotbar.reference.RefFiles.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A torch reference network case ({@code refs/torch-networks}) written in the DSL, shared by the
 * tests that hold dotbar's tensor gradients to torch's: the case's parameters, input and target
 * declared as matrix symbols (named with a prefix, so cases do not collide), their values, and
 * the loss text {@code w_l = W_l·φ_(l−1) + b_l, φ_l = f(w_l), φ_0 = x}.
 */
public final class TorchNetworkText {
    /** How the cross-entropy is written: with {@code logsumexp}, or as {@code log(colsum(exp(w)))}. */
    public enum CrossEntropy { LOGSUMEXP, LOG_COLSUM_EXP }

    private final Case c;
    private final String prefix;
    private final List<String> declared = new ArrayList<>();
    private final Map<String, double[][]> values = new LinkedHashMap<>();

    /** Declares the case's param, input and target tensors as {@code prefix + name} matrices. */
    public TorchNetworkText(Case c, String prefix) {
        this.c = c;
        this.prefix = prefix;
        for (String t : c.tensors().keySet()) {
            String[] kind = t.split(" ");
            if (!kind[0].equals("param") && !kind[0].equals("input") && !kind[0].equals("target")) continue;
            Tensor v = c.tensors().get(t);
            String name = prefix + kind[1];
            matrix(name, v.rows(), v.cols());
            declared.add(name);
            values.put(name, rows(v));
        }
    }

    /** The symbols this case declared (to forget afterwards). */
    public List<String> declared() { return declared; }

    /** Each declared symbol's value, by rows, in the file's order. */
    public Map<String, double[][]> values() { return values; }

    /** {@code name1, value1, name2, value2, …}: the arguments of {@code at(…)}. */
    public Object[] pointArguments() {
        var args = new ArrayList<Object>();
        values.forEach((name, v) -> { args.add(name); args.add(v); });
        return args.toArray();
    }

    /** The number of layers (weight matrices). */
    public int layers() { return c.spec().get("layers").split(",").length - 1; }

    /** W1, b1, W2, b2, … with the prefix. */
    public List<String> parameters() {
        var params = new ArrayList<String>();
        for (int l = 1; l <= layers(); l++) {
            params.add(prefix + "W" + l);
            params.add(prefix + "b" + l);
        }
        return params;
    }

    /** The loss text: mean squared error over the batch, or the mean softmax cross-entropy written as asked. */
    public String loss(CrossEntropy style) {
        int batch = Integer.parseInt(c.spec().get("batch"));
        String phi = prefix + "x", w = null;
        for (int l = 1; l <= layers(); l++) {
            w = prefix + "W" + l + "·" + phi + " + " + prefix + "b" + l;
            String f = l < layers() ? c.spec().get("hidden") : c.spec().get("output");
            phi = f.equals("identity") ? "(" + w + ")" : f + "(" + w + ")";
        }
        String y = prefix + "y";
        if (c.spec().get("loss").equals("squared")) return "sum((" + phi + " - " + y + ")^2)/2/" + batch;
        String normaliser = style == CrossEntropy.LOGSUMEXP ? "logsumexp(" + w + ")" : "log(colsum(exp(" + w + ")))";
        return "sum(" + normaliser + " - colsum(" + y + " * (" + w + ")))/" + batch;
    }

    private static double[][] rows(Tensor t) {
        double[][] r = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) for (int j = 0; j < t.cols(); j++) r[i][j] = t.get(i, j);
        return r;
    }
}
