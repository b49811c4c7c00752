package io.gridlearn.linear;

import java.util.List;

/**
 * What to fit: a dataset, the target column (null: the last column), the feature columns (null: every
 * column but the target) and the options.
 */
public record LinearJob(String dataset, String target, List<String> features, LinearOptions options) {
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
