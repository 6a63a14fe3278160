package dotbar.print;

import dotbar.expr.Expr;
import dotbar.expr.ExprText;

/**
 * The {@link ExprText} every node's {@code toString()} uses: {@link UnicodePrinter}. Registered
 * in {@code META-INF/services/dotbar.expr.ExprText}, so {@code expr} finds it without importing
 * {@code print}. Public with a public no-argument constructor, as {@link java.util.ServiceLoader}
 * requires.
 */
public final class UnicodeExprText implements ExprText {
    @Override
    public String text(Expr e) {
        return UnicodePrinter.print(e);
    }
}
