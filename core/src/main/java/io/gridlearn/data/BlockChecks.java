package io.gridlearn.data;

import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.Simd;

/** Fast whole-block checks that let a pass skip per-row work in the common case. */
public final class BlockChecks {
    private static final Lanes LANES = Simd.lanes();
    private static final int RUN = 4096;
    private static final double[] ZEROS = new double[RUN];

    private BlockChecks() {
    }

    /**
     * True when every value of the given columns is finite. Per column, {@code Σ x·0} (fused multiply-adds on
     * the vector units): {@code x·0} is 0 for every finite x and NaN for a NaN or an infinity, so the sum is 0
     * exactly when the column is clean, and unlike a plain sum it cannot overflow. Reading each column
     * contiguously is far cheaper than checking row by row across columns that lie a column-length apart.
     *
     * @param values  a block's column-major values ({@link RowBlock#values()})
     * @param rows    the block's row count (the column length)
     * @param columns the columns to check, by position
     * @return true when no value of those columns is NaN or ±∞
     */
    public static boolean allFinite(double[] values, int rows, int[] columns) {
        for (int c : columns) {
            int base = c * rows;
            for (int from = 0; from < rows; from += RUN) {
                int m = Math.min(RUN, rows - from);
                if (LANES.dot(values, base + from, ZEROS, 0, m) != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }
}
