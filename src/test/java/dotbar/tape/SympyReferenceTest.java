package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Point;
import dotbar.parse.Parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tape against SymPy 1.11 ({@code refs/sympy-derivatives.tsv}, 30-digit arithmetic printed to
 * 17): values and first partials directly, second partials as finite differences of the tape's
 * gradient.
 */
class SympyReferenceTest {
    record Row(String expression, String point, List<String> by, double expected) {
        @Override public String toString() { return expression + " at " + point + ": " + (by.isEmpty() ? "value" : "d " + by); }
    }

    static Stream<Row> rows() throws IOException {
        var in = Objects.requireNonNull(SympyReferenceTest.class.getResourceAsStream("/refs/sympy-derivatives.tsv"));
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")).map(f -> {
                var what = List.of(f[2].split(" "));
                return new Row(f[0], f[1], what.subList(what.get(0).equals("d") ? 1 : what.size(), what.size()),
                        Double.parseDouble(f[3]));
            }).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void tapeMatchesSympy(Row row) {
        Expr e = Parser.parse(row.expression());
        Compiled c = Tapes.of(e, e.vars());
        double[] x = dotbar.DotBar.at(row.point()).values(c.params());
        double actual = switch (row.by().size()) {
            case 0 -> c.value(x);
            case 1 -> c.gradient(x)[c.params().indexOf(row.by().get(0))];
            default -> secondPartial(c, x, c.params().indexOf(row.by().get(0)), c.params().indexOf(row.by().get(1)));
        };
        double tolerance = (row.by().size() < 2 ? 1e-13 : 1e-8) * Math.max(1, Math.abs(row.expected()));
        assertEquals(row.expected(), actual, tolerance, row::toString);
        assertTrue(c.nodes() > 1);
    }

    /** ∂/∂x_j of the tape's ∂f/∂x_i, by Commons Math's 7-point finite differences. */
    private static double secondPartial(Compiled c, double[] x, int i, int j) {
        double[] shifted = x.clone();
        UnivariateFunction along = t -> {
            shifted[j] = t;
            return c.gradient(shifted)[i];
        };
        var d = new FiniteDifferencesDifferentiator(7, 1e-3).differentiate(along);
        return d.value(new DerivativeStructure(1, 1, 0, x[j])).getPartialDerivative(1);
    }
}
