package io.gridlearn.kmeans;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A k-means fit as the runtime runs it: Lloyd iterations from the chosen initialisation, each a checkpoint; a
 * live model then absorbs appended and replacement rows as mini-batches ({@link StreamingKMeans}).
 *
 * @param features the feature columns, or null for every column but the weights
 * @param weights  the frequency-weight column (scikit-learn's {@code sample_weight}), or null for none
 * @param options  k, initialisation, limits, seed, missing-value rule
 * @param live     keep the model current as rows change
 * @param decay    live: the weight old rows keep at each change, in (0, 1]
 */
public record KMeansSpec(List<String> features, String weights, KMeansOptions options, boolean live, double decay)
        implements LearnerSpec {
    /**
     * Copies {@code features} and checks that {@code options} is given.
     *
     * @param features the feature columns, or null for every column but the weights
     * @param weights  the frequency-weight column, or null for none
     * @param options  k, initialisation, limits, seed, missing-value rule; not null
     * @param live     keep the model current as rows change
     * @param decay    live: the weight old rows keep at each change, in (0, 1]
     */
    public KMeansSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    /**
     * An unweighted fit.
     *
     * @param features the feature columns, or null for every column
     * @param options  k, initialisation, limits, seed, missing-value rule; not null
     * @param live     keep the model current as rows change
     * @param decay    live: the weight old rows keep at each change, in (0, 1]
     */
    public KMeansSpec(List<String> features, KMeansOptions options, boolean live, double decay) {
        this(features, null, options, live, decay);
    }

    @Override
    public String algorithm() {
        return "kmeans";
    }

    @Override
    public long seed() {
        return options.seed();
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "kmeans");
        m.put("k", options.k());
        m.put("init", options.init());
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
        ColumnChoice cols = ColumnChoice.resolve(c.schema(), null, features, false, weights);
        int w = Weights.column(c.schema(), weights, null, features);
        return KMeansTrainer.fit(c.runner(), cols.featureColumns(), cols.features(), options, c.checkpoints(),
                c.resumeFrom(), w, weights);
    }

    @Override
    public ModelDocument afterPublish(FitContext c, ModelDocument published) {
        return live ? StreamingKMeans.register(c.hazelcast(), c.modelName(), published, c.schema().name(), decay)
                : published;
    }
}
