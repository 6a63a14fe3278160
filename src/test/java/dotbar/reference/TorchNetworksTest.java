package dotbar.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.reference.RefFiles.Case;
import dotbar.reference.RefFiles.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written {@link Mlp} reproduces every case of {@code refs/torch-networks} (torch.autograd,
 * float64): the loss, every parameter's gradient, and the forward values and adjoints of every
 * layer, each entry within 1e-12 relative. So the files are what their README says, and the
 * baseline the benchmarks use computes the same numbers as torch.
 */
class TorchNetworksTest {
    static final double TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> everySmallNetworkAgrees() {
        List<Case> cases = RefFiles.cases("/refs/torch-networks/networks.tsv");
        assertEquals(25, cases.size(), "cases in networks.tsv");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> System.out.println(c.name() + ": " + agrees(c))));
    }

    @TestFactory
    Stream<DynamicTest> theDigitsNetworkAgrees() {
        List<Case> cases = RefFiles.cases("/refs/torch-networks/mlp-64-32-10.tsv.gz");
        assertEquals(1, cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            System.out.println(c.name() + ": " + agrees(c));
            // The file's input is row 0 of the shipped digits, pixels/16.
            Digits d = Digits.load();
            double[] x = c.get("input", "x").values();
            assertEquals(Arrays.toString(Arrays.copyOf(d.features(), 64)), Arrays.toString(x));
            assertEquals(String.valueOf(d.labels()[0]), c.spec().get("labels"));
        }));
    }

    /** Loads the case into an Mlp, runs it, and compares everything the case records. */
    static Relative agrees(Case c) {
        int[] sizes = Arrays.stream(c.spec().get("layers").split(",")).mapToInt(Integer::parseInt).toArray();
        int batch = Integer.parseInt(c.spec().get("batch"));
        boolean squared = c.spec().get("loss").equals("squared");
        var net = new Mlp(batch, Activation.named(c.spec().get("hidden")), Activation.named(c.spec().get("output")), sizes);
        int L = net.layers();
        double[] theta = new double[net.parameterCount()], grad = new double[net.parameterCount()];
        for (int l = 1; l <= L; l++) {
            Tensor W = c.get("param", "W" + l), b = c.get("param", "b" + l);
            assertEquals(sizes[l] + "×" + sizes[l - 1], W.rows() + "×" + W.cols(), c.name() + " W" + l);
            System.arraycopy(W.values(), 0, theta, net.weightOffset(l), W.values().length);
            System.arraycopy(b.values(), 0, theta, net.biasOffset(l), b.values().length);
        }
        double[] x = c.get("input", "x").columnMajor();
        double loss;
        if (squared) {
            loss = net.squaredError(theta, x, c.get("target", "y").columnMajor(), batch, grad);
        } else {
            int[] labels = Arrays.stream(c.spec().get("labels").split(",")).mapToInt(Integer::parseInt).toArray();
            loss = net.crossEntropy(theta, x, labels, batch, grad);
        }
        var r = new Relative(TOLERANCE);
        r.check(c.get("loss", "L").values()[0], loss, c.name() + " L");
        for (int l = 1; l <= L; l++) {
            compare(r, c.get("grad", "W" + l).values(), grad, net.weightOffset(l), c.name() + " dL/dW" + l);
            compare(r, c.get("grad", "b" + l).values(), grad, net.biasOffset(l), c.name() + " dL/db" + l);
            compareBatch(r, c.get("forward", "w" + l), net.preActivation(l), c.name() + " w" + l);
            compareBatch(r, c.get("adjoint", "w" + l), net.adjointOfPreActivation(l), c.name() + " dL/dw" + l);
            if (l < L || squared) compareBatch(r, c.get("forward", "phi" + l), net.activation(l), c.name() + " phi" + l);
            Tensor phiBar = c.tensors().get("adjoint phi" + l);
            if (phiBar != null) compareBatch(r, phiBar, net.adjointOfActivation(l), c.name() + " dL/dphi" + l);
            else assertEquals(L, l, c.name() + ": every hidden layer records dL/dphi");
        }
        return r;
    }

    private static void compare(Relative r, double[] expected, double[] actual, int offset, String where) {
        for (int i = 0; i < expected.length; i++) r.check(expected[i], actual[offset + i], where + "[" + i + "]");
    }

    /** {@code expected} is n×B (a column per sample), {@code actual} sample-major. */
    private static void compareBatch(Relative r, Tensor expected, double[] actual, String where) {
        for (int j = 0; j < expected.rows(); j++)
            for (int b = 0; b < expected.cols(); b++)
                r.check(expected.get(j, b), actual[b * expected.rows() + j], where + "[" + j + "," + b + "]");
    }
}
