package dotbar.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Point;
import dotbar.expr.Sym;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of {@code refs/torch-optim.tsv} (torch.optim 1.13 in float64, and the seed's momentum
 * eq. 1–2): the trajectory at steps 1, 2, 3, 10, 100 agrees to 1e-12 relative.
 */
class TorchReferenceTest {
    private static final Sym X = Exprs.sym("x"), Y = Exprs.sym("y");

    /** The file's functions, and the start points its step-1 rows imply (gd: θ₁ = θ₀ − 0.01·∇L(θ₀)). */
    private static final Map<String, Expr> FUNCTIONS = Map.of(
            "x^2 + 10*y^2", X.pow(2).plus(Y.pow(2).times(10)),
            "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
            Exprs.num(1.5).minus(X).plus(X.times(Y)).pow(2)
                    .plus(Exprs.num(2.25).minus(X).plus(X.times(Y.pow(2))).pow(2))
                    .plus(Exprs.num(2.625).minus(X).plus(X.times(Y.pow(3))).pow(2)));
    private static final Map<String, Point> STARTS = Map.of("quad", dotbar.DotBar.at("x=3, y=1"), "beale", dotbar.DotBar.at("x=1, y=1.5"));
    private static final Map<String, Supplier<Rule>> RULES = Map.of("gd", Rules::gd, "adagrad", Rules::adagrad,
            "rmsprop", Rules::rmsprop, "adam", Rules::adam, "adamw", Rules::adamw, "momentum", Rules::momentum);

    record Ref(String testCase, String function, String optimizer, String hyper, int step, double x, double y, double loss) {}

    static List<Ref> rows() throws IOException {
        var rows = new ArrayList<Ref>();
        for (String[] f : RefTsv.read("/refs/torch-optim.tsv")) {
            rows.add(new Ref(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRowAgrees() throws IOException {
        var groups = new LinkedHashMap<String, List<Ref>>();
        for (Ref r : rows()) groups.computeIfAbsent(r.testCase() + " " + r.optimizer() + " " + r.hyper(), k -> new ArrayList<>()).add(r);
        assertEquals(60, groups.values().stream().mapToInt(List::size).sum(), "rows read");
        return groups.entrySet().stream().map(group -> DynamicTest.dynamicTest(group.getKey(), () -> {
            Ref first = group.getValue().get(0);
            Optimizer o = RULES.get(first.optimizer()).get().on(FUNCTIONS.get(first.function()), STARTS.get(first.testCase()));
            for (String kv : first.hyper().split(" ")) {
                String[] p = kv.split("=");
                o.set(p[0], Double.parseDouble(p[1]));
            }
            for (Ref r : group.getValue()) stepAndCompare(o, r.step(), group.getKey(), r.x(), r.y(), r.loss());
        }));
    }

    /** Steps {@code o} on to {@code step} and asserts x, y and the loss there to 1e-12 relative. */
    static void stepAndCompare(Optimizer o, int step, String what, double x, double y, double loss) {
        o.step((int) (step - o.t()));
        String where = what + " step " + step;
        assertClose(x, o.at().get("x"), where + " x");
        assertClose(y, o.at().get("y"), where + " y");
        assertClose(loss, o.loss(), where + " loss");
    }

    static void assertClose(double expected, double actual, String what) {
        double rel = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(rel <= 1e-12, what + ": expected " + expected + ", got " + actual + " (relative error " + rel + ")");
    }
}
