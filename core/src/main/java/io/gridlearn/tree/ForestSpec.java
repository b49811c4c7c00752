package io.gridlearn.tree;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A random forest fit as the runtime runs it.
 *
 * @param target   the label column, or null for the dataset's last column
 * @param features the feature columns, or null for every column but the target
 * @param options  objective, trees, depth, min child weight, max bins, features per split
 * @param seed     the seed of the bootstrap and of the features tried per split
 * @param weights  the instance weight column, or null for none
 */
public record ForestSpec(String target, List<String> features, ForestOptions options, long seed, String weights)
        implements LearnerSpec {
    /**
     * Copies {@code features}; refuses null options.
     *
     * @param target   the label column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target
     * @param options  the fit's options, not null
     * @param seed     the sampling seed
     * @param weights  the instance weight column, or null for none
     */
    public ForestSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    /**
     * An unweighted forest.
     *
     * @param target   the label column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target
     * @param options  the fit's options, not null
     * @param seed     the sampling seed
     */
    public ForestSpec(String target, List<String> features, ForestOptions options, long seed) {
        this(target, features, options, seed, null);
    }

    @Override
    public String algorithm() {
        return ForestModel.ALGORITHM;
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm());
        m.put("objective", options.objective().cliName());
        m.put("trees", options.trees());
        m.put("maxDepth", options.maxDepth());
        m.put("minChildWeight", options.minChildWeight());
        m.put("maxBins", options.maxBins());
        m.put("maxFeatures", options.maxFeatures());
        if (weights != null) {
            m.put(Weights.OPTION, weights);
        }
        return m;
    }

    @Override
    public ModelDocument fit(FitContext c) {
        DatasetSchema schema = c.schema();
        ColumnChoice cols = ColumnChoice.resolve(schema, target, features, true, weights);
        int w = Weights.column(schema, weights, cols.target(), features);
        return new ForestTrainer(c.runner(), cols.featureColumns(), cols.targetColumn(), schema.blockSize(),
                cols.features(), cols.target(), options, seed).weighted(w, weights).fit();
    }
}
