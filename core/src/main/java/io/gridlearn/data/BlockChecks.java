package io.gridlearn.data;

/** Fast whole-block checks that let a pass skip per-row work in the common case. */
public final class BlockChecks {
    private BlockChecks() {
    }

    /**
     * True when every value of the given columns is finite. One contiguous sum per column: a NaN or an
     * infinity makes the sum non-finite, so a finite sum proves the column clean (a sum that overflows only
     * sends the caller down its slower per-row path). Reading each column contiguously is far cheaper than
     * checking row by row across columns that lie a column-length apart.
     */
    public static boolean allFinite(double[] values, int rows, int[] columns) {
        for (int c : columns) {
            int base = c * rows;
            double s0 = 0;
            double s1 = 0;
            int r = 0;
            for (; r + 1 < rows; r += 2) {
                s0 += values[base + r];
                s1 += values[base + r + 1];
            }
            if (r < rows) {
                s0 += values[base + r];
            }
            if (!Double.isFinite(s0 + s1) || !Double.isFinite(s0) || !Double.isFinite(s1)) {
                return false;
            }
        }
        return true;
    }
}
