/**
 * Plots of functions, level sets, optimizer trajectories, loss curves and bars
 * ({@link dotbar.plot.Plot}): drawn in the terminal with Unicode braille and saved as SVG or PNG
 * ({@code ChartFiles}, JFreeChart). An optimizer is drawn through {@link dotbar.plot.Trajectory},
 * which {@code optim.Optimizer} implements.
 *
 * <p>Depends only on {@code dotbar.expr} and {@code dotbar.base}; never on {@code dotbar.optim},
 * which sits above it.
 */
package dotbar.plot;
