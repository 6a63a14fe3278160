package dotbar.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares: the level set {z = level} of a function sampled on a grid, as straight
 * segments. Each grid square whose corners lie on both sides of the level gets one segment
 * (two at a saddle) between the points where the level crosses its edges, found by linear
 * interpolation along each edge: a crossing between corners za and zb lies at fraction
 * t = (level − za)/(zb − za) of the edge. A saddle (opposite corners on the same side) is
 * resolved by the mean of the four corners. Squares with a corner that is NaN or ±∞ get no
 * segment, so the picture has a gap there instead of a wrong line.
 *
 * <p>Coordinates are grid indices: (i, j) is sample {@code z[j][i]}; the caller maps them to
 * dots (terminal) or data (files), so one algorithm serves both pictures.
 */
final class Contours {
    private Contours() {}

    /** The segments {i0, j0, i1, j1} of the level set of {@code z} (rows j, columns i) at {@code level}. */
    static List<double[]> segments(double[][] z, double level) {
        var out = new ArrayList<double[]>();
        for (int j = 0; j + 1 < z.length; j++) {
            for (int i = 0; i + 1 < z[j].length; i++) {
                double z00 = z[j][i], z10 = z[j][i + 1], z01 = z[j + 1][i], z11 = z[j + 1][i + 1];
                if (!(Double.isFinite(z00) && Double.isFinite(z10) && Double.isFinite(z01) && Double.isFinite(z11))) continue;
                // edge crossings: top (00–10), right (10–11), bottom (01–11), left (00–01); null where none
                double[] top = crossing(i, j, i + 1, j, z00, z10, level);
                double[] right = crossing(i + 1, j, i + 1, j + 1, z10, z11, level);
                double[] bottom = crossing(i, j + 1, i + 1, j + 1, z01, z11, level);
                double[] left = crossing(i, j, i, j + 1, z00, z01, level);
                int n = (top != null ? 1 : 0) + (right != null ? 1 : 0) + (bottom != null ? 1 : 0) + (left != null ? 1 : 0);
                if (n == 2) {
                    double[] a = null, b = null;
                    for (double[] p : new double[][]{top, right, bottom, left}) {
                        if (p == null) continue;
                        if (a == null) a = p; else b = p;
                    }
                    out.add(new double[]{a[0], a[1], b[0], b[1]});
                } else if (n == 4) {
                    boolean centreAbove = (z00 + z10 + z01 + z11) / 4 >= level;
                    boolean z00Above = z00 >= level;
                    // the segments cut off the two corners on the side the centre is not on
                    boolean cutCorners00And11 = z00Above != centreAbove;
                    if (cutCorners00And11) {
                        out.add(new double[]{top[0], top[1], left[0], left[1]});
                        out.add(new double[]{right[0], right[1], bottom[0], bottom[1]});
                    } else {
                        out.add(new double[]{top[0], top[1], right[0], right[1]});
                        out.add(new double[]{bottom[0], bottom[1], left[0], left[1]});
                    }
                }
            }
        }
        return out;
    }

    /** Where the level crosses the edge from (ia, ja) to (ib, jb), or null when both ends are on one side. */
    private static double[] crossing(double ia, double ja, double ib, double jb, double za, double zb, double level) {
        if ((za >= level) == (zb >= level)) return null;
        double t = (level - za) / (zb - za);
        return new double[]{ia + t * (ib - ia), ja + t * (jb - ja)};
    }
}
