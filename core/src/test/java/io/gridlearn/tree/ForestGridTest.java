package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.PredictionType;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same forest on 1, 2 and 3 members as in one JVM, on seeded data with missing values and every binning
 * branch; in-grid prediction is the local predictor's bits; the memory budgets (nodes per pass, parents kept for
 * subtraction) change the pass count but not the forest; the bootstrap counts are Poisson(1).
 */
class ForestGridTest {
    static final int ROWS = 3000;
    static final int BLOCK = 256;
    static final List<String> FEATURES = List.of("x0", "x1", "x2", "x3");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** As {@link GbtGridTest#synthetic}: x0 continuous, x1 300 levels, x2 5 levels with ~20% missing, x3 ~10% missing. */
    Path synthetic(boolean classifier) throws IOException {
        Random rnd = new Random(20261205);
        List<String> lines = new ArrayList<>();
        lines.add("x0,x1,x2,x3,y");
        for (int i = 0; i < ROWS; i++) {
            double x0 = rnd.nextGaussian() * 3 + 1;
            int x1 = rnd.nextInt(300);
            boolean m2 = rnd.nextDouble() < 0.2;
            int x2 = rnd.nextInt(5);
            boolean m3 = rnd.nextDouble() < 0.1;
            double x3 = rnd.nextDouble() * 10;
            double f = Math.sin(x0) + x1 / 100.0 + (m2 ? 2 : x2 * 0.3) + (m3 ? -1 : x3 / 5) + rnd.nextGaussian() * 0.3;
            String y = classifier ? (f > 2.5 ? "1" : "0") : Double.toString(f);
            lines.add(x0 + "," + x1 + "," + (m2 ? "" : Integer.toString(x2)) + "," + (m3 ? "NA" : Double.toString(x3))
                    + "," + y);
        }
        Path p = tmp.resolve(classifier ? "syn-gini.csv" : "syn-regression.csv");
        Files.write(p, lines);
        return p;
    }

    static ModelDocument reference(GbtTestData.Local data, ForestOptions o, long seed, long passLongs, long kept) {
        return new ForestTrainer(data.runner(), data.cols(FEATURES), data.col("y"), data.blockSize(), FEATURES, "y",
                o, seed).budgets(passLongs, kept).fit();
    }

    /** The trees of a model as JSON (the summary, which counts the passes, left out). */
    static String trees(ModelDocument m) throws IOException {
        return io.gridlearn.util.Json.mapper().writeValueAsString(m.extension("trees"));
    }

    @Test
    void forestsWithMissingValuesAreTheSameOnOneTwoAndThreeMembersAndPredictTheSameBits() throws Exception {
        for (boolean classifier : new boolean[] {false, true}) {
            Path csv = synthetic(classifier);
            GbtTestData.Local data = GbtGridTest.local(csv);
            ForestOptions o = ForestOptions.of(classifier ? ForestObjective.GINI : ForestObjective.SQUARED_ERROR)
                    .withTrees(12).withMaxDepth(10);
            ModelDocument ref = reference(data, o, 7, ForestTrainer.PASS_LONGS, ForestTrainer.KEPT_LONGS);
            String want = GbtOracleTest.json(ref);
            assertTrue(want.contains("true"), "some split sends missing values left");
            assertEquals(12, ForestModel.trees(ref, 4).size());
            RowPredictor local = new ForestLearner().predictor(ref);
            for (int members = 1; members <= 3; members++) {
                HazelcastInstance[] grid = TestGrids.start(factory, members);
                DatasetCatalog catalog = new DatasetCatalog(grid[0]);
                CsvLoader.load(catalog, csv, "syn", CsvOptions.defaults().withBlockSize(BLOCK), null);
                ModelDocument m = FitDriver.fit(grid[0], "syn", "rf-syn", new ForestSpec("y", FEATURES, o, 7),
                        FitControl.quiet());
                String what = (classifier ? "gini" : "squared error") + " on " + members + " members";
                assertEquals(want, GbtOracleTest.json(m), what);
                DatasetSchema scored = GridScoring.predictInto(grid[0], m, "syn", "syn-pred", PredictionType.RESPONSE);
                int checked = 0;
                int row = 0;
                for (RowBlock b : new TreeMap<>(catalog.blocks(scored)).values()) {
                    for (int r = 0; r < b.rows(); r++, row++) {
                        double[] x = new double[4];
                        boolean finite = true;
                        for (int j = 0; j < 4; j++) {
                            x[j] = data.blocks().get(row / BLOCK).get(r, data.col(FEATURES.get(j)));
                            finite &= Double.isFinite(x[j]);
                        }
                        if (finite) {
                            assertEquals(Double.doubleToRawLongBits(local.predict(x)),
                                    Double.doubleToRawLongBits(b.get(r, 0)), "row " + row + ": the local bits, " + what);
                            checked++;
                        }
                    }
                }
                assertTrue(checked > ROWS / 2, "rows compared: " + checked);
                factory.terminateAll();
            }
        }
    }

    @Test
    void memoryBudgetsChangeThePassesButNotTheForest() throws Exception {
        GbtTestData.Local data = GbtGridTest.local(synthetic(false));
        ForestOptions o = ForestOptions.of(ForestObjective.SQUARED_ERROR).withTrees(6).withMaxDepth(12);
        ModelDocument wide = reference(data, o, 3, ForestTrainer.PASS_LONGS, ForestTrainer.KEPT_LONGS);
        // one node per pass, and no parent kept (every child built directly)
        ModelDocument narrow = reference(data, o, 3, 1, 0);
        // a few nodes per pass, a few parents kept
        int width = 3 * (int) java.util.Arrays.stream((int[]) wide.summary().get("bins")).mapToLong(b -> b + 1).sum();
        ModelDocument mid = reference(data, o, 3, 7L * width, 5L * width);
        String want = trees(wide);
        assertEquals(want, trees(narrow));
        assertEquals(want, trees(mid));
        int passes = (int) wide.summary().get("histogramPasses");
        int depth = (int) wide.summary().get("depth");
        System.out.printf("forest passes: 6 trees to depth %d, %d leaves: %d histogram passes (one node per pass:"
                + " %s; 7 per pass: %s)%n", depth, wide.summary().get("leaves"), passes,
                narrow.summary().get("histogramPasses"), mid.summary().get("histogramPasses"));
        assertEquals(12, depth, "grown to the depth limit");
        // the default budget holds every open node of a level of the six trees: one pass per level that has a node
        // to split (levels 0 … depth − 1)
        assertEquals(depth, passes, "all trees' open nodes share a pass per level");
        assertTrue((int) narrow.summary().get("histogramPasses") > 6 * depth, "one node per pass");
        assertNotEquals(want, trees(reference(data, o, 4, ForestTrainer.PASS_LONGS,
                ForestTrainer.KEPT_LONGS)), "another seed, another forest");
    }

    @Test
    void treesRespectDepthAndMinChildWeight() throws Exception {
        GbtTestData.Local data = GbtGridTest.local(synthetic(true));
        ForestOptions o = ForestOptions.of(ForestObjective.GINI).withTrees(5).withMaxDepth(4).withMinChildWeight(30);
        ModelDocument m = reference(data, o, 1, ForestTrainer.PASS_LONGS, ForestTrainer.KEPT_LONGS);
        assertEquals(2, m.summary().get("featuresPerSplit"), "floor(sqrt(4))");
        for (Tree t : ForestModel.trees(m, 4)) {
            for (int i = 0; i < t.size; i++) {
                assertTrue(t.cover[i] >= 30, "cover " + t.cover[i]);
                assertTrue(t.value[i] >= 0 && t.value[i] <= 1, "a share of class 1");
                if (!t.isLeaf(i)) {
                    assertTrue(t.depth[t.left[i]] <= 4);
                }
            }
            assertTrue(t.size > 1);
        }
    }

    @Test
    void bootstrapCountsArePoissonOne() {
        int n = 200_000;
        long[] counts = new long[ForestHistogramAggregator.MAX_COUNT + 1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = ForestHistogramAggregator.bootstrap(i, 3, 42);
            counts[k]++;
            sum += k;
        }
        double p = Math.exp(-1);
        for (int k = 0; k <= 4; k++) {
            double want = n * p;
            double sd = Math.sqrt(want);
            assertTrue(Math.abs(counts[k] - want) < 5 * sd, "count " + k + ": " + counts[k] + " vs " + want);
            p /= k + 1;
        }
        assertEquals(1.0, sum / n, 0.01, "mean count");
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            same += ForestHistogramAggregator.bootstrap(i, 0, 42) == ForestHistogramAggregator.bootstrap(i, 1, 42) ? 1
                    : 0;
        }
        // two independent Poisson(1): P(equal) = e^-2 Σ 1/(k!)² ≈ 0.3085
        assertEquals(0.3085, same / 10_000.0, 0.03, "trees draw independently");
    }
}
