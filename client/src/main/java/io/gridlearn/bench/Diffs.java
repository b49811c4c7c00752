package io.gridlearn.bench;

/** How far the grid's results are from the plain loops' (the correctness checks of every run). */
final class Diffs {
    private Diffs() {
    }

    /** max |a_i − b_i| over i ≥ {@code offset}. */
    static double maxAbs(double[] a, int offset, double[] b) {
        double d = 0;
        for (int i = offset; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** max |a_i − b_i| / |b_i| over [from, to) (0 where they are equal). */
    static double maxRel(double[] a, double[] b, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (d > 0) {
                m = Math.max(m, d / Math.abs(b[i]));
            }
        }
        return m;
    }

    /** max |a_i − b_j| / |b_j| for i in [from, to) and j = i − from + bFrom: slots laid out at different offsets. */
    static double maxRel(double[] a, double[] b, int from, int to, int bFrom) {
        double m = 0;
        for (int i = from; i < to; i++) {
            double bj = b[i - from + bFrom];
            double d = Math.abs(a[i] - bj);
            if (d > 0) {
                m = Math.max(m, d / Math.abs(bj));
            }
        }
        return m;
    }

    /** max |a_i − b_i| / max |b_i|: the difference relative to the largest magnitude (for values near 0). */
    static double maxScaled(double[] a, double[] b) {
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        return scale == 0 ? maxAbs(a, 0, b) : maxAbs(a, 0, b) / scale;
    }
}
