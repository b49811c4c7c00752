package io.gridlearn.kmeans;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.model.Predictors;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.testing.WeightsData;
import io.gridlearn.testutil.Iris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static io.gridlearn.testutil.Iris.assertRel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * k-means with frequency weights: scikit-learn's KMeans on the rows repeated wᵢ times from the same initial rows
 * (weights_oracles.json), the fit of the physically repeated rows, zero weights as removed rows (bit for bit), the
 * weighted initial draws (never a zero-weight row; weights all 2 draw and fit as no weights), bad weights, resume
 * and live models.
 */
class WeightedKMeansTest {
    private static final int W = 5;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private static ModelDocument fit(List<RowBlock> blocks, String init, int weightColumn) {
        return KMeansTrainer.fit(new LocalPassRunner(blocks, 40), Iris.FEATURES, Iris.NAMES,
                new KMeansOptions(3, 300, 0, init, 4), IterationListener.NONE, null, weightColumn,
                weightColumn < 0 ? null : "w");
    }

    private static String rows(long... ids) {
        StringBuilder sb = new StringBuilder("rows:");
        for (long id : ids) {
            sb.append(sb.length() > 5 ? "," : "").append(id);
        }
        return sb.toString();
    }

    private static long[] initRows(JsonNode o) {
        long[] ids = new long[o.get("init_rows_0based").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = o.get("init_rows_0based").get(i).asLong();
        }
        return ids;
    }

    private static double[] weights() throws Exception {
        List<String> lines = Files.readAllLines(WeightsData.iris());
        double[] w = new double[lines.size() - 1];
        for (int i = 0; i < w.length; i++) {
            String[] c = lines.get(i + 1).split(",");
            w[i] = Double.parseDouble(c[W]);
        }
        return w;
    }

    /** A live model's centre weights (summary.weights, an array in memory or a list once read back). */
    private static double[] centreWeights(ModelDocument m) {
        Object o = m.summary().get("weights");
        if (o instanceof double[] d) {
            return d;
        }
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }

