package io.gridlearn.logistic;

/** Small dense linear algebra for the driver's Newton systems (dimension = parameters, not rows). */
final class DenseMath {
    private DenseMath() {
    }

    /** Thrown when a matrix is not (numerically) positive definite. */
    static final class NotPositiveDefinite extends Exception {
        private static final long serialVersionUID = 1L;

        NotPositiveDefinite() {
            super(null, null, false, false);
        }
    }

    /** Lower Cholesky factor of a symmetric row-major {@code d × d} matrix. */
    static double[] cholesky(double[] a, int d) throws NotPositiveDefinite {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * d + k] * l[j * d + k];
                }
                if (i == j) {
                    // a pivot that lost all but ~1e-14 of the diagonal is singular in double precision
                    if (!(s > 1e-14 * Math.abs(a[i * d + i])) || !(s > 0)) {
                        throw new NotPositiveDefinite();
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        return l;
    }

    /** Solves {@code L L' x = b}. */
    static double[] solve(double[] l, int d, double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < d; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * d + k] * x[k];
            }
            x[i] = s / l[i * d + i];
        }
        for (int i = d - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k * d + i] * x[k];
            }
            x[i] = s / l[i * d + i];
        }
        return x;
    }

    /** {@code (L L')^{-1}}, row-major. */
    static double[] inverse(double[] l, int d) {
        double[] inv = new double[d * d];
        for (int c = 0; c < d; c++) {
            double[] e = new double[d];
            e[c] = 1.0;
            double[] x = solve(l, d, e);
            for (int r = 0; r < d; r++) {
                inv[r * d + c] = x[r];
            }
        }
        return inv;
    }

    static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
