package dotbar.tensor;

import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
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
 * scaling and broadcasting).
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
}
