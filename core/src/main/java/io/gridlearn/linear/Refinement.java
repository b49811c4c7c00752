package io.gridlearn.linear;

import io.gridlearn.stats.Dd;

/**
 * The arithmetic of {@link QrLeastSquares#refine}: iterative refinement of the coefficients and of
 * {@code diag((X'X)^-1)}, preconditioned by the TSQR factor and driven by double-double residuals.
 *
 * <p>Given the pass-one coefficients {@code b0}, the exact-ish moments {@code g0 = X'(y - X b0)},
 * {@code rr0 = ||y - X b0||^2} and {@code G = X'X} (all double-double), the correction {@code d} solves
 * {@code G d = g0}. With {@code R_X' R_X ~ G} as the preconditioner:
 * <pre>
 *   repeat:  g = g0 - G d          (double-double: the residual of the normal equations, recomputed each time)
 *            delta = R_X^-1 R_X^-T g
 *            d = d + delta         (d kept in double-double)
 *   b = round(b0 + d),  RSS = rr0 - 2 d'g0 + d'G d   (double-double).
 * </pre>
 * Because {@code g} is recomputed from {@code g0} and G rather than from rounded quantities, the fixed
 * point is the exact least-squares solution of the stored data; each sweep multiplies the error by about
 * {@code ||I - (R'R)^-1 G||}, which rounding of R keeps far below 1 unless X is numerically singular
 * (Bjorck 1996, iterative refinement / corrected semi-normal equations). The same iteration refines each
 * column {@code w_j} of {@code G^-1} (residual {@code e_j - G w_j}), giving {@code diag(G^-1)} to double
 * accuracy instead of the {@code cond(X) * 1e-16} of {@code R_X^-1}. Iterations stop when a correction
 * no longer changes the result, stops shrinking (then it is not applied), or after {@link #MAX_SWEEPS}.
 */
final class Refinement {
    /** Upper bound on refinement sweeps (each costs O(k^2) double-double operations per unknown). */
    static final int MAX_SWEEPS = 10;

    final double[] beta;
    final double rss;
    final double[] unscaledVariance;

    private Refinement(double[] beta, double rss, double[] unscaledVariance) {
        this.beta = beta;
        this.rss = rss;
        this.unscaledVariance = unscaledVariance;
    }

    static Refinement run(double[] r, int q, double[] beta0, ResidualMoments m) {
        return run(r, q, beta0, m, m.gramPairs(), null);
    }

    /**
     * @param gram             {@code X'X} as row-major (hi, lo) pairs, from the moments or from elsewhere
     * @param unscaledVariance {@code diag((X'X)^-1)} to keep; null to refine it against {@code gram}
     */
    static Refinement run(double[] r, int q, double[] beta0, ResidualMoments m, double[] gram,
                          double[] unscaledVariance) {
        int k = q - 1;
        double[] g0 = m.xtrPairs();
        double[] d = new double[2 * k];
        double prev = Double.POSITIVE_INFINITY;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double[] g = g0.clone();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int t = 2 * (i * k + j);
                    Dd.addProductSloppy(g, 2 * i, -gram[t], -gram[t + 1], d[2 * j], d[2 * j + 1]);
                }
            }
            double[] delta = solveNormal(r, q, k, Dd.values(g));
            double size = 0.0;
            boolean changes = false;
            for (int j = 0; j < k; j++) {
                double current = beta0[j] + Dd.value(d, 2 * j);
                size = Math.max(size, Math.abs(delta[j]));
                changes |= current + delta[j] != current;
            }
            if (!(size < prev)) {
                break; // not contracting: keep the last good iterate
            }
            for (int j = 0; j < k; j++) {
                Dd.addSloppy(d, 2 * j, delta[j], 0.0);
            }
            prev = size;
            if (!changes) {
                break;
            }
        }
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            double[] s = {beta0[j], 0.0};
            Dd.addSloppy(s, 0, d[2 * j], d[2 * j + 1]);
            beta[j] = Dd.value(s, 0);
        }
        // RSS(b0 + d) = rr0 - 2 d'g0 + d'G d
        double[] rss = m.rssPair();
        double[] gd = new double[2 * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int t = 2 * (i * k + j);
                Dd.addProductSloppy(gd, 2 * i, gram[t], gram[t + 1], d[2 * j], d[2 * j + 1]);
            }
        }
        for (int j = 0; j < k; j++) {
            Dd.addProductSloppy(rss, 0, -2.0 * d[2 * j], -2.0 * d[2 * j + 1], g0[2 * j], g0[2 * j + 1]);
            Dd.addProductSloppy(rss, 0, d[2 * j], d[2 * j + 1], gd[2 * j], gd[2 * j + 1]);
        }
        return new Refinement(beta, Math.max(0.0, Dd.value(rss, 0)),
                unscaledVariance != null ? unscaledVariance.clone() : inverseDiagonal(r, q, k, gram));
    }

    /** {@code diag(G^-1)} by refining each column of {@code (R'R)^-1} against the double-double G. */
    private static double[] inverseDiagonal(double[] r, int q, int k, double[] gram) {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            double[] e = new double[k];
            e[c] = 1.0;
            double[] w = solveNormal(r, q, k, e);
            double prev = Double.POSITIVE_INFINITY;
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double[] res = new double[2 * k];
                res[2 * c] = 1.0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int t = 2 * (i * k + j);
                        Dd.addProductSloppy(res, 2 * i, -gram[t], -gram[t + 1], w[j], 0.0);
                    }
                }
                double[] corr = solveNormal(r, q, k, Dd.values(res));
                double size = 0.0;
                for (int j = 0; j < k; j++) {
                    size = Math.max(size, Math.abs(corr[j]));
                }
                if (!(size < prev)) {
                    break;
                }
                boolean changes = false;
                for (int j = 0; j < k; j++) {
                    double nw = w[j] + corr[j];
                    changes |= nw != w[j];
                    w[j] = nw;
                }
                prev = size;
                if (!changes) {
                    break;
                }
            }
            out[c] = w[c];
        }
        return out;
    }

    /** {@code (R_X' R_X)^-1 v}: forward substitution with {@code R_X'}, back substitution with {@code R_X}. */
    static double[] solveNormal(double[] r, int q, int k, double[] v) {
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            double s = v[i];
            for (int m = 0; m < i; m++) {
                s -= r[m * q + i] * u[m];
            }
            u[i] = s / r[i * q + i];
        }
        return QrLeastSquares.backSubstitute(r, q, k, u);
    }
}