    @Test
    void matchesScikitLearnOnTheRepeatedRows() {
        JsonNode o = WeightsData.oracle("iris_kmeans");
        ModelDocument m = fit(WeightsData.blocks(WeightsData.iris(), 40), rows(initRows(o)), W);
        double[][] expected = Iris.matrix(o.get("centers"));
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 4; j++) {
                assertRel(expected[c][j], m.centers()[c][j], 1e-10, "centre " + c + "," + j);
            }
        }
        assertRel(o.get("inertia").asDouble(), m.metrics().get("train").get("inertia"), 1e-10, "inertia = Σ w d²");
        assertEquals(o.get("sklearn_n_iter").asInt(), m.summary().get("iteration"));
        List<Number> sizes = new ArrayList<>();
        o.get("cluster_weights").forEach(v -> sizes.add((long) v.asDouble()));
        assertEquals(sizes, m.summary().get("clusterSizes"), "cluster sizes are Σw");
        double[][] data = Iris.rows();
        for (int i = 0; i < data.length; i++) {
            double[] x = {data[i][0], data[i][1], data[i][2], data[i][3]};
            assertEquals(o.get("labels").get(i).asInt(), (int) Predictors.of(m).predict(x), "label of row " + i);
        }
        assertEquals("w", m.extension("weights"));
    }

    @Test
    void integerWeightsGiveTheModelOfTheRepeatedRows() throws Exception {
        long[] init = initRows(WeightsData.oracle("iris_kmeans"));
        double[] w = weights();
        long[] moved = new long[init.length]; // the first copy of row r in the repeated data
        for (int i = 0; i < init.length; i++) {
            for (int r = 0; r < init[i]; r++) {
                moved[i] += (long) w[r];
            }
        }
        ModelDocument weighted = fit(WeightsData.blocks(WeightsData.iris(), 40), rows(init), W);
        ModelDocument repeated = fit(WeightsData.blocks(WeightsData.repeated(WeightsData.iris(), "w", tmp), 40),
                rows(moved), -1);
        assertTrue(Iris.maxRel(repeated.centers(), weighted.centers()) <= 1e-13, "centres");
        assertRel(repeated.metrics().get("train").get("inertia"), weighted.metrics().get("train").get("inertia"),
                1e-12, "inertia");
        assertEquals(repeated.summary().get("iteration"), weighted.summary().get("iteration"));
        assertEquals(repeated.summary().get("clusterSizes"), weighted.summary().get("clusterSizes"));
    }

    @Test
    void zeroWeightRowsGiveExactlyTheModelWithoutThem() throws Exception {
        Path zeroOne = WeightsData.mapWeights(WeightsData.iris(), "w", v -> v == 0 ? 0 : 1, tmp, "zero-one.csv");
        List<RowBlock> blocks = WeightsData.blocks(zeroOne, 40);
        List<RowBlock> kept = WeightsData.withoutZeroWeightRows(blocks, W);
        long[] init = initRows(WeightsData.oracle("iris_kmeans"));
        long[] moved = new long[init.length]; // the row's id in the kept blocks: block × 40 + rows kept before it
        double[] w = weights();
        for (int i = 0; i < init.length; i++) {
            long block = init[i] / 40;
            moved[i] = block * 40;
            for (long r = block * 40; r < init[i]; r++) {
                moved[i] += w[(int) r] != 0 ? 1 : 0;
            }
        }
        ModelDocument weighted = fit(blocks, rows(init), W);
        ModelDocument without = fit(kept, rows(moved), -1);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(without.centers()[c], weighted.centers()[c], 0.0, "centres, bit for bit");
        }
        assertEquals(without.metrics(), weighted.metrics(), "inertia, bit for bit");
        assertEquals(without.summary().get("clusterSizes"), weighted.summary().get("clusterSizes"));
        assertEquals(without.summary().get("iteration"), weighted.summary().get("iteration"));
    }

    /**
     * The weighted draws: weights all 2 give the unweighted draws and fit (the race keys E/2 keep E's order; every
     * sum doubles exactly), so the centres are the same bits and the inertia and sizes double; and the samplers
     * never return a row of weight 0.
     */
    @Test
    void theInitialDrawsAreWeightedAndNeverPickAZeroWeightRow() throws Exception {
        Path twos = WeightsData.mapWeights(WeightsData.iris(), "w", v -> 2, tmp, "twos.csv");
        List<RowBlock> blocks = WeightsData.blocks(twos, 40);
        for (String init : List.of("kmeans-parallel", "random")) {
            ModelDocument weighted = fit(blocks, init, W);
            ModelDocument plain = fit(blocks, init, -1);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(plain.centers()[c], weighted.centers()[c], 0.0, init + ": centres");
            }
            assertEquals(2 * plain.metrics().get("train").get("inertia"), weighted.metrics().get("train").get("inertia"),
                    init + ": inertia doubles");
            List<Number> doubled = new ArrayList<>();
            for (Object s : (List<?>) plain.summary().get("clusterSizes")) {
                doubled.add(2 * ((Number) s).longValue());
            }
            assertEquals(doubled, weighted.summary().get("clusterSizes"), init + ": sizes double");
        }
        List<RowBlock> seeded = WeightsData.blocks(WeightsData.iris(), 40);
        double[] w = weights();
        SortedMap<Long, double[]> hashed = new LocalPassRunner(seeded, 40).sample(
                new HashSampler(Iris.FEATURES, 60, 4, 0, W));
        double[] centres = {5, 3.4, 1.5, 0.2};
        SortedMap<Long, double[]> raced = new LocalPassRunner(seeded, 40).sample(
                new ParallelSampler(Iris.FEATURES, centres, 1, 60, 4, 2, W));
        for (SortedMap<Long, double[]> drawn : List.of(hashed, raced)) {
            assertTrue(drawn.size() >= 60);
            for (var e : drawn.entrySet()) {
                assertTrue(w[e.getKey().intValue()] > 0, "row " + e.getKey() + " has weight 0");
                assertEquals(w[e.getKey().intValue()], e.getValue()[4], "the drawn row carries its weight");
            }
        }
    }

    @Test
    void badWeightsAreRefusedAndAResumeWithOtherWeightsToo() {
        Path nan = WeightsData.edited(WeightsData.iris(), 140, "w", "NaN", tmp, "nan.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> fit(WeightsData.blocks(nan, 40), "kmeans-parallel", W));
        assertTrue(e.getMessage().contains("row 140, column 'w': weight NaN is negative or not finite"),
                e.getMessage());
        List<ModelDocument> checkpoints = new ArrayList<>();
        KMeansTrainer.fit(new LocalPassRunner(Iris.blocks(40), 40), Iris.FEATURES, Iris.NAMES,
                new KMeansOptions(3, 300, 0, "rows:0,50,100", 4), checkpoints::add, null);
        e = assertThrows(BadInputException.class, () -> KMeansTrainer.fit(
                new LocalPassRunner(WeightsData.blocks(WeightsData.iris(), 40), 40), Iris.FEATURES, Iris.NAMES,
                new KMeansOptions(3, 300, 0, "rows:0,50,100", 4), IterationListener.NONE, checkpoints.get(0), W,
                "w"));
        assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());
    }

    /**
     * Through the runtime: a live weighted model absorbs appended rows weighted (weights all 2: the same centres as
     * the unweighted live model, the centre weights doubled); appended rows with a negative weight are refused.
     */
    @Test
    void aLiveWeightedModelAbsorbsAppendsWeighted() throws Exception {
        Path twos = WeightsData.mapWeights(WeightsData.iris(), "w", v -> 2, tmp, "twos.csv");
        List<String> lines = Files.readAllLines(twos);
        Path first = Files.write(tmp.resolve("first.csv"), lines.subList(0, 101));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(101, lines.size()));
        Path second = Files.write(tmp.resolve("second.csv"), rest);
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        CsvLoader.load(catalog, first, "iris", CsvOptions.defaults().withBlockSize(40), null);
        KMeansOptions o = new KMeansOptions(2, 300, 0, "rows:0,60", 4);
        List<String> f = Iris.NAMES;
        ModelDocument a = FitDriver.fit(hz, "iris", "weighted", new KMeansSpec(f, "w", o, true, 0.5),
                FitControl.quiet());
        ModelDocument b = FitDriver.fit(hz, "iris", "plain", new KMeansSpec(f, null, o, true, 0.5),
                FitControl.quiet());
        assertEquals("w", a.extension("weights"));
        List<ModelDocument> updated = StreamingKMeans.onAppend(hz, DatasetAppender.appendCsv(catalog, "iris", second,
                null));
        ModelDocument ua = updated.stream().filter(m -> m.name().equals("weighted")).findFirst().orElseThrow();
        ModelDocument ub = updated.stream().filter(m -> m.name().equals("plain")).findFirst().orElseThrow();
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(ub.centers()[c], ua.centers()[c], 0.0, "centre " + c);
        }
        assertEquals("w", ua.extension("weights"), "the live model keeps its weight column");
        double[] wa = centreWeights(ua);
        double[] wb = centreWeights(ub);
        for (int c = 0; c < 2; c++) {
            assertEquals(2 * wb[c], wa[c], "weight " + c);
        }
        List<String> bad = new ArrayList<>(List.of(lines.get(0)));
        bad.add(lines.get(3).replaceAll(",[0-9.]+$", ",-1"));
        DatasetAppender.Appended appended = DatasetAppender.appendCsv(catalog, "iris",
                Files.write(tmp.resolve("bad.csv"), bad), null);
        long before = ModelStore.forInstance(hz).get("weighted").version();
        BadInputException e = assertThrows(BadInputException.class, () -> StreamingKMeans.onAppend(hz, appended));
        assertTrue(e.getMessage().contains("negative or non-finite weight in 'w'"), e.getMessage());
        assertEquals(before, ModelStore.forInstance(hz).get("weighted").version(), "nothing published");
    }
}
