package dotbar;

import dotbar.base.*;
import dotbar.check.Check;
import dotbar.diff.Cost;
import dotbar.diff.Grad;
import dotbar.diff.Hessian;
import dotbar.diff.Jacobian;
import dotbar.diff.SymbolicDiff;
import dotbar.diff.SymbolicTrace;
import dotbar.diff.TensorGrad;
import dotbar.diff.TensorHessian;
import dotbar.diff.Trace;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.expr.Num;
import dotbar.expr.Op;
import dotbar.expr.Shapes;
import dotbar.expr.Tensors;
import dotbar.expr.Point;
import dotbar.expr.Sym;
import dotbar.parse.Assignments;
import dotbar.parse.Parser;
import dotbar.print.LatexPrinter;
import dotbar.plot.Plot;
import dotbar.simplify.Simplifier;
import dotbar.tape.Compiled;
import dotbar.tape.Tapes;

import java.util.List;

/**
 * The DSL a dotbar session starts with ({@code import static dotbar.DotBar.*}): building and
 * parsing expressions, named functions, differentiation, optimizers and plots. Each method is a
 * thin door to the package that does the work.
 */
public final class DotBar {
    private DotBar() {}

    /**
     * A null argument is bad input like any other: a {@code DotbarException} naming the method and
     * the parameter ({@code at: assignments is null}), not a NullPointerException from deep inside.
     */
    private static void given(Object value, String method, String parameter) {
        if (value == null) throw new DotbarException(method + ": " + parameter + " is null");
        if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                if (items[i] == null) throw new DotbarException(method + ": " + parameter + "[" + i + "] is null");
            }
        }
    }

    // ---- expressions -------------------------------------------------------------------

    /** The symbol {@code name}; {@code sym("x") == sym("x")}. */
    public static Sym sym(String name) { given(name, "sym", "name"); return Exprs.sym(name); }

    /** The floating number {@code value} as an expression (a Java double stays a double: {@code num(0.5)}). */
    public static Num num(double value) { return Exprs.num(value); }

    /** The exact integer {@code value} as an expression ({@code num(2)}; exact numbers fold exactly: {@code num(1).div(3)} is 1/3). */
    public static Num num(long value) { return Exprs.num(value); }

    /** A point from {@code "a=0.5, b=-1.2"}. */
    public static Point at(String assignments) { given(assignments, "at", "assignments"); return Assignments.parse(assignments); }

    /**
     * Declares {@code name} a rows×columns matrix symbol and returns it: later {@code parse} calls
     * know its shape, {@code at(...)} takes a {@code double[][]} (by rows) for it, and
     * {@code diff(L, name)} has its shape. Declaring it again with another shape is an error.
     */
    public static Sym matrix(String name, int rows, int columns) { given(name, "matrix", "name"); return Shapes.declare(name, rows, columns); }

    /** Declares {@code name} an n×1 column vector symbol (a {@code double[]} in {@code at(...)}) and returns it. */
    public static Sym vector(String name, int n) { given(name, "vector", "name"); return Shapes.declare(name, n, 1); }

    /** Forgets the shape declared for {@code name}: it is a scalar symbol again. */
    public static void forget(String name) { given(name, "forget", "name"); Shapes.forget(name); }

    /** The matrix product {@code a·b} (scaling when either is a scalar), as {@code ·} and {@code @} parse. */
    public static Expr matmul(Expr a, Expr b) { given(a, "matmul", "a"); given(b, "matmul", "b"); return Tensors.product(a, b); }

    /** {@code aᵀ}. */
    public static Expr transpose(Expr a) { given(a, "transpose", "a"); return Tensors.transpose(a); }

    /** The sum of all entries, a scalar. */
    public static Expr sum(Expr a) { given(a, "sum", "a"); return Exprs.call(Op.TOTAL, a); }

    /** The mean of all entries, a scalar. */
    public static Expr mean(Expr a) { given(a, "mean", "a"); return Exprs.call(Op.MEAN, a); }

    /** {@code dot(u, v)} = Σ uᵢvᵢ (uᵀ·v for column vectors). */
    public static Expr dot(Expr u, Expr v) { given(u, "dot", "u"); given(v, "dot", "v"); return Exprs.call(Op.DOT, u, v); }

    /**
     * A point from alternating names and values: {@code at("a", 0.5, "b", -1.2)}. A tensor
     * symbol takes a {@code double[]} (a vector) or a {@code double[][]} (by rows).
     */
    public static Point at(Object... namesAndValues) { given(namesAndValues, "at", "namesAndValues"); return Point.of(namesAndValues); }

    /** Replaces applications of defined functions by their bodies. */
    public static Expr inline(Expr e) { given(e, "inline", "e"); return Graph.inline(e); }

    /** The free symbols of {@code e}, sorted by name. */
    public static List<String> vars(Expr e) { given(e, "vars", "e"); return e.vars(); }

    /** The number of distinct DAG nodes of {@code e}. */
    public static int size(Expr e) { given(e, "size", "e"); return e.size(); }

    // ---- built-in functions, one per op of the op table ----------------------------------

    public static Expr sin(Expr x) { given(x, "sin", "x"); return Exprs.call(Op.SIN, x); }
    public static Expr cos(Expr x) { given(x, "cos", "x"); return Exprs.call(Op.COS, x); }
    public static Expr tan(Expr x) { given(x, "tan", "x"); return Exprs.call(Op.TAN, x); }
    public static Expr asin(Expr x) { given(x, "asin", "x"); return Exprs.call(Op.ASIN, x); }
    public static Expr acos(Expr x) { given(x, "acos", "x"); return Exprs.call(Op.ACOS, x); }
    public static Expr atan(Expr x) { given(x, "atan", "x"); return Exprs.call(Op.ATAN, x); }
    public static Expr sinh(Expr x) { given(x, "sinh", "x"); return Exprs.call(Op.SINH, x); }
    public static Expr cosh(Expr x) { given(x, "cosh", "x"); return Exprs.call(Op.COSH, x); }
    public static Expr tanh(Expr x) { given(x, "tanh", "x"); return Exprs.call(Op.TANH, x); }
    public static Expr asinh(Expr x) { given(x, "asinh", "x"); return Exprs.call(Op.ASINH, x); }
    public static Expr acosh(Expr x) { given(x, "acosh", "x"); return Exprs.call(Op.ACOSH, x); }
    public static Expr atanh(Expr x) { given(x, "atanh", "x"); return Exprs.call(Op.ATANH, x); }
    public static Expr exp(Expr x) { given(x, "exp", "x"); return Exprs.call(Op.EXP, x); }
    public static Expr log(Expr x) { given(x, "log", "x"); return Exprs.call(Op.LOG, x); }
    public static Expr sqrt(Expr x) { given(x, "sqrt", "x"); return Exprs.call(Op.SQRT, x); }
    public static Expr abs(Expr x) { given(x, "abs", "x"); return Exprs.call(Op.ABS, x); }
    /** σ(x) = 1/(1 + e⁻ˣ). */
    public static Expr sigmoid(Expr x) { given(x, "sigmoid", "x"); return Exprs.call(Op.SIGMOID, x); }
    /** σ(x), the seed's name for the sigmoid. */
    public static Expr σ(Expr x) { given(x, "σ", "x"); return sigmoid(x); }
    public static Expr relu(Expr x) { given(x, "relu", "x"); return Exprs.call(Op.RELU, x); }
    /** softplus(x) = log(1 + eˣ). */
    public static Expr softplus(Expr x) { given(x, "softplus", "x"); return Exprs.call(Op.SOFTPLUS, x); }
    public static Expr sign(Expr x) { given(x, "sign", "x"); return Exprs.call(Op.SIGN, x); }
    /** Heaviside step with step(0) = 0: the derivative of relu, as in PyTorch. */
    public static Expr step(Expr x) { given(x, "step", "x"); return Exprs.call(Op.STEP, x); }
    /** atan2(y, x): the angle of the point (x, y), in (−π, π]. */ public static Expr atan2(Expr y, Expr x) { given(y, "atan2", "y"); given(x, "atan2", "x"); return Exprs.call(Op.ATAN2, y, x); }
    public static Expr pow(Expr a, Expr b) { given(a, "pow", "a"); given(b, "pow", "b"); return Exprs.call(Op.POW, a, b); }
    public static Expr pow(Expr a, double b) { given(a, "pow", "a"); return Exprs.call(Op.POW, a, Exprs.num(b)); }

    // ---- parsing and printing (parse, def, declare, latex) -------------------------------

    /**
     * Parses math text: {@code parse("a*b + sin(c)^2")}. Syntax: numbers, Unicode names
     * ({@code φ1}, {@code w_2}), {@code + - * · / ^}, superscript powers ({@code x²}), calls of
     * built-ins and of functions made by {@link #def(String)} / {@link #declare(String)},
     * {@code π}. Errors name the column.
     */
    public static Expr parse(String text) { given(text, "parse", "text"); return Parser.parse(text); }

    /**
     * Defines a named function, {@code def("w1(a,b,c) = a*b + c")}: later {@code parse} calls can
     * use it, its applications stay nodes of their own, and its derivatives come from its body.
     * Expressions refer to a function by name: defining a name again (same number of parameters)
     * changes what every expression applying it means, also those built before, and gives a
     * {@code declare}d function its body ({@link Functions}). A body may not apply its own function.
     * Besides its parameters a body may use matrix and vector symbols, which it captures:
     * {@code def("w1(v) = W1·v + b1")} makes {@code w1(x)} depend on W1 and b1, its body built for
     * x's shape; {@code reverse(L).backprop()} then writes the rows in the defs' names (issue 15).
     */
    public static Fn def(String definition) { given(definition, "def", "definition"); return Functions.register(Parser.parseDefinition(definition)); }

    /** Declares an abstract function, {@code declare("f(x, y)")}: a name and an arity, no body. */
    public static Fn declare(String declaration) { given(declaration, "declare", "declaration"); return Functions.register(Parser.parseDeclaration(declaration)); }

    /**
     * The LaTeX source of {@code e}: {@code \frac{}{}}, {@code \sqrt{}}, {@code \sigma}, Greek names
     * as commands ({@code φ2} → {@code \varphi_{2}}), and Leibniz partials
     * ({@code \frac{\partial L}{\partial \varphi_{2}}}). {@code e.toString()} is the Unicode form.
     */
    public static String latex(Expr e) { given(e, "latex", "e"); return LatexPrinter.print(e); }

    // ---- named functions ----------------------------------------------------------------

    /** A defined function from Java: {@code def("sq", List.of("u"), sym("u").pow(2))}. */
    public static Fn def(String name, List<String> params, Expr body) {
        given(name, "def", "name");
        given(params, "def", "params");
        given(body, "def", "body");
        given(params.toArray(), "def", "params");
        return Functions.register(Fn.defined(name, params, body));
    }

    // ---- differentiation ----------------------------------------------------------------

    /** ∂e/∂x, symbolic (memoised on the DAG). */
    public static Expr diff(Expr e, String x) { given(e, "diff", "e"); given(x, "diff", "x"); return SymbolicDiff.diff(e, x); }

    /** ∂e/∂x by a symbol; anything but a symbol is an error. */
    public static Expr diff(Expr e, Expr x) {
        given(e, "diff", "e");
        given(x, "diff", "x");
        if (!(x instanceof Sym s)) throw new DotbarException("can only differentiate by a symbol, not by " + x);
        return SymbolicDiff.diff(e, s.name());
    }

    /** The n-th derivative ∂ⁿe/∂xⁿ. */
    public static Expr diff(Expr e, String x, int n) { given(e, "diff", "e"); given(x, "diff", "x"); return SymbolicDiff.diff(e, x, n); }

    // ---- forward and reverse mode, grad, hessian, check, simplify -----------------------

    /**
     * Forward mode at a point, seeded with ẋ = 1 (eq. 24–26): a {@link Trace} with one row per
     * node — value and tangent — whose {@code derivative()} is ∂e/∂x.
     */
    public static Trace forward(Expr e, Point point, String x) { given(e, "forward", "e"); given(point, "forward", "point"); given(x, "forward", "x"); TensorGrad.refuse(e, "forward(e, point, x)"); return Trace.forward(e, point, x); }

    /**
     * Reverse mode at a point, seeded with L̄ = 1 (eq. 27–30): a {@link Trace} with one row per
     * node — value and adjoint — whose {@code gradient()} holds every ∂e/∂x from the one sweep.
     */
    public static Trace reverse(Expr e, Point point) { given(e, "reverse", "e"); given(point, "reverse", "point"); TensorGrad.refuse(e, "reverse(e, point)"); return Trace.reverse(e, point); }

    /** Symbolic forward mode: every node's tangent as an expression, the seed's eq. (24)–(26) for this graph. */
    public static SymbolicTrace forward(Expr e, String x) { given(e, "forward", "e"); given(x, "forward", "x"); return SymbolicTrace.forward(e, x); }

    /** Symbolic reverse mode: every node's adjoint as an expression, the seed's eq. (27)–(30) for this graph. */
    public static SymbolicTrace reverse(Expr e) { given(e, "reverse", "e"); return SymbolicTrace.reverse(e); }

    /**
     * The gradient at a point by reverse mode: {@code grad(L, p).get("a")}, {@code .norm()}. It
     * runs on the expression's compiled tape, compiled once per expression ({@link Tapes#of}).
     */
    public static Grad grad(Expr e, Point point) {
        given(e, "grad", "e");
        given(point, "grad", "point");
        if (TensorGrad.applies(e)) return TensorGrad.of(e, point);  // matrices: issue 15's reverse walk
        Compiled tape = Tapes.of(e);  // cached: a second call neither walks nor compiles e
        // the same tape at the same point gives the same (immutable) answer: grad(e, p) in a loop computes it once
        LastGrad last = lastGrad;
        if (last != null && last.tape() == tape && last.point() == point) return last.grad();
        Grad g = Grad.over(tape.wrt(), tape.gradient(point));
        lastGrad = new LastGrad(tape, point, g);
        return g;
    }

    /** The last answer of {@link #grad(Expr, Point)}: Point, tape and Grad are immutable, so it holds while they are the same. */
    private record LastGrad(Compiled tape, Point point, Grad grad) {}

    /**
     * Not volatile: a record's fields are final, so a thread that sees the record sees it whole,
     * and a thread that sees an older one only computes again. A volatile store is a full fence,
     * which a call that computes would pay every time (about a third of grad(e, p) at n = 10).
     */
    private static LastGrad lastGrad;

    /**
     * Every partial ∂e/∂x of {@code e} as an expression, from one symbolic reverse sweep whose
     * partials share their subexpressions: {@code grad(e).get("x3")}; prints as
     * {@code ∇ = (∂/∂a: b, ∂/∂b: a, …)}. All n partials cost about what one {@code diff(e, x)} does.
     */
    public static dotbar.diff.Partials grad(Expr e) { given(e, "grad", "e"); return dotbar.diff.Partials.of(e); }

    /**
     * The Hessian at a point (forward-over-reverse): {@code hessian(L, p).get("a", "b")}. Over
     * matrix and vector symbols (at most 400 entries in all) its rows and columns are their
     * entries, the symbols in name order ({@code vars(L)}) and each row by row:
     * {@code hessian(L, p).get("W[1,2]", "b[3]")}.
     */
    public static Hessian hessian(Expr e, Point point) {
        given(e, "hessian", "e");
        given(point, "hessian", "point");
        return TensorGrad.applies(e) ? TensorHessian.of(e, point, e.vars()) : Hessian.of(e, point);
    }

    /**
     * The Hessian by {@code params} only, in that order, each tensor's entries row by row, the
     * other symbols held at their values in {@code point} (data): {@code hessian(L, p, "W")}
     * for L = sum((W·x − y)²)/2 is block-diagonal with blocks x·xᵀ. At most 400 entries.
     */
    public static Hessian hessian(Expr e, Point point, String... params) {
        given(e, "hessian", "e"); given(point, "hessian", "point"); given(params, "hessian", "params");
        return TensorHessian.of(e, point, List.of(params));
    }

    /**
     * The Jacobian of {@code e} (any shape) by {@code params} at a point by forward mode, one
     * Jacobian–vector product per entry of the params: rows are e's entries ({@code [1,2]}),
     * columns the params' ({@code W[1,3]}), both row by row; {@code jacobian(e, p, "W").toArray()}.
     * At most 400 of each. {@link dotbar.diff.Jacobian#reverse} computes it by reverse mode.
     */
    public static Jacobian jacobian(Expr e, Point point, String... params) {
        given(e, "jacobian", "e"); given(point, "jacobian", "point"); given(params, "jacobian", "params");
        return Jacobian.forward(e, point, List.of(params));
    }

    /**
     * Forward mode at a point along a direction V of the matrix symbol {@code x} (by rows): the
     * directional derivative ė = J·V of {@code e}, of e's shape ({@code [0][0]} for a scalar e);
     * one forward sweep of the op table's Jacobian–vector products (ẏ = V·x for y = W·x).
     * Of {@code diff(L, "W")} it is the Hessian-vector product H·V.
     */
    public static double[][] forward(Expr e, Point point, String x, double[][] direction) {
        given(e, "forward", "e"); given(point, "forward", "point"); given(x, "forward", "x"); given(direction, "forward", "direction");
        return Jacobian.product(e, point, x, direction);
    }

    /** {@link #forward(Expr, Point, String, double[][])} along a direction of the vector symbol {@code x}. */
    public static double[][] forward(Expr e, Point point, String x, double[] direction) {
        given(e, "forward", "e"); given(point, "forward", "point"); given(x, "forward", "x"); given(direction, "forward", "direction");
        return Jacobian.product(e, point, x, direction);
    }

    /** {@link #forward(Expr, Point, String, double[][])} along ẋ = {@code direction} for the scalar symbol {@code x}, for an e of any shape. */
    public static double[][] forward(Expr e, Point point, String x, double direction) {
        given(e, "forward", "e"); given(point, "forward", "point"); given(x, "forward", "x");
        return Jacobian.product(e, point, x, direction);
    }

    /** Operation counts of the gradient of {@code e} by forward mode (a sweep per input) and reverse mode (one sweep). */
    public static Cost cost(Expr e) { given(e, "cost", "e"); return Cost.of(e); }

    /**
     * Rewrites {@code e} to a simpler, canonical form without changing its value where it is
     * defined: like terms and powers collected ({@code x + x → 2·x}, {@code x·x → x²}), cancellation
     * ({@code x − x → 0}, {@code x/x → 1}), numbers folded, terms in a fixed order; then the
     * exact algebra ({@link #expand}, {@link #factor}, {@link #together}) with sin² + cos² = 1,
     * cosh² − sinh² = 1 and σ(u) = 1/(1 + e⁻ᵘ), a form kept only when it is smaller:
     * {@code simplify(parse("sin(x)^2 + cos(x)^2"))} is 1, {@code simplify(diff(parse("1/(1+exp(-x))"), "x"))}
     * is {@code σ(x)·(1 − σ(x))}.
     */
    public static Expr simplify(Expr e) { given(e, "simplify", "e"); return Simplifier.simplifyWithAlgebra(e); }

    // ---- algebra: expand, factor, collect, together (exact, over the rationals) -----------

    /**
     * {@code e} multiplied out into a sum of monomials with no like terms, exactly:
     * {@code expand(parse("(x+1)^3"))} is {@code x³ + 3·x² + 3·x + 1}, {@code (a*b + c)*d} is
     * {@code a·b·d + c·d}; function arguments are expanded too. A result of more than 10 000 terms
     * is refused before it is computed ({@code (x+1)^100000}: the message gives the estimate).
     */
    public static Expr expand(Expr e) { given(e, "expand", "e"); return dotbar.simplify.Algebra.expand(e); }

    /**
     * {@code e} as a product of factors over the rationals, exactly: the common numeric and
     * monomial factors, the square-free decomposition (Yun's algorithm) and linear factors from
     * rational roots: {@code factor(parse("x^3 - x"))} is {@code x·(x + 1)·(x − 1)},
     * {@code factor(parse("x^2 + 2*x + 1"))} is {@code (x + 1)²}, {@code factor(parse("1/x + 1/y"))}
     * is {@code (x + y)/(x·y)}. Irreducible factors beyond these (x² − y², x⁴ + 4) stay whole.
     */
    public static Expr factor(Expr e) { given(e, "factor", "e"); return dotbar.simplify.Algebra.factor(e); }

    /**
     * {@code e} expanded and grouped by powers of the symbol {@code x}, highest first:
     * {@code collect(parse("a*x + b*x + c"), "x")} is {@code (a + b)·x + c}.
     */
    public static Expr collect(Expr e, String x) { given(e, "collect", "e"); given(x, "collect", "x"); return dotbar.simplify.Algebra.collect(e, x); }

    /**
     * {@code e} over one common denominator, cancelled: {@code together(parse("1/x + 1/y"))} is
     * {@code (x + y)/(x·y)}, {@code together(parse("(x^2 - 1)/(x - 1)"))} is {@code x + 1}.
     */
    public static Expr together(Expr e) { given(e, "together", "e"); return dotbar.simplify.Algebra.together(e); }

    /**
     * Checks a derivation: {@code check("d/dx x^2*sin(x) = 2*x*sin(x) + x^2*cos(x)")}; also
     * {@code ∂/∂a …}, {@code d²/dx² …}, or a plain equation. The {@link Check} gives one of three
     * verdicts and why: ✓ holds (equal after simplification, or equal at random points decided in
     * 60-digit arithmetic, so that a claim off by 10⁻⁹ is refuted), ✗ does not hold (a
     * counterexample with both sides' values), or ? undecided (with the reason). Claims about
     * abstract functions ({@code declare}) are decided by treating their applications and partials
     * as random unknowns, with the Schwartz–Zippel error bound in the reason. A claim that holds
     * only where both sides are defined says where ({@code d/dx sqrt(x^2) = x/abs(x)}: holds for
     * x ≠ 0, neither side is defined at x = 0); sides with different symbols are read as for all
     * of them, said so; typed decimals are compared exactly.
     */
    public static Check check(String equation) { given(equation, "check", "equation"); return Check.of(equation); }

    /** Checks {@code lhs = rhs} for two expressions (see {@link #check(String)}). */
    public static Check check(Expr lhs, Expr rhs) { given(lhs, "check", "lhs"); given(rhs, "check", "rhs"); return Check.of(lhs, rhs); }

    // ---- compiled evaluation ------------------------------------------------------------

    /**
     * {@code e} compiled into a flat tape over {@code params} (in that order): {@code value(x)}
     * and {@code gradient(x, g)} by reverse mode, with no allocation per call. Compiled once per
     * expression and parameter list (cached). A scalar loss over matrix and vector symbols
     * compiles into a tensor tape: x is every parameter's entries in the order given, each tensor
     * row by row, and g comes back in the same layout ({@code compile(L, "W1", "b1", "W2", "b2")}).
     */
    public static Compiled compile(Expr e, String... params) { given(e, "compile", "e"); given(params, "compile", "params"); return Tapes.forCalls(e, List.of(params)); }

    /** {@code e} compiled over its symbols in alphabetical order, {@code vars(e)}. */
    public static Compiled compile(Expr e) { given(e, "compile", "e"); return Tapes.forCalls(e); }

    /**
     * {@code e} compiled over {@code params} then {@code data}, its gradient by {@code params}
     * only, as JAX's {@code grad(f, argnums)}: the data symbols (a sample's {@code x} and {@code y})
     * are read from the input array after the parameters' entries and get no adjoint, so a network's
     * gradient costs no {@code x̄ = W1ᵀ·w̄1}. {@code gradient(x, g)} fills the first entries of
     * {@code g} (the parameters', each tensor row by row).
     */
    public static Compiled compile(Expr e, List<String> params, List<String> data) {
        given(e, "compile", "e"); given(params, "compile", "params"); given(data, "compile", "data");
        var inputs = new java.util.ArrayList<String>(params);
        inputs.addAll(data);
        return Tapes.forCalls(e, inputs, params.size());
    }

    // ---- optimizers and data ------------------------------------------------------------

    /** Gradient descent θ ← θ − η·g on {@code loss} from {@code start} (η = 1e-3; PyTorch SGD). */
    public static dotbar.optim.Optimizer gd(Expr loss, Point start) { given(loss, "gd", "loss"); given(start, "gd", "start"); return dotbar.optim.Rules.gd().on(loss, start); }
    /** The gradient-descent rule. */
    public static dotbar.optim.Rule gd() { return dotbar.optim.Rules.gd(); }
    /** {@code gd} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer gd(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.gd().on(perSampleLoss, data, start); }

    /** PyTorch's SGD (heavy-ball momentum μ = 0, weight decay λ = 0 by default) on the whole loss. */
    public static dotbar.optim.Optimizer sgd(Expr loss, Point start) { given(loss, "sgd", "loss"); given(start, "sgd", "start"); return dotbar.optim.Rules.sgd().on(loss, start); }
    /** PyTorch's SGD rule: b ← μ·b + (g + λ·θ); θ ← θ − η·b. */
    public static dotbar.optim.Rule sgd() { return dotbar.optim.Rules.sgd(); }

    /**
     * SGD on the mean of a per-sample loss over minibatches of {@code data} ({@code .batch(k)},
     * default 1; {@code .seed(s)}, default 0): the loss's symbols named like columns are read
     * from the rows, the others are parameters with values in {@code start}. With the full batch
     * it is gd on the mean loss.
     */
    public static dotbar.optim.Optimizer sgd(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { given(perSampleLoss, "sgd", "perSampleLoss"); given(data, "sgd", "data"); given(start, "sgd", "start"); return dotbar.optim.Rules.sgd().on(perSampleLoss, data, start); }

    /** The seed's momentum, eq. (1)–(2): v ← α·v − (1−α)·g; θ ← θ + η·v (η = 0.01, α = 0.9). */
    public static dotbar.optim.Optimizer momentum(Expr loss, Point start) { given(loss, "momentum", "loss"); given(start, "momentum", "start"); return dotbar.optim.Rules.momentum().on(loss, start); }
    /** The seed's momentum rule, eq. (1)–(2). */
    public static dotbar.optim.Rule momentum() { return dotbar.optim.Rules.momentum(); }
    /** {@code momentum} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer momentum(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.momentum().on(perSampleLoss, data, start); }

    /** Nesterov momentum in the seed's EMA form (PyTorch SGD(lr = η(1−α), momentum = α, nesterov=True)). */
    public static dotbar.optim.Optimizer nesterov(Expr loss, Point start) { given(loss, "nesterov", "loss"); given(start, "nesterov", "start"); return dotbar.optim.Rules.nesterov().on(loss, start); }
    /** The Nesterov momentum rule. */
    public static dotbar.optim.Rule nesterov() { return dotbar.optim.Rules.nesterov(); }
    /** {@code nesterov} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer nesterov(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.nesterov().on(perSampleLoss, data, start); }

    /** AdaGrad, eq. (6)–(7): w ← w + g²; θ ← θ − η·g/(√w + ε) (η = 0.01, ε = 1e-10). */
    public static dotbar.optim.Optimizer adagrad(Expr loss, Point start) { given(loss, "adagrad", "loss"); given(start, "adagrad", "start"); return dotbar.optim.Rules.adagrad().on(loss, start); }
    /** The AdaGrad rule, eq. (6)–(7). */
    public static dotbar.optim.Rule adagrad() { return dotbar.optim.Rules.adagrad(); }
    /** {@code adagrad} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer adagrad(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.adagrad().on(perSampleLoss, data, start); }

    /** RMSProp, eq. (8)–(9): w ← ρ·w + (1−ρ)·g²; θ ← θ − η·g/(√w + ε) (η = 0.01, ρ = 0.99, ε = 1e-8). */
    public static dotbar.optim.Optimizer rmsprop(Expr loss, Point start) { given(loss, "rmsprop", "loss"); given(start, "rmsprop", "start"); return dotbar.optim.Rules.rmsprop().on(loss, start); }
    /** The RMSProp rule, eq. (8)–(9). */
    public static dotbar.optim.Rule rmsprop() { return dotbar.optim.Rules.rmsprop(); }
    /** {@code rmsprop} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer rmsprop(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.rmsprop().on(perSampleLoss, data, start); }

    /** Adam, eq. (13)–(15) with bias corrections (η = 1e-3, α = 0.9, ρ = 0.999, ε = 1e-8). */
    public static dotbar.optim.Optimizer adam(Expr loss, Point start) { given(loss, "adam", "loss"); given(start, "adam", "start"); return dotbar.optim.Rules.adam().on(loss, start); }
    /** The Adam rule, eq. (13)–(22). */
    public static dotbar.optim.Rule adam() { return dotbar.optim.Rules.adam(); }
    /** {@code adam} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer adam(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.adam().on(perSampleLoss, data, start); }

    /** AdamW: Adam with decoupled weight decay θ ← θ·(1 − η·λ) first (λ = 0.01). */
    public static dotbar.optim.Optimizer adamw(Expr loss, Point start) { given(loss, "adamw", "loss"); given(start, "adamw", "start"); return dotbar.optim.Rules.adamw().on(loss, start); }
    /** The AdamW rule. */
    public static dotbar.optim.Rule adamw() { return dotbar.optim.Rules.adamw(); }
    /** {@code adamw} on the mean of a per-sample loss over minibatches of {@code data}, as {@link #sgd(Expr, dotbar.optim.Dataset, Point) sgd} does. */
    public static dotbar.optim.Optimizer adamw(Expr perSampleLoss, dotbar.optim.Dataset data, Point start) { return dotbar.optim.Rules.adamw().on(perSampleLoss, data, start); }

    /**
     * A custom optimizer from update equations: {@code rule("heavy", "v = α*v - g", "θ = θ + η*v")
     * .set("α", 0.9).set("η", 0.01)}; {@code g} is the gradient, {@code t} the step, {@code θ} the
     * parameter; {@code .on(loss, start)} runs it.
     */
    public static dotbar.optim.Rule rule(String name, String... equations) { given(name, "rule", "name"); given(equations, "rule", "equations"); return dotbar.optim.Rule.of(name, equations); }

    /**
     * A rule's state after {@code steps} symbolic steps with gradients g1 … gt:
     * {@code unroll(rmsprop(), "w", 3)} is ρ²·(1 − ρ)·g1² + ρ·(1 − ρ)·g2² + (1 − ρ)·g3² (eq. 12).
     */
    public static Expr unroll(dotbar.optim.Rule rule, String state, int steps) { given(rule, "unroll", "rule"); given(state, "unroll", "state"); return rule.unroll(state, steps); }

    /**
     * A dataset: {@code data("u v", new double[][]{{0, 1}, {1, 3}})}; a name may take a count,
     * {@code data("x:4 y", rows)}, for a vector x over the columns x1 … x4 (declared 4×1).
     */
    public static dotbar.optim.Dataset data(String columns, double[][] rows) { given(columns, "data", "columns"); given(rows, "data", "rows"); return dotbar.optim.Dataset.of(columns, rows); }

    /** A dataset from a CSV file whose header names the columns. */
    public static dotbar.optim.Dataset csv(String path) { given(path, "csv", "path"); return dotbar.optim.Dataset.csv(path); }

    /**
     * The 1 797 handwritten digits shipped with dotbar: columns x1 … x64 (the 8×8 image, pixel/16)
     * and the label y 0 … 9; {@code digits().onehot("y", 10)} makes y a 10-vector.
     */
    public static dotbar.optim.Dataset digits() { return dotbar.optim.Datasets.digits(); }

    /** Fisher's 150 irises shipped with dotbar: x1 … x4 (sepal length, width, petal length, width, cm) and the class y 0 … 2. */
    public static dotbar.optim.Dataset iris() { return dotbar.optim.Datasets.iris(); }

    // ---- networks ------------------------------------------------------------------------------

    /**
     * A multilayer perceptron in the DSL: {@code mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y")}
     * declares x, W1 (32×64), b1, W2 (10×32), b2, y; {@code .loss()} is the per-sample loss
     * {@code logsumexp(z) − yᵀ·z}, {@code .init(seed)} the start torch.nn.Linear draws
     * (U(±1/√fan_in), a Java generator), {@code .batchLoss("X", "Y", B)} the mean over B columns.
     */
    public static dotbar.optim.Network mlp(String input, int... sizes) { given(input, "mlp", "input"); return dotbar.optim.Network.mlp(input, sizes); }

    /**
     * Trains each of {@code rules} on {@code net.loss()} over {@code data.train()} from the same
     * {@code start} with the same minibatch order, and compares them: printing the race shows
     * per optimizer the final train and test loss and accuracy and the wall times (of the steps,
     * and in all), {@code .plot()} overlays the loss per epoch; {@code .epochs(n)}, {@code .batch(k)}, {@code .seed(s)}
     * (defaults 10, 32, 0). {@code race(net, digits().onehot("y", 10).split(0.8, 0), net.init(0), sgd().lr(0.1), adam())}.
     */
    public static dotbar.optim.Race race(dotbar.optim.Network net, dotbar.optim.Dataset.Split data, Point start, dotbar.optim.Rule... rules) { return dotbar.optim.Race.of(net, data, start, rules); }

    /** {@link #race(dotbar.optim.Network, dotbar.optim.Dataset.Split, Point, dotbar.optim.Rule...) race} on a training and a test set. */
    public static dotbar.optim.Race race(dotbar.optim.Network net, dotbar.optim.Dataset train, dotbar.optim.Dataset test, Point start, dotbar.optim.Rule... rules) { return dotbar.optim.Race.of(net, train, test, start, rules); }

    /** A race on a per-sample loss over {@code train}, scored by its mean over the training and the test rows (no accuracy without a network). */
    public static dotbar.optim.Race race(Expr perSampleLoss, dotbar.optim.Dataset train, dotbar.optim.Dataset test, Point start, dotbar.optim.Rule... rules) { return dotbar.optim.Race.of(perSampleLoss, train, test, start, rules); }

    // ---- learning-rate schedules and stopping (opt.schedule(…), opt.stepUntil(…)) --------------

    /** PyTorch's {@code StepLR(step_size, gamma)}: η·γ^⌊e/stepSize⌋ at epoch e (one epoch per step); {@code opt.schedule(stepLR(10, 0.5))}. */
    public static dotbar.optim.Schedule stepLR(int stepSize, double gamma) { return dotbar.optim.Schedule.step(stepSize, gamma); }
    /** PyTorch's {@code ExponentialLR(gamma)}: η·γ^e at epoch e (one epoch per step). */
    public static dotbar.optim.Schedule exponentialLR(double gamma) { return dotbar.optim.Schedule.exponential(gamma); }
    /** PyTorch's {@code CosineAnnealingLR(T_max, eta_min=0)}: η·(1 + cos(π·e/T_max))/2; {@code adam(e, p).lr(0.1).schedule(cosine(100))}. */
    public static dotbar.optim.Schedule cosine(int tMax) { return dotbar.optim.Schedule.cosine(tMax, 0); }
    /** PyTorch's {@code CosineAnnealingLR(T_max, eta_min)}: η_min + (η − η_min)·(1 + cos(π·e/T_max))/2. */
    public static dotbar.optim.Schedule cosine(int tMax, double etaMin) { return dotbar.optim.Schedule.cosine(tMax, etaMin); }
    /** PyTorch's {@code LinearLR(start_factor, end_factor, total_iters)}: a linear warm-up of η's factor from start to end over totalIters steps. */
    public static dotbar.optim.Schedule linearLR(double startFactor, double endFactor, int totalIters) { return dotbar.optim.Schedule.linear(startFactor, endFactor, totalIters); }
    /** For {@code opt.stepUntil(…)}: stop once ‖g‖ ≤ tolerance. */
    public static dotbar.optim.Until gradNorm(double tolerance) { return dotbar.optim.Until.gradientNorm(tolerance); }
    /** For {@code opt.stepUntil(…)}: stop once the loss ≤ tolerance. */
    public static dotbar.optim.Until lossBelow(double tolerance) { return dotbar.optim.Until.loss(tolerance); }
    /** For {@code opt.stepUntil(…)}: stop after n more steps. */
    public static dotbar.optim.Until steps(int n) { return dotbar.optim.Until.steps(n); }
    /** For {@code opt.stepUntil(…)}: stop after n more epochs (one step for a whole loss, ⌈rows/batch⌉ with data). */
    public static dotbar.optim.Until epochs(int n) { return dotbar.optim.Until.epochs(n); }

    // ---- plots --------------------------------------------------------------------------

    /** y = e(x) on [a, b], drawn in the terminal when printed; {@code .save("f.svg")} writes a file. See {@link Plot}. */
    public static Plot plot(Expr e, String x, double a, double b) { given(e, "plot", "e"); given(x, "plot", "x"); return Plot.of(List.of(e), x, a, b); }

    /** Several functions of x on [a, b] in one picture, each with its own marker and colour. */
    public static Plot plot(List<? extends Expr> functions, String x, double a, double b) { given(functions, "plot", "functions"); given(x, "plot", "x"); return Plot.of(functions, x, a, b); }

    /** Two functions of x on [a, b] in one picture. */
    public static Plot plot(Expr e1, Expr e2, String x, double a, double b) { given(e1, "plot", "e1"); given(e2, "plot", "e2"); given(x, "plot", "x"); return Plot.of(List.of(e1, e2), x, a, b); }

    /** Three functions of x on [a, b] in one picture. */
    public static Plot plot(Expr e1, Expr e2, Expr e3, String x, double a, double b) { given(e1, "plot", "e1"); given(e2, "plot", "e2"); given(e3, "plot", "e3"); given(x, "plot", "x"); return Plot.of(List.of(e1, e2, e3), x, a, b); }

    /** The level sets of e(x, y) on [x0, x1] × [y0, y1]; {@code .path(label, points)} overlays a trajectory. */
    public static Plot contour(Expr e, String x, double x0, double x1, String y, double y0, double y1) {
        given(e, "contour", "e");
        given(x, "contour", "x");
        given(y, "contour", "y");
        return Plot.contour(e, x, x0, x1, y, y0, y1);
    }

    /** {@code plot(parse(e), x, a, b)}: {@code plot("x^2*sin(x)", "x", -3, 3)}. */
    public static Plot plot(String e, String x, double a, double b) { given(e, "plot", "e"); given(x, "plot", "x"); return plot(parse(e), x, a, b); }

    /** {@code contour(parse(e), ...)}: {@code contour("(1-x)^2 + 100*(y-x^2)^2", "x", -2, 2, "y", -1, 3)}. */
    public static Plot contour(String e, String x, double x0, double x1, String y, double y0, double y1) {
        return contour(parse(e), x, x0, x1, y, y0, y1);
    }

    /** A bar chart, one bar per label; {@code .logScale()} for a logarithmic axis. */
    public static Plot bars(List<String> labels, double[] values) { given(labels, "bars", "labels"); given(values, "bars", "values"); return Plot.bars(labels, values); }

    /** A bar chart whose first series is named in the legend: {@code bars(labels, "sigmoid", s).bars("relu", r)}. */
    public static Plot bars(List<String> labels, String name, double[] values) { given(labels, "bars", "labels"); given(name, "bars", "name"); given(values, "bars", "values"); return Plot.bars(labels, name, values); }

    /** Loss against step (t = 0, 1, …) on a log scale; {@code .lossCurve(label, more)} adds curves. */
    public static Plot lossCurve(String label, double[] losses) { given(label, "lossCurve", "label"); given(losses, "lossCurve", "losses"); return Plot.losses(label, losses); }

    // ---- display -------------------------------------------------------------------------

    /**
     * Shows {@code value} now, mid-snippet: in a notebook as the kernel renders values (an
     * expression as LaTeX, a trace or optimizer as a table, a plot as a picture); at the prompt
     * and in scripts it prints {@code value.toString()} on its own line.
     */
    public static void display(Object value) { Displays.show(value); }
}
