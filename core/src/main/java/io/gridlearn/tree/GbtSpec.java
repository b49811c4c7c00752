package io.gridlearn.tree;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient-boosted tree fit as the runtime runs it.
 *
 * @param target   the label column, or null for the dataset's last column
 * @param features the feature columns, or null for every column but the target
 * @param options  objective, trees, depth, eta, lambda, gamma, min child weight, max bins
 * @param seed     recorded in the provenance (this slice draws no random numbers)
 */
public record GbtSpec(String target, List<String> features, GbtOptions options, long seed) implements LearnerSpec {
    /**
     * Copies {@code features}; refuses null options.
     *
     * @param target   the label column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target
     * @param options  the fit's options, not null
     * @param seed     recorded in the provenance
     */
    public GbtSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    @Override
    public String algorithm() {
        return GbtModel.ALGORITHM;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm());
        m.put("objective", options.objective().cliName());
        m.put("trees", options.trees());
        m.put("maxDepth", options.maxDepth());
        m.put("eta", options.eta());
        m.put("lambda", options.lambda());
        m.put("gamma", options.gamma());
        m.put("minChildWeight", options.minChildWeight());
        m.put("maxBins", options.maxBins());
        return m;
    }

    @Override
    public ModelDocument fit(FitContext c) {
        DatasetSchema schema = c.schema();
        ColumnChoice cols = ColumnChoice.resolve(schema, target, features, true);
        return new GbtTrainer(c.runner(), cols.featureColumns(), cols.targetColumn(), cols.features(), cols.target(),
                options).fit(c.checkpoints(), c.resumeFrom());
    }
}
