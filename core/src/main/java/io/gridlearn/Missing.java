package io.gridlearn;

import java.util.Locale;

/**
 * What a fit does with a row whose feature is missing (NaN, infinite or an empty cell). A missing target is
 * refused under every rule.
 */
public enum Missing {
    /** Refuse the fit, naming the number of affected rows (the default). */
    ERROR,
    /** Leave those rows out of every pass. */
    SKIP,
    /**
     * Fill a missing feature with the mean of that feature's finite training values (scikit-learn's
     * {@code SimpleImputer(strategy="mean")}); the means are stored in the model and used when it predicts.
     * Linear family only.
     */
    MEAN;

    /**
     * The name used in model JSON and on the command line ({@code error}, {@code skip}, {@code mean}).
     *
     * @return the lower-case name of the constant
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
