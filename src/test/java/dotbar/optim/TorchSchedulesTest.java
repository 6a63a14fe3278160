package dotbar.optim;

import static dotbar.optim.TorchReferenceTest.stepAndCompare;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.DotBar;
import dotbar.expr.Expr;
import dotbar.expr.Point;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code refs/torch-schedules/schedules.tsv} (torch.optim and lr_scheduler 1.13,
 * float64, written by the make_schedules.py beside it): weight decay on each optimizer, the four
 * schedules, clipping by norm and all three together; x, y and the loss at each of the 50 steps
 * agree to 1e-12 relative.
 */
class TorchSchedulesTest {
    private static final Map<String, Point> STARTS = Map.of(
            "(1 - x)^2 + 100*(y - x^2)^2", DotBar.at("x=-1.5, y=2"), "x^2 + 10*y^2", DotBar.at("x=3, y=1"));

    record Ref(String testCase, String function, String optimizer, String keywords, String schedule, String clip,
               int step, double x, double y, double loss) {}

    static List<Ref> rows() throws IOException {
        var rows = new ArrayList<Ref>();
        for (String[] f : RefTsv.read("/refs/torch-schedules/schedules.tsv")) {
            rows.add(new Ref(f[0], f[1], f[2], f[3], f[4], f[5], Integer.parseInt(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9])));
        }
        return rows;
    }

    /** The dotbar optimizer a torch case describes, built through the facade as a user would. */
    static Optimizer optimizer(Ref r) {
        Expr loss = DotBar.parse(r.function());
        Point start = STARTS.get(r.function());
        var kw = new LinkedHashMap<String, String>();
        for (String word : r.keywords().split(" ")) kw.put(word.split("=")[0], word.split("=")[1]);
        double lr = Double.parseDouble(kw.remove("lr"));
        String momentum = kw.remove("momentum");
        Optimizer o = switch (r.optimizer()) {
            case "SGD" -> DotBar.sgd(loss, start).lr(lr).momentum(momentum == null ? 0 : Double.parseDouble(momentum));
            // torch's SGD(lr, momentum=α, nesterov=True) is the seed's nesterov with η = lr/(1 − α)
            case "SGD-nesterov" -> {
                double α = Double.parseDouble(momentum);
                yield DotBar.nesterov(loss, start).lr(lr / (1 - α)).alpha(α);
            }
            case "Adagrad" -> DotBar.adagrad(loss, start).lr(lr);
            case "RMSprop" -> DotBar.rmsprop(loss, start).lr(lr);
            case "Adam" -> DotBar.adam(loss, start).lr(lr);
            case "AdamW" -> DotBar.adamw(loss, start).lr(lr);
            default -> throw new AssertionError(r.optimizer());
        };
        kw.forEach((k, v) -> {
            switch (k) {
                case "betas" -> o.betas(Double.parseDouble(v.split(",")[0]), Double.parseDouble(v.split(",")[1]));
                case "alpha" -> o.rho(Double.parseDouble(v)); // RMSprop's alpha is ρ
                case "eps" -> o.eps(Double.parseDouble(v));
                case "weight_decay" -> o.weightDecay(Double.parseDouble(v));
                default -> throw new AssertionError(k);
            }
        });
        String[] s = r.schedule().split(":");
        switch (s[0]) {
            case "none" -> { }
            case "step" -> o.schedule(DotBar.stepLR(Integer.parseInt(s[1]), Double.parseDouble(s[2])));
            case "exp" -> o.schedule(DotBar.exponentialLR(Double.parseDouble(s[1])));
            case "cosine" -> o.schedule(DotBar.cosine(Integer.parseInt(s[1]), Double.parseDouble(s[2])));
            case "linear" -> o.schedule(DotBar.linearLR(Double.parseDouble(s[1]), Double.parseDouble(s[2]), Integer.parseInt(s[3])));
            default -> throw new AssertionError(r.schedule());
        }
        if (!r.clip().equals("none")) o.clipNorm(Double.parseDouble(r.clip()));
        return o;
    }

    @TestFactory
    Stream<DynamicTest> everyStepAgrees() throws IOException {
        var groups = new LinkedHashMap<String, List<Ref>>();
        for (Ref r : rows()) groups.computeIfAbsent(r.testCase(), k -> new ArrayList<>()).add(r);
        assertEquals(23, groups.size(), "cases read");
        assertEquals(23 * 50, groups.values().stream().mapToInt(List::size).sum(), "rows read");
        return groups.entrySet().stream().map(group -> DynamicTest.dynamicTest(group.getKey(), () -> {
            Optimizer o = optimizer(group.getValue().get(0));
            for (Ref r : group.getValue()) stepAndCompare(o, r.step(), group.getKey(), r.x(), r.y(), r.loss());
        }));
    }
}
