package io.gridlearn.benchmarks;

import java.util.SplittableRandom;

/** Fixed-seed synthetic blocks shared by the JMH benchmarks. */
final class BenchData {
    static final long SEED = 42L;

    private BenchData() {
    }

    /**
     * A column-major block of {@code rows × cols} values: column j is {@code j + N(0,1)}-like noise, so the
     * columns have different means (as real features do) and the shifted kernel has something to remove.
     */
    static double[] columnMajor(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                v[c * rows + r] = c + (random.nextDouble() - 0.5) * 4;
            }
        }
        return v;
    }

    /** The same values, row-major: element (r, c) at {@code r * cols + c}. */
    static double[] toRowMajor(double[] colMajor, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r * cols + c] = colMajor[c * rows + r];
            }
        }
        return out;
    }
}
