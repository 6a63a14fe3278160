package dotbar.print;

import dotbar.expr.Expr;
import dotbar.expr.Partial;

import java.util.List;
import java.util.Set;

/**
 * The partials of one text whose Leibniz name is ambiguous in it ({@link Leibniz#explicit}), and
 * so are printed explicitly, {@code ∂g/∂u(x, y)}. Found when the first partial is asked about: a
 * text without one costs no extra walk. Both printers hold one per printout; several printouts
 * that belong to one text share one.
 */
final class ExplicitPartials {
    private final List<Expr> context;
    private Set<Partial> explicit;

    ExplicitPartials(List<Expr> context) {
        this.context = context;
    }

    boolean contains(Partial p) {
        if (explicit == null) explicit = Leibniz.explicit(context);
        return explicit.contains(p);
    }
}
