package dotbar.tape;

import static dotbar.expr.Exprs.add;
import static dotbar.expr.Exprs.call;
import static dotbar.expr.Exprs.div;
import static dotbar.expr.Exprs.mul;
import static dotbar.expr.Exprs.num;
import static dotbar.expr.Exprs.pow;
import static dotbar.expr.Exprs.sub;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random expression DAGs for the tape's property tests, smooth and finite on [−2, 2]ⁿ: a pool
 * starts with the symbols and a few numbers, and each step applies a random op to random
 * members of the pool, so later nodes share earlier ones. (Until the shared generator lands.)
 */
final class LocalRandomExprs {
    private LocalRandomExprs() {}

    static Expr dag(Random random, List<String> symbols, int steps) {
        var pool = new ArrayList<Expr>();
        for (String s : symbols) pool.add(Exprs.sym(s));
        pool.add(num(2));
        pool.add(num(-0.5));
        for (int i = 0; i < steps; i++) {
            Expr a = pick(random, pool), b = pick(random, pool);
            pool.add(switch (random.nextInt(16)) {
                case 0, 1 -> add(a, b);
                case 2 -> sub(a, b);
                case 3, 4 -> mul(a, b);
                case 5 -> div(a, add(num(1.5), mul(b, b)));              // denominator ≥ 1.5
                case 6 -> pow(a, num(2 + random.nextInt(2)));
                case 7 -> pow(add(num(1), call(Op.SIGMOID, a)), call(Op.TANH, b));  // base in (1, 2), exponent in (−1, 1)
                case 8 -> call(Op.SIN, a);
                case 9 -> call(Op.COS, a);
                case 10 -> call(Op.TANH, a);
                case 11 -> call(Op.EXP, call(Op.SIN, a));
                case 12 -> call(Op.LOG, add(num(1), mul(a, a)));
                case 13 -> call(Op.SQRT, add(num(0.5), call(Op.SOFTPLUS, a)));
                case 14 -> call(Op.ATAN, a);
                default -> call(Op.NEG, call(Op.ASINH, a));
            });
        }
        // the root mixes the last few nodes so that most of the pool is reachable
        Expr root = pool.get(pool.size() - 1);
        for (int k = 2; k <= 4 && k <= pool.size(); k++) root = add(root, call(Op.TANH, pool.get(pool.size() - k)));
        return root;
    }

    private static Expr pick(Random random, List<Expr> pool) {
        // favour recent nodes, so depth grows
        int n = pool.size();
        return pool.get(random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 4)) : random.nextInt(n));
    }
}
