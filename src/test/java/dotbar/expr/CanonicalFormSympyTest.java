package dotbar.expr;

import static dotbar.DotBar.diff;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.simplify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The canonical form at construction against SymPy, computed outside the project
 * (src/test/resources/canonical/sympy_forms.py, SymPy 1.14): for each formula, or its
 * derivative, dotbar's result has SymPy's value at random points, and simplified it is the very
 * node that SymPy's printed form parses to and simplifies to (construction keeps terms in the
 * order they first appear; simplify sorts them), except where the table below says why not.
 */
class CanonicalFormSympyTest {
    /** Rows whose SymPy form is another arrangement of the same value, and why. */
    private static final Map<String, String> ARRANGED_OTHERWISE = Map.of();

    record Row(String input, String wrt, String sympy) {}

    static List<Row> rows() throws IOException {
        try (InputStream in = CanonicalFormSympyTest.class.getResourceAsStream("/canonical/sympy-forms.tsv")) {
            var rows = new ArrayList<Row>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] c = line.split("\t");
                rows.add(new Row(c[0], c[1], c[2]));
            }
            return rows;
        }
    }

    private static Expr ours(Row r) {
        Expr e = parse(r.input());
        return r.wrt().equals("-") ? e : diff(e, r.wrt());
    }

    @Test
    void theTableIsThere() throws IOException {
        assertTrue(rows().size() >= 30, "at least 30 SymPy forms");
    }

    @Test
    void sameValueAsSympyAtRandomPoints() throws IOException {
        var random = new java.util.Random(13);
        for (Row r : rows()) {
            Expr ours = ours(r), theirs = parse(r.sympy());
            for (int i = 0; i < 20; i++) {
                Point p = Point.of("x", 0.2 + 2 * random.nextDouble(), "y", -2 + 4 * random.nextDouble(), "z", random.nextDouble());
                double a = ours.eval(p), b = theirs.eval(p);
                assertEquals(b, a, 1e-12 * Math.max(1, Math.abs(b)), () -> r + ": " + ours + " at " + p);
            }
        }
    }

    @Test
    void sameNodeAsSympysPrintedForm() throws IOException {
        var different = new ArrayList<String>();
        for (Row r : rows()) {
            Expr ours = simplify(ours(r)), theirs = simplify(parse(r.sympy()));
            if (ARRANGED_OTHERWISE.containsKey(r.input() + " d/d" + r.wrt())) continue;
            if (ours != theirs) different.add(r + ": dotbar " + ours + ", SymPy's form reads " + theirs);
        }
        assertEquals(List.of(), different);
    }

    @Test
    void theIssuesExamplesPrintLikeSympy() {
        assertEquals("x", diff(parse("x^2/2"), "x").toString());
        assertEquals("x² + 2", diff(parse("x^3/3 + 2*x"), "x").toString());
        assertEquals("1/3", parse("1/3").toString());
        assertEquals("π/2", parse("π/2").toString());
        assertEquals("exp(-x)/(1 + exp(-x))²", diff(parse("1/(1+exp(-x))"), "x").toString());
        assertSame(parse("exp(-x)/(1 + exp(-x))^2"), diff(parse("1/(1+exp(-x))"), "x"));
    }
}
