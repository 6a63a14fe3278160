package dotbar.expr;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.base.DotbarException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreSmokeTest {
    @Test
    void internedAndStructural() {
        Sym x = sym("x");
        assertSame(x, sym("x"));
        assertSame(x.times(sym("y")), sym("x").times(sym("y")));
        assertEquals(x.plus(0), x);
        assertEquals(num(2).times(3), num(6));
    }

    @Test
    void evalAndDiffAgreeWithHandValues() {
        Sym x = sym("x"), y = sym("y");
        Expr e = x.pow(2).times(y).plus(exp(y));
        Point p = at("x=2, y=0");
        assertEquals(1.0, e.eval(p), 1e-12);  // 2²·0 + e⁰
        assertEquals(0.0, diff(e, "x").eval(p), 1e-12);
        assertEquals(5.0, diff(e, "y").eval(p), 1e-12);
        assertEquals(12.0, diff(x.pow(3), "x", 2).eval(at("x=2")), 1e-12);
        DotbarException ex = assertThrows(DotbarException.class, () -> x.plus(y).plus(sym("z")).eval(at("x=1")));
        assertEquals("no values for y, z", ex.getMessage());
    }

    @Test
    void deepChainWithoutRecursion() {
        Expr e = sym("x");
        for (int i = 0; i < 20_000; i++) e = sin(e).plus(sym("x"));
        double v = e.eval(at("x=0.1"));
        assertTrue(Double.isFinite(v));
        assertTrue(Double.isFinite(diff(e, "x").eval(at("x=0.1"))));
        assertTrue(e.toString().length() > 20_000);
    }

    @Test
    void memoisedDiffStaysSmall() {
        Expr y = sym("x");
        for (int i = 0; i < 60; i++) y = y.times(y).plus(y);
        assertTrue(diff(y, "x").size() <= 10 * y.size());
    }

    @Test
    void abstractChainReadsInnermostFirst() {
        Fn w1 = Functions.register(Fn.abstractFn("w1", List.of("a", "b", "c")));
        Fn f1 = Functions.register(Fn.abstractFn("φ1", List.of("w")));
        Expr e = f1.apply(w1.apply(sym("a"), sym("b"), sym("c")));
        Expr d = diff(e, "a");
        Partial outer = assertInstanceOf(Partial.class, ((Call) d).args().get(1));
        assertEquals("w1", outer.argumentName(0));
    }
}
