package dotbar.expr;

import java.util.List;
import java.util.Map;

/**
 * An immutable, hash-consed mathematical expression: a node of a DAG.
 *
 * <p>Every node is built through {@link Exprs}, which interns it, so equal structure is one
 * object and {@code equals} is structural (it compares children by identity, which is the same
 * thing for interned children). Construction puts sums, products and powers in a canonical form,
 * as SymPy does ({@link Exprs}): numbers folded (exactly, for exact numbers), like terms and
 * factors collected, a fixed order: {@code x + x} is {@code 2·x}, {@code x·x} is {@code x²}.
 *
 * <p>No operation recurses on the depth of the expression: every pass walks the DAG in
 * topological order ({@link Graph}), so a 20 000-deep chain is an ordinary input.
 *
 * <pre>{@code
 * var x = sym("x");
 * var f = x.pow(2).times(sin(x)).plus(1);   // x²·sin(x) + 1
 * f.eval(at("x=0.5"));
 * }</pre>
 */
public sealed interface Expr permits Num, Sym, Call, Apply, Partial {

    /** The direct operands of this node, in order (empty for numbers and symbols). */
    List<Expr> children();

    /** The same kind of node over new operands (re-simplified and interned). */
    Expr withChildren(List<Expr> children);

    /** {@code this + other}. */
    default Expr plus(Expr other) { return Exprs.call(Op.ADD, this, other); }

    /** {@code this + c} with c a floating constant (a Java double stays a double: {@code x.times(0.5)} is 0.5·x). */
    default Expr plus(double c) { return plus(Exprs.num(c)); }

    /** {@code this + n} with n an exact integer ({@code x.pow(2)} is x², {@code x.div(3)} is x/3). */
    default Expr plus(long n) { return plus(Exprs.num(n)); }

    /** {@code this − other}. */
    default Expr minus(Expr other) { return Exprs.call(Op.SUB, this, other); }

    /** {@code this − c} with c a floating constant (a Java double stays a double: {@code x.times(0.5)} is 0.5·x). */
    default Expr minus(double c) { return minus(Exprs.num(c)); }

    /** {@code this − n} with n an exact integer ({@code x.pow(2)} is x², {@code x.div(3)} is x/3). */
    default Expr minus(long n) { return minus(Exprs.num(n)); }

    /** {@code this · other}. */
    default Expr times(Expr other) { return Exprs.call(Op.MUL, this, other); }

    /** {@code this · c} with c a floating constant (a Java double stays a double: {@code x.times(0.5)} is 0.5·x). */
    default Expr times(double c) { return times(Exprs.num(c)); }

    /** {@code this · n} with n an exact integer ({@code x.pow(2)} is x², {@code x.div(3)} is x/3). */
    default Expr times(long n) { return times(Exprs.num(n)); }

    /** {@code this / other}. */
    default Expr div(Expr other) { return Exprs.call(Op.DIV, this, other); }

    /** {@code this / c} with c a floating constant (a Java double stays a double: {@code x.times(0.5)} is 0.5·x). */
    default Expr div(double c) { return div(Exprs.num(c)); }

    /** {@code this / n} with n an exact integer ({@code x.pow(2)} is x², {@code x.div(3)} is x/3). */
    default Expr div(long n) { return div(Exprs.num(n)); }

    /** {@code this ^ other}. */
    default Expr pow(Expr other) { return Exprs.call(Op.POW, this, other); }

    /** {@code this ^ c} with c a floating constant (a Java double stays a double: {@code x.times(0.5)} is 0.5·x). */
    default Expr pow(double c) { return pow(Exprs.num(c)); }

    /** {@code this ^ n} with n an exact integer ({@code x.pow(2)} is x², {@code x.div(3)} is x/3). */
    default Expr pow(long n) { return pow(Exprs.num(n)); }

    /** {@code −this}. */
    default Expr neg() { return Exprs.call(Op.NEG, this); }

    /**
     * The value at a point. Every free symbol needs a value (else a {@code DotbarException}
     * naming all missing symbols); division by zero and {@code log} of a negative number
     * follow IEEE 754 (∞, NaN) without throwing.
     */
    default double eval(Point point) { return Evaluator.eval(this, point); }

    /**
     * The value at a point as rows, {@code double[rows][columns]}, for an expression of any
     * shape (a scalar is {@code {{v}}}); tensor symbols take {@code double[]}/{@code double[][]}
     * values in {@code at(...)}.
     */
    default double[][] evalArray(Point point) { return TensorEval.array(this, point); }

    /** The shape, {@code {rows, columns}}: {@code {1, 1}} for a scalar, {@code {3, 4}} for {@code matrix("W1", 3, 4)}. */
    default int[] shape() { return Shapes.of(this).toArray(); }

    /** The free symbols, sorted by name ({@code x2} before {@code x10}). */
    default List<String> vars() { return Graph.vars(this); }

    /** The number of distinct nodes of the DAG (a shared node counts once). */
    default int size() { return Graph.topologicalOrder(this).size(); }

    /** Replaces every occurrence of the symbol {@code name} by {@code replacement}. */
    default Expr subs(String name, Expr replacement) { return Graph.substitute(this, Map.of(Exprs.sym(name).name(), replacement)); }

    /** Replaces every occurrence of the symbol {@code name} by the number {@code value}. */
    default Expr subs(String name, double value) { return subs(name, Exprs.num(value)); }

    /** Simultaneous substitution of several symbols. */
    default Expr subs(Map<String, ? extends Expr> replacements) {
        var byName = new java.util.HashMap<String, Expr>();
        replacements.forEach((name, r) -> byName.put(Exprs.sym(name).name(), r));  // a name that is not a symbol's is an error
        return Graph.substitute(this, byName);
    }
}
