package io.gridlearn.model;

import io.gridlearn.BadInputException;

/**
 * How a model fills missing feature values before it predicts: the model JSON's {@code "imputation"} field,
 * {@code {"strategy": "mean", "values": [m_1, …, m_p]}}, with one value per feature (lined up with
 * {@code features}).
 *
 * <p>A feature value x_j that is not finite (NaN — an empty or {@code NA} cell — or ±infinity) is replaced
 * by {@code values[j]}: scikit-learn's {@code SimpleImputer(strategy="mean")}, whose statistics are the
 * means of the finite training values of each feature. The same substitution is made in every place that
 * scores rows (local {@code predict}, {@code predict --into} in the grid, {@code evaluate}, the fit's own
 * metrics pass), so a model predicts the same bits on a row with missing values wherever it runs.
 *
 * @param strategy {@code mean}, the only strategy of this version
 * @param values   the fill value of each feature, all finite
 */
public record Imputation(String strategy, double[] values) {
    /** The only strategy, {@code mean}. */
    public static final String MEAN = "mean";

    /**
     * Checks the strategy and that every value is finite, and copies the values.
     *
     * @param strategy {@code mean}
     * @param values   the fill value of each feature
     */
    public Imputation {
        if (!MEAN.equals(strategy)) {
            throw new BadInputException("imputation strategy \"" + strategy + "\" is not supported (supported: mean)");
        }
        if (values == null) {
            throw new BadInputException("imputation needs \"values\", one per feature");
        }
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new BadInputException("imputation \"values\" hold a value that is not a finite number");
            }
        }
    }

    /**
     * Mean imputation with the given per-feature means.
     *
     * @param means the mean of each feature's finite training values, in model order
     * @return the imputation
     */
    public static Imputation mean(double[] means) {
        return new Imputation(MEAN, means);
    }

    /**
     * The fill values.
     *
     * @return a copy of the fill value of each feature, in model order
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Replaces every non-finite entry of a row of features (model order) by its fill value, in place.
     *
     * @param x a row of features, one value per feature
     */
    public void fill(double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                x[j] = values[j];
            }
        }
    }

    /**
     * The fill values of a model, or null when it has none: the form the row loops take, so that a model
     * without imputation costs one null check per row.
     *
     * @param m a model
     * @return a copy of its fill values, one per feature, or null
     */
    public static double[] fillValues(ModelDocument m) {
        return m.imputation() == null ? null : m.imputation().values();
    }

    /**
     * Fills the non-finite values of some columns of a column-major block ({@code v[c × n + r]}).
     * Returns {@code v} itself when nothing needs filling (the common case: no copy), otherwise a copy with
     * {@code columns[j]}'s non-finite entries replaced by {@code fill[j]}; other columns are left alone.
     *
     * @param fill one value per entry of {@code columns}, or null for no imputation (returns {@code v})
     * @param v       the block's values, column-major: column c of row r at {@code v[c × n + r]}
     * @param n       the block's rows
     * @param columns the block's columns to fill, one per entry of {@code fill}
     * @return {@code v}, or a filled copy of it
     */
    public static double[] fillColumns(double[] v, int n, int[] columns, double[] fill) {
        if (fill == null) {
            return v;
        }
        double[] out = null;
        for (int j = 0; j < fill.length; j++) {
            int base = columns[j] * n;
            for (int r = 0; r < n; r++) {
                if (!Double.isFinite(v[base + r])) {
                    if (out == null) {
                        out = v.clone();
                    }
                    out[base + r] = fill[j];
                }
            }
        }
        return out == null ? v : out;
    }
}
