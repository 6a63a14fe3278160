package dotbar.tensor;

import static dotbar.DotBar.def;
import static dotbar.DotBar.grad;
import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.reverse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dotbar.expr.Expr;
import dotbar.expr.Shapes;

import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties over random shapes and random entries (new ones on every run): a layer's loss
 * through symbolic = reverse = forward = central differences, the transpose of a product, and the
 * round trip of the text, whatever the sizes (1×1 dimensions included, where the product meets
 * scaling and broadcasting); and the same layer written as a def with a matrix body.
 */
class TensorPropertiesTest {

    private static void withShapes(int m, int k, int n, Runnable body) {
        TensorChecks.withShapes("p", m, k, n, body);
    }

    @Property(tries = 30)
    void aLayersGradientAgreesFourWays(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int k,
                                       @ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            Expr L = parse("sum(pC" + s + " * tanh(pW" + s + "·pX" + s + " + pb" + s + ")) + sum((pW" + s + "·pX" + s + ")^2)/2");
            var random = new Random(seed);
            var p = TensorChecks.randomPoint(random, -1, 1, L.vars());
            TensorChecks.agree(L.toString(), L, p, random);
        });
    }

    @Property(tries = 30)
    void theTransposeOfAProductIsTheProductOfTheTransposesReversed(@ForAll @IntRange(min = 1, max = 4) int m,
            @ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            Expr left = parse("(pW" + s + "·pX" + s + ")ᵀ"), right = parse("pX" + s + "ᵀ·pW" + s + "ᵀ");
            assertEquals(List.of(n, m), List.of(left.shape()[0], left.shape()[1]));
            var p = TensorChecks.randomPoint(new Random(seed), -2, 2, right.vars());
            double[][] a = left.evalArray(p), b = right.evalArray(p);
            for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) assertEquals(a[i][j], b[i][j], 1e-12, "entry " + i + "," + j);
        });
    }

    @Property(tries = 30)
    void tensorTextParsesBack(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 1, max = 4) int k,
                              @ForAll @IntRange(min = 1, max = 4) int n) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            for (String t : List.of("pW·pX + pb", "(pW·pX)ᵀ·pC", "sum(pC ⊙ σ(pW·pX - pb))", "-(pXᵀ·pWᵀ)ᵀ ⊙ pC/2", "mean((pW·pX)^2)")) {
                Expr e = parse(t.replaceAll("p([WXbC])", "p$1" + s));
                assertSame(e, parse(e.toString()), t + " printed " + e);
            }
        });
    }

    /**
     * A layer written as a def ({@code l(v) = W·v + b}, applied to the k×n batch X, b broadcast
     * across the columns): its gradient agrees four ways, its value is the layer written out, its
     * text parses back, and each parameter's backprop row evaluates to the gradient. W has two
     * columns at least (a 1×1 W is a scalar, and a body with no matrix in it captures nothing);
     * b is a scalar when m = 1, captured all the same.
     */
    @Property(tries = 25)
    void aLayerWrittenAsADefAgreesEverywhere(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 2, max = 4) int k,
                                             @ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        withShapes(m, k, n, () -> {
            String s = m + "x" + k + "x" + n;
            def("pl" + s + "(v) = pW" + s + "·v + pb" + s);
            def("pt" + s + "(w) = tanh(w)");
            String text = "sum(pC ⊙ pt(pl(pX))) + sum(pl(pX)^2)/2", written = "sum(pC ⊙ tanh(pW·pX + pb)) + sum((pW·pX + pb)^2)/2";
            Expr L = parse(text.replaceAll("(p[CXWblt])", "$1" + s)), plain = parse(written.replaceAll("(p[CXWb])", "$1" + s));
            assertSame(L, parse(L.toString()), L + " parses back");
            var random = new Random(seed);
            var p = TensorChecks.randomPoint(random, -1, 1, L.vars());
            assertEquals(plain.eval(p), L.eval(p), 1e-12 * Math.max(1, Math.abs(plain.eval(p))), "the def is the layer");
            TensorChecks.agree(L.toString(), L, p, random);
            var rows = reverse(L);
            var g = grad(L, p);
            for (String x : List.of("pW" + s, "pb" + s)) {
                if (Shapes.declared(x).isScalar()) {   // b is a scalar when m = 1
                    assertEquals(g.get(x), rows.backprop().of(x).value().eval(p), 1e-12, x + "'s row");
                    continue;
                }
                double[][] row = rows.backprop().of(x).value().evalArray(p), expected = g.array(x);
                for (int i = 0; i < expected.length; i++) {
                    for (int j = 0; j < expected[0].length; j++) assertEquals(expected[i][j], row[i][j], 1e-12, x + "'s row (" + i + ", " + j + ")");
                }
            }
        });
    }
}
