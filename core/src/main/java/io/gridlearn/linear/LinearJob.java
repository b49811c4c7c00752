package io.gridlearn.linear;

import java.util.List;

/**
 * What to fit: a dataset, the target column (null: the last column), the feature columns (null: every
 * column but the target) and the options.
 *
 * @param dataset  the dataset's name
 * @param target   the target column, or null for the last column
 * @param features the feature columns, or null for every column but the target
 * @param options  the objective, solver, split and missing-value rule
 */
public record LinearJob(String dataset, String target, List<String> features, LinearOptions options) {
    /**
     * Checks the job and copies {@code features}.
     *
     * @param dataset  the dataset's name, not null
     * @param target   the target column, or null
     * @param features the feature columns, or null (copied)
     * @param options  the options, not null
     * @throws IllegalArgumentException if {@code dataset} or {@code options} is null
     */
    public LinearJob {
        features = features == null ? null : List.copyOf(features);
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must be given");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }
}
