package io.gridlearn.linear;

import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;

/**
 * The training rows of one block as a column-major design {@code [1?, x_1 … x_p, y]}: rows in row order,
 * non-finite feature values replaced by their fill value when there is one (mean imputation), then rows
 * still holding a non-finite value and test-set rows left out. Shared by the R-factor pass and the refinement
 * pass, which must see exactly the same rows in the same order.
 *
 * <p>With frequency weights (a weight column) the rows of weight 0 are left out too, and every other row is
 * scaled by √w: {@code [√w, √w·x_1 … √w·x_p, √w·y]}, so that the least-squares problem of the scaled rows is the
 * weighted one, min Σ wᵢ (yᵢ − b₀ − xᵢ·b)², whose R factor is that of the rows repeated wᵢ times (up to the
 * rounding of √w; a weight of 1 scales by exactly 1).
 *
 * @param values column-major, {@code rows × q}
 * @param rows   the number of training rows
 * @param q      columns, including the ones column when there is an intercept
 */
record TrainingRows(double[] values, int rows, int q) {

    static TrainingRows of(RowBlock b, int[] columns, RowGrouping grouping, int blockSize, boolean intercept,
                           double[] fill) {
        return of(b, columns, grouping, blockSize, intercept, fill, -1);
    }

    /** {@link #of(RowBlock, int[], RowGrouping, int, boolean, double[])} with rows scaled by √w (weightColumn ≥ 0). */
    static TrainingRows of(RowBlock b, int[] columns, RowGrouping grouping, int blockSize, boolean intercept,
                           double[] fill, int weightColumn) {
        int n = b.rows();
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        double[] v = io.gridlearn.model.Imputation.fillColumns(b.values(), n, columns, fill);
        // the common case, every row kept (no test share, no weights, no non-finite value: checked column by
        // column, contiguously, instead of row by row across columns a column-length apart): plain column copies
        boolean everyRow = !grouping.hasTest() && w0 < 0 && io.gridlearn.data.BlockChecks.allFinite(v, n, columns);
        int[] keep = everyRow ? null : new int[n];
        int m = everyRow ? n : 0;
        for (int r = 0; !everyRow && r < n; r++) {
            if (grouping.hasTest() && grouping.group((long) b.blockId() * blockSize + r) == grouping.testGroup()) {
                continue;
            }
            boolean finite = true;
            for (int c : columns) {
                finite &= Double.isFinite(v[c * n + r]);
            }
            // with weights: w > 0 and finite (negative and non-finite weights are refused by the trainer)
            if (finite && (w0 < 0 || (b.values()[w0 + r] > 0 && b.values()[w0 + r] < Double.POSITIVE_INFINITY))) {
                keep[m++] = r;
            }
        }
        int off = intercept ? 1 : 0;
        int q = columns.length + off;
        double[] z = new double[m * q];
        if (intercept) {
            java.util.Arrays.fill(z, 0, m, 1.0);
        }
        for (int j = 0; j < columns.length; j++) {
            int src = columns[j] * n;
            int dst = (j + off) * m;
            if (keep == null) {
                System.arraycopy(v, src, z, dst, m);
            } else {
                for (int i = 0; i < m; i++) {
                    z[dst + i] = v[src + keep[i]];
                }
            }
        }
        if (w0 >= 0) {
            double[] wv = b.values();
            for (int i = 0; i < m; i++) {
                double s = Math.sqrt(wv[w0 + keep[i]]);
                for (int j = 0; j < q; j++) {
                    z[j * m + i] *= s;
                }
            }
        }
        return new TrainingRows(z, m, q);
    }
}
