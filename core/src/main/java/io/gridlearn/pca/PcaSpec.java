package io.gridlearn.pca;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A principal component analysis as the runtime runs it.
 *
 * @param features    the columns analysed, or null for every column
 * @param components  components kept, or null for all of them
 * @param standardize analyse z-scored columns (the correlation matrix) instead of the covariance
 * @param missing     {@code error} or {@code skip}
 * @param seed        recorded in the provenance
 */
public record PcaSpec(List<String> features, Integer components, boolean standardize, String missing, long seed)
        implements LearnerSpec {
    /**
     * Copies {@code features}, fills a null {@code missing} with {@code error}, and checks the options.
     *
     * @param features    the columns analysed, or null for every column
     * @param components  components kept, or null for all of them
     * @param standardize analyse z-scored columns
     * @param missing     {@code error}, {@code skip}, or null for {@code error}
     * @param seed        recorded in the provenance
     */
    public PcaSpec {
        features = features == null ? null : List.copyOf(features);
        missing = missing == null ? "error" : missing;
        new PcaOptions(components == null ? Integer.MAX_VALUE : components, standardize, missing); // validates
    }

    @Override
    public String algorithm() {
        return "pca";
    }

    private PcaOptions options(int p) {
        return new PcaOptions(components == null ? p : components, standardize, missing);
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        return null; // the component count depends on the columns: fit() records the options
    }

    @Override
    public ModelDocument fit(FitContext c) {
        ColumnChoice cols = ColumnChoice.resolve(c.schema(), null, features, false);
        PcaOptions o = options(cols.features().size());
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("algorithm", "pca");
        options.put("components", o.components());
        options.put("standardize", o.standardize());
        options.put("missing", o.missing());
        Map<String, Object> provenance = new LinkedHashMap<>(c.provenance());
        provenance.put("options", options);
        return PcaTrainer.fit(c.runner(), cols.featureColumns(), cols.features(), o).withProvenance(provenance);
    }
}
