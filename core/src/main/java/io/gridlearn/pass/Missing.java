package io.gridlearn.pass;

import io.gridlearn.OptionException;

/**
 * The {@code --missing} policy of the iterative learners (logistic, softmax, kmeans, pca, naive-bayes).
 *
 * <p>Their kernels already leave out, and count, every row with a non-finite used value on their row path
 * (clean blocks take a column path that has nothing to leave out). {@link #ERROR} refuses a fit in which a
 * pass counted such rows; {@link #SKIP} leaves them out of every pass — the initialisation samplers, the
 * preparation pass, the iterations and the final metrics — and reports how many in the model's summary as
 * {@value #SKIPPED_ROWS}. A row whose target is not finite is refused under both: it has no label to fit.
 * {@code mean} (imputation) is the linear family's only: these kernels do not fill values.
 */
public final class Missing {
    /** Refuse a fit in which any pass counted a row with a non-finite used value. */
    public static final String ERROR = "error";
    /** Leave rows with a non-finite used value out of every pass, and count them. */
    public static final String SKIP = "skip";
    /** The summary key of the number of rows left out under {@link #SKIP}. */
    public static final String SKIPPED_ROWS = "skippedRows";

    private Missing() {
    }

    /**
     * Validates an iterative learner's policy: {@code error} or {@code skip}.
     *
     * @param missing the {@code --missing} value
     * @return {@code missing}, unchanged
     * @throws OptionException if it is anything else ({@code mean} with a message saying which learners take it)
     */
    public static String checkIterative(String missing) {
        if (ERROR.equals(missing) || SKIP.equals(missing)) {
            return missing;
        }
        if ("mean".equals(missing)) {
            throw OptionException.worded("{missing} mean is supported by linear, ridge, lasso and elastic-net only;"
                    + " logistic, softmax, kmeans, pca and naive-bayes take {missing} error (the default) or skip:"
                    + " their kernels leave rows out but do not fill values");
        }
        throw OptionException.worded("{missing} must be error, skip or mean, was '" + missing + "'");
    }
}
