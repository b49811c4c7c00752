package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.List;

/**
 * The quadratic a penalised or plain least-squares solver works on: {@code A = S^-1 C S^-1},
 * {@code a = S^-1 c}, where C, c are the cross products and S is diagonal.
 *
 * <p>With {@code standardize}, {@code s_j = sqrt(C_jj / n)}: for centred cross products this is the
 * population standard deviation, so the working features are z-scores (scikit-learn's
 * {@code StandardScaler}); for raw (no-intercept) cross products it is the root mean square, i.e. the
 * features are scaled but not centred, since centring would imply an intercept (as glmnet does with
 * {@code intercept = FALSE}). Without standardize, {@code S = I}. Coefficients map back by
 * {@code b_j = btilde_j / s_j} and the intercept is {@code ybar - xbar' b}.
 */
final class WorkingProblem {
    final CrossProducts cp;
    final int p;
    final double n;
    final double[] scale;
    final double[] a;
    final double[] c;
    final boolean standardized;

    private WorkingProblem(CrossProducts cp, double[] scale, double[] a, double[] c, boolean standardized) {
        this.cp = cp;
        this.p = cp.p();
        this.n = cp.n();
        this.scale = scale;
        this.a = a;
        this.c = c;
        this.standardized = standardized;
    }

    /**
     * @param features names for error messages (may be null: then "x1", "x2", ... are used)
     * @throws BadInputException for a constant (or, without intercept, all-zero) column under standardize
     */
    static WorkingProblem of(CrossProducts cp, boolean standardize, List<String> features) {
        int p = cp.p();
        double[] s = new double[p];
        for (int j = 0; j < p; j++) {
            if (standardize) {
                s[j] = Math.sqrt(cp.xxAt(j, j) / cp.n());
                if (!(s[j] > 0.0)) {
                    throw new BadInputException("column \"" + name(features, j) + "\" is "
                            + (cp.centred() ? "constant" : "all zero")
                            + ", so it cannot be standardized; drop it or turn standardize off");
                }
            } else {
                s[j] = 1.0;
            }
        }
        double[] a = new double[p * p];
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                a[j * p + k] = standardize ? cp.xxAt(j, k) / s[j] / s[k] : cp.xxAt(j, k);
            }
            c[j] = standardize ? cp.xyAt(j) / s[j] : cp.xyAt(j);
        }
        return new WorkingProblem(cp, s, a, c, standardize);
    }

    static String name(List<String> features, int j) {
        return features == null ? "x" + (j + 1) : features.get(j);
    }

    /** Coefficients on the original scale. */
    double[] toOriginal(double[] working) {
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = working[j] / scale[j];
        }
        return b;
    }

    /** {@code ybar - xbar' b} with an intercept, else 0. */
    double intercept(double[] original) {
        if (!cp.centred()) {
            return 0.0;
        }
        double s = cp.yMean();
        for (int j = 0; j < p; j++) {
            s -= cp.xMeanAt(j) * original[j];
        }
        return s;
    }

    /** Residual sum of squares {@code yy - 2 b'c + b'A b} at working coefficients b. */
    double rss(double[] b) {
        double bc = 0.0;
        double bab = 0.0;
        for (int j = 0; j < p; j++) {
            if (b[j] == 0.0) {
                continue;
            }
            bc += b[j] * c[j];
            double row = 0.0;
            for (int k = 0; k < p; k++) {
                row += a[j * p + k] * b[k];
            }
            bab += b[j] * row;
        }
        return Math.max(0.0, cp.yy() - 2.0 * bc + bab);
    }
}
