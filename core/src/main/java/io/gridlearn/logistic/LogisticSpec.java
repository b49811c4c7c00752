package io.gridlearn.logistic;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary logistic or multinomial (softmax) regression fit as the runtime runs it.
 *
 * @param softmax  multinomial (one coefficient row per class) instead of binary
 * @param target   the class column (codes 0 and 1 for binary; 0..K−1 for softmax), or null for the last column
 * @param features the feature columns, or null for every column but the target and the weights
 * @param weights  the frequency-weight column (statsmodels' {@code freq_weights}), or null for none
 * @param options  penalty, solver, limits, missing-value rule
 * @param seed     recorded in the provenance
 */
public record LogisticSpec(boolean softmax, String target, List<String> features, String weights,
                           LogisticOptions options, long seed) implements LearnerSpec {
    /**
     * Copies {@code features} and checks that {@code options} is given.
     *
     * @param softmax  multinomial instead of binary
     * @param target   the class column, or null for the last column
     * @param features the feature columns, or null for every column but the target and the weights
     * @param weights  the frequency-weight column, or null for none
     * @param options  penalty, solver, limits, missing-value rule; not null
     * @param seed     recorded in the provenance
     */
    public LogisticSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    /**
     * An unweighted fit.
     *
     * @param softmax  multinomial instead of binary
     * @param target   the class column, or null for the last column
     * @param features the feature columns, or null for every column but the target
     * @param options  penalty, solver, limits, missing-value rule; not null
     * @param seed     recorded in the provenance
     */
    public LogisticSpec(boolean softmax, String target, List<String> features, LogisticOptions options, long seed) {
        this(softmax, target, features, null, options, seed);
    }

    @Override
    public String algorithm() {
        return softmax ? "softmax" : "logistic";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm());
        m.put("lambda", options.lambda());
        m.put("alpha", options.alpha());
        m.put("standardize", options.standardize());
        m.put("intercept", options.intercept());
        m.put("solver", options.solver());
        m.put("maxIter", options.maxIter());
        m.put("tol", options.tol());
        m.put("missing", options.missing());
        if (weights != null) {
            m.put(Weights.OPTION, weights);
        }
        return m;
    }

    @Override
    public ModelDocument fit(FitContext c) {
        ColumnChoice cols = ColumnChoice.resolve(c.schema(), target, features, true, weights);
        int w = Weights.column(c.schema(), weights, cols.target(), features);
        return softmax
                ? SoftmaxTrainer.fit(c.runner(), cols.featureColumns(), cols.targetColumn(), cols.features(),
                        cols.target(), options, w, weights, c.checkpoints(), c.resumeFrom())
                : LogisticTrainer.fit(c.runner(), cols.featureColumns(), cols.targetColumn(), cols.features(),
                        cols.target(), options, w, weights, c.checkpoints(), c.resumeFrom());
    }
}
