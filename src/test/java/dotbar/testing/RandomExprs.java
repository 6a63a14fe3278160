package dotbar.testing;

import dotbar.expr.Call;
import dotbar.expr.Evaluator;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Point;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random expressions for jqwik property tests, shared by every suite that needs them.
 *
 * <pre>{@code
 * @Provide Arbitrary<Expr> anyExpr() { return RandomExprs.exprs(); }
 * @Provide Arbitrary<RandomExprs.Sample> smooth() { return RandomExprs.smooth(4); }
 *
 * @Property(tries = 300)
 * void gradientAgrees(@ForAll("smooth") RandomExprs.Sample s) {
 *     double v = s.expr().eval(s.point());          // finite, with finite local derivatives
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #exprs(int)}: expressions over <em>every</em> op of {@link Op} (operators and
 *       functions), the symbols {@link #SYMBOLS} and {@link #constants() constants}, between
 *       ⌈maxDepth/2⌉ and maxDepth ops deep, built through {@link Exprs} (so construction
 *       simplification has happened). {@link #exprs(int, List)} also applies given named
 *       functions ({@link Fn}), whose applications stay nodes of their own.</li>
 *   <li>{@link #trees(int)}: the same expressions as plain {@link Tree}s <em>before</em>
 *       simplification, with their own op-by-op evaluation — an oracle for tests of {@link Exprs}.</li>
 *   <li>{@link #smooth(int)}, {@link #smooth(Arbitrary)}: an expression with a point at which it
 *       is smooth: every op's operand lies a margin inside the op's domain and away from its
 *       kinks, and every value and local partial derivative is moderate, so symbolic, automatic
 *       and finite-difference derivatives must agree there. {@link #isSmoothAt} is the same test
 *       for expressions a suite builds itself.</li>
 *   <li>{@link #points()}: points giving each of x, y, z a value in [−2, 2].</li>
 * </ul>
 *
 * Depth is bounded (jqwik's {@code Arbitraries.recursive}); nothing here recurses on the depth of
 * an expression.
 */
public final class RandomExprs {
    /** The free symbols of generated expressions. */
    public static final List<String> SYMBOLS = List.of("x", "y", "z");

    /** The distance kept from domain boundaries (log at 0, asin at ±1, …) and from kinks (|u| at 0). */
    public static final double MARGIN = 0.05;

    /** The largest magnitude {@link #isSmoothAt} allows for a node's value or local partial. */
    public static final double BOUND = 1e3;

    /** How many candidate points {@link #smooth} tries per expression before giving it up. */
    private static final int CANDIDATE_POINTS = 8;

    private RandomExprs() {}

    /** Expressions 3 to 5 ops deep. */
    public static Arbitrary<Expr> exprs() {
        return exprs(5);
    }

    /** Expressions over every op, x, y, z and constants, ⌈maxDepth/2⌉ to {@code maxDepth} ops deep. */
    public static Arbitrary<Expr> exprs(int maxDepth) {
        return trees(maxDepth).map(Tree::build);
    }

    /**
     * Expressions that also apply the given named functions (defined or abstract; an
     * application stays a node of its own, {@code w1(a, b, c)}), besides every op.
     */
    public static Arbitrary<Expr> exprs(int maxDepth, List<Fn> functions) {
        return trees(maxDepth, functions).map(Tree::build);
    }

    /** {@link #exprs(int, List)} with exact constants, as formulas type them ({@link Tree#buildTyped}): their text parses back to them. */
    public static Arbitrary<Expr> typedExprs(int maxDepth, List<Fn> functions) {
        return trees(maxDepth, functions).map(Tree::buildTyped);
    }

    /** Unsimplified expression trees, ⌈maxDepth/2⌉ to {@code maxDepth} ops deep (a leaf may stop a branch early). */
    public static Arbitrary<Tree> trees(int maxDepth) {
        return trees(maxDepth, List.of());
    }

    /** Unsimplified trees over every op and the given named functions. */
    public static Arbitrary<Tree> trees(int maxDepth, List<Fn> functions) {
        Arbitrary<Tree> leaf = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SYMBOLS).map(Tree.Var::new)),
                Tuple.of(1, constants().map(Tree.Const::new)));
        return Arbitraries.recursive(() -> leaf, deeper -> {
            Arbitrary<Tree> opNode = Combinators.combine(ops(), deeper, deeper).as(
                    (op, a, b) -> new Tree.Node(op, op.arity() == 1 ? List.of(a) : List.of(a, b)));
            if (functions.isEmpty()) return Arbitraries.frequencyOf(Tuple.of(1, leaf), Tuple.of(8, opNode));
            Arbitrary<Tree> application = Arbitraries.of(functions)
                    .flatMap(fn -> deeper.list().ofSize(fn.arity()).map(args -> new Tree.App(fn, args)));
            return Arbitraries.frequencyOf(Tuple.of(1, leaf), Tuple.of(6, opNode), Tuple.of(2, application));
        }, (maxDepth + 1) / 2, maxDepth);
    }

    /**
     * Every op, the six operators ({@code + − · / ^} and unary minus) four times as often as
     * each function, so that about half the nodes are operators.
     */
    public static Arbitrary<Op> ops() {
        // scalar expressions: a tensor op at scalars is the scalar op it reduces to (dotbar.tensor tests the tensor ops)
        return Arbitraries.frequencyOf(Arrays.stream(Op.values()).filter(op -> !dotbar.expr.Tensors.isTensorOp(op))
                .map(op -> Tuple.of(op.isOperator() ? 4 : 1, Arbitraries.just(op)))
                .toList());
    }

    /**
     * Constants as they occur: small integers (including negative ones and 0), one-decimal
     * numbers, doubles in [−10, 10] with all 17 digits, finite doubles of any magnitude (random
     * bits), and a few special ones (π, e, 0.1, 1.5e-3, 1e-7, 6.02e23, 1e-300, 4.9e-324).
     */
    public static Arbitrary<Double> constants() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(-3, 5).map(Integer::doubleValue)),
                Tuple.of(3, Arbitraries.integers().between(-50, 50).map(i -> i / 10.0)),
                Tuple.of(2, Arbitraries.randomValue(r -> 20 * r.nextDouble() - 10)),
                Tuple.of(1, Arbitraries.randomValue(r -> Double.longBitsToDouble(r.nextLong())).filter(Double::isFinite)),
                Tuple.of(1, Arbitraries.of(Math.PI, Math.E, 0.1, 1.5e-3, 1e-7, 6.02e23, 1e-300, Double.MIN_VALUE)));
    }

    /** Points giving each of {@link #SYMBOLS} a value in [−2, 2] (six decimals). */
    public static Arbitrary<Point> points() {
        Arbitrary<Double> v = Arbitraries.doubles().between(-2, 2).ofScale(6)
                .withDistribution(RandomDistribution.uniform());
        return Combinators.combine(v, v, v).as((x, y, z) -> Point.of("x", x, "y", y, "z", z));
    }

    /**
     * Points for the overflow range: each of x, y, z is, with equal odds, a value where ops
     * overflow (±1e308, ±MAX, ±1e300, ±1e200, ±1e154 whose square overflows, ±710 and 800 where
     * exp, sinh and cosh do), an ordinary value in [−2, 2], or a finite double of any magnitude
     * (random bits).
     */
    public static Arbitrary<Point> overflowPoints() {
        Arbitrary<Double> v = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300,
                        1e200, -1e200, 1e154, -1e154, 710.0, -710.0, 800.0)),
                Tuple.of(1, Arbitraries.doubles().between(-2, 2).ofScale(2)),
                Tuple.of(1, Arbitraries.randomValue(r -> Double.longBitsToDouble(r.nextLong())).filter(Double::isFinite)));
        return Combinators.combine(v, v, v).as((x, y, z) -> Point.of("x", x, "y", y, "z", z));
    }

    /** An expression and a point at which it is smooth (see {@link #isSmoothAt}). */
    public record Sample(Expr expr, Point point) {
        @Override public String toString() { return expr + " at " + point; }
    }

    /**
     * Non-constant expressions at most {@code maxDepth} deep, each with a point where {@link #isSmoothAt}
     * holds. Of {@value #CANDIDATE_POINTS} random points the first smooth one is taken; an
     * expression smooth at none of them (such as {@code acosh(sin(x))}) is filtered out.
     */
    public static Arbitrary<Sample> smooth(int maxDepth) {
        return smooth(exprs(maxDepth));
    }

    /**
     * The non-constant expressions of {@code exprs} (for instance {@link #exprs(int, List)} with
     * defined functions), each with a point where {@link #isSmoothAt} holds.
     */
    public static Arbitrary<Sample> smooth(Arbitrary<Expr> exprs) {
        Arbitrary<Expr> nonConstant = exprs.filter(e -> !e.vars().isEmpty());
        return Combinators.combine(nonConstant, points().list().ofSize(CANDIDATE_POINTS))
                .as((e, candidates) -> candidates.stream().filter(p -> isSmoothAt(e, p)).findFirst().map(p -> new Sample(e, p)))
                .filter(Optional::isPresent)
                .map(Optional::get);
    }

    /**
     * True when {@code e} (with defined functions inlined) is smooth at {@code p}: every node's value is finite
     * with magnitude ≤ {@value #BOUND}; every local partial ∂n/∂uᵢ ({@link Op#numericPartials})
     * whose operand uᵢ is not a constant is too; and each op's operand keeps {@value #MARGIN} away
     * from where the op is undefined or not differentiable: 0 for log, √, the divisor and kinks
     * (abs, relu, sign, step); ±1 for asin, acos, atanh; 1 for acosh; the poles of tan (|cos u| ≥
     * margin); atan2's (y, x) off its branch cut y = 0, x ≤ 0; and a power's base must be positive unless its exponent is an integer constant.
     */
    public static boolean isSmoothAt(Expr e, Point p) {
        // both forms: inlining can fold an operand away (h(x, 0) = x·sin(0) + 0² → 0 hides the
        // x/x beside it in (x + x/x)·h(x, 0)), while the uninlined DAG is what gets differentiated
        return callsAreSmooth(e, p) && callsAreSmooth(Graph.inline(e), p);
    }

    private static boolean callsAreSmooth(Expr e, Point p) {
        var value = Evaluator.values(e, p.asMap());
        for (Expr n : Graph.topologicalOrder(e)) {
            double v = value.get(n);
            if (!(Math.abs(v) <= BOUND)) return false;
            if (!(n instanceof Call c)) continue;
            double[] args = c.args().stream().mapToDouble(value::get).toArray();
            if (!insideDomain(c, args)) return false;
            double[] partials = c.op().numericPartials(args, v);
            for (int i = 0; i < partials.length; i++) {
                if (!(c.args().get(i) instanceof Num) && !(Math.abs(partials[i]) <= BOUND)) return false;
            }
        }
        return true;
    }

    private static boolean insideDomain(Call c, double[] args) {
        double u = args[0];
        return switch (c.op()) {
            case DIV -> Math.abs(args[1]) >= MARGIN;
            case POW -> c.args().get(1) instanceof Num n && n.value() == Math.rint(n.value())
                    ? Math.abs(u) >= MARGIN : u >= MARGIN;
            case LOG, SQRT -> u >= MARGIN;
            case ASIN, ACOS, ATANH -> Math.abs(u) <= 1 - MARGIN;
            case ACOSH -> u >= 1 + MARGIN;
            case TAN -> Math.abs(Math.cos(u)) >= MARGIN;
            case ABS, RELU, SIGN, STEP -> Math.abs(u) >= MARGIN;
            // atan2(y, x) jumps by 2π across its branch cut y = 0, x < 0 (and is singular at the origin)
            case ATAN2 -> Math.abs(u) >= MARGIN || args[1] >= MARGIN;
            default -> true;
        };
    }

    /**
     * An expression tree as generated, before {@link Exprs}' construction simplification. Its
     * {@link #values} evaluate it op by op with {@link Op#apply} and nothing else, which makes it
     * an independent oracle for the folding and rewriting done at construction.
     */
    public sealed interface Tree {
        /** A constant leaf. */
        record Const(double value) implements Tree {}

        /** A symbol leaf. */
        record Var(String name) implements Tree {}

        /** An op applied to subtrees. */
        record Node(Op op, List<Tree> args) implements Tree {}

        /** A named function applied to subtrees. */
        record App(Fn fn, List<Tree> args) implements Tree {}

        /** The expression, built (and so simplified) through {@link Exprs}. */
        default Expr build() {
            var built = new ArrayList<Expr>();
            for (Tree t : postOrder()) {
                built.add(switch (t) {
                    case Const c -> Exprs.num(c.value());
                    case Var v -> Exprs.sym(v.name());
                    case Node n -> Exprs.call(n.op(), pop(built, n.args().size()));
                    case App a -> Exprs.apply(a.fn(), pop(built, a.args().size()));
                });
            }
            return built.get(0);
        }

        /**
         * The expression as a formula would type it: each constant is the exact decimal it
         * prints as (its shortest decimal; π is {@link Exprs#PI}), so printing it and parsing
         * the text gives the same node.
         */
        default Expr buildTyped() {
            var built = new ArrayList<Expr>();
            for (Tree t : postOrder()) {
                built.add(switch (t) {
                    case Const c when c.value() == Math.PI -> Exprs.PI;
                    case Const c -> c.value() < 0 ? Exprs.neg(typed(-c.value())) : typed(c.value());
                    case Var v -> Exprs.sym(v.name());
                    case Node n -> Exprs.call(n.op(), pop(built, n.args().size()));
                    case App a -> Exprs.apply(a.fn(), pop(built, a.args().size()));
                });
            }
            return built.get(0);
        }

        private static Expr typed(double nonNegative) {
            return Exprs.decimal(Double.toString(nonNegative).replace('E', 'e'));
        }

        /** The value of every subtree, in post-order (operands first, this tree's value last). */
        default List<Double> values(Map<String, Double> at) {
            var all = new ArrayList<Double>();
            var stack = new ArrayList<Double>();
            for (Tree t : postOrder()) {
                double v = switch (t) {
                    case Const c -> c.value();
                    case Var x -> at.get(x.name());
                    case Node n -> {
                        List<Double> a = pop(stack, n.args().size());
                        yield n.op().apply(a.get(0), a.size() > 1 ? a.get(1) : 0);
                    }
                    case App f -> Evaluator.applyFunction(f.fn(),
                            pop(stack, f.args().size()).stream().mapToDouble(Double::doubleValue).toArray());
                };
                stack.add(v);
                all.add(v);
            }
            return all;
        }

        /** The subtrees, each after its operands, this tree last. */
        default List<Tree> postOrder() {
            var out = new ArrayDeque<Tree>();
            var todo = new ArrayDeque<Tree>();
            todo.push(this);
            while (!todo.isEmpty()) {        // reversed pre-order with children left to right = post-order backwards
                Tree t = todo.pop();
                out.push(t);
                if (t instanceof Node n) n.args().forEach(todo::push);
                if (t instanceof App a) a.args().forEach(todo::push);
            }
            return new ArrayList<>(out);
        }

        private static <T> List<T> pop(List<T> stack, int k) {
            var top = new ArrayList<>(stack.subList(stack.size() - k, stack.size()));
            stack.subList(stack.size() - k, stack.size()).clear();
            return top;
        }
    }
}
