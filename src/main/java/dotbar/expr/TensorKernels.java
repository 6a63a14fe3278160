package dotbar.expr;

/**
 * The numeric kernels of the tensor ops over row-major {@code double[]} buffers (entry (i, j) of an
 * m×n matrix at {@code i·n + j}), writing into buffers the caller owns: {@link TensorEval} calls them
 * with fresh arrays, the compiled tensor tape ({@code dotbar.tape.TensorTape}) with buffers made
 * once, so that a gradient call allocates nothing. The forward kernels overwrite {@code out}; the
 * adjoint kernels (the op table's vector–Jacobian products of {@link Op#MATMUL}, {@link Op#SOFTMAX},
 * {@link Op#LOGSUMEXP}, eq. 29 for tensors) add into theirs.
 */
public final class TensorKernels {
    private TensorKernels() {}

    /**
     * {@code out = A·B} for A m×k, B k×n: the i-k-j loop, so the inner loop runs along contiguous rows
     * of B and of the result; a column B (n = 1) is one dot product per row of A.
     */
    public static void matmul(double[] a, int m, int k, double[] b, int n, double[] out) {
        if (n == 1) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                int row = i * k;
                for (int p = 0; p < k; p++) s += a[row + p] * b[p];
                out[i] = s;
            }
            return;
        }
        java.util.Arrays.fill(out, 0, m * n, 0);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                for (int j = 0; j < n; j++) out[i * n + j] += aip * b[p * n + j];
            }
        }
    }

    /** {@code Ā += Ȳ·Bᵀ} for Ȳ m×n, B k×n, Ā m×k: the adjoint of A in Y = A·B (rows of Ȳ and B are contiguous). */
    public static void addTimesTransposed(double[] ybar, int m, int n, double[] b, int k, double[] abar) {
        if (n == 1) {  // Ā += ȳ·bᵀ, an outer product
            for (int i = 0; i < m; i++) {
                double yi = ybar[i];
                int row = i * k;
                for (int p = 0; p < k; p++) abar[row + p] += yi * b[p];
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += ybar[i * n + j] * b[p * n + j];
                abar[i * k + p] += s;
            }
        }
    }

    /** {@code B̄ += Aᵀ·Ȳ} for A m×k, Ȳ m×n, B̄ k×n: the adjoint of B in Y = A·B. */
    public static void addTransposedTimes(double[] a, int m, int k, double[] ybar, int n, double[] bbar) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                for (int j = 0; j < n; j++) bbar[p * n + j] += aip * ybar[i * n + j];
            }
        }
    }

    /** {@code out = Aᵀ} for A m×n. */
    public static void transpose(double[] a, int m, int n, double[] out) {
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) out[j * m + i] = a[i * n + j];
    }

    /**
     * logsumexp (into a 1×n {@code out}) or softmax (into an m×n {@code out}) of each column of the
     * m×n {@code x}, shifted by the column's maximum M so that no exp overflows:
     * logsumexp = M + log Σ exp(aᵢ − M), softmax = exp(aᵢ − M)/Σ exp(aⱼ − M) (as torch computes
     * them). A column whose maximum is ±∞ has logsumexp that maximum.
     */
    public static void columnwise(double[] x, int m, int n, boolean logsumexp, double[] out) {
        for (int j = 0; j < n; j++) {
            double max = Double.NEGATIVE_INFINITY, total = 0;
            for (int i = 0; i < m; i++) max = Math.max(max, x[i * n + j]);
            for (int i = 0; i < m; i++) total += Math.exp(x[i * n + j] - max);
            if (logsumexp) {
                out[j] = Double.isInfinite(max) ? max : max + Math.log(total);
            } else {
                for (int i = 0; i < m; i++) out[i * n + j] = Math.exp(x[i * n + j] - max) / total;
            }
        }
    }

    /**
     * {@code Ā += s ⊙ (ȳ − colsum(s ⊙ ȳ))} for s = softmax(A) m×n: softmax's vector–Jacobian
     * product ({@link Op#SOFTMAX}, {@code Tensors.softmaxProduct}).
     */
    public static void addSoftmaxProduct(double[] s, double[] ybar, int m, int n, double[] abar) {
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) c += s[i * n + j] * ybar[i * n + j];
            for (int i = 0; i < m; i++) abar[i * n + j] += s[i * n + j] * (ybar[i * n + j] - c);
        }
    }

    /** {@code Ā += softmax(A) ⊙ s̄} with the 1×n row s̄ broadcast down the m rows: logsumexp's vector–Jacobian product ({@link Op#LOGSUMEXP}). */
    public static void addBroadcastRowTimes(double[] softmax, double[] sbar, int m, int n, double[] abar) {
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) abar[i * n + j] += softmax[i * n + j] * sbar[j];
    }
}
