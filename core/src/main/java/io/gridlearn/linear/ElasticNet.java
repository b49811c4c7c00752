package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Elastic net by cyclic coordinate descent on cross products ("covariance updates").
 *
 * <p>Friedman, Hastie and Tibshirani (2010), "Regularization Paths for Generalized Linear Models via
 * Coordinate Descent", J. Stat. Softw. 33(1), sections 2.1-2.2. The objective is
 * <pre>
 *   (1/(2n)) sum_i (y_i - b0 - x_i'b)^2 + lambda [ (1-alpha)/2 ||b||^2 + alpha ||b||_1 ],
 * </pre>
 * with the intercept unpenalised ({@code b0 = ybar - xbar'b}, working on centred cross products) or
 * absent (raw cross products). With {@code C} the (working) cross-product matrix, {@code c} the cross
 * products with y and the gradient {@code g = c - C b = X'r}, the coordinate update is
 * <pre>
 *   z_j = g_j/n + (C_jj/n) b_j,    b_j := S(z_j, lambda alpha) / (C_jj/n + lambda (1-alpha)),
 *   S(z, t) = sign(z) max(|z| - t, 0),
 * </pre>
 * and a change {@code d} of {@code b_j} updates {@code g <- g - d C_{.j}} (the covariance update of section
 * 2.2), so a sweep costs {@code O(p)} per changed coefficient and never touches the data. The gradient
 * is recomputed from scratch after every full sweep so that rounding errors cannot accumulate. As in
 * glmnet, after a full sweep the solver iterates over the active set (non-zero coefficients) until it
 * settles and then checks with another full sweep. Sweeps visit coordinates in index order, so results are
 * deterministic.
 *
 * <p>With {@code standardize} the problem is solved for z-scored features
 * ({@code s_j = sqrt(C_jj/n)}, population standard deviation), the penalty applies to those coefficients,
 * and {@code b_j = btilde_j / s_j} is reported: the same as glmnet with {@code standardize = TRUE} but
 * without its scaling of y, and the same as scikit-learn on {@code StandardScaler}-transformed X. (Without
 * an intercept the scale is the root mean square and features are not centred.)
 *
 * <p>Convergence: after a full sweep, {@code max_j |d b_j| sqrt(C_jj/n) < tol * sy} (the largest change of
 * a fitted-value contribution, in units of y, with {@code sy = sqrt(yy/n)} the scale of y, as glmnet scales
 * its threshold by the null deviance), or the KKT violation divided by {@code sqrt(C_jj/n)} is below the
 * same threshold. {@code lambdaMax = max_j |c_j| / (n alpha)} is the smallest lambda with {@code b = 0};
 * any {@code lambda >= lambdaMax} returns exactly zero.
 */
public final class ElasticNet {
    /** glmnet's stand-in alpha for the lambda-path start when alpha = 0. */
    private static final double RIDGE_PATH_ALPHA = 1e-3;

    private final WorkingProblem w;
    private final List<String> features;
    private final ElasticNetOptions options;
    private final double yScale;

    /**
     * @param cp       the sufficient statistics of the data
     * @param features feature names, one per column of {@code cp}
     * @param options  alpha, standardization and the convergence controls
     * @throws BadInputException if standardize is on and a column is constant
     */
    public ElasticNet(CrossProducts cp, List<String> features, ElasticNetOptions options) {
        if (features == null || features.size() != cp.p()) {
            throw new IllegalArgumentException("need " + cp.p() + " feature names");
        }
        this.features = List.copyOf(features);
        this.options = options;
        this.w = WorkingProblem.of(cp, options.standardize(), this.features);
        this.yScale = Math.sqrt(cp.yy() / cp.n());
    }

    /**
     * Smallest lambda for which all coefficients are zero; {@code +Infinity} when alpha = 0.
     *
     * @return {@code max_j |c_j| / (n alpha)} over the working features; {@code +Infinity} when alpha = 0 (0 when
     *         every c_j is 0)
     */
    public double lambdaMax() {
        return lambdaMax(options.alpha());
    }

    private double lambdaMax(double alpha) {
        double m = 0.0;
        for (int j = 0; j < w.p; j++) {
            m = Math.max(m, Math.abs(w.c[j]));
        }
        return alpha == 0.0 ? (m == 0.0 ? 0.0 : Double.POSITIVE_INFINITY) : m / (w.n * alpha);
    }

    /**
     * Fit at {@code lambda}, starting from zero.
     *
     * @param lambda the penalty strength, {@code >= 0}
     * @return the solution at {@code lambda}
     */
    public ElasticNetFit fit(double lambda) {
        return solve(lambda, new double[w.p]);
    }

    /**
     * Fit at {@code lambda}, warm-started from another fit of this problem (e.g. the previous path point).
     *
     * @param lambda    the penalty strength, {@code >= 0}
     * @param warmStart a fit of this problem, with the same scaling
     * @return the solution at {@code lambda}
     * @throws IllegalArgumentException if {@code warmStart} is of another problem or scaling
     */
    public ElasticNetFit fit(double lambda, ElasticNetFit warmStart) {
        if (warmStart.scaledCoefficients().length != w.p || warmStart.standardized() != w.standardized) {
            throw new IllegalArgumentException("warm start must come from the same problem and scaling");
        }
        return solve(lambda, warmStart.scaledCoefficients());
    }

    /**
     * The regularisation path: {@code nLambda} values from {@code lambdaMax} down to
     * {@code ratio * lambdaMax}, equally spaced in log scale, each warm-started from the previous one.
     * For alpha = 0 the start is the lambdaMax of alpha = 0.001, as in glmnet.
     *
     * @param nLambda the number of lambda values, {@code >= 1}
     * @param ratio   the smallest lambda as a share of the largest, in (0, 1)
     * @return one fit per lambda, largest lambda first
     * @throws BadInputException if {@code nLambda} or {@code ratio} is out of range
     */
    public List<ElasticNetFit> path(int nLambda, double ratio) {
        if (nLambda < 1) {
            throw new BadInputException("path needs nLambda >= 1, got " + nLambda);
        }
        if (!(ratio > 0.0 && ratio < 1.0)) {
            throw new BadInputException("path ratio must lie in (0, 1), got " + ratio);
        }
        double top = options.alpha() == 0.0 ? lambdaMax(RIDGE_PATH_ALPHA) : lambdaMax();
        List<ElasticNetFit> out = new ArrayList<>(nLambda);
        ElasticNetFit prev = null;
        for (int i = 0; i < nLambda; i++) {
            double lambda = i == 0 ? top : top * StrictMath.pow(ratio, (double) i / (nLambda - 1));
            ElasticNetFit f = prev == null ? fit(lambda) : fit(lambda, prev);
            out.add(f);
            prev = f;
        }
        return out;
    }

    private ElasticNetFit solve(double lambda, double[] start) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new BadInputException("lambda must be a finite number >= 0, got " + lambda);
        }
        int p = w.p;
        double alpha = options.alpha();
        double l1 = lambda * alpha;
        double l2 = lambda * (1.0 - alpha);
        double[] b = start.clone();
        double[] diag = new double[p];
        for (int j = 0; j < p; j++) {
            diag[j] = w.a[j * p + j] / w.n;
            if (diag[j] == 0.0) {
                b[j] = 0.0; // an all-zero working column: its coefficient is 0 whatever lambda
            }
        }
        if (yScale == 0.0 || (alpha > 0.0 && lambda >= lambdaMax())) {
            java.util.Arrays.fill(b, 0.0);
            return result(lambda, b, gradient(b), diag, 0, true);
        }
        double thr = options.tolerance() * yScale;
        double[] g = gradient(b);
        int iter = 0;
        boolean converged = false;
        boolean[] all = new boolean[p];
        java.util.Arrays.fill(all, true);
        boolean[] active = new boolean[p];
        while (iter < options.maxIterations()) {
            double maxd = sweep(b, g, diag, l1, l2, all);
            iter++;
            g = gradient(b);
            if (maxd < thr || kkt(b, g, diag, l1, l2, true) < thr) {
                converged = true;
                break;
            }
            for (int j = 0; j < p; j++) {
                active[j] = b[j] != 0.0;
            }
            while (iter < options.maxIterations()) {
                maxd = sweep(b, g, diag, l1, l2, active);
                iter++;
                if (maxd < thr) {
                    break;
                }
            }
            g = gradient(b);
        }
        return result(lambda, b, g, diag, iter, converged);
    }

    /** One cyclic pass over the coordinates marked in {@code which}; returns max |d b_j| sqrt(C_jj/n). */
    private double sweep(double[] b, double[] g, double[] diag, double l1, double l2, boolean[] which) {
        int p = w.p;
        double maxd = 0.0;
        for (int j = 0; j < p; j++) {
            if (!which[j] || diag[j] == 0.0) {
                continue;
            }
            double old = b[j];
            double z = g[j] / w.n + diag[j] * old;
            double nb = softThreshold(z, l1) / (diag[j] + l2);
            if (nb != old) {
                double d = nb - old;
                for (int k = 0; k < p; k++) {
                    g[k] -= w.a[k * p + j] * d;
                }
                b[j] = nb;
                maxd = Math.max(maxd, Math.abs(d) * Math.sqrt(diag[j]));
            }
        }
        return maxd;
    }

    static double softThreshold(double z, double t) {
        if (z > t) {
            return z - t;
        }
        if (z < -t) {
            return z + t;
        }
        return 0.0;
    }

    /** {@code g = c - C b}. */
    private double[] gradient(double[] b) {
        int p = w.p;
        double[] g = new double[p];
        for (int j = 0; j < p; j++) {
            double s = w.c[j];
            for (int k = 0; k < p; k++) {
                if (b[k] != 0.0) {
                    s -= w.a[j * p + k] * b[k];
                }
            }
            g[j] = s;
        }
        return g;
    }

    /** Largest KKT violation; with {@code perScale}, each divided by {@code sqrt(C_jj/n)}. */
    private double kkt(double[] b, double[] g, double[] diag, double l1, double l2, boolean perScale) {
        double max = 0.0;
        for (int j = 0; j < w.p; j++) {
            if (diag[j] == 0.0) {
                continue;
            }
            double gj = g[j] / w.n;
            double v = b[j] != 0.0
                    ? Math.abs(gj - l2 * b[j] - l1 * Math.signum(b[j]))
                    : Math.max(0.0, Math.abs(gj) - l1);
            max = Math.max(max, perScale ? v / Math.sqrt(diag[j]) : v);
        }
        return max;
    }

    private ElasticNetFit result(double lambda, double[] b, double[] g, double[] diag, int iter, boolean converged) {
        double alpha = options.alpha();
        double l1norm = 0.0;
        double l2norm = 0.0;
        int nz = 0;
        for (double v : b) {
            l1norm += Math.abs(v);
            l2norm += v * v;
            if (v != 0.0) {
                nz++;
            }
        }
        double objective = w.rss(b) / (2.0 * w.n) + lambda * (0.5 * (1.0 - alpha) * l2norm + alpha * l1norm);
        double[] orig = w.toOriginal(b);
        double viol = kkt(b, g, diag, lambda * alpha, lambda * (1.0 - alpha), false);
        return new ElasticNetFit(features, lambda, alpha, w.standardized, w.cp.centred(), w.intercept(orig), orig,
                b, objective, nz, iter, converged, viol);
    }
}
