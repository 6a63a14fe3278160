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
 * Properties of defs with matrix bodies over random shapes and entries: a layer written as a def
 * ({@code l(v) = W·v + b}, applied to a k×n batch, b broadcast across the columns) has its
 * gradient agree four ways (symbolic, reverse, forward, central differences), its value equal to
 * the layer written out, its text parse back to the same node, and each parameter's backprop row
 * evaluate to the gradient. W has two columns at least (a 1×1 W is a scalar, and a body with no
 * matrix in it captures nothing); b is a scalar when m = 1, captured all the same.
 */
class MatrixDefsPropertiesTest {

    @Property(tries = 25)
    void aLayerWrittenAsADefAgreesEverywhere(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @IntRange(min = 2, max = 4) int k,
                                             @ForAll @IntRange(min = 1, max = 4) int n, @ForAll long seed) {
        String s = m + "x" + k + "x" + n;
        List<String> names = List.of("dW" + s, "dX" + s, "db" + s, "dC" + s);
        matrix(names.get(0), m, k);
        matrix(names.get(1), k, n);
        matrix(names.get(2), m, 1);
        matrix(names.get(3), m, n);
        try {
            def("dl" + s + "(v) = dW" + s + "·v + db" + s);
            def("dt" + s + "(w) = tanh(w)");
            String text = "sum(dC ⊙ dt(dl(dX))) + sum(dl(dX)^2)/2", written = "sum(dC ⊙ tanh(dW·dX + db)) + sum((dW·dX + db)^2)/2";
            Expr L = parse(text.replaceAll("(d[CXWblt])", "$1" + s)), plain = parse(written.replaceAll("(d[CXWb])", "$1" + s));
            assertSame(L, parse(L.toString()), L + " parses back");
            var random = new Random(seed);
            var p = TensorChecks.randomPoint(random, -1, 1, L.vars());
            assertEquals(plain.eval(p), L.eval(p), 1e-12 * Math.max(1, Math.abs(plain.eval(p))), "the def is the layer");
            TensorChecks.agree(L.toString(), L, p, random);
            var rows = reverse(L);
            var g = grad(L, p);
            for (String x : List.of("dW" + s, "db" + s)) {
                if (Shapes.declared(x).isScalar()) {   // b is a scalar when m = 1
                    assertEquals(g.get(x), rows.backprop().of(x).value().eval(p), 1e-12, x + "'s row");
                    continue;
                }
                double[][] row = rows.backprop().of(x).value().evalArray(p), expected = g.array(x);
                for (int i = 0; i < expected.length; i++) {
                    for (int j = 0; j < expected[0].length; j++) assertEquals(expected[i][j], row[i][j], 1e-12, x + "'s row (" + i + ", " + j + ")");
                }
            }
        } finally {
            names.forEach(Shapes::forget);
        }
    }
}
