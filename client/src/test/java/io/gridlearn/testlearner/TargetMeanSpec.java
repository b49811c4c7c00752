package io.gridlearn.testlearner;

import io.gridlearn.data.ColumnChoice;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.stats.DatasetStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The test learner's spec: the target column and the shrinkage. */
public record TargetMeanSpec(String target, double shrink, String missing) implements LearnerSpec {
    @Override
    public String algorithm() {
        return "target-mean";
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "target-mean");
        m.put("shrink", shrink);
        m.put("missing", missing);
        return m;
    }

    @Override
    public ModelDocument fit(FitContext c) {
        ColumnChoice cols = ColumnChoice.resolve(c.schema(), target, null, true);
        double mean = DatasetStatistics.describe(c.catalog(), c.schema().name()).columns()
                .get(cols.targetColumn()).mean();
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("mean", mean);
        own.put("shrink", shrink);
        own.put("value", (1 - shrink) * mean);
        return ModelDocument.of("target-mean", cols.target(), cols.features(), Map.of("rows", c.schema().rows()),
                Map.of(), own);
    }
}
