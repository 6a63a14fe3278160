package dotbar.plot;

import dotbar.expr.Point;

import java.util.List;

/**
 * Something that moved through parameter space step by step — an optimizer's run — as a plot
 * overlays it: the points visited (a contour path) and the loss at each (a loss curve).
 */
public interface Trajectory {
    /** The legend entry, e.g. {@code adam η=0.01}. */
    String label();

    /** The parameters at every recorded step, the start first. */
    List<Point> points();

    /** The loss at every recorded step, the start first. */
    double[] losses();

    /** The step number of every recorded point (0 for the start); the same length as {@link #points()}. */
    double[] steps();
}
