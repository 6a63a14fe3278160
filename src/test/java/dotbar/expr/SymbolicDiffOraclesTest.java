package dotbar.expr;

import static dotbar.DotBar.at;
import static dotbar.DotBar.diff;
import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.testing.CentralDifference;
import dotbar.testing.RandomExprs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Symbolic {@code diff} against two independent oracles: central finite differences (Commons
 * Math, {@link CentralDifference}) on random expressions at points inside every op's domain
 * (points where the difference quotient's own error estimate is large are skipped), and SymPy's values of first and
 * second partials ({@code refs/sympy-derivatives.tsv}, every row).
 */
class SymbolicDiffOraclesTest {
    @Provide Arbitrary<RandomExprs.Sample> smooth() { return RandomExprs.smooth(5); }

    @Property(tries = 300)
    void firstDerivativeMatchesCentralDifferences(@ForAll("smooth") RandomExprs.Sample s) {
        for (String v : s.expr().vars()) {
            var numeric = CentralDifference.of(s.expr(), s.point(), v);
            Assume.that(numeric.reliable(1e-9));
            double symbolic = diff(s.expr(), v).eval(s.point());
            assertClose(numeric.value(), symbolic, 1e-7, () -> "∂/∂" + v + " of " + s);
        }
    }

    @Property(tries = 150)
    void secondDerivativeMatchesCentralDifferencesOfTheFirst(@ForAll("smooth") RandomExprs.Sample s) {
        String v = s.expr().vars().get(0);
        Expr first = diff(s.expr(), v);
        var numeric = CentralDifference.of(first, s.point(), v);
        Assume.that(numeric.reliable(1e-9));
        double symbolic = diff(s.expr(), v, 2).eval(s.point());
        assertClose(numeric.value(), symbolic, 1e-7, () -> "∂²/∂" + v + "² of " + s + "; first derivative " + first);
    }

    /** One row of the SymPy table: an expression, a point, "value" / "d x" / "d x y", and SymPy's number. */
    record Reference(String expression, String point, String what, double value) {
        @Override public String toString() { return what + " of " + expression + " at " + point; }
    }

    static Stream<Reference> sympyRows() throws IOException {
        var in = Objects.requireNonNull(SymbolicDiffOraclesTest.class.getResourceAsStream("/refs/sympy-derivatives.tsv"));
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Reference> rows = r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .map(c -> new Reference(c[0], c[1], c[2], Double.parseDouble(c[3]))).toList();
            assertEquals(36, rows.size(), "rows of the SymPy table");
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sympyRows")
    void agreesWithSympy(Reference ref) {
        Expr e = parse(ref.expression());
        String[] what = ref.what().split(" ");
        for (int i = 1; i < what.length; i++) e = diff(e, what[i]);
        assertClose(ref.value(), e.eval(at(ref.point())), 1e-12, ref::toString);
    }

    private static void assertClose(double expected, double actual, double relative, java.util.function.Supplier<String> what) {
        double tolerance = relative * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                () -> what.get() + ": expected " + expected + ", got " + actual + " (tolerance " + tolerance + ")");
    }
}
