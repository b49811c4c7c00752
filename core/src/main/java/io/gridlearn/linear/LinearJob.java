package io.gridlearn.linear;

import io.gridlearn.OptionException;

import java.util.List;

/**
 * What to fit: a dataset, the target column (null: the last column), the feature columns (null: every
 * column but the target and the weights), the frequency-weight column (null: none) and the options.
 *
 * @param dataset  the dataset's name
 * @param target   the target column, or null for the last column
 * @param features the feature columns, or null for every column but the target and the weights
 * @param weights  the frequency-weight column (statsmodels' {@code freq_weights}: a weight of 2 is the row twice,
 *                 0 leaves it out), or null for none
 * @param options  the objective, solver, split and missing-value rule
 */
public record LinearJob(String dataset, String target, List<String> features, String weights,
                        LinearOptions options) {
    /**
     * Checks the job and copies {@code features}.
     *
     * @param dataset  the dataset's name, not null
     * @param target   the target column, or null
     * @param features the feature columns, or null (copied)
     * @param weights  the frequency-weight column, or null
     * @param options  the options, not null
     * @throws IllegalArgumentException if {@code dataset} or {@code options} is null
     * @throws OptionException if weights are asked for with {@code --method average}
     */
    public LinearJob {
        features = features == null ? null : List.copyOf(features);
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must be given");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
        checkWeights(weights, options);
    }

    /**
     * An unweighted job.
     *
     * @param dataset  the dataset's name, not null
     * @param target   the target column, or null
     * @param features the feature columns, or null (copied)
     * @param options  the options, not null
     */
    public LinearJob(String dataset, String target, List<String> features, LinearOptions options) {
        this(dataset, target, features, null, options);
    }

    /** Refuses weights with the one method that cannot take them. */
    static void checkWeights(String weights, LinearOptions options) {
        if (weights != null && options.method().equals("average")) {
            throw OptionException.worded("{weights} do not combine with {method} average: it averages one unweighted"
                    + " fit per block, for comparison only; use the exact method");
        }
    }
}
