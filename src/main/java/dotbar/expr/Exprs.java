package dotbar.expr;

import dotbar.base.DotbarException;

import org.apache.commons.math3.fraction.BigFraction;

import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The one factory of expression nodes. Every node is interned here — equal structure is one
 * object — and built-in operations are put in a canonical form at construction, as SymPy's
 * {@code Add}, {@code Mul} and {@code Pow} do ({@link Simplifications}): constants folded
 * ({@link Numbers}: exactly for exact numbers), sums and products flattened (operands of at most
 * {@value Simplifications#FLATTEN} terms or factors), like terms and factors collected, so
 * {@code x + x} is {@code 2·x}, {@code x·x} is {@code x²} and {@code (1/2)·(2·x)} is {@code x}.
 *
 * <p><b>Order.</b> Unlike terms keep the order they were typed in (a like term is collected into
 * its first occurrence's place), and in a product the number comes first, the other factors in
 * typed order: {@code y + x} stays {@code y + x}. Deterministic, since equal input builds equal
 * nodes, but not commutative-canonical: {@code simplify} sorts (SymPy's order). A full sort at
 * construction made the seed's update rules read {@code v·α - g·(1 - α)} where they are written
 * {@code α·v - (1 - α)·g}, and the chain rule's factors (eq. (31)) lose their reading order.
 *
 * <p>Numbers come in three kinds ({@link Num}): exact integers and rationals ({@link #num(long)},
 * {@link #rational}, {@link #num(BigFraction)}; what formulas type), floating constants
 * ({@link #num(double)}; a Java double), and the symbolic constant {@link #PI}.
 *
 * <p>The intern table holds its nodes weakly: a node nobody references can be collected.
 */
public final class Exprs {
    private static final Map<Expr, WeakReference<Expr>> TABLE = new WeakHashMap<>();

    /** Exact 0, 1, −1 and 1/2. */
    public static final Num ZERO = num(0L);
    public static final Num ONE = num(1L);
    public static final Num MINUS_ONE = num(-1L);
    public static final Num HALF = num(BigFraction.ONE_HALF);

    /** The symbolic constant π: no free variable ({@code vars()} leaves it out), {@link Math#PI} when evaluated. */
    public static final Num PI = intern(new Num(Math.PI, null, true));

    private Exprs() {}

    /**
     * The interned <em>floating</em> constant {@code value}: a Java double stays a double
     * ({@code x.times(0.5)} is 0.5·x, not x/2) and folds with floating arithmetic.
     */
    public static Num num(double value) {
        return intern(new Num(value));
    }

    /** The interned exact integer {@code value}. */
    public static Num num(long value) {
        if (value >= -SMALL && value <= SMALL) {
            Num known = SmallIntegers.OF[(int) value + SMALL];
            if (known != null) return known;
        }
        return num(new BigFraction(value));
    }

    /** The interned exact integer {@code value} (the same as {@link #num(long)}). */
    public static Num integer(long value) {
        return num(value);
    }

    private static final int SMALL = 1024;

    /** The exact integers −1024 … 1024, built once: construction makes them all the time. */
    private static final class SmallIntegers {
        static final Num[] OF = new Num[2 * SMALL + 1];

        static {
            for (int i = -SMALL; i <= SMALL; i++) OF[i + SMALL] = num(new BigFraction(i));
        }
    }

    /** The interned exact integer {@code value}, of any size. */
    public static Num num(BigInteger value) {
        // a small one is a cached node: no BigFraction (whose constructor takes a gcd with 1) and no lookup
        if (value.bitLength() <= 11) return num(value.longValue());
        return num(new BigFraction(value));
    }

    /** The interned exact rational p/q, reduced ({@code rational(2, 4)} is 1/2); q ≠ 0. */
    public static Num rational(BigInteger p, BigInteger q) {
        if (q.signum() == 0) throw new DotbarException("rational " + p + "/0: the denominator is 0");
        return num(new BigFraction(p, q));
    }

    /**
     * The double nearest to the rational {@code value} (±∞ beyond the double's range, 0 below it):
     * what {@link Num#value()} of an exact number is, for code that holds a {@code BigFraction}
     * without building a node.
     */
    public static double nearestDouble(BigFraction value) {
        return Numbers.toDouble(value);
    }

    /** The interned exact number {@code value}; read it back with {@link Num#exact()}, its double with {@link Num#value()}. */
    public static Num num(BigFraction value) {
        if (value.getNumerator().signum() == 0) value = BigFraction.ZERO;   // new BigFraction(0.0) is 0/2¹⁰⁷⁴, not reduced
        return intern(new Num(Numbers.toDouble(value), value, false));
    }

    /**
     * The exact number a decimal in {@link NumberSyntax} denotes: {@code "0.1"} is 1/10,
     * {@code "1.5e-3"} is 3/2000. A decimal exponent beyond ±{@value Numbers#LARGEST_DECIMAL_EXPONENT}
     * ({@code 1e999999}) gives its double instead, so no huge number is built: the floating ∞, or
     * the exact 0 for a decimal below the double range ({@code 1e-999999}).
     */
    public static Num decimal(String text) {
        if (NumberSyntax.parse(text) == null) throw new DotbarException("not a number: '" + text + "'");
        BigFraction f = Numbers.decimal(text);
        if (f != null) return num(f);
        double d = Double.parseDouble(text);   // ∞, or 0 below the double range: 0 as the exact 0 it prints as
        return Double.isFinite(d) ? num(new BigFraction(d)) : num(d);
    }

    /**
     * The interned symbol {@code name}; a name is letters, digits, {@code _} and combining marks
     * (so {@code ȧ} and {@code w̄} are names), starting with a letter.
     */
    public static Sym sym(String name) {
        if (name == null || name.isEmpty() || !Character.isLetter(name.codePointAt(0))
                || !name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_'
                        || Character.getType(c) == Character.NON_SPACING_MARK)) {
            throw new DotbarException("not a symbol name: '" + name + "' (letters, digits and _, starting with a letter)");
        }
        if (name.equals("pi") || name.equals("π")) {   // Exprs.PI is the constant
            throw new DotbarException("'" + name + "' is the constant π in formulas, so a symbol of that name would not parse back; "
                    + "choose another name");
        }
        // composed and decomposed accents are one name: w + U+0302 is ŵ
        return intern(new Sym(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)));
    }

    /** A built-in operation applied to operands, simplified and interned. */
    public static Expr call(Op op, Expr... args) {
        return call(op, Arrays.asList(args));
    }

    /** A built-in operation applied to operands, simplified and interned. */
    public static Expr call(Op op, List<Expr> args) {
        if (args.size() != op.arity()) {
            throw new DotbarException(op.symbol() + " takes " + op.arity() + " argument" + (op.arity() == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        for (Expr a : args) if (a == null) throw new DotbarException(op.symbol() + ": an operand is null");
        Expr simpler = Shapes.atConstruction(op, args);  // shapes checked, then Simplifications' rewrites
        return simpler != null ? simpler : node(op, args);
    }

    /** The interned node {@code op(args)} as it is, without canonical form: for the canonical forms' own builders. */
    static Expr node(Op op, Expr... args) {
        return node(op, Arrays.asList(args));
    }

    static Expr node(Op op, List<Expr> args) {
        return intern(new Call(op, args));
    }

    /**
     * An application of a named function to its written arguments (the arity), the symbols it
     * captures appended as its last operands ({@link Fn#captured()}); or to every operand, as a
     * rebuilt node gives them. An operand in a captured symbol's place that is not that symbol
     * (a substitution replaced W1 in {@code w1(x)}) would print as if it were, so the application
     * is then replaced by its body ({@link Instances#inline}).
     */
    public static Expr apply(Fn fn, List<Expr> args) {
        int all = fn.params().size();
        if (args.size() != fn.arity() && args.size() != all) {
            throw new DotbarException(fn.name() + " takes " + fn.arity() + " argument" + (fn.arity() == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        if (args.size() < all) {
            var full = new java.util.ArrayList<Expr>(args);
            for (String c : fn.captured()) full.add(sym(c));
            args = full;
        } else {
            for (int k = fn.arity(); k < all; k++) {
                if (!(args.get(k) instanceof Sym s && s.name().equals(fn.params().get(k)))) return Instances.inline(fn, args);
            }
        }
        if (Shapes.anyDeclared()) Shapes.application(fn, args);  // the shape is checked now, a mismatch thrown
        return intern(new Apply(fn, args));
    }

    /** The partial derivative of an abstract function by the arguments {@code wrt} (sorted here), at {@code args}. */
    public static Expr partial(Fn fn, List<Integer> wrt, List<Expr> args) {
        if (args.size() != fn.arity()) {
            throw new DotbarException(fn.name() + " takes " + fn.arity() + " arguments, got " + args.size());
        }
        return intern(new Partial(fn, wrt.stream().sorted().toList(), args));
    }

    public static Expr add(Expr a, Expr b) { return call(Op.ADD, a, b); }
    public static Expr sub(Expr a, Expr b) { return call(Op.SUB, a, b); }
    public static Expr mul(Expr a, Expr b) { return call(Op.MUL, a, b); }
    public static Expr div(Expr a, Expr b) { return call(Op.DIV, a, b); }
    public static Expr pow(Expr a, Expr b) { return call(Op.POW, a, b); }
    public static Expr neg(Expr a) { return call(Op.NEG, a); }

    /** The text of a node's {@code toString()}: the registered {@link ExprText}'s. */
    static String print(Expr e) {
        return Printing.NOTATION.text(e);
    }

    /**
     * The one {@link ExprText}, found once on first use (a holder class, so loading {@code Exprs}
     * does not look for it). The class loader is {@code ExprText}'s own, not the thread's context
     * loader: JShell's snippet loader and the Jupyter kernel's threads see the same class path.
     */
    private static final class Printing {
        static final ExprText NOTATION = load();

        private static ExprText load() {
            var found = ServiceLoader.load(ExprText.class, ExprText.class.getClassLoader()).stream().toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + ExprText.class.getName() + " in META-INF/services, found "
                        + found.stream().map(p -> p.type().getName()).toList() + " (is dotbar.print on the class path?)");
            }
            return found.get(0).get();
        }
    }

    static boolean sameElements(List<Expr> a, List<Expr> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    static int shallowHash(int seed, List<Expr> args) {
        int h = seed;
        for (Expr a : args) h = 31 * h + System.identityHashCode(a);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Expr> T intern(T fresh) {
        synchronized (TABLE) {
            WeakReference<Expr> ref = TABLE.get(fresh);
            Expr known = ref == null ? null : ref.get();
            if (known != null) return (T) known;
            TABLE.put(fresh, new WeakReference<>(fresh));
            return fresh;
        }
    }
}
