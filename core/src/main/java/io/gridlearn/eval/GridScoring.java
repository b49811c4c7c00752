package io.gridlearn.eval;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.PassCheck;
import io.gridlearn.data.Passes;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearPredictor;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scoring and evaluation in the grid, next to the data. */
public final class GridScoring {
    private GridScoring() {
    }

    /**
     * {@code predict --data D --into D2}: every block is scored by an entry processor on the member that owns
     * it; the prediction blocks (column {@code prediction}, plus the target when the dataset has it) become
     * the new dataset {@code into}, with the same block numbers and row ids. Published only when complete.
     */
    public static DatasetSchema predictInto(HazelcastInstance hz, ModelDocument model, String dataset, String into) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        DatasetSchema.checkName(into);
        Predictors.of(model); // fails here, not on the members, for a model that cannot predict
        int[] features = FeatureBinding.featureColumns(model, schema.columns(), "dataset '" + dataset + "'");
        int target = FeatureBinding.targetColumn(model, schema.columns());
        Map<Integer, RowBlock> scored = catalog.blocks(schema).executeOnEntries(
                new PredictProcessor(ModelJson.write(model), features, target));
        Passes.checkNothingLost(catalog, schema);
        long rows = 0;
        for (RowBlock b : scored.values()) {
            rows += b.rows();
        }
        PassCheck.complete(schema, scored.size(), rows);
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(new ColumnSpec("prediction", ColumnKind.NUMERIC, List.of()));
        if (target >= 0) {
            cols.add(new ColumnSpec(model.target(), ColumnKind.NUMERIC, List.of()));
        }
        BlockWriter w = catalog.newWriter(into, schema.blockSize());
        try {
            for (int b = 0; b < schema.blocks(); b++) {
                w.write(scored.get(b));
            }
            return w.publish(cols, "predict " + model.name() + " on " + dataset);
        } catch (RuntimeException e) {
            w.abort();
            throw e;
        }
    }

    /** Metrics of a linear model on a whole dataset (one pass). */
    public static RegressionMetrics evaluate(HazelcastInstance hz, ModelDocument model, String dataset) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        RegressionMetricsAggregator agg = metricsPass(catalog, schema, model, RowGrouping.NONE);
        return agg.metrics(0);
    }

    /** One metrics pass over a dataset with the given grouping; checks completeness and the target. */
    public static RegressionMetricsAggregator metricsPass(DatasetCatalog catalog, DatasetSchema schema,
                                                         ModelDocument model, RowGrouping grouping) {
        LinearPredictor p = new LinearPredictor(model);
        int[] features = FeatureBinding.featureColumns(model, schema.columns(), "dataset '" + schema.name() + "'");
        int target = FeatureBinding.targetColumn(model, schema.columns());
        if (target < 0) {
            throw new BadInputException("dataset '" + schema.name() + "' has no target column '" + model.target()
                    + "' to evaluate against");
        }
        return Passes.aggregate(catalog, schema, () -> new RegressionMetricsAggregator(
                features, target, p.intercept(), p.coefficients(), grouping, schema.blockSize()));
    }
}
