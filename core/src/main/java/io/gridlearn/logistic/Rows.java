package io.gridlearn.logistic;

import io.gridlearn.data.RowBlock;

/** Row access shared by the kernels: the working row {@code z = (1, (x - c)/s)} and the class label. */
final class Rows {
    private Rows() {
    }

    /**
     * Loads row {@code r} into {@code z} ({@code z[0] = 1}, then the features, centred by {@code center} and
     * divided by {@code scale} when those are non-null) and returns false when a feature or the target is not
     * finite, so that such rows are counted, never silently used.
     */
    static boolean load(RowBlock b, int r, int[] cols, int target, double[] center, double[] scale, double[] z) {
        double[] v = b.values();
        int n = b.rows();
        if (!Double.isFinite(v[target * n + r])) {
            return false;
        }
        z[0] = 1.0;
        for (int j = 0; j < cols.length; j++) {
            double x = v[cols[j] * n + r];
            if (!Double.isFinite(x)) {
                return false;
            }
            if (center != null) {
                x -= center[j];
            }
            if (scale != null) {
                x /= scale[j];
            }
            z[j + 1] = x;
        }
        return true;
    }

    /**
     * {@link #load} then {@link #classOf} for the kernels' shared layout: a row with a non-finite value is
     * counted in {@code partial[1]}, one with a label outside {@code [0, classes)} in {@code partial[2]}, and both
     * return -1 (skip the row); otherwise the row is in {@code z} and its class is returned.
     */
    static int loadLabelled(RowBlock b, int r, int[] cols, int target, double[] center, double[] scale, double[] z,
                            int classes, double[] partial) {
        if (!load(b, r, cols, target, center, scale, z)) {
            partial[1]++;
            return -1;
        }
        int y = classOf(b.get(r, target), classes);
        if (y < 0) {
            partial[2]++;
        }
        return y;
    }

    /** The class of a finite target value: an integer in {@code [0, k)}, else -1. */
    static int classOf(double y, int k) {
        if (y >= 0 && y < k && y == Math.rint(y)) {
            return (int) y;
        }
        return -1;
    }

    /**
     * The frequency weight of row {@code r}: 1 without a weight column ({@code weightColumn < 0}), so that an
     * unweighted kernel's sums are the same bits as before weights existed (x·1 = x exactly).
     */
    static double weight(RowBlock b, int r, int weightColumn) {
        return weightColumn < 0 ? 1.0 : b.values()[weightColumn * b.rows() + r];
    }

    /**
     * True when row {@code r} is left out for its weight: a weight of 0 removes the row exactly (it enters no sum
     * and no count, even when its other values are missing). Negative and non-finite weights were refused before
     * the fit ({@link io.gridlearn.pass.Weights#check}); should one appear they are left out too.
     */
    static boolean weightedOut(RowBlock b, int r, int weightColumn) {
        return weightColumn >= 0 && !(b.values()[weightColumn * b.rows() + r] > 0.0);
    }

    /** Index of (i, j), {@code j <= i}, in a packed lower triangle stored row by row. */
    static int packed(int i, int j) {
        return i * (i + 1) / 2 + j;
    }
}
