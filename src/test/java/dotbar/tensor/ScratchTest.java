package dotbar.tensor;

import static dotbar.DotBar.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test void show() {
        var W = matrix("Wq", 2, 3); var x = vector("xq", 3); var y = vector("yq", 2);
        var L = parse("sum((Wq·xq - yq)^2)/2");
        System.out.println("L = " + L + "  latex " + latex(L));
        System.out.println("dL/dW = " + diff(L, "Wq"));
        System.out.println("dL/dx = " + diff(L, "xq"));
        System.out.println("shape " + java.util.Arrays.toString(diff(L, "Wq").shape()));
        var p = at("Wq", new double[][]{{1,2,3},{4,5,6}}, "xq", new double[]{1,-1,2}, "yq", new double[]{0.5, 1});
        System.out.println("L(p) = " + L.eval(p));
        System.out.println("grad W = " + java.util.Arrays.deepToString(grad(L, p).array("Wq")));
        System.out.println("diff eval = " + java.util.Arrays.deepToString(diff(L, "Wq").evalArray(p)));
        var e = parse("σ(Wq·xq) * yq + xqᵀ·xq");
        System.out.println(e + " | " + latex(e) + " | roundtrip " + (parse(e.toString()) == e));
        var t = parse("(Wq·xq)ᵀ·yq");
        System.out.println(t + " roundtrip " + (parse(t.toString()) == t));
        System.out.println(reverse(L));
        try { parse("Wq·yq"); } catch (Exception ex) { System.out.println(ex.getMessage()); }
        try { parse("xq + yq"); } catch (Exception ex) { System.out.println(ex.getMessage()); }
        try { matrix("Wq", 3, 3); } catch (Exception ex) { System.out.println(ex.getMessage()); }
        System.out.println(forward(L, "xq"));
    }
}
