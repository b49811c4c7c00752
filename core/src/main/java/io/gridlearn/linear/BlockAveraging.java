package io.gridlearn.linear;

import io.gridlearn.OptionException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.Passes;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.util.Versions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-shot parameter averaging (Zhang, Duchi &amp; Wainwright 2013, "Communication-efficient algorithms for
 * statistical optimization", JMLR 14): the unweighted mean of per-block OLS coefficients. Biased and
 * noisier than the exact fit, more so the smaller the blocks; kept as the baseline the exact fit replaces.
 */
final class BlockAveraging {
    private BlockAveraging() {
    }

    static ModelDocument train(DatasetCatalog catalog, DatasetSchema schema, LinearDesign design, LinearOptions o) {
        if (!o.intercept()) {
            throw OptionException.worded("{method} average fits with an intercept only");
        }
        Map<Integer, double[]> fits = catalog.blocks(schema).executeOnEntries(
                new BlockFitProcessor(design.zColumns(), o.grouping(), schema.blockSize()), schema.blockPredicate());
        Passes.checkNothingLost(catalog, schema);
        if (fits.size() != schema.blocks()) {
            throw new io.gridlearn.GridlearnException("dataset '" + schema.name() + "': per-block fits came back for "
                    + fits.size() + " of " + schema.blocks() + " blocks; retry");
        }
        int p = design.features().size();
        double[] mean = new double[p + 1];
        int used = 0;
        for (double[] f : new TreeMap<>(fits).values()) {
            if (f.length == 1) {
                continue;
            }
            for (int j = 0; j <= p; j++) {
                mean[j] += f[j + 1];
            }
            used++;
        }
        if (used == 0) {
            throw OptionException.worded("no block of dataset '" + schema.name() + "' has enough rows for its own fit ("
                    + (p + 2) + " needed); load with a larger {blockSize} or use {method} exact");
        }
        for (int j = 0; j <= p; j++) {
            mean[j] /= used;
        }
        double[] coefficients = new double[p];
        System.arraycopy(mean, 1, coefficients, 0, p);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", "average");
        summary.put("blocksAveraged", used);
        summary.put("blocksSkipped", fits.size() - used);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", schema.name());
        provenance.put("fingerprint", schema.fingerprint());
        provenance.put("rows", schema.rows());
        provenance.put("options", o.toMap());
        provenance.put("seed", o.grouping().seed());
        provenance.put("libraryVersion", Versions.library());
        provenance.put("createdAt", Instant.now().toString());
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        ModelDocument model = new ModelDocument(ModelDocument.FORMAT, null, 0, o.algorithm(), design.target(),
                design.features(), mean[0], coefficients, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, summary, metrics, provenance, null);
        RowGrouping g = o.grouping();
        RegressionMetricsAggregator scored = GridScoring.metricsPass(catalog, schema, model, g);
        metrics.put("train", scored.metrics(0, g.trainGroups()).toMap());
        if (g.hasTest()) {
            metrics.put("test", scored.metrics(g.testGroup()).toMap());
        }
        return model;
    }
}
