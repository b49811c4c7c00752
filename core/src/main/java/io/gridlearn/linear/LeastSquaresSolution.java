package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.List;

/**
 * The numbers a least-squares fit produces, before any statistics: coefficients, the diagonal of
 * {@code (X'X)^-1} and the sums of squares. Both routes ({@link QrLeastSquares} and
 * {@link NormalEquations#ols}) return this; {@link #report()} turns it into an {@link OlsReport}.
 *
 * @param features         feature names (not including the intercept)
 * @param intercept        whether the design has a leading column of ones
 * @param n                number of rows (Σw with frequency weights)
 * @param beta             coefficients in design order: the intercept first when there is one
 * @param unscaledVariance {@code diag((X'X)^-1)} in design order, so {@code se_j = sqrt(sigma^2 v_j)}
 * @param rss              residual sum of squares {@code ||y - X beta||^2}
 * @param tss              total sum of squares: {@code sum (y - ybar)^2} with an intercept, else {@code sum y^2}
 * @param mss              model sum of squares {@code tss - rss}, computed without that subtraction when
 *                         the route allows it (it is a sum of squares in both routes)
 */
public record LeastSquaresSolution(List<String> features, boolean intercept, double n, double[] beta,
                                   double[] unscaledVariance, double rss, double tss, double mss) {
    /**
     * Checks the lengths and copies the arrays.
     *
     * @param features         feature names (copied)
     * @param intercept        whether the design has a leading column of ones
     * @param n                number of rows (Σw with frequency weights), &gt; 0
     * @param beta             coefficients in design order, length p + (intercept ? 1 : 0) (copied)
     * @param unscaledVariance {@code diag((X'X)^-1)} in design order, the same length (copied)
     * @param rss              residual sum of squares
     * @param tss              total sum of squares
     * @param mss              model sum of squares
     * @throws IllegalArgumentException if an array's length is wrong
     * @throws io.gridlearn.BadInputException if {@code n} is not positive
     */
    public LeastSquaresSolution {
        features = List.copyOf(features);
        int k = features.size() + (intercept ? 1 : 0);
        if (beta == null || beta.length != k || unscaledVariance == null || unscaledVariance.length != k) {
            throw new IllegalArgumentException("beta and unscaledVariance must have " + k
                    + " entries (features plus intercept)");
        }
        if (!(n > 0)) {
            throw new BadInputException("a fit needs at least one row, got n=" + io.gridlearn.pass.Weights.count(n));
        }
        beta = beta.clone();
        unscaledVariance = unscaledVariance.clone();
    }

    /**
     * The coefficients.
     *
     * @return a copy, in design order (the intercept first when there is one)
     */
    @Override
    public double[] beta() {
        return beta.clone();
    }

    /**
     * The diagonal of the inverse Gram matrix.
     *
     * @return a copy of {@code diag((X'X)^-1)}, in design order
     */
    @Override
    public double[] unscaledVariance() {
        return unscaledVariance.clone();
    }

    /**
     * The intercept, or 0 for a model without one.
     *
     * @return {@code beta[0]} with an intercept, else 0
     */
    public double interceptValue() {
        return intercept ? beta[0] : 0.0;
    }

    /**
     * Coefficients of the features (beta without the intercept).
     *
     * @return a new array, one per feature
     */
    public double[] coefficients() {
        int off = intercept ? 1 : 0;
        double[] c = new double[beta.length - off];
        System.arraycopy(beta, off, c, 0, c.length);
        return c;
    }

    /**
     * Standard errors, t and p values, R^2, F and log-likelihood.
     *
     * @return the report of this solution
     */
    public OlsReport report() {
        return OlsReport.builder()
                .features(features)
                .intercept(intercept)
                .n(n)
                .beta(beta)
                .unscaledVariance(unscaledVariance)
                .rss(rss)
                .tss(tss)
                .mss(mss)
                .build();
    }
}
