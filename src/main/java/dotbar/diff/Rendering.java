package dotbar.diff;

import java.util.ServiceLoader;

/**
 * How the results of this package print: the tables and LaTeX of {@link Trace},
 * {@link SymbolicTrace}, {@link Grad}, {@link Hessian}, {@link Jacobian} and {@link Cost}. diff returns data; the
 * text is made in {@code dotbar.print}, which implements this interface and registers it in
 * {@code META-INF/services/dotbar.diff.Rendering}. The data classes' {@code toString()} and
 * {@code latex()} find it with {@link ServiceLoader} once.
 */
public interface Rendering {
    /** The numeric trace as a text table: heading, one row per node, result and operation count. */
    String text(Trace t);

    /** The numeric trace as a LaTeX {@code tabular}. */
    String latex(Trace t);

    /** The symbolic trace as a text table: node, chain rule, seeded result. */
    String text(SymbolicTrace t);

    /** The symbolic trace's equations as a LaTeX {@code aligned} block. */
    String latex(SymbolicTrace t);

    /** {@code ∇ = (∂/∂a: 0.25, …)}, 6 significant digits. */
    String text(Grad g);

    /** The Hessian as a table under its point. */
    String text(Hessian h);

    /** The Jacobian as a table under its point. */
    String text(Jacobian j);

    /** The cost report as a table. */
    String text(Cost c);

    /** The registered implementation (the first one {@link ServiceLoader} finds), loaded on first use. */
    static Rendering get() {
        return RenderingLoader.RENDERING;
    }
}
