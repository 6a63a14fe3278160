package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shapes of expressions: the declared shapes of symbols ({@code matrix("W1", 3, 4)}) and the
 * shape of every node, inferred from its operands and checked when the node is built.
 *
 * <p>A symbol without a declaration is a scalar, so an expression over undeclared symbols is
 * what it always was; while nothing is declared no shape is ever computed. The shape of a node is
 * a function of its structure and the declarations, remembered per (interned) node and computed
 * iteratively, so a 20 000-deep chain costs no stack. Declare a symbol's shape before building
 * expressions that use it: a declaration does not rebuild the nodes made before it.
 */
public final class Shapes {
    private static final Map<String, Shape> DECLARED = new ConcurrentHashMap<>();
    private static final Map<Expr, Shape> KNOWN = new WeakHashMap<>();
    private static volatile boolean any;

    private Shapes() {}

    /**
     * Declares the symbol {@code name} with the shape rows×columns (1×1 is a scalar) and returns
     * it. Declaring it again with the same shape is allowed; with another shape it is an error
     * naming both.
     */
    public static Sym declare(String name, int rows, int columns) {
        Sym s = Exprs.sym(name);
        Shape shape = new Shape(rows, columns);
        synchronized (KNOWN) {
            Shape before = DECLARED.get(s.name());
            if (before != null && !before.equals(shape)) {
                throw new DotbarException(s.name() + " is declared " + before + "; declaring it " + shape
                        + " as well is refused (choose another name, or forget(\"" + s.name() + "\") first)");
            }
            if (before == null && !shape.isScalar()) {
                DECLARED.put(s.name(), shape);
                any = true;
                KNOWN.clear();  // nodes built while the name was a scalar get their shapes anew
            }
        }
        return s;
    }

    /** Forgets the declared shape of {@code name} (it is a scalar again); for a fresh session and tests. */
    public static void forget(String name) {
        synchronized (KNOWN) {
            if (DECLARED.remove(Exprs.sym(name).name()) != null) KNOWN.clear();
            any = !DECLARED.isEmpty();
        }
    }

    /**
     * Shapes for names that stand for nodes while {@code body} runs on this thread: a trace's row
     * names ({@code t1}, {@code w̄2}) have the shapes of the nodes they name, without declaring
     * them for everyone. Shapes computed meanwhile are remembered apart and forgotten after.
     */
    public static <T> T within(Map<String, Shape> names, java.util.function.Supplier<T> body) {
        if (names.isEmpty()) return body.get();
        Scope outer = SCOPE.get();
        var merged = new java.util.HashMap<String, Shape>(outer == null ? Map.of() : outer.names());
        names.forEach((n, shape) -> merged.put(Exprs.sym(n).name(), shape));   // NFC, as symbols are named
        SCOPE.set(new Scope(merged, new java.util.IdentityHashMap<>()));
        try {
            return body.get();
        } finally {
            if (outer == null) SCOPE.remove();
            else SCOPE.set(outer);
        }
    }

    private record Scope(Map<String, Shape> names, Map<Expr, Shape> known) {}

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    /** Forgets every declared shape (a new session starts with scalars only). */
    public static void clear() {
        synchronized (KNOWN) {
            DECLARED.clear();
            KNOWN.clear();
            any = false;
        }
    }

    /** Every declared shape, by name: a copy, for {@link #restore}. */
    public static Map<String, Shape> declaredShapes() {
        synchronized (KNOWN) {
            return Map.copyOf(DECLARED);
        }
    }

    /**
     * The declared shapes become exactly {@code shapes} (from {@link #declaredShapes}): a session
     * that ends gives back the declarations its host had before it began.
     */
    public static void restore(Map<String, Shape> shapes) {
        synchronized (KNOWN) {
            DECLARED.clear();
            DECLARED.putAll(shapes);
            KNOWN.clear();
            any = !DECLARED.isEmpty();
        }
    }

    /** The declared shape of the symbol {@code name}; 1×1 for an undeclared one. */
    public static Shape declared(String name) {
        if (!any) return Shape.SCALAR;
        Scope scope = SCOPE.get();
        Shape s = scope == null ? null : scope.names().get(name);
        return s != null ? s : DECLARED.getOrDefault(name, Shape.SCALAR);
    }

    /** True once any symbol has a shape other than 1×1 (else every expression is scalar). */
    public static boolean anyDeclared() {
        return any;
    }

