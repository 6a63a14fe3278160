package dotbar.expr;

import java.util.List;

/** A numeric constant. Build with {@link Exprs#num(double)} so that equal numbers are one node. */
public record Num(double value) implements Expr {
    @Override public List<Expr> children() { return List.of(); }
    @Override public Expr withChildren(List<Expr> children) { return this; }
    @Override public String toString() { return Exprs.print(this); }

    /** True when this is exactly {@code c} (so {@code -0.0} is not 0 here, as IEEE's compare says). */
    public boolean is(double c) { return Double.compare(value, c) == 0 || (value == 0 && c == 0); }
}
