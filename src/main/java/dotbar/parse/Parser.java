package dotbar.parse;

import dotbar.base.DotbarException;
import dotbar.base.Suggestions;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Notation.Binding;
import dotbar.expr.Op;
import dotbar.expr.Shape;
import dotbar.expr.ShapeMismatch;
import dotbar.expr.Shapes;
import dotbar.expr.Tensors;
import dotbar.parse.Token.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses math text into an {@link Expr}.
 *
 * <p>Grammar, loosest first, as the op table ({@link Op#notation}) declares precedence,
 * associativity and spelling: {@code + -} (left), {@code * · /} (left), unary {@code -}/{@code +},
 * {@code ^} (right-associative, tighter than unary minus: {@code -x^2} is −(x²), {@code 2^3^2} is
 * 512, and an exponent may carry its own sign: {@code 2^-1}), superscript integer exponents
 * ({@code x²}, {@code x⁻¹}) tightest; calls {@code f(a, b)} of built-ins and of functions made
 * by {@code def}/{@code declare}; {@code π}/{@code pi}.
 *
 * <p>It is an operator-precedence (shunting-yard) parser with explicit stacks, so nesting depth
 * costs heap, not Java stack: a 20 000-deep expression parses like a flat one. Errors are
 * {@link ParseException}s naming the column.
 */
public final class Parser {
    private final String source;
    private final List<Token> tokens;
    private final LeibnizPartials partials;
    private int pos;

    private final ArrayDeque<Expr> operands = new ArrayDeque<>();
    private final ArrayDeque<Pending> operators = new ArrayDeque<>();

    /**
     * An operator waiting for its operands: a binary or prefix op, or an open parenthesis — of a
     * call when {@code function} is set (then {@code token} is the function's name).
     */
    private record Pending(Kind kind, Token token, Op op, Binding precedence, String function, int[] argumentCount) {}

    private Parser(String source, LeibnizPartials partials) {
        this.source = source;
        this.tokens = Lexer.tokens(source);
        this.partials = partials;
    }

    /**
     * Parses a whole expression. A partial typed by its Leibniz name, {@code ∂f/∂g}, resolves
     * against the applications of {@code f} in the text; {@code ∂f/∂u(x, y)} is the partial by
     * f's parameter {@code u} at {@code (x, y)} ({@link LeibnizPartials}).
     */
    public static Expr parse(String source) {
        return LeibnizPartials.parse(r -> parse(source, r));
    }

    /** One pass over a whole expression, its Leibniz partials resolved by {@code partials} (shared by a claim's sides). */
    static Expr parse(String source, LeibnizPartials partials) {
        if (source == null || source.isBlank()) throw new DotbarException("empty expression: there is nothing to parse");
        var p = new Parser(source, partials);
        Expr e = p.expression();
        p.expect(Kind.END, "an operator or the end of the expression");
        return e;
    }

    /**
     * Parses {@code name(p1, p2, ...) = body} into a defined function (registered by the caller).
     * The body may call built-ins and functions defined before, and use only the parameters.
     */
    public static Fn parseDefinition(String source) {
        var scalars = new java.util.HashMap<String, Shape>();
        Signature s = new Parser(source, null).signature();
        for (String param : s.params()) scalars.put(param, Shape.SCALAR);
        // the body as written, the parameters scalars (whatever shape a symbol of the same name has)
        return Shapes.within(scalars, () -> {
            var parsed = definitionBody(source);
            boolean matrix = parsed.tensorOps() || Fn.matrixBody(parsed.body());
            // a matrix body is parsed again for each application's shapes: W1·v is a product once v is a column
            return Fn.defined(s.name(), s.params(), parsed.body(), matrix ? () -> definitionBody(source).body() : null,
                    source.substring(source.indexOf('=') + 1).strip());
        });
    }

    /** The body of a definition, and whether its text uses a tensor operation (sum, ᵀ, …) that a scalar parameter made disappear. */
    private record Body(Expr body, boolean tensorOps) {}

    private static Body definitionBody(String source) {
        return LeibnizPartials.parse(r -> {
            var p = new Parser(source, r);
            p.signature();
            p.expect(Kind.EQUALS, "'=' and the function's body");
            Expr body = p.expression();
            p.expect(Kind.END, "an operator or the end of the definition");
            return new Body(body, p.tensorOps);
        });
    }

    /** Set when a tensor operation (a reduction, softmax, a transpose) is parsed: a definition using one has a matrix body. */
    private boolean tensorOps;

    /** Parses {@code name(p1, p2, ...)} into an abstract function (registered by the caller). */
    public static Fn parseDeclaration(String source) {
        var p = new Parser(source, null);
        Signature s = p.signature();
        p.expect(Kind.END, "the end of the declaration (an abstract function has no body; use def for one with a body)");
        return Fn.abstractFn(s.name(), s.params());
    }

    private record Signature(String name, List<String> params) {}

    private Signature signature() {
        Token name = expect(Kind.IDENT, "a function name");
        expect(Kind.LPAREN, "'(' and the parameter names");
        var params = new ArrayList<String>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                params.add(expect(Kind.IDENT, "a parameter name").text());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "',' or ')'");
        return new Signature(name.text(), params);
    }

    /** The shunting-yard loop: alternates between expecting an operand and expecting an operator. */
    private Expr expression() {
        int operatorBase = operators.size(), operandBase = operands.size();
        boolean expectOperand = true;
        while (true) {
            Token t = peek();
            if (expectOperand) {
                switch (t.kind()) {
                    case NUMBER -> { next(); operands.push(Exprs.decimal(t.text())); expectOperand = false; }   // exact: 0.1 is 1/10
                    case IDENT, PARTIAL -> {  // a name, a call, or a partial: ∂f/∂g, or ∂g/∂u(x, y) read as a call
                        next();
                        if (peek().kind() == Kind.LPAREN) {
                            next();
                            operators.push(new Pending(Kind.LPAREN, t, null, null, t.text(), new int[]{0}));
                            if (peek().kind() == Kind.RPAREN) {
                                next();
                                operators.pop();
                                operands.push(call(t, List.of()));
                                expectOperand = false;
                            }
                        } else {
                            operands.push(t.kind() == Kind.PARTIAL ? leibnizPartial(t)
                                    : t.text().equals("π") || t.text().equals("pi") ? Exprs.PI : Exprs.sym(t.text()));
                            expectOperand = false;
                        }
                    }
                    case LPAREN -> { next(); operators.push(new Pending(Kind.LPAREN, t, null, null, null, null)); }
                    case OPERATOR -> {
                        Op op = prefix(t);
                        if (op == null) throw noOperand(t);
                        next();
                        // a unary plus binds as unary minus does and changes nothing
                        operators.push(new Pending(t.kind(), t, op == Op.ADD ? null : op, Op.NEG.notation().binding(), null, null));
                    }
                    default -> throw noOperand(t);
                }
            } else {
                switch (t.kind()) {
                    case OPERATOR -> { next(); pushBinary(t, infix(t)); expectOperand = true; }
                    case SUPERSCRIPT -> {
                        next();
                        operands.push(Exprs.pow(operands.pop(), Exprs.num((long) t.number())));
                    }
                    case TRANSPOSE -> {   // postfix, as tight as a superscript: xᵀ·y, (A·B)ᵀ
                        next();
                        tensorOps = true;
                        operands.push(Tensors.transpose(operands.pop()));
                    }
                    case COMMA -> {
                        next();
                        Pending call = hasOpenParenthesis(operatorBase) ? reduceToParenthesis(t, operatorBase) : null;
                        if (call == null || call.function() == null) {
                            throw new ParseException("',' outside a function call", source, t.column());
                        }
                        call.argumentCount()[0]++;
                        expectOperand = true;
                    }
                    case RPAREN -> {
                        if (!hasOpenParenthesis(operatorBase)) {
                            throw new ParseException("unmatched ')'", source, t.column());
                        }
                        next();
                        Pending open = reduceToParenthesis(t, operatorBase);
                        operators.pop();
                        if (open.function() != null) {
                            int n = open.argumentCount()[0] + 1;
                            Expr[] args = new Expr[n];
                            for (int i = n - 1; i >= 0; i--) args[i] = operands.pop();
                            operands.push(call(open.token(), Arrays.asList(args)));
                        }
                    }
                    default -> {
                        // end of this expression (END, '=' or an unexpected token, which the caller reports)
                        while (operators.size() > operatorBase) {
                            Pending top = operators.peek();
                            if (top.kind() == Kind.LPAREN) {
                                throw new ParseException(top.function() == null ? "unclosed '(': no ')' matches it"
                                        : "unclosed call of " + top.function() + "(: no ')' matches it", source, top.token().column());
                            }
                            reduce();
                        }
                        if (operands.size() != operandBase + 1) throw new IllegalStateException("parser stack out of balance");
                        return operands.pop();
                    }
                }
            }
        }
    }

    private ParseException noOperand(Token t) {
        return new ParseException(t.kind() == Kind.END && pos > 0
                ? "the expression ends too early: " + tokens.get(pos - 1).describe() + " needs an operand after it"
                : "expected a number, a name or '(' but found " + t.describe(), source, t.column());
    }

    /** The infix operator an operator token spells (every operator character spells one). */
    private static Op infix(Token t) {
        return Op.byOperatorCharacter(t.text().codePointAt(0), false);
    }

    /** The prefix operator an operator token spells (unary minus), {@link Op#ADD} for a unary plus, or null. */
    private static Op prefix(Token t) {
        int c = t.text().codePointAt(0);
        Op op = Op.byOperatorCharacter(c, true);
        return op != null ? op : Op.byOperatorCharacter(c, false) == Op.ADD ? Op.ADD : null;
    }

    /** Pushes a binary operator after reducing what binds tighter, by the op table's precedence and associativity. */
    private void pushBinary(Token t, Op op) {
        Binding precedence = op.notation().binding();
        boolean rightAssociative = op.notation().rightAssociative();
        while (!operators.isEmpty() && operators.peek().kind() != Kind.LPAREN) {
            int top = operators.peek().precedence().compareTo(precedence);
            if (top > 0 || (top == 0 && !rightAssociative)) reduce();
            else break;
        }
        operators.push(new Pending(t.kind(), t, op, precedence, null, null));
    }

    private boolean hasOpenParenthesis(int base) {
        int i = 0;
        for (Pending p : operators) {
            if (i++ >= operators.size() - base) break;
            if (p.kind() == Kind.LPAREN) return true;
        }
        return false;
    }

    /** Reduces operators down to the innermost open parenthesis (left on the stack) and returns it. */
    private Pending reduceToParenthesis(Token at, int base) {
        while (operators.size() > base && operators.peek().kind() != Kind.LPAREN) reduce();
        if (operators.size() <= base) throw new ParseException("unmatched " + at.describe(), source, at.column());
        return operators.peek();
    }

    /** Applies the operator on top of the stack to its operands. */
    private void reduce() {
        Pending p = operators.pop();
        if (p.op() == null || p.op().arity() == 1) {  // prefix: unary minus, or a unary plus (null)
            Expr a = operands.pop();
            operands.push(p.op() == null ? a : Exprs.call(p.op(), a));
            return;
        }
        Expr b = operands.pop(), a = operands.pop();
        // '·' (like '@') is the matrix product between non-scalars and the ordinary product otherwise; '*' and '⊙' are elementwise
        Op op = p.op() == Op.MUL && p.token().text().equals("·") ? Op.MATMUL : p.op();
        try {
            operands.push(Exprs.call(op, a, b));
        } catch (ShapeMismatch m) {
            throw new ParseException(m.getMessage(), source, p.token().column());
        }
    }

    /** A call of a built-in or of a named function, or a partial at its arguments, with the arity checked. */
    private Expr call(Token name, List<Expr> args) {
        if (name.kind() == Kind.PARTIAL) return explicitPartial(name, args);
        String n = name.text();
        var op = Op.byFunctionName(n);
        if (op.isPresent()) {
            checkArity(name, op.get().arity(), args.size());
            if (Tensors.isTensorOp(op.get())) tensorOps = true;
            try {
                return Exprs.call(op.get(), args);
            } catch (ShapeMismatch m) {
                throw new ParseException(m.getMessage(), source, name.column());
            }
        }
        Fn fn = function(name, n);
        checkArity(name, fn.arity(), args.size());
        Expr e;
        try {
            e = fn.apply(args.toArray(Expr[]::new));
        } catch (ShapeMismatch m) {
            throw new ParseException(m.getMessage(), source, name.column());
        }
        if (partials != null) partials.applied(e);
        return e;
    }

    /** {@code ∂f/∂g}: the partial its Leibniz name means in this text ({@link LeibnizPartials}). */
    private Expr leibnizPartial(Token t) {
        PartialName name = PartialName.of(t, source);
        return partials.resolve(function(t, name.function()), name, t, source);
    }

    /** {@code ∂g/∂u(x, y)}: the partial by the parameters the denominator names, at the arguments. */
    private Expr explicitPartial(Token t, List<Expr> args) {
        PartialName name = PartialName.of(t, source);
        Fn fn = function(t, name.function());
        if (fn.arity() != args.size()) {
            throw new ParseException(fn.name() + " takes " + fn.arity() + " argument" + (fn.arity() == 1 ? "" : "s")
                    + " but " + t.text() + " was given " + args.size(), source, t.column());
        }
        var wrt = new ArrayList<Integer>();
        for (var v : name.denominator()) {
            int k = fn.params().indexOf(v.name());
            if (k < 0) {
                throw new ParseException(t.text() + "(…) is by a parameter of " + fn.signature() + ", and " + v.name()
                        + " is not one" + Suggestions.closest(v.name(), fn.params()).map(s -> "; did you mean " + s + "?").orElse(""),
                        source, t.column());
            }
            for (int j = 0; j < v.times(); j++) wrt.add(k);
        }
        return Exprs.partial(fn, wrt, args);
    }

    /** The function made by def/declare that {@code n} names (typed at {@code name}), or an error with a suggestion. */
    private Fn function(Token name, String n) {
        var fn = Functions.lookup(n);
        if (fn.isPresent()) return fn.get();
        var known = new TreeSet<>(Op.functionNames());
        known.addAll(Functions.names());
        String hint = Suggestions.closest(n, known).map(s -> "; did you mean " + s + "?").orElse("");
        throw new ParseException("unknown function '" + n + "'" + hint
                + (hint.isEmpty() ? " (define it with def(\"" + n + "(x) = ...\") or declare(\"" + n + "(x)\"))" : ""),
                source, name.column());
    }

    private void checkArity(Token name, int expected, int got) {
        if (expected != got) {
            throw new ParseException(name.text() + " takes " + expected + " argument" + (expected == 1 ? "" : "s")
                    + " but was given " + got, source, name.column());
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(Kind kind) {
        if (peek().kind() != kind) return false;
        pos++;
        return true;
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) throw new ParseException("expected " + what + " but found " + t.describe(), source, t.column());
        return next();
    }
}
