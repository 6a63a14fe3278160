package dotbar.expr;

/**
 * How an expression is written as text: the service behind every node's {@code toString()}.
 *
 * <p>{@code expr} is the bottom of the layering (docs/architecture.md) and may not import the
 * printers that sit above it, so it declares this interface and finds the one implementation
 * with {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/dotbar.expr.ExprText}; {@code dotbar.print.UnicodeExprText} is it).
 * The arrow in the code then points up only at run time, through this interface.
 */
public interface ExprText {
    /** The expression as Unicode math, e.g. {@code x²·sin(x) + 1}; the text {@code parse} reads back. */
    String text(Expr e);
}
