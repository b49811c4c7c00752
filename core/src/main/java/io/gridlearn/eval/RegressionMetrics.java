package io.gridlearn.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics: mse = RSS/n, rmse, mae, r² = 1 − RSS/TSS (TSS about the mean of these rows).
 */
public record RegressionMetrics(long n, double mse, double rmse, double mae, double r2) {
    public static final RegressionMetrics EMPTY = new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static RegressionMetrics of(long n, double rss, double absSum, double tss) {
        double mse = rss / n;
        return new RegressionMetrics(n, mse, Math.sqrt(mse), absSum / n, tss > 0 ? 1 - rss / tss : Double.NaN);
    }

    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rows", (double) n);
        m.put("r2", r2);
        m.put("mse", mse);
        m.put("rmse", rmse);
        m.put("mae", mae);
        return m;
    }
}
