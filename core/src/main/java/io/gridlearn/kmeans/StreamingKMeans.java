package io.gridlearn.kmeans;

import io.gridlearn.OptionException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.KernelAggregator;
import io.gridlearn.pass.WeightCheckKernel;
import io.gridlearn.pass.Weights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Streaming k-means for data that drifts: a live k-means model absorbs every append as one mini-batch, with
 * the update rule of Spark MLlib's {@code StreamingKMeans} (itself after Sculley, "Web-scale k-means
 * clustering", WWW 2010):
 * <pre>
 *   n_c' = α n_c + m_c,     c' = (α n_c c + S_c) / n_c'
 * </pre>
 * where S_c and m_c are the sum and count of the new rows assigned to centre c (one {@link LloydKernel} pass
 * over the new blocks only), n_c the centre's weight and α ∈ (0, 1] the decay per batch (1: every row counts
 * forever; smaller: old rows are forgotten). A centre that receives no rows keeps its place and its weight
 * decays. Each update is published as a new version of the model.
 *
 * <p><b>Removals do not un-learn.</b> Unlike a live linear model, whose moments are sums that subtract
 * exactly, a streaming k-means model is a decayed running average of past assignments that are not
 * recorded: there is nothing exact to subtract, and subtracting today's assignment of the removed rows would
 * be a different, made-up rule. So a removal publishes no new version and leaves the centres where they are;
 * the removed rows' influence fades like every other old batch's, by α per later batch (with α = 1 it never
 * fades: fit again to forget). A replacement is a removal plus new rows: its new blocks are absorbed as one
 * mini-batch. The model's summary records the block ids it has absorbed ({@code coveredBlocks}); each update
 * absorbs exactly the live blocks not yet absorbed, so an update that failed is made up by the next one.
 *
 * <p>A model fit with frequency weights (its {@code "weights"} column) absorbs the new rows weighted the same way:
 * S_c and m_c are Σ w x and Σ w over the rows assigned to c (the summary's {@code weights} are then the centres'
 * weight totals); new rows with a negative or non-finite weight are refused and nothing is published.
 */
public final class StreamingKMeans {
    /** Live k-means models: model name → dataset name. */
    public static final String LIVE_MAP = "gridlearn.live-kmeans";

    private StreamingKMeans() {
    }

