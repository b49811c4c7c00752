package io.gridlearn.kmeans;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.ColumnChoice;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetEditor;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A live k-means model absorbs an append with Spark's mini-batch rule; checked against a direct computation. */
class StreamingKMeansTest {
    private static final List<String> IRIS = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void anAppendMovesTheCentresByTheDecayedMiniBatchRule() throws Exception {
        Path rest = tmp.resolve("rest.csv");
        HazelcastInstance hz = fittedOnTheFirst100Rows(rest);
        DatasetCatalog catalog = new DatasetCatalog(hz);
        ModelStore store = ModelStore.forInstance(hz);
        double decay = 0.5;
        ModelDocument live = StreamingKMeans.register(hz, "km", store.get("km"), "iris", decay);
        double[][] c0 = live.centers();
        List<?> sizes = (List<?>) store.get("km").summary().get("clusterSizes");

        DatasetAppender.Appended a = DatasetAppender.appendCsv(catalog, "iris", rest, null);
        ModelDocument updated = StreamingKMeans.onAppend(hz, a).get(0);

        assertMiniBatchRule(rest, c0, sizes, decay, updated);
        assertEquals(live.version() + 1, updated.version());
        assertEquals(150, catalog.get("iris").rows());
    }

    /**
     * A removal does not un-learn (no version, centres unchanged); a replacement absorbs its new rows as one
     * mini-batch — the same rule, checked against a direct computation — and nothing else.
     */
    @Test
    void aRemovalPublishesNothingAndAReplacementIsOneMiniBatch() throws Exception {
        Path rest = tmp.resolve("rest.csv");
        HazelcastInstance hz = fittedOnTheFirst100Rows(rest);
        DatasetCatalog catalog = new DatasetCatalog(hz);
        ModelStore store = ModelStore.forInstance(hz);
        double decay = 0.8;
        ModelDocument live = StreamingKMeans.register(hz, "km", store.get("km"), "iris", decay);
        List<?> sizes = (List<?>) store.get("km").summary().get("clusterSizes");

        List<ModelDocument> onRemoval = new ArrayList<>();
        DatasetEditor.removeBlocks(catalog, "iris", BlockIds.of(1), c -> onRemoval.addAll(StreamingKMeans.onChange(hz, c)));
        assertEquals(List.of(), onRemoval, "a removal publishes no version");
        assertEquals(live.version(), store.get("km").version());

        List<ModelDocument> onReplace = new ArrayList<>();
        DatasetChange c = DatasetEditor.replaceCsv(catalog, "iris", BlockIds.of(0), rest, null,
                change -> onReplace.addAll(StreamingKMeans.onChange(hz, change)));
        assertEquals("3-4", c.added().toString());
        ModelDocument updated = onReplace.get(0);
        assertEquals(live.version() + 1, updated.version());
        assertEquals("2-4", updated.summary().get("coveredBlocks"));
        assertMiniBatchRule(rest, live.centers(), sizes, decay, updated);
        assertEquals(List.of(), StreamingKMeans.refreshAll(hz, "iris"), "the new blocks are absorbed once");
    }

    /**
     * Spark's rule computed directly from the rows of {@code rows} (CSV with header): each row goes to its nearest
     * old centre, and centre c becomes (decay·n_c·c + Σ x) / (decay·n_c + m_c).
     */
    private static void assertMiniBatchRule(Path rows, double[][] c0, List<?> sizes, double decay, ModelDocument updated)
            throws Exception {
        int k = c0.length;
        int p = c0[0].length;
        double[][] sum = new double[k][p];
        double[] count = new double[k];
        List<String> lines = Files.readAllLines(rows);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] x = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = Double.parseDouble(f[j]);
            }
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = 0;
                for (int j = 0; j < p; j++) {
                    d += (x[j] - c0[c][j]) * (x[j] - c0[c][j]);
                }
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            count[best]++;
            for (int j = 0; j < p; j++) {
                sum[best][j] += x[j];
            }
        }
        for (int c = 0; c < k; c++) {
            double w = decay * ((Number) sizes.get(c)).doubleValue();
            for (int j = 0; j < p; j++) {
                double expected = (w * c0[c][j] + sum[c][j]) / (w + count[c]);
                assertEquals(expected, updated.centers()[c][j], 1e-12 * Math.abs(expected), "centre " + c + ", " + j);
            }
        }
    }

    /**
     * A 2-member grid holding iris's first 100 rows as dataset "iris" (blocks of 40) and k-means model "km" fitted
     * to them from rows 0, 1 and 50; the other 50 rows are written to {@code rest} (with the header) for an append.
     */
    private HazelcastInstance fittedOnTheFirst100Rows(Path rest) throws Exception {
        List<String> lines = Files.readAllLines(Oracles.resource("iris.csv"));
        Path first = tmp.resolve("first.csv");
        Files.write(first, lines.subList(0, 101));
        List<String> tail = new ArrayList<>(List.of(lines.get(0)));
        tail.addAll(lines.subList(101, lines.size()));
        Files.write(rest, tail);
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = CsvLoader.load(catalog, first, "iris", CsvOptions.defaults().withBlockSize(40), null);
        ColumnChoice cols = ColumnChoice.resolve(schema, null, IRIS, false);
        ModelDocument fitted = KMeansTrainer.fit(new GridPassRunner(catalog, schema), cols.featureColumns(),
                cols.features(), new KMeansOptions(3, 100, 0, "rows:0,1,50", 1), IterationListener.NONE, null);
        ModelStore.forInstance(hz).publish("km", 0, fitted);
        return hz;
    }
}
