package io.gridlearn.report;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.stats.ColumnSummary;
import io.gridlearn.stats.DatasetStatistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The {@link ReportContext} of a grid: samples, histograms, evaluations and statistics from passes next to the
 * data, never by collecting every row; the history from the model store. Each is computed once.
 */
public final class GridReportContext implements ReportContext {
    private final HazelcastInstance hz;
    private final ModelDocument model;
    private final String dataset;
    private final boolean fromStore;
    private final int sampleSize;
    private final long seed;
    private final Map<Boolean, Optional<Sample>> samples = new HashMap<>();
    private final Map<Integer, double[]> histograms = new HashMap<>();
    private Map<String, Object> evaluation;
    private Optional<double[][]> statistics;
    private List<ModelDocument> history;

    /**
     * @param hz         the grid (null only with neither data nor store)
     * @param model      the model
     * @param dataset    the dataset to draw data charts from, or null for none
     * @param fromStore  true when the model was read from the store by name (its history is then read)
     * @param sampleSize rows at most in a sample
     * @param seed       the seed of the row sample
     */
    public GridReportContext(HazelcastInstance hz, ModelDocument model, String dataset, boolean fromStore,
                             int sampleSize, long seed) {
        if (hz == null && (dataset != null || fromStore)) {
            throw new IllegalArgumentException("data or store without a grid");
        }
        this.hz = hz;
        this.model = model;
        this.dataset = dataset;
        this.fromStore = fromStore;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    @Override
    public ModelDocument model() {
        return model;
    }

    @Override
    public Optional<String> dataset() {
        return Optional.ofNullable(dataset);
    }

    @Override
    public boolean fromStore() {
        return fromStore;
    }

    @Override
    public Optional<Sample> sample(boolean withTarget) {
        return samples.computeIfAbsent(withTarget, this::drawSample);
    }

    private Optional<Sample> drawSample(boolean withTarget) {
        if (dataset == null) {
            return Optional.empty();
        }
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        int[] features = FeatureBinding.inputColumns(model, schema.columns(), "dataset '" + dataset + "'");
        int target = withTarget ? FeatureBinding.targetColumn(model, schema.columns()) : -1;
        if (withTarget && target < 0) {
            return Optional.empty();
        }
        double fraction = schema.rows() == 0 ? 1 : Math.min(1.0, sampleSize / (double) schema.rows());
        SortedMap<Long, double[]> s = new GridPassRunner(catalog, schema)
                .sample(new ReportSampler(features, target, fraction, seed));
        List<Map.Entry<Long, double[]>> kept = new ArrayList<>(s.entrySet());
        if (kept.size() > sampleSize) {
            kept.sort(Comparator.comparingDouble(e -> ReportSampler.uniform(e.getKey(), seed)));
            kept = kept.subList(0, sampleSize);
        }
        double[][] rows = new double[kept.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = kept.get(i).getValue();
        }
        String note = "Points are a seeded sample drawn next to the data: " + rows.length + " of " + schema.rows()
                + " rows (rows whose hash of row id and seed " + seed + " falls under " + Html.num(fraction)
                + ", at most " + sampleSize + "; rows with a missing value are left out).";
        return Optional.of(new Sample(rows, note));
    }

    @Override
    public Map<String, Object> evaluate() {
        if (dataset == null) {
            return Map.of();
        }
        if (evaluation == null) {
            evaluation = GridScoring.evaluateAny(hz, model, dataset);
        }
        return evaluation;
    }

    @Override
    public double[] scoreHistogram(int bins) {
        if (dataset == null) {
            return null;
        }
        return histograms.computeIfAbsent(bins, b -> {
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema schema = catalog.get(dataset);
            int[] features = FeatureBinding.inputColumns(model, schema.columns(), "dataset '" + dataset + "'");
            int target = FeatureBinding.targetColumn(model, schema.columns());
            return new GridPassRunner(catalog, schema).sum(new ScoreHistogramKernel(ModelJson.write(model), features, target, b));
        });
    }

    @Override
    public Optional<double[]> sum(java.util.function.Function<DatasetSchema, io.gridlearn.pass.BlockKernel> kernel) {
        if (dataset == null) {
            return Optional.empty();
        }
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        return Optional.of(new GridPassRunner(catalog, schema).sum(kernel.apply(schema)));
    }

    @Override
    public Optional<double[][]> featureStatistics() {
        if (dataset == null) {
            return Optional.empty();
        }
        if (statistics == null) {
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema schema = catalog.get(dataset);
            int[] features = FeatureBinding.featureColumns(model, schema.columns(), "dataset '" + dataset + "'");
            List<ColumnSummary> columns = DatasetStatistics.describe(catalog, dataset).columns();
            double[][] ms = new double[2][features.length];
            for (int j = 0; j < features.length; j++) {
                ColumnSummary c = columns.get(features[j]);
                ms[0][j] = c.mean();
                ms[1][j] = Math.sqrt(c.variance());
            }
            statistics = Optional.of(ms);
        }
        return statistics;
    }

    @Override
    public List<ModelDocument> history() {
        if (!fromStore) {
            return List.of();
        }
        if (history == null) {
            List<ModelDocument> h = new ArrayList<>();
            for (ModelDocument d : ModelStore.forInstance(hz).history(model.name())) {
                if (d.version() <= model.version()) {
                    h.add(d);
                }
            }
            history = List.copyOf(h);
        }
        return history;
    }
}