    /**
     * Makes a fitted k-means model live on {@code dataset}; its cluster sizes become the initial weights.
     *
     * @param hz      a member or client of the grid
     * @param name    the model's name in the store
     * @param fitted  the fitted k-means model, with {@code clusterSizes} in its summary
     * @param dataset the dataset's name
     * @param decay   the forgetting factor α, in (0, 1]
     * @return the published live version
     */
    public static ModelDocument register(HazelcastInstance hz, String name, ModelDocument fitted, String dataset,
                                         double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw OptionException.worded("{decay} must be in (0, 1], was " + decay);
        }
        if (!"kmeans".equals(fitted.algorithm())) {
            throw new BadInputException("streaming updates are for kmeans models, not " + fitted.algorithm());
        }
        DatasetSchema schema = new DatasetCatalog(hz).get(dataset);
        Object sizes = fitted.summary().get("clusterSizes");
        double[] weights = new double[fitted.centers().length];
        if (sizes instanceof List<?> l) {
            for (int c = 0; c < weights.length; c++) {
                weights[c] = ((Number) l.get(c)).doubleValue();
            }
        } else if (sizes instanceof long[] a) {
            for (int c = 0; c < weights.length; c++) {
                weights[c] = a[c];
            }
        } else if (sizes instanceof int[] a) {
            for (int c = 0; c < weights.length; c++) {
                weights[c] = a[c];
            }
        } else {
            throw new BadInputException("model '" + name + "' has no clusterSizes to start its weights from");
        }
        ModelStore store = ModelStore.forInstance(hz);
        ModelDocument published = store.publish(name, store.get(name).version(),
                withState(fitted, fitted.centers(), weights, decay, schema.layout()));
        hz.<String, String>getMap(LIVE_MAP).set(name, dataset);
        return published;
    }

    /**
     * After an append: one mini-batch update of every live k-means model of that dataset.
     *
     * @param hz       a member or client of the grid
     * @param appended the dataset and the blocks that were appended
     * @return the versions published
     */
    public static List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended) {
        return refreshAll(hz, appended.after().name());
    }

    /**
     * After a removal or replacement: the new blocks of a replacement are absorbed as one mini-batch; a
     * removal alone publishes nothing (see the class comment).
     *
     * @param hz     a member or client of the grid
     * @param change the dataset and the blocks removed or replaced
     * @return the versions published, empty after a removal alone
     */
    public static List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change) {
        return refreshAll(hz, change.after().name());
    }

    /**
     * Stops every live k-means model of {@code dataset} (see {@code LiveModels.unregisterDataset}); their names.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dropped dataset's name
     * @return the names of the models that stopped
     */
    public static List<String> unregisterDataset(HazelcastInstance hz, String dataset) {
        IMap<String, String> live = hz.getMap(LIVE_MAP);
        List<String> stopped = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(live).entrySet()) {
            if (e.getValue().equals(dataset)) {
                live.delete(e.getKey());
                stopped.add(e.getKey());
            }
        }
        return stopped;
    }

    /**
     * Absorbs the not yet absorbed blocks of a dataset into each of its live k-means models.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @return the versions published
     */
    public static List<ModelDocument> refreshAll(HazelcastInstance hz, String dataset) {
        IMap<String, String> live = hz.getMap(LIVE_MAP);
        List<ModelDocument> out = new ArrayList<>();
        DatasetSchema after = new DatasetCatalog(hz).get(dataset);
        for (Map.Entry<String, String> e : new TreeMap<>(live).entrySet()) {
            if (e.getValue().equals(dataset)) {
                update(hz, e.getKey(), after).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The block ids a live k-means model has absorbed (models from before removals: 0 … blocksCovered − 1). */
    static BlockIds covered(Map<String, Object> summary) {
        Object ids = summary.get("coveredBlocks");
        if (ids != null) {
            return BlockIds.parse(ids.toString());
        }
        return BlockIds.range(0, ((Number) summary.get("blocksCovered")).intValue());
    }

    private static Optional<ModelDocument> update(HazelcastInstance hz, String name, DatasetSchema after) {
        ModelStore store = ModelStore.forInstance(hz);
        ModelDocument m = store.get(name);
        Map<String, Object> s = m.summary();
        BlockIds fresh = after.layout().minus(covered(s));
        if (fresh.isEmpty()) {
            return Optional.empty(); // a removal: nothing new to absorb, and nothing exact to un-learn
        }
        double decay = ((Number) s.get("decay")).doubleValue();
        double[] weights = toDoubles(s.get("weights"));
        double[][] centres = m.centers();
        int k = centres.length;
        int p = centres[0].length;
        double[] flat = new double[k * p];
        for (int c = 0; c < k; c++) {
            System.arraycopy(centres[c], 0, flat, c * p, p);
        }
        int[] cols = FeatureBinding.featureColumns(m, after.columns(), "dataset '" + after.name() + "'");
        int wc = -1;
        if (m.extension(Weights.OPTION) != null) {
            String column = m.extension(Weights.OPTION).toString();
            wc = Weights.column(after, column, null, null);
            KernelAggregator check = new DatasetCatalog(hz).blocks(after).aggregate(
                    new KernelAggregator(new WeightCheckKernel(wc), after.blockSize()), fresh.predicate());
            long bad = (long) check.result()[0];
            if (bad > 0) {
                throw new BadInputException("live k-means '" + name + "': " + bad + " new rows have a negative or"
                        + " non-finite weight in '" + column + "'; frequency weights must be finite and >= 0: remove"
                        + " or replace their block");
            }
        }
        KernelAggregator agg = new DatasetCatalog(hz).blocks(after).aggregate(
                new KernelAggregator(new LloydKernel(cols, flat, k, wc), after.blockSize()), fresh.predicate());
        if (agg.blocks() != fresh.size()) {
            throw new GridlearnException("live k-means '" + name + "': the update saw " + agg.blocks() + " of "
                    + fresh.size() + " new blocks; retry");
        }
        double[] sums = agg.result();
        double[][] next = new double[k][p];
        double[] nextWeights = new double[k];
        for (int c = 0; c < k; c++) {
            double m_c = sums[k * p + c];
            double w = decay * weights[c];
            nextWeights[c] = w + m_c;
            for (int j = 0; j < p; j++) {
                next[c][j] = nextWeights[c] > 0 ? (w * centres[c][j] + sums[c * p + j]) / nextWeights[c] : centres[c][j];
            }
        }
        return Optional.of(store.publish(name, m.version(), withState(m, next, nextWeights, decay, after.layout())));
    }

    private static ModelDocument withState(ModelDocument m, double[][] centres, double[] weights, double decay,
                                           BlockIds covered) {
        Map<String, Object> summary = new LinkedHashMap<>(m.summary());
        summary.put("live", true);
        summary.put("decay", decay);
        summary.put("weights", weights);
        summary.put("blocksCovered", covered.count());
        summary.put("coveredBlocks", covered.toString());
        return new ModelDocument(m.format(), m.name(), m.version(), m.algorithm(), m.target(), m.features(), null,
                null, null, null, null, null, m.classes(), null, null, centres, null, null, null, null, null, null,
                summary, m.metrics(), m.provenance(), null).withExtensions(m.extensions());
    }

    private static double[] toDoubles(Object o) {
        if (o instanceof double[] d) {
            return d.clone();
        }
        if (o instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = ((Number) l.get(i)).doubleValue();
            }
            return d;
        }
        throw new GridlearnException("live k-means state has no weights");
    }
}
