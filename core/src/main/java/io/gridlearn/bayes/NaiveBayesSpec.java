package io.gridlearn.bayes;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gaussian naive Bayes fit as the runtime runs it.
 *
 * @param target   the class column, or null for the last column
 * @param features the feature columns, or null for every column but the target and the weights
 * @param weights  the frequency-weight column (scikit-learn's {@code sample_weight}), or null for none
 * @param options  variance smoothing and missing-value rule
 * @param seed     recorded in the provenance
 */
public record NaiveBayesSpec(String target, List<String> features, String weights, NaiveBayesOptions options,
                             long seed) implements LearnerSpec {
    /**
     * Copies {@code features} and checks that {@code options} is given.
     *
     * @param target   the class column, or null for the last column
     * @param features the feature columns, or null for every column but the target and the weights
     * @param weights  the frequency-weight column, or null for none
     * @param options  variance smoothing and missing-value rule, not null
     * @param seed     recorded in the provenance
     */
    public NaiveBayesSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    /**
     * An unweighted fit.
     *
     * @param target   the class column, or null for the last column
     * @param features the feature columns, or null for every column but the target
     * @param options  variance smoothing and missing-value rule, not null
     * @param seed     recorded in the provenance
     */
    public NaiveBayesSpec(String target, List<String> features, NaiveBayesOptions options, long seed) {
        this(target, features, null, options, seed);
    }

    @Override
    public String algorithm() {
        return "naive-bayes";
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "naive-bayes");
        m.put("varSmoothing", options.varSmoothing());
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
        return NaiveBayesTrainer.fit(c.runner(), cols.featureColumns(), cols.targetColumn(), cols.features(),
                cols.target(), options, w, weights);
    }
}