    /** The shape of {@code e}'s value. */
    public static Shape of(Expr e) {
        if (!any) return Shape.SCALAR;
        if (e instanceof Num) return Shape.SCALAR;
        if (e instanceof Sym s) return declared(s.name());
        Shape cached = known(e);
        if (cached != null) return cached;
        // post-order over the operands whose shape is not yet known, with an explicit stack
        var stack = new ArrayDeque<Expr>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr n = stack.peek();
            boolean ready = true;
            for (Expr c : n.children()) {
                if (!(c instanceof Num || c instanceof Sym) && known(c) == null) {
                    stack.push(c);
                    ready = false;
                }
            }
            if (!ready) continue;
            stack.pop();
            remember(n, node(n));
        }
        return known(e);
    }

    private static void remember(Expr n, Shape s) {
        Scope scope = SCOPE.get();
        if (scope != null) scope.known().put(n, s);
        else synchronized (KNOWN) { KNOWN.put(n, s); }
    }

    /** True when {@code e} or one of its operands is not a scalar: its derivative rules are the tensor ones. */
    public static boolean involvesTensors(Expr e) {
        if (!any) return false;
        if (!of(e).isScalar()) return true;
        for (Expr c : e.children()) if (!of(c).isScalar()) return true;
        return false;
    }

    /** True when some node of {@code order} is not a scalar. */
    public static boolean anyTensor(List<Expr> order) {
        if (!any) return false;
        for (Expr n : order) if (!of(n).isScalar()) return true;
        return false;
    }

    private static Shape known(Expr e) {
        if (e instanceof Num) return Shape.SCALAR;
        if (e instanceof Sym s) return declared(s.name());
        Scope scope = SCOPE.get();
        if (scope != null) return scope.known().get(e);
        synchronized (KNOWN) { return KNOWN.get(e); }
    }

    /** The shape of one node from its operands' (known) shapes. */
    private static Shape node(Expr n) {
        return switch (n) {
            case Num x -> Shape.SCALAR;
            case Sym s -> declared(s.name());
            case Call c -> infer(c.op(), c.args());
            case Apply a -> application(a.fn(), a.args());
            case Partial p -> Shape.SCALAR;
        };
    }

    /**
     * The shape of {@code op(args)}, or a {@link ShapeMismatch} naming the operation and both
     * shapes. Elementwise operations broadcast a size-1 dimension (a scalar to any shape, an
     * m×1 column across the columns of an m×n matrix); the tensor operations have their own rules.
     */
    public static Shape infer(Op op, List<Expr> args) {
        Shape a = of(args.get(0)), b = args.size() > 1 ? of(args.get(1)) : null;
        return switch (op) {
            case MATMUL -> {
                if (a.isScalar() || b.isScalar()) yield broadcast(op, args, a, b);
                if (a.columns() != b.rows()) {
                    throw mismatch(op, args, a, b, " (the left factor's columns must be as many as the right one's rows)");
                }
                yield new Shape(a.rows(), b.columns());
            }
            case TRANSPOSE -> a.transposed();
            case TOTAL, MEAN -> Shape.SCALAR;
            case DOT -> {
                if (!a.equals(b) && !a.isScalar() && !b.isScalar()) throw mismatch(op, args, a, b, " (dot takes two operands of one shape)");
                yield Shape.SCALAR;
            }
            case ROWSUM -> new Shape(a.rows(), 1);
            case COLSUM -> new Shape(1, a.columns());
            case ONES, SOFTMAX -> a;
            case LOGSUMEXP -> new Shape(1, a.columns());
            default -> b == null ? a : broadcast(op, args, a, b);
        };
    }

    private static Shape broadcast(Op op, List<Expr> args, Shape a, Shape b) {
        int rows = dimension(a.rows(), b.rows()), columns = dimension(a.columns(), b.columns());
        if (rows < 0 || columns < 0) throw mismatch(op, args, a, b, " (elementwise operands need equal sizes, or size 1 to broadcast)");
        return new Shape(rows, columns);
    }

    private static int dimension(int m, int n) {
        return m == n || n == 1 ? m : m == 1 ? n : -1;
    }

    private static ShapeMismatch mismatch(Op op, List<Expr> args, Shape a, Shape b, String why) {
        String sign = op == Op.MATMUL ? "·" : op == Op.MUL ? " ⊙ " : op.isOperator() ? op.notation().unicode() : ", ";
        String text = op.isOperator() ? brief(args.get(0)) + sign + brief(args.get(1))
                : op.functionName() + "(" + brief(args.get(0)) + ", " + brief(args.get(1)) + ")";
        return new ShapeMismatch(text + ": " + a + (op.isOperator() ? " " + sign.strip() + " " : " and ") + b + why);
    }

    private static String brief(Expr e) {
        String s = e.toString();
        return s.length() <= 40 ? (e instanceof Call c && c.op().isOperator() ? "(" + s + ")" : s) : "…";
    }

    /**
     * The shape of an application of a named function. A function with a matrix body
     * ({@link Fn#hasMatrixBody()}: {@code w1(v) = W1·v + b1}) has the shape of its body built
     * for the arguments' shapes ({@link Instances}; a mismatch names the function, the parameter
     * and the shapes). A body that is scalar entry by entry ({@code φ(w) = σ(w)}) applies entry
     * by entry, its shape the broadcast of the arguments'. An abstract function takes scalars.
     */
    static Shape application(Fn fn, List<Expr> args) {
        if (fn.hasMatrixBody()) return Instances.of(fn, args).shape();
        Shape r = Shape.SCALAR;
        Expr first = null;
        for (Expr a : args) {
            Shape s = of(a);
            if (s.isScalar()) continue;
            if (fn.isAbstract()) {
                throw new ShapeMismatch(fn.name() + " is abstract, so it takes scalars; " + brief(a) + " is " + s);
            }
            int rows = dimension(r.rows(), s.rows()), columns = dimension(r.columns(), s.columns());
            if (rows < 0 || columns < 0) {
                throw new ShapeMismatch(fn.name() + "(…): " + brief(first) + " is " + r + " and " + brief(a) + " is " + s
                        + " (elementwise arguments need equal sizes, or size 1 to broadcast)");
            }
            r = new Shape(rows, columns);
            first = a;
        }
        return r;
    }

    /**
     * {@code a ⊙ ones(B) → a} and {@code a ⊙ (c·ones(B)) → c·a} (c a scalar) when a already has
     * the product's shape: the ones of a reduction's adjoint (Ā = s̄·1) vanish in the next rule.
     */
    private static Expr absorbOnes(Expr a, Expr b, Shape shape) {
        if (!of(a).equals(shape)) return null;
        Expr c = scaleOfOnes(b);
        if (c == null) return null;
        return Exprs.ONE.equals(c) ? a : Exprs.mul(c, a);
    }

    /**
     * The scalar c when {@code b} is c·ones(B) written any way the canonical form writes it —
     * {@code ones(B)}, {@code c·ones(B)}, {@code ones(B)·c}, {@code ones(B)/d}, {@code c·ones(B)/d}
     * with scalar c and d (a rational coefficient prints as a quotient: s̄/2 · ones is ones(B)/2) —
     * else null. Walks at most one product and one quotient deep, so it is O(1).
     */
    private static Expr scaleOfOnes(Expr b) {
        if (b instanceof Call o && o.op() == Op.ONES) return Exprs.ONE;
        if (b instanceof Call n && n.op() == Op.NEG) {          // −ones(B), the adjoint of a subtracted reduction
            Expr inner = scaleOfOnes(n.arg());
            return inner == null ? null : Exprs.neg(inner);
        }
        if (!(b instanceof Call c) || c.args().size() != 2) return null;
        Expr l = c.args().get(0), r = c.args().get(1);
        if (c.op() == Op.DIV && of(r).isScalar()) {
            Expr inner = scaleOfOnes(l);
            return inner == null ? null : Exprs.div(inner, r);
        }
        if (c.op() == Op.MUL) {
            if (of(l).isScalar() && r instanceof Call o && o.op() == Op.ONES) return l;
            if (of(r).isScalar() && l instanceof Call o && o.op() == Op.ONES) return r;
        }
        return null;
    }

    /**
     * The construction-time rewrite of {@code op(args)}, shape-aware: the tensor operations'
     * own rules ({@link Tensors#construct}), then the light rewrites of {@link Simplifications},
     * except one that would change the shape ({@code W·0 → 0} is not made for a matrix W).
     * A shape mismatch is thrown here, before any node is built.
     */
    static Expr atConstruction(Op op, List<Expr> args) {
        if (Tensors.isTensorOp(op)) {
            if (any) infer(op, args);
            return Tensors.construct(op, args);
        }
        if (!any) return Simplifications.atConstruction(op, args);
        Shape shape = infer(op, args);
        if (op == Op.MUL) {
            Expr absorbed = absorbOnes(args.get(0), args.get(1), shape);
            if (absorbed == null) absorbed = absorbOnes(args.get(1), args.get(0), shape);
            if (absorbed != null) return absorbed;
        }
        Expr simpler = Simplifications.atConstruction(op, args);
        return simpler == null || shape.isScalar() || of(simpler).equals(shape) ? simpler : null;
    }
}
