package io.gridlearn.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics: mse = RSS/n, rmse, mae, r² = 1 − RSS/TSS (TSS about the mean of these rows).
 *
 * @param n    rows scored (Σw of the rows when weighted by frequency weights)
 * @param mse  mean squared error, RSS/n
 * @param rmse √mse
 * @param mae  mean absolute error, Σ|y − ŷ| / n
 * @param r2   1 − RSS/TSS; NaN when TSS = 0
 */
public record RegressionMetrics(double n, double mse, double rmse, double mae, double r2) {
    /** The metrics of no rows: n = 0, every metric NaN. */
    public static final RegressionMetrics EMPTY = new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * The metrics from the sums of n rows.
     *
     * @param n      rows scored (Σw when weighted), &gt; 0
     * @param rss    residual sum of squares, Σ(y − ŷ)²
     * @param absSum Σ|y − ŷ|
     * @param tss    total sum of squares about the mean of y, Σ(y − ȳ)²
     * @return the metrics; r² is NaN when {@code tss} is not positive
     */
    public static RegressionMetrics of(double n, double rss, double absSum, double tss) {
        double mse = rss / n;
        return new RegressionMetrics(n, mse, Math.sqrt(mse), absSum / n, tss > 0 ? 1 - rss / tss : Double.NaN);
    }

    /**
     * The metrics by name, for reports and JSON.
     *
     * @return {@code rows}, {@code r2}, {@code mse}, {@code rmse}, {@code mae}, in that order
     */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rows", n);
        m.put("r2", r2);
        m.put("mse", mse);
        m.put("rmse", rmse);
        m.put("mae", mae);
        return m;
    }
}
