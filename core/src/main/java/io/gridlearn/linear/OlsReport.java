package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.stats.FDistribution;
import io.gridlearn.stats.StudentT;

import java.util.List;
import java.util.Locale;

/**
 * Ordinary least-squares summary, with the definitions of R's {@code summary.lm} and statsmodels OLS.
 *
 * <p>With {@code k} parameters ({@code p} features plus the intercept if any), {@code n} rows and
 * {@code v_j = diag((X'X)^-1)_j}:
 * <pre>
 *   df_resid = n - k,  sigma^2 = RSS / df_resid,  se_j = sqrt(sigma^2 v_j),  t_j = beta_j / se_j,
 *   p_j = P(|T_{df_resid}| &gt;= |t_j|),
 *   R^2 = 1 - RSS/TSS,  adjusted R^2 = 1 - (1 - R^2) (n - i) / df_resid   (i = 1 with intercept, else 0),
 *   F = (MSS / p) / sigma^2 on (p, df_resid) degrees of freedom,  MSS = TSS - RSS,
 *   log L = -n/2 (log(2 pi) + log(RSS/n) + 1).
 * </pre>
 * With an intercept TSS is centred, {@code sum (y - ybar)^2}; without one it is {@code sum y^2}, so R^2 is
 * the uncentred one and F has {@code p} numerator degrees of freedom, as in R's {@code lm}. For an exact
 * fit ({@code RSS = 0}) the standard errors are 0, t values are infinite (NaN for a zero coefficient),
 * p values 0, {@code F = Infinity} and the log-likelihood {@code +Infinity}. Without an intercept, the
 * intercept fields are 0 (value) and NaN (its standard error, t and p). Immutable; array accessors return
 * copies.
 *
 * <p>With frequency weights (statsmodels' {@code freq_weights}; the fit of the rows repeated wᵢ times) n is
 * Σw, RSS and TSS are weighted sums of squares, and every formula above holds as written: {@code df_resid = Σw − k}
 * and {@code log L = −Σw/2 (log(2π) + log(RSS/Σw) + 1)}, as statsmodels' OLS on the repeated rows. Σw need not be
 * a whole number; the degrees of freedom of the t and F distributions are then fractional.
 *
 * @param features          feature names, without the intercept (p of them)
 * @param hasIntercept      whether the model has an intercept
 * @param n                 rows (Σw with frequency weights)
 * @param intercept         beta_0; 0 without an intercept
 * @param interceptStdError se_0; NaN without an intercept
 * @param interceptTValue   t_0; NaN without an intercept
 * @param interceptPValue   p_0; NaN without an intercept
 * @param coefficients      beta_j of the features, length p
 * @param stdErrors         se_j, length p
 * @param tValues           t_j, length p
 * @param pValues           p_j, two-sided, length p
 * @param rSquared          R^2 (uncentred without an intercept)
 * @param adjRSquared       adjusted R^2
 * @param residualStdError  sigma = sqrt(RSS / df_resid)
 * @param sigma2            sigma^2 = RSS / df_resid
 * @param rss               residual sum of squares
 * @param tss               total sum of squares (centred with an intercept)
 * @param dfResid           n - k, at least 1 (fractional when Σw is)
 * @param fStatistic        F on (p, df_resid) degrees of freedom; NaN when p = 0
 * @param fPValue           P(F_{p, df_resid} &gt; F); NaN when p = 0
 * @param logLikelihood     log L of the Gaussian model at the maximum-likelihood variance RSS/n
 */
