package dotbar.plot;

/**
 * Liang–Barsky clipping of a segment to a rectangle, so that a trajectory point at 10³⁰⁰
 * costs no more to draw than one on the canvas.
 */
final class Clip {
    private Clip() {}

    /**
     * The part of segment (x0, y0)–(x1, y1) inside [xmin, xmax] × [ymin, ymax] as
     * {x0, y0, x1, y1}, or null when none of it is inside or a coordinate is not finite.
     * With p = (x0, y0) + s·(dx, dy), s ∈ [0, 1], each edge bounds s from one side.
     */
    static double[] segment(double x0, double y0, double x1, double y1,
                            double xmin, double xmax, double ymin, double ymax) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) return null;
        double dx = x1 - x0, dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
        double s0 = 0, s1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return null;  // parallel to this edge and outside it
            } else {
                double s = q[i] / p[i];
                if (p[i] < 0) s0 = Math.max(s0, s); else s1 = Math.min(s1, s);
            }
        }
        if (s0 > s1) return null;
        return new double[]{x0 + s0 * dx, y0 + s0 * dy, x0 + s1 * dx, y0 + s1 * dy};
    }
}
