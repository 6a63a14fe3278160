package dotbar.expr;

import org.apache.commons.math3.fraction.BigFraction;

import java.util.List;

/**
 * A numeric constant: floating ({@link Exprs#num(double)}, what every formula and builder makes
 * today) or exact, an integer or rational of any size ({@link #exact()} is not null; built with
 * {@link Exprs#rational}, {@link Exprs#num(BigFraction)}, {@link Exprs#integer(long)},
 * {@link Exprs#decimal(String)}). Exact ½ and floating 0.5 are different nodes, as SymPy's
 * {@code Rational(1, 2)} and {@code Float(0.5)} are. {@link #value()} is always the double the
 * constant evaluates to (for an exact number the double nearest to it).
 */
public record Num(double value, BigFraction exact) implements Expr {
    /** A floating constant. */
    Num(double value) {
        this(value, null);
    }

    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> children) { return this; }
    @Override public String toString() { return Exprs.print(this); }

    /** True when this is exactly {@code c} (so {@code -0.0} is not 0 here, as IEEE's compare says). */
    public boolean is(double c) { return Double.compare(value, c) == 0 || (value == 0 && c == 0); }

    /** True for an exact integer or rational ({@link #exact()} gives it). */
    public boolean isExact() { return exact != null; }

    /** True for an exact integer. */
    public boolean isInteger() { return exact != null && exact.getDenominator().equals(java.math.BigInteger.ONE); }
}
