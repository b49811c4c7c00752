package io.gridlearn.report;

import io.gridlearn.stats.StudentT;

/** Small numerical helpers for report charts: normal quantiles, t critical values, a 2-D PCA projection. */
public final class ReportMath {
    private ReportMath() {
    }

    /**
     * Φ⁻¹(p), Acklam's rational approximation (relative error below 1.2e-9), for Q-Q plots.
     *
     * @param p a probability in (0, 1)
     * @return the standard normal quantile
     */
    public static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double pl = 0.02425;
        if (p < pl) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - pl) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * The t value with P(T ≤ t) = p for {@code df} degrees of freedom (bisection on the CDF).
     *
     * @param p  a probability in [0.5, 1)
     * @param df the degrees of freedom
     * @return the quantile
     */
    public static double tQuantile(double p, double df) {
        StudentT t = new StudentT(df);
        double lo = 0;
        double hi = 1e3;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (t.cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * Projects rows on the first two principal components of the rows themselves (centred; eigenvectors of
     * the sample covariance by power iteration with deflation). Returns {scores1, scores2}; {@code extra}
     * rows (e.g. cluster centres) are projected with the same mean and components into {@code extraOut}.
     *
     * @param rows     the rows, at least one
     * @param extra    further rows to project, or null
     * @param extraOut two arrays of {@code extra.length} that receive their scores, or null
     * @return the scores of {@code rows} on the two components
     */
    public static double[][] projectOnTwoComponents(double[][] rows, double[][] extra, double[][] extraOut) {
        int n = rows.length;
        int p = rows[0].length;
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] r : rows) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / Math.max(1, n - 1);
                }
            }
        }
        double[][] comps = new double[2][];
        for (int k = 0; k < Math.min(2, p); k++) {
            double[] v = new double[p];
            for (int j = 0; j < p; j++) {
                v[j] = 1.0 / Math.sqrt(p) + 1e-3 * j;
            }
            double lambda = 0;
            for (int it = 0; it < 500; it++) {
                double[] w = new double[p];
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        w[i] += cov[i][j] * v[j];
                    }
                }
                double norm = 0;
                for (double x : w) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    break;
                }
                for (int i = 0; i < p; i++) {
                    w[i] /= norm;
                }
                lambda = norm;
                v = w;
            }
            comps[k] = v;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] -= lambda * v[i] * v[j];
                }
            }
        }
        if (comps[1] == null) {
            comps[1] = new double[p];
        }
        double[][] out = new double[2][n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < 2; k++) {
                out[k][r] = project(rows[r], mean, comps[k]);
            }
        }
        if (extra != null) {
            for (int r = 0; r < extra.length; r++) {
                for (int k = 0; k < 2; k++) {
                    extraOut[k][r] = project(extra[r], mean, comps[k]);
                }
            }
        }
        return out;
    }

    private static double project(double[] x, double[] mean, double[] v) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += (x[j] - mean[j]) * v[j];
        }
        return s;
    }
}