public record OlsReport(List<String> features, boolean hasIntercept, double n,
                        double intercept, double interceptStdError, double interceptTValue, double interceptPValue,
                        double[] coefficients, double[] stdErrors, double[] tValues, double[] pValues,
                        double rSquared, double adjRSquared, double residualStdError, double sigma2,
                        double rss, double tss, double dfResid, double fStatistic, double fPValue,
                        double logLikelihood) {

    /**
     * Checks the per-feature lengths and copies the arrays; the statistics are computed by {@link Builder}.
     *
     * @param features          feature names (copied)
     * @param hasIntercept      whether the model has an intercept
     * @param n                 rows (Σw with frequency weights)
     * @param intercept         beta_0
     * @param interceptStdError se_0
     * @param interceptTValue   t_0
     * @param interceptPValue   p_0
     * @param coefficients      length p (copied)
     * @param stdErrors         length p (copied)
     * @param tValues           length p (copied)
     * @param pValues           length p (copied)
     * @param rSquared          R^2
     * @param adjRSquared       adjusted R^2
     * @param residualStdError  sigma
     * @param sigma2            sigma^2
     * @param rss               residual sum of squares
     * @param tss               total sum of squares
     * @param dfResid           residual degrees of freedom
     * @param fStatistic        F
     * @param fPValue           the p value of F
     * @param logLikelihood     log L
     * @throws IllegalArgumentException if a per-feature array's length is not p
     */
    public OlsReport {
        features = List.copyOf(features);
        int p = features.size();
        if (coefficients.length != p || stdErrors.length != p || tValues.length != p || pValues.length != p) {
            throw new IllegalArgumentException("coefficients, stdErrors, tValues and pValues need " + p + " entries");
        }
        coefficients = coefficients.clone();
        stdErrors = stdErrors.clone();
        tValues = tValues.clone();
        pValues = pValues.clone();
    }

    /**
     * Coefficients of the features.
     *
     * @return a copy, length p
     */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Standard errors of the feature coefficients.
     *
     * @return a copy, length p
     */
    @Override
    public double[] stdErrors() {
        return stdErrors.clone();
    }

    /**
     * t values of the feature coefficients.
     *
     * @return a copy, length p
     */
    @Override
    public double[] tValues() {
        return tValues.clone();
    }

    /**
     * Two-sided p values of the feature coefficients.
     *
     * @return a copy, length p
     */
    @Override
    public double[] pValues() {
        return pValues.clone();
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s %16s %14s %10s %12s%n", "", "estimate", "std.error", "t", "p"));
        if (hasIntercept) {
            row(sb, Collinearity.INTERCEPT, intercept, interceptStdError, interceptTValue, interceptPValue);
        }
        for (int j = 0; j < features.size(); j++) {
            row(sb, features.get(j), coefficients[j], stdErrors[j], tValues[j], pValues[j]);
        }
        sb.append(String.format(Locale.ROOT,
                "residual SE %.6g on %s df; R^2 %.6f, adjusted %.6f; F %.6g on (%d, %s) df, p %.3g; logLik %.6g%n",
                residualStdError, io.gridlearn.pass.Weights.count(dfResid), rSquared, adjRSquared, fStatistic,
                features.size(), io.gridlearn.pass.Weights.count(dfResid), fPValue, logLikelihood));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, double b, double se, double t, double p) {
        sb.append(String.format(Locale.ROOT, "%-16s %16.8g %14.6g %10.4f %12.4g%n", name, b, se, t, p));
    }

    /** Computes every statistic from the raw fit numbers. */
    public static final class Builder {
        private List<String> features;
        private Boolean intercept;
        private double n = -1;
        private double[] beta;
        private double[] unscaledVariance;
        private double rss = Double.NaN;
        private double tss = Double.NaN;
        private double mss = Double.NaN;

        private Builder() {
        }

        /**
         * Feature names, without the intercept.
         *
         * @param v the names (copied)
         * @return this builder
         */
        public Builder features(List<String> v) {
            features = List.copyOf(v);
            return this;
        }

        /**
         * Whether beta starts with an intercept.
         *
         * @param v true when beta[0] is the intercept
         * @return this builder
         */
        public Builder intercept(boolean v) {
            intercept = v;
            return this;
        }

        /**
         * Number of rows (Σw with frequency weights).
         *
         * @param v n, more than the number of parameters
         * @return this builder
         */
        public Builder n(double v) {
            n = v;
            return this;
        }

        /**
         * Coefficients in design order (intercept first if any).
         *
         * @param v length k (copied)
         * @return this builder
         */
        public Builder beta(double[] v) {
            beta = v.clone();
            return this;
        }

        /**
         * {@code diag((X'X)^-1)} in design order.
         *
         * @param v length k (copied)
         * @return this builder
         */
        public Builder unscaledVariance(double[] v) {
            unscaledVariance = v.clone();
            return this;
        }

        /**
         * Residual sum of squares.
         *
         * @param v RSS, ≥ 0
         * @return this builder
         */
        public Builder rss(double v) {
            rss = v;
            return this;
        }

        /**
         * Total sum of squares (centred with an intercept, uncentred without).
         *
         * @param v TSS, ≥ 0
         * @return this builder
         */
        public Builder tss(double v) {
            tss = v;
            return this;
        }

        /**
         * Model sum of squares; optional, defaults to {@code tss - rss}.
         *
         * @param v MSS
         * @return this builder
         */
        public Builder mss(double v) {
            mss = v;
            return this;
        }

        /**
         * Builds the report; throws if a required value is missing or inconsistent.
         *
         * @return the report
         * @throws IllegalStateException if a required value was not set
         * @throws IllegalArgumentException if a length is wrong or a sum of squares is negative
         * @throws io.gridlearn.BadInputException if there are not more rows than parameters
         */
        public OlsReport build() {
            if (features == null || intercept == null || beta == null || unscaledVariance == null
                    || Double.isNaN(rss) || Double.isNaN(tss) || n < 0) {
                throw new IllegalStateException("features, intercept, n, beta, unscaledVariance, rss and tss are required");
            }
            int p = features.size();
            int off = intercept ? 1 : 0;
            int k = p + off;
            if (beta.length != k || unscaledVariance.length != k) {
                throw new IllegalArgumentException("beta and unscaledVariance need " + k + " entries, got "
                        + beta.length + " and " + unscaledVariance.length);
            }
            if (rss < 0 || tss < 0) {
                throw new IllegalArgumentException("sums of squares must be >= 0, got rss=" + rss + ", tss=" + tss);
            }
            double df = n - k;
            if (!(df >= 1)) {
                throw new BadInputException("a model with " + k + " parameters needs more than " + k
                        + " rows for standard errors, got n=" + io.gridlearn.pass.Weights.count(n));
            }
            double sigma2 = rss / df;
            StudentT tDist = new StudentT(df);
            double[] se = new double[k];
            double[] t = new double[k];
            double[] pv = new double[k];
            for (int j = 0; j < k; j++) {
                se[j] = Math.sqrt(sigma2 * unscaledVariance[j]);
                t[j] = beta[j] / se[j];
                pv[j] = tDist.twoSidedP(t[j]);
            }
            double r2 = 1.0 - rss / tss;
            double adj = 1.0 - (1.0 - r2) * (n - off) / df;
            double model = Double.isNaN(mss) ? Math.max(0.0, tss - rss) : mss;
            double f = p == 0 ? Double.NaN : (model / p) / sigma2;
            double fp = p == 0 ? Double.NaN : new FDistribution(p, df).sf(f);
            double logLik = -0.5 * n * (StrictMath.log(2.0 * Math.PI) + StrictMath.log(rss / n) + 1.0);
            return new OlsReport(features, intercept, n,
                    intercept ? beta[0] : 0.0,
                    intercept ? se[0] : Double.NaN,
                    intercept ? t[0] : Double.NaN,
                    intercept ? pv[0] : Double.NaN,
                    java.util.Arrays.copyOfRange(beta, off, k),
                    java.util.Arrays.copyOfRange(se, off, k),
                    java.util.Arrays.copyOfRange(t, off, k),
                    java.util.Arrays.copyOfRange(pv, off, k),
                    r2, adj, Math.sqrt(sigma2), sigma2, rss, tss, df, f, fp, logLik);
        }
    }
}
