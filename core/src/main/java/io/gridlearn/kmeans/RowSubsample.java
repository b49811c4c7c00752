package io.gridlearn.kmeans;

import io.gridlearn.data.RowBlock;

/**
 * A seeded uniform subsample of a block's rows for the k-means‖ candidate passes on many rows: row i is kept when
 * {@link RowHash#uniform}(i, seed, {@value #SALT}) &lt; fraction, a function of the row id and seed only, so the same
 * rows are kept on every member count and block size. The kept rows are copied, in row order, into a block of their
 * own whose columns are the p used features (then, with weights, the weight column, at position p), with their row
 * ids beside them.
 *
 * @param block the kept rows' used columns, column-major as every block
 * @param ids   the row id of each kept row, ascending
 */
record RowSubsample(RowBlock block, long[] ids) {
    /** Salt of the keep decision (the rounds use their own salts: 0 and 2; {@code random} uses −1). */
    static final long SALT = -2;

    /**
     * The kept rows of a block, or null when none is kept.
     *
     * @param b            the block
     * @param firstRowId   the row id of its first row
     * @param cols         the block columns of the p features
     * @param weightColumn the block column of the weights (copied to column p), or −1
     * @param fraction     the probability that a row is kept, in (0, 1)
     * @param seed         the fit's seed
     */
    static RowSubsample of(RowBlock b, long firstRowId, int[] cols, int weightColumn, double fraction, long seed) {
        int n = b.rows();
        int[] kept = new int[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (RowHash.uniform(firstRowId + r, seed, SALT) < fraction) {
                kept[m++] = r;
            }
        }
        if (m == 0) {
            return null;
        }
        int p = cols.length;
        int q = weightColumn < 0 ? p : p + 1;
        double[] v = b.values();
        double[] out = new double[m * q];
        for (int j = 0; j < q; j++) {
            int from = (j < p ? cols[j] : weightColumn) * n;
            int to = j * m;
            for (int e = 0; e < m; e++) {
                out[to + e] = v[from + kept[e]];
            }
        }
        long[] ids = new long[m];
        for (int e = 0; e < m; e++) {
            ids[e] = firstRowId + kept[e];
        }
        return new RowSubsample(new RowBlock(b.blockId(), m, q, out), ids);
    }

    /** The columns 0 … p−1 of the subsample's block. */
    static int[] features(int p) {
        int[] c = new int[p];
        for (int j = 0; j < p; j++) {
            c[j] = j;
        }
        return c;
    }
}
