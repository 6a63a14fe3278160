package dotbar.optim;

/**
 * Progress of a long {@link Optimizer#step(int)} run, for a listener installed with
 * {@link Optimizer#onProgress}: the REPL draws a progress bar from it.
 *
 * <p>A run sends nothing during its first second; after that it sends an update about ten times a
 * second, and, if it sent any, a last one with {@code finished} true when it ends (completed,
 * stopped by a non-finite step, or interrupted), so a bar can be cleared.
 *
 * @param optimizer the optimizer running
 * @param done      steps completed in this run
 * @param total     steps asked for
 * @param seconds   time since the run started
 * @param finished  true for the run's last report
 */
public record Progress(Optimizer optimizer, long done, long total, double seconds, boolean finished) {
    /** {@code done / total}, in [0, 1]. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
