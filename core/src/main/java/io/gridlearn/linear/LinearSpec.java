package io.gridlearn.linear;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.List;

/**
 * A linear-family fit (OLS, ridge, lasso, elastic net) as the runtime runs it: the columns, the frequency-weight
 * column, the {@link LinearOptions}, and whether the model is live (kept current as rows are appended, removed or
 * replaced).
 *
 * @param target   the target column, or null for the dataset's last column
 * @param features the feature columns, or null for every column but the target and the weights
 * @param weights  the frequency-weight column, or null for none ({@link LinearJob#weights()})
 * @param options  the objective, solver, split and missing-value rule
 * @param live     register the model with its maintained statistics ({@link LiveModels})
 */
public record LinearSpec(String target, List<String> features, String weights, LinearOptions options, boolean live)
        implements LearnerSpec {
    /**
     * Checks the spec and copies {@code features}.
     *
     * @param target   the target column, or null
     * @param features the feature columns, or null (copied)
     * @param weights  the frequency-weight column, or null
     * @param options  the options, not null
     * @param live     whether to register the model as live
     * @throws IllegalArgumentException if {@code options} is null
     * @throws io.gridlearn.OptionException if the weights do not combine with the options
     */
    public LinearSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
        LinearJob.checkWeights(weights, options);
    }

    /**
     * An unweighted spec.
     *
     * @param target   the target column, or null
     * @param features the feature columns, or null (copied)
     * @param options  the options, not null
     * @param live     whether to register the model as live
     */
    public LinearSpec(String target, List<String> features, LinearOptions options, boolean live) {
        this(target, features, null, options, live);
    }

    @Override
    public String algorithm() {
        return options.algorithm();
    }

    @Override
    public long seed() {
        return options.grouping().seed();
    }

    @Override
    public boolean publishesItself() {
        return live;
    }

    @Override
    public ModelDocument fit(FitContext context) {
        LinearJob job = new LinearJob(context.schema().name(), target, features, weights, options);
        return live ? LiveModels.register(context.hazelcast(), context.modelName(), job)
                : LinearTrainer.train(context.hazelcast(), job);
    }
}
