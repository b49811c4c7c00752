package io.gridlearn.eval;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.Passes;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.linear.LinearPredictor;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.Imputation;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.runtime.Learners;

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
     *
     * @param hz      a member or client of the grid
     * @param model   a model that predicts one value per row
     * @param dataset the dataset to score; it must have the model's feature columns
     * @param into    the new dataset's name
     * @return the published schema of {@code into}
     * @throws io.gridlearn.BadInputException if a dataset or column is unknown, or {@code into} is taken or not a
     *                                        valid name
     */
    public static DatasetSchema predictInto(HazelcastInstance hz, ModelDocument model, String dataset, String into) {
        return predictInto(hz, model, dataset, into, PredictionType.RESPONSE);
    }

    /**
     * {@code predict --data D --into D2 --type T}: as {@link #predictInto(HazelcastInstance, ModelDocument, String,
     * String)}, on the given scale. The dataset must also have the model's extra input columns (a GLM's offset).
     *
     * @param hz      a member or client of the grid
     * @param model   a model that predicts one value per row on {@code type}
     * @param dataset the dataset to score; it must have the model's feature and extra input columns
     * @param into    the new dataset's name
     * @param type    the scale of the predictions
     * @return the published schema of {@code into}
     * @throws io.gridlearn.BadInputException if a dataset or column is unknown, {@code into} is taken or not a valid
     *                                        name, or the model has no such scale
     */
    public static DatasetSchema predictInto(HazelcastInstance hz, ModelDocument model, String dataset, String into,
                                            PredictionType type) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        DatasetSchema.checkName(into);
        Predictors.of(model, type); // fails here, not on the members, for a model that cannot predict on type
        int[] features = FeatureBinding.inputColumns(model, schema.columns(), "dataset '" + dataset + "'");
        int target = FeatureBinding.targetColumn(model, schema.columns());
        Map<Integer, RowBlock> scored = catalog.blocks(schema).executeOnEntries(
                new PredictProcessor(ModelJson.write(model), features, target, type), schema.blockPredicate());
        Passes.checkNothingLost(catalog, schema);
        long rows = 0;
        for (RowBlock b : scored.values()) {
            rows += b.rows();
        }
        BlockPassAggregator.checkComplete(schema, scored.size(), rows);
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(new ColumnSpec("prediction", ColumnKind.NUMERIC, List.of()));
        if (target >= 0) {
            cols.add(new ColumnSpec(model.target(), ColumnKind.NUMERIC, List.of()));
        }
        BlockWriter w = catalog.newWriter(into, schema.blockSize());
        try {
            // the prediction blocks keep the source's block ids (so its row ids), gaps included
            schema.layout().forEach(b -> w.write(scored.get(b)));
            return w.publish(cols, "predict " + model.name() + " on " + dataset);
        } catch (RuntimeException e) {
            w.abort();
            throw e;
        }
    }

    /**
     * {@code predict --data D --into-map M}: for a dataset built from a host map ({@code load --from-map}), writes
     * every row's prediction (a {@code Double}, the same bits as {@link #predictInto}) into the map {@code M} under
     * the row's source key, so that the host reads {@code IMap<K, Double>} with its own keys. Each member scores the
     * blocks it owns and writes next to them ({@link PredictIntoMapTask}): a block lives in its source entries'
     * partition, which is also the partition of their keys in {@code M}. Rows with a missing feature and no
     * imputation get NaN, as in {@link #predictInto}. Puts are idempotent: after a failure (a member lost midway),
     * running the command again completes the map.
     *
     * @param hz        a member or client of the grid
     * @param model     a model that predicts one value per row on {@code type}
     * @param dataset   a dataset built from a host map, with the model's feature and extra input columns
     * @param targetMap the map that receives the predictions (created if absent; existing keys are overwritten)
     * @param type      the scale of the predictions
     * @return {@code rows} and {@code blocks} written and the {@code map}
     * @throws io.gridlearn.BadInputException if the dataset or a column is unknown, the dataset was not built from a
     *                                        host map, or {@code targetMap} is its source map or one of gridlearn's
     */
    public static Map<String, Object> predictIntoMap(HazelcastInstance hz, ModelDocument model, String dataset,
                                                     String targetMap, PredictionType type) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        if (targetMap == null || targetMap.isBlank()) {
            throw new BadInputException("--into-map needs a map name");
        }
        String source = schema.source() == null ? "" : schema.source();
        if (!source.startsWith("map:")) {
            throw new BadInputException("dataset '" + dataset + "' was not built from a host map (load --from-map), so "
                    + "its rows have no source keys to write predictions under; use --into DATASET2");
        }
        if (targetMap.equals(source.substring(4))) {
            throw new BadInputException("--into-map " + targetMap + " is the map dataset '" + dataset + "' was built "
                    + "from; predictions would replace its entries: name another map");
        }
        if (targetMap.startsWith("gridlearn")) {
            throw new BadInputException("--into-map " + targetMap + ": names starting with 'gridlearn' are gridlearn's"
                    + " own maps; name another map");
        }
        Predictors.of(model, type);
        int[] inputs = FeatureBinding.inputColumns(model, schema.columns(), "dataset '" + dataset + "'");
        String json = ModelJson.write(model);
        com.hazelcast.partition.PartitionService ps = hz.getPartitionService();
        com.hazelcast.cluster.Member first = hz.getCluster().getMembers().iterator().next();
        Map<com.hazelcast.cluster.Member, List<Integer>> byOwner = new java.util.LinkedHashMap<>();
        schema.layout().forEach(id -> {
            com.hazelcast.cluster.Member owner = ps.getPartition(id).getOwner();
            byOwner.computeIfAbsent(owner == null ? first : owner, m -> new ArrayList<>()).add(id);
        });
        com.hazelcast.core.IExecutorService executor =
                hz.getExecutorService(io.gridlearn.data.hostmap.HostMapLoader.EXECUTOR);
        Map<com.hazelcast.cluster.Member, java.util.concurrent.Future<long[]>> running = new java.util.LinkedHashMap<>();
        byOwner.forEach((member, ids) -> running.put(member, executor.submitToMember(new PredictIntoMapTask(json,
                inputs, type, schema.mapName(), targetMap, ids.stream().mapToInt(Integer::intValue).toArray()),
                member)));
        long blocks = 0;
        long rows = 0;
        for (Map.Entry<com.hazelcast.cluster.Member, java.util.concurrent.Future<long[]>> e : running.entrySet()) {
            try {
                long[] r = e.getValue().get();
                blocks += r[0];
                rows += r[1];
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new io.gridlearn.GridlearnException("interrupted while writing predictions into map '"
                        + targetMap + "'", ex);
            } catch (java.util.concurrent.ExecutionException ex) {
                throw new io.gridlearn.GridlearnException("writing predictions into map '" + targetMap
                        + "' on member " + e.getKey().getAddress() + " failed: " + ex.getCause(), ex.getCause());
            }
        }
        if (blocks != schema.layout().count() || rows != schema.rows()) {
            throw new io.gridlearn.GridlearnException("predict --into-map " + targetMap + ": wrote " + rows + " of "
                    + schema.rows() + " rows (" + blocks + " of " + schema.layout().count() + " blocks): blocks or "
                    + "their source keys were lost (more members lost than backups?); the map holds the rows written");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("map", targetMap);
        out.put("rows", rows);
        out.put("blocks", blocks);
        out.put("type", type.id());
        return out;
    }

    /**
     * Metrics of any predicting model on a whole dataset, in one pass next to the data: the learner's own
     * evaluation when it has one ({@link io.gridlearn.runtime.Learner#evaluate}, a GLM's deviance and its
     * family's metrics); otherwise mse, rmse, mae, r2 for the linear family; accuracy, logLoss and the confusion
     * matrix (rows true, columns predicted) for classifiers.
     *
     * @param hz      a member or client of the grid
     * @param model   a regression model or a classifier
     * @param dataset the dataset, with the model's features and target
     * @return the learner's own metrics when it has them; for a regression model {@link RegressionMetrics#toMap()};
     *         for a classifier {@code rows},
     *         {@code accuracy}, {@code logLoss} (mean −log p(true class)), {@code confusionMatrix}
     *         ({@code long[K][K]}) and, when rows were left out, {@code rowsSkipped}
     * @throws io.gridlearn.BadInputException if the model has no target or the dataset lacks its columns
     */
    public static Map<String, Object> evaluateAny(HazelcastInstance hz, ModelDocument model, String dataset) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        java.util.Optional<Map<String, Object>> own = Learners.evaluate(model, new GridPassRunner(catalog, schema),
                schema);
        if (own.isPresent()) {
            return own.get();
        }
        if (!Predictors.predictsLabels(model)) {
            return new java.util.LinkedHashMap<>(evaluate(hz, model, dataset).toMap());
        }
        if (model.target() == null) {
            throw new BadInputException("evaluate takes regression and classification models; a " + model.algorithm()
                    + " model has no target (its training metrics are in the model)");
        }
        int[] features = FeatureBinding.inputColumns(model, schema.columns(), "dataset '" + dataset + "'");
        int target = FeatureBinding.targetColumn(model, schema.columns());
        if (target < 0) {
            throw new BadInputException("dataset '" + dataset + "' has no target column '" + model.target() + "'");
        }
        int k = model.classes().size();
        double[] s = new GridPassRunner(catalog, schema)
                .sum(new ClassificationKernel(ModelJson.write(model), features, target, k));
        long n = (long) s[k * k + 1];
        long skipped = (long) s[k * k + 2];
        double correct = 0;
        long[][] confusion = new long[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                confusion[t][p] = (long) s[t * k + p];
                if (t == p) {
                    correct += s[t * k + p];
                }
            }
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rows", n);
        m.put("accuracy", n == 0 ? Double.NaN : correct / n);
        m.put("logLoss", n == 0 ? Double.NaN : s[k * k] / n);
        m.put("confusionMatrix", confusion);
        if (skipped > 0) {
            m.put("rowsSkipped", skipped);
        }
        return m;
    }

    /**
     * Metrics of a linear model on a whole dataset (one pass).
     *
     * @param hz      a member or client of the grid
     * @param model   a linear model
     * @param dataset the dataset, with the model's features and target
     * @return the metrics over every scored row
     */
    public static RegressionMetrics evaluate(HazelcastInstance hz, ModelDocument model, String dataset) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        RegressionMetricsAggregator agg = metricsPass(catalog, schema, model, RowGrouping.NONE);
        return agg.metrics(0);
    }

    /**
     * One metrics pass over a dataset in the grid with the given grouping; checks completeness and the target.
     *
     * @param catalog  the grid's datasets
     * @param schema   the dataset
     * @param model    a linear model
     * @param grouping the row groups the metrics are gathered for
     * @return the aggregated pass
     * @throws io.gridlearn.BadInputException when the dataset has no target column
     */
    public static RegressionMetricsAggregator metricsPass(DatasetCatalog catalog, DatasetSchema schema,
                                                         ModelDocument model, RowGrouping grouping) {
        return metricsPass(new GridPassRunner(catalog, schema), schema, model, grouping);
    }

    /**
     * One metrics pass ({@link RegressionMetricsAggregator}) on any runner: in the grid, or over blocks in one JVM
     * ({@link io.gridlearn.pass.LocalPassRunner}, the reference), with the same bits.
     *
     * @param runner   runs the pass over {@code schema}'s blocks
     * @param schema   the dataset
     * @param model    a linear model
     * @param grouping the row groups the metrics are gathered for
     * @return the aggregated pass
     * @throws BadInputException when the dataset has no target column
     */
    public static RegressionMetricsAggregator metricsPass(PassRunner runner, DatasetSchema schema,
                                                         ModelDocument model, RowGrouping grouping) {
        return metricsPass(runner, schema, model, grouping, -1);
    }

    /**
     * One metrics pass with frequency weights: every sum weighted as the rows repeated wᵢ times
     * ({@link RegressionMetricsAggregator}); the fit of a weighted linear model scores its training rows so.
     *
     * @param runner       runs the pass over {@code schema}'s blocks
     * @param schema       the dataset
     * @param model        a linear model
     * @param grouping     the row groups the metrics are gathered for
     * @param weightColumn the frequency-weight column (finite, ≥ 0), or −1 for unweighted metrics
     * @return the aggregated pass
     * @throws BadInputException when the dataset has no target column
     */
    public static RegressionMetricsAggregator metricsPass(PassRunner runner, DatasetSchema schema,
                                                         ModelDocument model, RowGrouping grouping, int weightColumn) {
        LinearPredictor p = new LinearPredictor(model);
        int[] features = FeatureBinding.featureColumns(model, schema.columns(), "dataset '" + schema.name() + "'");
        int target = FeatureBinding.targetColumn(model, schema.columns());
        if (target < 0) {
            throw new BadInputException("dataset '" + schema.name() + "' has no target column '" + model.target()
                    + "' to evaluate against");
        }
        return runner.aggregate(() -> new RegressionMetricsAggregator(
                features, target, p.intercept(), p.coefficients(), Imputation.fillValues(model), grouping,
                schema.blockSize(), weightColumn));
    }
}
