package io.gridlearn.kmeans;

/**
 * Squared distances of a run of rows to one centre in plain Java, in the order of {@code Lanes.squaredDistances}:
 * for each row, {@code d ← fma(x_j − c_j, x_j − c_j, d)} with j ascending from 0, so the same bits. The loop runs
 * feature by feature over the rows (contiguous columns; the rows' sums live in {@code d}). Unlike the Vector API,
 * whose operations run interpreted and allocate until the optimising compiler has compiled them, a plain loop is
 * quick from its first calls: on freshly started members the candidate passes of k-means‖ (a few thousand calls on
 * short runs of rows) took seconds through the Vector API and a fraction of a second so.
 */
final class PlainDistances {
    private PlainDistances() {
    }

    /**
     * d[id + i] = ‖x_i − c‖² for rows i = 0 … m−1, feature j of row i at {@code v[starts[j] + i]}, centre c at
     * {@code centre[ic … ic + p − 1]}.
     */
    static void squared(double[] v, int[] starts, double[] centre, int ic, int p, double[] d, int id, int m) {
        java.util.Arrays.fill(d, id, id + m, 0.0);
        for (int j = 0; j < p; j++) {
            int s = starts[j];
            double c = centre[ic + j];
            for (int i = 0; i < m; i++) {
                double t = v[s + i] - c;
                d[id + i] = Math.fma(t, t, d[id + i]);
            }
        }
    }
}
