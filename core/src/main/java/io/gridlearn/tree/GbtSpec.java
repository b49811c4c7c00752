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
 * A gradient-boosted tree fit as the runtime runs it.
 *
 * @param target   the label column, or null for the dataset's last column
 * @param features the feature columns, or null for every column but the target
 * @param options  objective, trees, depth, eta, lambda, gamma, min child weight, max bins
 * @param weights  the instance weight column, or null for none
 * @param seed     the row and feature samples' seed ({@code subsample}, {@code colsampleBytree} &lt; 1), recorded
 *                 in the provenance
 */
public record GbtSpec(String target, List<String> features, GbtOptions options, long seed, String weights)
        implements LearnerSpec {
    /**
     * Copies {@code features}; refuses null options.
     *
     * @param target   the label column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target
     * @param options  the fit's options, not null
     * @param seed     the samples' and held-out share's seed, recorded in the provenance
     * @param weights  the instance weight column, or null for none
     */
    public GbtSpec {
        features = features == null ? null : List.copyOf(features);
        if (options == null) {
            throw new IllegalArgumentException("options must be given");
        }
    }

    /**
     * An unweighted fit.
     *
     * @param target   the label column, or null for the dataset's last column
     * @param features the feature columns, or null (or empty) for every column but the target
     * @param options  the fit's options, not null
     * @param seed     the samples' seed, recorded in the provenance
     */
    public GbtSpec(String target, List<String> features, GbtOptions options, long seed) {
        this(target, features, options, seed, null);
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
        // recorded only when not XGBoost's default 1, so the models of fits without them keep their bytes
        if (options.subsample() < 1) {
            m.put("subsample", options.subsample());
        }
        if (options.colsampleBytree() < 1) {
            m.put("colsampleBytree", options.colsampleBytree());
        }
        if (options.testFraction() > 0) {
            m.put("testFraction", options.testFraction());
        }
        if (options.earlyStoppingRounds() > 0) {
            m.put("earlyStoppingRounds", options.earlyStoppingRounds());
        }
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
        return new GbtTrainer(c.runner(), cols.featureColumns(), cols.targetColumn(), schema.blockSize(),
                cols.features(), cols.target(), options, seed).weighted(w, weights).fit(c.checkpoints(), c.resumeFrom());
    }
}
