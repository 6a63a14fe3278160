package dotbar.plot;

/**
 * A function of two variables sampled on an evenly spaced grid: {@code z[j][i]} is the value at
 * column i (x from x0 to x1) and row j (y from y1 at the top down to y0), the orientation of
 * both the screen and {@link Contours}.
 */
record Grid(double[] xs, double[] ys, double[][] z) {

    /** Samples {@code field} at {@code nx × ny} points, the corners included. */
    static Grid sample(ContourPlot.Field field, int nx, int ny) {
        double[] xs = new double[nx], ys = new double[ny];
        for (int i = 0; i < nx; i++) xs[i] = Ranges.at(field.x0(), field.x1(), i, nx - 1);
        for (int j = 0; j < ny; j++) ys[j] = Ranges.at(field.y1(), field.y0(), j, ny - 1);
        return sample(field, xs, ys);
    }

    /** Samples {@code field} at the points (xs[i], ys[j]). */
    static Grid sample(ContourPlot.Field field, double[] xs, double[] ys) {
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) z[j][i] = field.sampler().at(xs[i], ys[j]);
        }
        return new Grid(xs, ys, z);
    }

    /** All samples in one array. */
    double[] flat() {
        double[] all = new double[xs.length * ys.length];
        for (int j = 0; j < ys.length; j++) System.arraycopy(z[j], 0, all, j * xs.length, xs.length);
        return all;
    }

    /** The lowest finite sample as {x, y, z}, or null when none is finite. */
    double[] lowest() {
        double[] best = null;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(z[j][i]) && (best == null || z[j][i] < best[2])) best = new double[]{xs[i], ys[j], z[j][i]};
            }
        }
        return best;
    }
}
