package dotbar.diff;

import static dotbar.DotBar.*;
import static dotbar.diff.Oracles.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SymPy 1.11's values, first and second partials (refs/sympy-derivatives.tsv, computed outside
 * dotbar to 30 digits), reproduced by every route dotbar has: evaluation, symbolic diff, numeric
 * forward and reverse traces, grad, the symbolic sweeps, repeated diff and the Hessian.
 */
class SympyReferenceTest {
    record Ref(String expression, String point, String what, double value) {
        @Override public String toString() { return what + " of " + expression + " at " + point; }
    }

    static Stream<Ref> refs() throws IOException {
        var in = SympyReferenceTest.class.getResourceAsStream("/refs/sympy-derivatives.tsv");
        assertNotNull(in, "refs/sympy-derivatives.tsv on the test class path");
        var rows = new ArrayList<Ref>();
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                rows.add(new Ref(f[0], f[1], f[2], Double.parseDouble(f[3])));
            }
        }
        assertEquals(36, rows.size());
        return rows.stream();
    }

    private static final double TOL = 1e-12;

    @ParameterizedTest(name = "{0}")
    @MethodSource("refs")
    void everyRouteAgreesWithSympy(Ref ref) {
        Expr e = parse(ref.expression());
        Point p = at(ref.point());
        List<String> d = List.of(ref.what().split(" "));
        if (ref.what().equals("value")) {
            assertClose(ref.value(), e.eval(p), TOL, "eval");
            assertClose(ref.value(), forward(e, p, "x").value(), TOL, "forward trace value");
            assertClose(ref.value(), reverse(e, p).value(), TOL, "reverse trace value");
        } else if (d.size() == 2) {
            String x = d.get(1);
            assertClose(ref.value(), diff(e, x).eval(p), TOL, "diff");
            assertClose(ref.value(), forward(e, p, x).derivative(), TOL, "forward trace");
            assertClose(ref.value(), reverse(e, p).gradient().get(x), TOL, "reverse trace");
            assertClose(ref.value(), grad(e, p).get(x), TOL, "grad");
            assertClose(ref.value(), forward(e, x).derivative().eval(p), TOL, "symbolic forward");
            assertClose(ref.value(), reverse(e).gradient().get(x).eval(p), TOL, "symbolic reverse");
        } else {
            String x = d.get(1), y = d.get(2);
            Hessian h = hessian(e, p);
            assertClose(ref.value(), diff(diff(e, x), y).eval(p), TOL, "diff twice");
            assertClose(ref.value(), h.get(x, y), TOL, "hessian");
            assertClose(ref.value(), h.get(y, x), TOL, "hessian, transposed");
            assertClose(ref.value(), forward(diff(e, x), p, y).derivative(), TOL, "forward over symbolic");
            assertClose(ref.value(), grad(reverse(e).gradient().get(x), p).get(y), TOL, "reverse over reverse");
        }
    }
}
