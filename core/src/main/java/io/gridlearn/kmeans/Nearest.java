package io.gridlearn.kmeans;

import io.gridlearn.data.RowBlock;

/**
 * Nearest-centre search shared by kernels, samplers and the driver. The squared distance is computed
 * directly as Σ (x_j − c_j)² with fused multiply-adds, in the same order as the core predictor
 * ({@code Predictors.nearestCentre}), so training assignments and later predictions agree bit for bit; the
 * expanded form ‖x‖² − 2x·c + ‖c‖² is avoided because its cancellation can flip near-ties. Ties go to the
 * lowest index (strict {@code <}), the convention of the oracle and scikit-learn.
 */
final class Nearest {
    private Nearest() {
    }

    /** Squared distance from x to centre c of the flat row-major array {@code centres} (p columns). */
    static double distance(double[] x, double[] centres, int c, int p) {
        double d = 0;
        int base = c * p;
        for (int j = 0; j < p; j++) {
            double t = x[j] - centres[base + j];
            d = Math.fma(t, t, d);
        }
        return d;
    }

    /** Index of the nearest of the {@code k} centres; its squared distance is left in {@code dist[0]}. */
    static int nearest(double[] x, double[] centres, int k, int p, double[] dist) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double d = distance(x, centres, c, p);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        dist[0] = bestD;
        return best;
    }

    /** Copies row r's used columns into x; false if any is not finite. */
    static boolean gather(RowBlock b, int r, int[] columns, double[] x) {
        double[] v = b.values();
        int n = b.rows();
        boolean ok = true;
        for (int j = 0; j < columns.length; j++) {
            x[j] = v[columns[j] * n + r];
            ok &= Double.isFinite(x[j]);
        }
        return ok;
    }
}
