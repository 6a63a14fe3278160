package dotbar.tensor;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Shapes;
import dotbar.reference.RefFiles;
import dotbar.reference.RefFiles.Case;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * dotbar's tensor gradients against {@code torch.autograd} (float64, computed outside the
 * project: {@code refs/torch-networks}): every case — the seed's eq. (31) network, 2 and 3 layers
 * with sigmoid, tanh and ReLU, squared error and softmax cross-entropy, one sample and a batch of
 * five, and the 64-32-10 network on a digit — written in the DSL's matrix notation, its loss and
 * every parameter's gradient (reverse mode, and the symbolic {@code diff(L, W)} evaluated) within
 * 1e-12 relative of torch's, an exact 0 (a dead ReLU) exactly 0.
 *
 * <p>Cross-entropy is written with the ops this slice has: per column,
 * {@code log(colsum(exp(w))) − colsum(y ⊙ w)} with y one-hot.
 */
class TorchNetworkGradientsTest {
    static final double TOLERANCE = 1e-12;

    @TestFactory
    Stream<DynamicTest> everyNetworkGradientAgreesWithTorch() {
        return networks(false);
    }

    /** The cross-entropy cases again with the loss written {@code sum(logsumexp(w) − colsum(y ⊙ w))/B}. */
    @TestFactory
    Stream<DynamicTest> theCrossEntropyWrittenWithLogsumexpAgreesWithTorch() {
        return networks(true);
    }

    private static Stream<DynamicTest> networks(boolean logsumexp) {
        var cases = RefFiles.cases("/refs/torch-networks/networks.tsv");
        cases.addAll(RefFiles.cases("/refs/torch-networks/mlp-64-32-10.tsv.gz"));
        assertEquals(26, cases.size());
        var tests = new ArrayList<DynamicTest>();
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            if (logsumexp && !c.spec().get("loss").equals("cross-entropy")) continue;
            String prefix = (logsumexp ? "tl" : "tn") + k + "_";
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                var declared = new ArrayList<String>();
                try {
                    agrees(c, prefix, declared, logsumexp);
                } finally {
                    declared.forEach(Shapes::forget);
                }
            }));
        }
        if (logsumexp) assertEquals(13, tests.size(), "the cross-entropy cases: 12 small networks and the 64-32-10 MLP");
        return tests.stream();
    }

    private static void agrees(Case c, String prefix, List<String> declared, boolean logsumexp) {
        var net = new TorchNetworkText(c, prefix);
        declared.addAll(net.declared());
        int layers = net.layers();
        var p = at(net.pointArguments());
        String loss = net.loss(logsumexp ? TorchNetworkText.CrossEntropy.LOGSUMEXP : TorchNetworkText.CrossEntropy.LOG_COLSUM_EXP);
        Expr L = parse(loss);
        check(c.tensors().get("loss L").values()[0], L.eval(p), c.name() + " L");
        var g = grad(L, p);
        for (int l = 1; l <= layers; l++) {
            for (String param : List.of("W" + l, "b" + l)) {
                double[] expected = c.tensors().get("grad " + param).values();
                double[][] reverse = g.array(prefix + param);
                double[][] symbolic = diff(L, prefix + param).evalArray(p);
                int cols = reverse[0].length;
                for (int i = 0; i < expected.length; i++) {
                    check(expected[i], reverse[i / cols][i % cols], c.name() + " ∂L/∂" + param + "[" + i + "] reverse");
                    check(expected[i], symbolic[i / cols][i % cols], c.name() + " ∂L/∂" + param + "[" + i + "] symbolic");
                }
            }
        }
    }

    private static void check(double expected, double actual, String where) {
        assertTrue(Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected),
                () -> where + ": torch " + expected + ", dotbar " + actual + " (relative " + Math.abs(actual - expected) / Math.abs(expected) + ")");
    }
}
