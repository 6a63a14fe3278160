package dotbar.expr;

import dotbar.base.DotbarException;

/**
 * Operands whose shapes an operation cannot combine: the message names the operation and both
 * shapes ({@code W1·b1: 3×4 · 3×1}); the parser adds the column of the operator.
 */
public final class ShapeMismatch extends DotbarException {
    private static final long serialVersionUID = 1L;

    ShapeMismatch(String message) {
        super(message);
    }
}
