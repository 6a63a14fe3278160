package dotbar.optim;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Expr;

import org.junit.jupiter.api.Test;

/** The Optimizers part of contract-smoke.jsh, statement for statement, with its hand-worked values. */
class ContractOptimizersTest {
    static boolean near(double a, double b) { return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)); }

    @Test
    void contractOptimizers() {
        Expr bowl = parse("(x-1)^2 + 10*(y+2)^2");
        Optimizer o = gd(bowl, at("x=0, y=0")).lr(0.01);
        o.step();
        assertTrue(o.t() == 1 && near(o.at().get("x"), 0.02) && near(o.at().get("y"), -0.4), "gd step " + o);
        o.step(2000);
        assertTrue(Math.abs(o.at().get("x") - 1) < 1e-6 && o.loss() < 1e-9, "gd converges " + o);
        for (Optimizer q : new Optimizer[]{momentum(bowl, at("x=0, y=0")), nesterov(bowl, at("x=0, y=0")), adagrad(bowl, at("x=0, y=0")).lr(0.5),
                rmsprop(bowl, at("x=0, y=0")), adam(bowl, at("x=0, y=0")).lr(0.01).betas(0.9, 0.999).eps(1e-8), adamw(bowl, at("x=0, y=0")).lr(0.01)}) {
            q.step(5000);
            assertTrue(q.loss() < 1e-2, "converges: " + q);
        }
        assertTrue(near(rmsprop(bowl, at("x=0, y=0")).rho(0.9).step().at().get("x"), 0.01 / (Math.sqrt(0.1 * 4) + 1e-8) * 2 * 1), "rmsprop first step with ρ");
        assertTrue(o.history().size() >= 1 && o.state() != null, "history and state");
        Rule r = rule("heavy", "v = α*v - g", "θ = θ + η*v").set("α", 0.5).set("η", 0.01);
        Optimizer ho = r.on(bowl, at("x=0, y=0"));
        ho.step(2);
        assertTrue(near(ho.at().get("x"), 0.02 + 0.01 * (0.5 * 2 + 2 * (1 - 0.02))), "custom rule steps: " + ho.at());
        assertTrue(near(unroll(rmsprop(), "w", 2).eval(at("ρ=0.5, g1=2, g2=4")), 0.5 * 0.5 * 4 + 0.5 * 16), "unroll");
        Dataset d = data("u v", new double[][]{{0, 1}, {1, 3}, {2, 5}});
        Optimizer so = sgd(parse("(m*u + b - v)^2"), d, at("m=0, b=0")).lr(0.05).batch(3).seed(7);
        so.step(3000);
        assertTrue(Math.abs(so.at().get("m") - 2) < 1e-3 && Math.abs(so.at().get("b") - 1) < 1e-3, "sgd on data " + so);
    }
}
