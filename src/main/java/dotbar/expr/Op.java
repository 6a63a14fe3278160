package dotbar.expr;

import static dotbar.expr.Exprs.add;
import static dotbar.expr.Exprs.call;
import static dotbar.expr.Exprs.div;
import static dotbar.expr.Exprs.mul;
import static dotbar.expr.Exprs.neg;
import static dotbar.expr.Exprs.num;
import static dotbar.expr.Exprs.sub;
import static dotbar.expr.Notation.Binding.POWER;
import static dotbar.expr.Notation.Binding.PRODUCT;
import static dotbar.expr.Notation.Binding.SUM;
import static dotbar.expr.Notation.function;
import static dotbar.expr.Notation.infix;
import static dotbar.expr.Notation.infixRight;
import static dotbar.expr.Notation.prefix;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The op table: every built-in operation declares here, and only here, its arity, its numeric
 * value and its local partial derivatives ∂out/∂argᵢ as expressions. Symbolic differentiation,
 * forward and reverse sweeps (numeric and symbolic), and the compiled tape all read these
 * declarations; adding an op means adding one constant.
 *
 * <p>Each constant's header holds the rest of what is known about the op, read by everyone
 * else instead of copies: its {@link Notation} (precedence and associativity, the characters
 * the parser reads, the names it parses under, the Unicode and LaTeX printers' texts) and its
 * {@link Parity} for the simplifier.
 *
 * <p>{@link #partials} receives the operands and the node itself ({@code self}), so that rules
 * such as (eˣ)' = eˣ and σ' = σ·(1 − σ) can reuse the node's value. {@link #partial} is the same
 * rule written over doubles, which the numeric sweeps and the tape call (no nodes are built);
 * a test holds it bit for bit to {@link #partials} evaluated, for every op.
 *
 * <p>At kinks the one-sided choice is PyTorch's: relu'(0) = 0 (via {@code step(0) = 0}) and
 * |x|'(0) = 0 (via {@code sign(0) = 0}).
 */
public enum Op {
    // d(a + b) = da + db
    ADD(2, infix("+", SUM, "+", " + ", "#1 + #2")) {
        public double apply(double a, double b) { return a + b; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE, Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
    },
    // d(a − b) = da − db
    SUB(2, infix("-", SUM, "-−", " - ", "#1 - #2")) {
        public double apply(double a, double b) { return a - b; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE, Exprs.MINUS_ONE); }
        public double partial(int i, double a, double b, double value) { return i == 0 ? 1 : -1; }
    },
    // product rule: d(a·b) = da·b + a·db
    MUL(2, infix("*", PRODUCT, "*·×⊙", "·", "#1 \\cdot #2")) {
        public double apply(double a, double b) { return a * b; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(x.get(1), x.get(0)); }
        public double partial(int i, double a, double b, double value) { return i == 0 ? b : a; }
    },
    // quotient rule: d(a/b) = da/b − a·db/b²
    DIV(2, infix("/", PRODUCT, "/÷", "/", "\\frac{#1}{#2}")) {
        public double apply(double a, double b) { return a / b; }
        public List<Expr> partials(List<Expr> x, Expr self) {
            Expr b = x.get(1);
            return List.of(div(Exprs.ONE, b), neg(div(x.get(0), Exprs.pow(b, num(2)))));
        }
        public double partial(int i, double a, double b, double value) { return i == 0 ? 1 / b : -(a / Math.pow(b, 2)); }
    },
    // d(aᵇ) = b·aᵇ⁻¹·da + aᵇ·log(a)·db
    POW(2, infixRight("^", POWER, "^", "^", "#1^{#2}", "pow")) {
        public double apply(double a, double b) { return Math.pow(a, b); }
        public List<Expr> partials(List<Expr> x, Expr self) {
            Expr a = x.get(0), b = x.get(1);
            return List.of(mul(b, Exprs.pow(a, sub(b, Exprs.ONE))), mul(self, call(LOG, a)));
        }
        public double partial(int i, double a, double b, double value) { return i == 0 ? b * Math.pow(a, b - 1) : value * Math.log(a); }
    },
    // d(−a) = −da
    NEG(1, prefix("-", "-−", "-", "-#1")) {
        public double apply(double a, double b) { return -a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.MINUS_ONE); }
        public double partial(int i, double a, double b, double value) { return -1; }
    },
    SIN(1, Parity.ODD, function("sin", "\\sin")) {
        public double apply(double a, double b) { return Math.sin(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(COS, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return Math.cos(a); }
    },
    COS(1, Parity.EVEN, function("cos", "\\cos")) {
        public double apply(double a, double b) { return Math.cos(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(neg(call(SIN, x.get(0)))); }
        public double partial(int i, double a, double b, double value) { return -Math.sin(a); }
    },
    // tan' = 1 + tan²
    TAN(1, Parity.ODD, function("tan", "\\tan")) {
        public double apply(double a, double b) { return Math.tan(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(add(Exprs.ONE, square(self))); }
        public double partial(int i, double a, double b, double value) { return 1 + Math.pow(value, 2); }
    },
    // asin' = 1/√(1 − a²)
    ASIN(1, Parity.ODD, function("asin", "\\arcsin")) {
        public double apply(double a, double b) { return Math.asin(a); }
        public List<Expr> partials(List<Expr> x, Expr self) {
            return List.of(div(Exprs.ONE, call(SQRT, sub(Exprs.ONE, square(x.get(0))))));
        }
        public double partial(int i, double a, double b, double value) { return 1 / Math.sqrt(1 - Math.pow(a, 2)); }
    },
    // acos' = −1/√(1 − a²)
    ACOS(1, function("acos", "\\arccos")) {
        public double apply(double a, double b) { return Math.acos(a); }
        public List<Expr> partials(List<Expr> x, Expr self) {
            return List.of(neg(div(Exprs.ONE, call(SQRT, sub(Exprs.ONE, square(x.get(0)))))));
        }
        public double partial(int i, double a, double b, double value) { return -(1 / Math.sqrt(1 - Math.pow(a, 2))); }
    },
    // atan' = 1/(1 + a²)
    ATAN(1, Parity.ODD, function("atan", "\\arctan")) {
        public double apply(double a, double b) { return Math.atan(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, add(Exprs.ONE, square(x.get(0))))); }
        public double partial(int i, double a, double b, double value) { return 1 / (1 + Math.pow(a, 2)); }
    },
    SINH(1, Parity.ODD, function("sinh", "\\sinh")) {
        public double apply(double a, double b) { return Math.sinh(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(COSH, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return Math.cosh(a); }
    },
    COSH(1, Parity.EVEN, function("cosh", "\\cosh")) {
        public double apply(double a, double b) { return Math.cosh(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(SINH, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return Math.sinh(a); }
    },
    // tanh' = 1 − tanh²
    TANH(1, Parity.ODD, function("tanh", "\\tanh")) {
        public double apply(double a, double b) { return Math.tanh(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(sub(Exprs.ONE, square(self))); }
        public double partial(int i, double a, double b, double value) { return 1 - Math.pow(value, 2); }
    },
    // asinh a = log(a + √(a² + 1)); asinh' = 1/√(a² + 1)
    ASINH(1, Parity.ODD, function("asinh", "\\operatorname{arsinh}")) {
        public double apply(double a, double b) {
            double m = Math.abs(a);
            // log1p form keeps precision near 0 and avoids overflow of a² for large |a|
            double r = m > 1e8 ? Math.log(m) + Math.log(2) : Math.log1p(m + m * m / (1 + Math.sqrt(1 + m * m)));
            return Math.copySign(r, a);
        }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, call(SQRT, add(square(x.get(0)), Exprs.ONE)))); }
        public double partial(int i, double a, double b, double value) { return 1 / Math.sqrt(Math.pow(a, 2) + 1); }
    },
    // acosh a = log(a + √(a² − 1)), a ≥ 1; acosh' = 1/√(a² − 1)
    ACOSH(1, function("acosh", "\\operatorname{arcosh}")) {
        public double apply(double a, double b) {
            // fdlibm's three ranges: a² overflows beyond 1e154 and a² − 1 cancels near 1
            if (!(a >= 1)) return Double.NaN;                                        // and NaN itself
            if (a > 0x1p28) return Math.log(a) + Math.log(2);                        // √(a² − 1) = a in doubles
            if (a > 2) return Math.log(2 * a - 1 / (a + Math.sqrt(a * a - 1)));
            double t = a - 1;                                                        // exact for a in [1, 2]
            return Math.log1p(t + Math.sqrt(2 * t + t * t));
        }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, call(SQRT, sub(square(x.get(0)), Exprs.ONE)))); }
        public double partial(int i, double a, double b, double value) { return 1 / Math.sqrt(Math.pow(a, 2) - 1); }
    },
    // atanh a = ½·log((1 + a)/(1 − a)); atanh' = 1/(1 − a²)
    ATANH(1, Parity.ODD, function("atanh", "\\operatorname{artanh}")) {
        public double apply(double a, double b) { return 0.5 * Math.log1p(2 * a / (1 - a)); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, sub(Exprs.ONE, square(x.get(0))))); }
        public double partial(int i, double a, double b, double value) { return 1 / (1 - Math.pow(a, 2)); }
    },
    // (eᵃ)' = eᵃ
    EXP(1, function("exp", "\\exp")) {
        public double apply(double a, double b) { return Math.exp(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(self); }
        public double partial(int i, double a, double b, double value) { return value; }
    },
    LOG(1, function("log", "\\log")) {
        public double apply(double a, double b) { return Math.log(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return 1 / a; }
    },
    // (√a)' = 1/(2√a)
    SQRT(1, function("sqrt", "\\sqrt{#1}")) {
        public double apply(double a, double b) { return Math.sqrt(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(div(Exprs.ONE, mul(num(2), self))); }
        public double partial(int i, double a, double b, double value) { return 1 / (2 * value); }
    },
    // |a|' = sign(a), 0 at the kink as in PyTorch
    ABS(1, Parity.EVEN, function("abs", "\\left|#1\\right|")) {
        public double apply(double a, double b) { return Math.abs(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(SIGN, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return SIGN.apply(a, 0); }
    },
    // σ(a) = 1/(1 + e⁻ᵃ); σ' = σ·(1 − σ)
    SIGMOID(1, function("sigmoid", "σ", "\\sigma")) {
        public double apply(double a, double b) {
            // the two branches keep exp's argument non-positive, so neither overflows
            if (a >= 0) return 1 / (1 + Math.exp(-a));
            double e = Math.exp(a);
            return e / (1 + e);
        }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(mul(self, sub(Exprs.ONE, self))); }
        public double partial(int i, double a, double b, double value) { return value * (1 - value); }
    },
    // relu' = step(a), 0 at the kink as in PyTorch
    RELU(1, function("relu", "\\operatorname{relu}")) {
        public double apply(double a, double b) { return a > 0 ? a : (a <= 0 ? 0.0 : a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(STEP, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return STEP.apply(a, 0); }
    },
    // softplus a = log(1 + eᵃ); softplus' = σ(a)
    SOFTPLUS(1, function("softplus", "\\operatorname{softplus}")) {
        public double apply(double a, double b) { return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(call(SIGMOID, x.get(0))); }
        public double partial(int i, double a, double b, double value) { return SIGMOID.apply(a, 0); }
    },
    // sign and step are the derivatives of abs and relu; their own derivative is 0 (almost everywhere)
    SIGN(1, Parity.ODD, function("sign", "\\operatorname{sgn}")) {
        public double apply(double a, double b) { return Math.signum(a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ZERO); }
        public double partial(int i, double a, double b, double value) { return 0; }
    },
    STEP(1, function("step", "\\operatorname{step}")) {
        public double apply(double a, double b) { return a > 0 ? 1.0 : (a <= 0 ? 0.0 : a); }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ZERO); }
        public double partial(int i, double a, double b, double value) { return 0; }
    },
    // atan2(y, x), the angle of the point (x, y); ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²)
    ATAN2(2, function("atan2", "\\operatorname{atan2}")) {
        public double apply(double a, double b) { return Math.atan2(a, b); }
        public List<Expr> partials(List<Expr> x, Expr self) {
            Expr y = x.get(0), r2 = add(square(x.get(1)), square(y));
            return List.of(div(x.get(1), r2), neg(div(y, r2)));
        }
        public double partial(int i, double a, double b, double value) {
            double r2 = Math.pow(b, 2) + Math.pow(a, 2);
            return i == 0 ? b / r2 : -(a / r2);
        }
    },

    // ---- tensor operations (issue 15). For scalars each is the scalar op it reduces to (a·b,
    // a, a, a·b, …) and construction builds that instead (Tensors.construct), so no node of these
    // ops has only scalars around it. Their partials are that scalar view; the sweeps read the
    // tensor rules, vjp and jvp, wherever a tensor is involved.

    // matrix product y = A·B: Ā = ȳ·Bᵀ, B̄ = Aᵀ·ȳ; ẏ = Ȧ·B + A·Ḃ. Written · (and @); never reordered
    MATMUL(2, new Notation("@", List.of(), true, PRODUCT, false, "@", "·", "#1 \\cdot #2")) {
        public double apply(double a, double b) { return a * b; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(x.get(1), x.get(0)); }
        public double partial(int i, double a, double b, double value) { return i == 0 ? b : a; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) {
            return k == 0 ? Tensors.product(ybar, Tensors.transpose(x.get(1))) : Tensors.product(Tensors.transpose(x.get(0)), ybar);
        }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) {
            return k == 0 ? Tensors.product(tangent, x.get(1)) : Tensors.product(x.get(0), tangent);
        }
    },
    // y = Aᵀ: Ā = ȳᵀ; ẏ = Ȧᵀ. Printed postfix, Aᵀ; parses as Aᵀ and transpose(A)
    TRANSPOSE(1, Parity.ODD, new Notation("transpose", List.of("transpose"), false, Notation.Binding.ATOM, false, "", "ᵀ", "#1^{\\top}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return Tensors.transpose(ybar); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return Tensors.transpose(tangent); }
    },
    // s = sum(A), all entries: Ā = s̄·ones(A); ṡ = sum(Ȧ)
    TOTAL(1, Parity.ODD, function("sum", "\\operatorname{sum}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return Tensors.expandTo(ybar, x.get(0)); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return call(TOTAL, tangent); }
    },
    // s = mean(A) = sum(A)/n: Ā = (s̄/n)·ones(A); ṡ = mean(Ȧ)
    MEAN(1, Parity.ODD, function("mean", "\\operatorname{mean}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) {
            return Tensors.expandTo(div(ybar, Exprs.integer(Shapes.of(x.get(0)).size())), x.get(0));
        }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return call(MEAN, tangent); }
    },
    // s = dot(u, v) = Σ uᵢvᵢ (uᵀ·v for columns): ū = s̄·v, v̄ = s̄·u; ṡ = dot(u̇, v) + dot(u, v̇)
    DOT(2, function("dot", "\\operatorname{dot}")) {
        public double apply(double a, double b) { return a * b; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(x.get(1), x.get(0)); }
        public double partial(int i, double a, double b, double value) { return i == 0 ? b : a; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return mul(ybar, x.get(1 - k)); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) {
            return k == 0 ? call(DOT, tangent, x.get(1)) : call(DOT, x.get(0), tangent);
        }
    },
    // the sums of the rows, m×n → m×1 (the adjoint of a column broadcast across columns): Ā = ȳ ⊙ ones(A)
    ROWSUM(1, Parity.ODD, function("rowsum", "\\operatorname{rowsum}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return mul(ybar, call(ONES, x.get(0))); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return call(ROWSUM, tangent); }
    },
    // the sums of the columns, m×n → 1×n: Ā = ȳ ⊙ ones(A)
    COLSUM(1, Parity.ODD, function("colsum", "\\operatorname{colsum}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return mul(ybar, call(ONES, x.get(0))); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return call(COLSUM, tangent); }
    },
    // ones(A): the matrix of ones of A's shape (the 1 of Ā = s̄·1); constant, so its derivative is 0
    ONES(1, Parity.EVEN, function("ones", "\\mathbf{1}_{#1}")) {
        public double apply(double a, double b) { return 1; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ZERO); }
        public double partial(int i, double a, double b, double value) { return 0; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return Tensors.expandTo(Exprs.ZERO, x.get(0)); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return Tensors.expandTo(Exprs.ZERO, self); }
    },
    // s = logsumexp(A) = log(colsum(exp(A))), per column, m×n → 1×n (evaluated max-shifted, TensorEval):
    // Ā = softmax(A) ⊙ s̄ (the row s̄ broadcast down the rows); ṡ = colsum(softmax(A) ⊙ Ȧ). For a scalar it is a
    LOGSUMEXP(1, function("logsumexp", "\\operatorname{logsumexp}")) {
        public double apply(double a, double b) { return a; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ONE); }
        public double partial(int i, double a, double b, double value) { return 1; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return mul(call(SOFTMAX, x.get(0)), ybar); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) {
            return call(COLSUM, mul(call(SOFTMAX, x.get(0)), tangent));
        }
    },
    // s = softmax(A) = exp(A)/colsum(exp(A)), per column, m×n → m×n (evaluated max-shifted, TensorEval):
    // Ā = s ⊙ (ȳ − colsum(s ⊙ ȳ)); ṡ = s ⊙ (Ȧ − colsum(s ⊙ Ȧ)) (the Jacobian diag(s) − s·sᵀ of each column
    // is symmetric, so both are one rule). The softmax of a scalar (of a 1×n row) is 1 (ones), a constant
    SOFTMAX(1, function("softmax", "\\operatorname{softmax}")) {
        public double apply(double a, double b) { return 1; }
        public List<Expr> partials(List<Expr> x, Expr self) { return List.of(Exprs.ZERO); }
        public double partial(int i, double a, double b, double value) { return 0; }
        public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) { return Tensors.softmaxProduct(self, ybar); }
        public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) { return Tensors.softmaxProduct(self, tangent); }
    };

    private final int arity;
    private final Parity parity;
    private final Notation notation;

    Op(int arity, Notation notation) {
        this(arity, Parity.NONE, notation);
    }

    Op(int arity, Parity parity, Notation notation) {
        this.arity = arity;
        this.parity = parity;
        this.notation = notation;
    }

    /** How a unary op treats a negated operand: f(−x) = f(x), f(−x) = −f(x), or neither. */
    public enum Parity { NONE, EVEN, ODD }

    /** The operator symbol ({@code +}, {@code ^}) or the function name ({@code sin}). */
    public String symbol() { return notation.symbol(); }

    /** Number of operands: 1 or 2. */
    public int arity() { return arity; }

    /** f(−x) = f(x) ({@code EVEN}: cos, cosh, abs), f(−x) = −f(x) ({@code ODD}: sin, tan, …), else {@code NONE}. */
    public Parity parity() { return parity; }

    /** How the op is written: precedence, associativity, spellings, the printers' texts. */
    public Notation notation() { return notation; }

    /** True for the infix/prefix operators {@code + - * / ^} and unary minus. */
    public boolean isOperator() { return notation.operator(); }

    /** The numeric value; unary ops ignore {@code b}. */
    public abstract double apply(double a, double b);

    /**
     * The local partial derivatives ∂self/∂xᵢ, one per operand, as expressions in the operands
     * {@code x} and the node {@code self} itself.
     */
    public abstract List<Expr> partials(List<Expr> x, Expr self);

    /**
     * The local partials evaluated at numbers, {@link #partial} for each operand. {@code out} is
     * the op's value at {@code args}.
     */
    public double[] numericPartials(double[] args, double out) {
        double[] r = new double[arity()];
        double b = args.length > 1 ? args[1] : 0;
        for (int i = 0; i < r.length; i++) r[i] = partial(i, args[0], b, out);
        return r;
    }

    /**
     * True when every partial is structurally 0 (sign, step): the reverse sweeps then pass an
     * exact 0 to the operands instead of 0·w̄, which is NaN when w̄ = ±∞ — PyTorch's
     * {@code zeros_like(grad)} for sign. Read off {@link #partials} at symbolic operands.
     */
    public boolean hasZeroPartials() {
        return ZeroPartials.OF[ordinal()];
    }

    /** Computed on first use (a holder class), so that the op table's initialisation does not build expressions. */
    private static final class ZeroPartials {
        static final boolean[] OF = new boolean[values().length];

        static {
            List<Expr> operands = List.of(Exprs.sym("u"), Exprs.sym("v"));
            for (Op op : values()) {
                List<Expr> d = op.partials(operands.subList(0, op.arity()), Exprs.sym("w"));
                OF[op.ordinal()] = d.stream().allMatch(p -> p instanceof Num n && n.is(0));
            }
        }
    }

    /**
     * The vector–Jacobian product for operand {@code k} (eq. 29 for tensors): what this node's
     * adjoint {@code ybar} contributes to operand k's adjoint, an expression of operand k's shape.
     * {@code partial} is {@link #partials}' entry k. The default is the elementwise rule,
     * x̄ = f'(x) ⊙ ȳ summed over the axes operand k was broadcast along; the tensor ops
     * override it ({@code MATMUL}: Ā = ȳ·Bᵀ, B̄ = Aᵀ·ȳ).
     */
    public Expr vjp(int k, List<Expr> x, Expr self, Expr partial, Expr ybar) {
        return Tensors.elementwiseVjp(partial, x.get(k), ybar);
    }

    /**
     * The Jacobian–vector product for operand {@code k} (eq. 24 for tensors): the term operand
     * k's tangent contributes to this node's tangent, of the node's shape. The default is the
     * elementwise rule ẏ = f'(x) ⊙ ẋ; the tensor ops override it ({@code MATMUL}: Ȧ·B, A·Ḃ).
     */
    public Expr jvp(int k, List<Expr> x, Expr self, Expr partial, Expr tangent) {
        return Tensors.elementwiseJvp(partial, tangent, self);
    }

    /** The function that parses as {@code name(...)}: {@code sin}, {@code σ}, {@code pow}, … */
    public static Optional<Op> byFunctionName(String name) {
        for (Op op : values()) {
            if (op.notation.names().contains(name)) return Optional.of(op);
        }
        return Optional.empty();
    }

    /** The operator spelled by the character {@code c}: prefix (unary minus) when {@code prefix}, else infix; or null. */
    public static Op byOperatorCharacter(int c, boolean prefix) {
        for (Op op : values()) {
            if (op.isOperator() && (op.arity == 1) == prefix && op.notation.spellings().indexOf(c) >= 0) return op;
        }
        return null;
    }

    /** The name used in function-call syntax ({@code pow} for {@code ^}); null for + − · / and unary minus. */
    public String functionName() {
        return notation.names().isEmpty() ? null : notation.names().get(0);
    }

    /** Every name under which a function-call op parses, aliases included. */
    public static List<String> functionNames() {
        return Arrays.stream(values()).flatMap(op -> op.notation.names().stream()).distinct().toList();
    }

    /**
     * The local partial ∂out/∂xᵢ at numbers: operand {@code i} (0 or 1) of the op at operands
     * {@code a}, {@code b} (unary ops ignore b) whose value is {@code value}. Each constant writes
     * the rule of {@link #partials} with the very operations constant folding of that rule performs
     * (so the numbers agree to the last bit, {@code OpPartialsTest}). An op that does not override
     * it falls back to folding {@link #partials} at {@link Num} operands, which interns nodes on every call.
     */
    public double partial(int i, double a, double b, double value) {
        List<Expr> x = arity() == 1 ? List.of(Exprs.num(a)) : List.of(Exprs.num(a), Exprs.num(b));
        return ((Num) partials(x, Exprs.num(value)).get(i)).value();
    }

    private static Expr square(Expr e) { return Exprs.pow(e, num(2)); }
}
