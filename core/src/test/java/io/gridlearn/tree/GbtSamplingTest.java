package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.OptionException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code subsample} and {@code colsample_bytree}: the row sample is a function of the row id, the tree and the seed
 * (each tree's root cover is the count of the rows the hash keeps), the feature sample of the tree and the seed
 * (every split is on one of the tree's features), the model is the same bytes on 1, 2 and 3 members, and the
 * held-out metric is within 5% of XGBoost 1.7.4's with the same shares (means over ten seeds on each side,
 * {@code oracles/make_gbt_sampling_oracles.py}).
 */
class GbtSamplingTest {
    static final double SLACK = 1.05;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    static JsonNode oracles() throws IOException {
        return Json.mapper().readTree(GbtTestData.path("/oracles/gbt_sampling_oracles.json").toFile());
    }

    @Test
    void rowDrawsAreIndependentWithTheGivenShare() {
        int n = 200_000;
        for (double share : new double[] {0.1, 0.5, 0.8}) {
            int in = 0;
            int both = 0;
            for (long id = 0; id < n; id++) {
                boolean a = HistogramAggregator.inSubsample(id, 3, 42, share);
                boolean b = HistogramAggregator.inSubsample(id, 4, 42, share);
                in += a ? 1 : 0;
                both += a && b ? 1 : 0;
            }
            double sd = Math.sqrt(share * (1 - share) / n);
            assertEquals(share, in / (double) n, 5 * sd, "share kept");
            assertEquals(share * share, both / (double) n, 5 * Math.sqrt(share * share / n), "two trees independent");
        }
        for (long id = 0; id < 1000; id++) {
            assertTrue(HistogramAggregator.inSubsample(id, 0, 1, 1.0), "share 1 keeps every row");
        }
    }

    @Test
    void featureDrawsPickTheShareOfFeaturesPerTree() {
        assertEquals(null, GbtTrainer.treeFeatures(10, 1.0, 0, 42), "share 1: every feature, nothing drawn");
        Set<String> seen = new HashSet<>();
        int[] counts = new int[10];
        for (int t = 0; t < 2000; t++) {
            int[] f = GbtTrainer.treeFeatures(10, 0.35, t, 42);
            assertEquals(3, f.length, "floor(0.35 * 10)");
            for (int i = 1; i < f.length; i++) {
                assertTrue(f[i] > f[i - 1], "ascending and distinct " + Arrays.toString(f));
            }
            for (int j : f) {
                counts[j]++;
            }
            seen.add(Arrays.toString(f));
        }
        assertTrue(seen.size() > 100, "trees draw different sets: " + seen.size() + " of 120");
        for (int c : counts) {
            assertEquals(600, c, 5 * Math.sqrt(2000 * 0.3 * 0.7), "each feature in about 30% of the trees");
        }
        assertEquals(1, GbtTrainer.treeFeatures(10, 0.01, 0, 42).length, "at least one feature");
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < 20; t++) {
            a.append(Arrays.toString(GbtTrainer.treeFeatures(10, 0.5, t, 1)));
            b.append(Arrays.toString(GbtTrainer.treeFeatures(10, 0.5, t, 2)));
        }
        assertNotEquals(a.toString(), b.toString(), "another seed, other draws");
    }

    @Test
    void treesAreGrownOnTheHashedRowsAndSplitOnTheDrawnFeatures() throws Exception {
        GbtGridTest g = new GbtGridTest();
        g.tmp = tmp;
        GbtTestData.Local data = GbtGridTest.local(g.synthetic(false));
        List<String> features = List.of("x0", "x1", "x2", "x3");
        GbtOptions o = GbtOptions.of(Objective.SQUARED_ERROR).withTrees(6).withSubsample(0.6).withColsampleBytree(0.5);
        long seed = 9;
        ModelDocument m = new GbtTrainer(data.runner(), data.cols(features), data.col("y"), GbtGridTest.BLOCK,
                features, "y", o, seed).fit(null, null);
        List<Tree> trees = GbtModel.trees(m, 4);
        for (int t = 0; t < trees.size(); t++) {
            long kept = 0;
            for (long id = 0; id < data.rows(); id++) {
                kept += HistogramAggregator.inSubsample(id, t, seed, 0.6) ? 1 : 0;
            }
            assertEquals(kept, trees.get(t).cover[0], 0.0, "tree " + t + ": root cover = rows kept (h = 1)");
            int[] allowed = GbtTrainer.treeFeatures(4, 0.5, t, seed);
            Tree tree = trees.get(t);
            int splits = 0;
            for (int i = 0; i < tree.size; i++) {
                if (!tree.isLeaf(i)) {
                    splits++;
                    int f = tree.feature[i];
                    assertTrue(Arrays.stream(allowed).anyMatch(a -> a == f), "tree " + t + " splits on " + f
                            + ", drawn " + Arrays.toString(allowed));
                }
            }
            assertTrue(splits > 0);
        }
        String full = GbtOracleTest.json(new GbtTrainer(data.runner(), data.cols(features), data.col("y"),
                GbtGridTest.BLOCK, features, "y", o.withSubsample(1).withColsampleBytree(1), seed).fit(null, null));
        String plain = GbtOracleTest.json(new GbtTrainer(data.runner(), data.cols(features), data.col("y"), features,
                "y", o.withSubsample(1).withColsampleBytree(1)).fit(null, null));
        assertEquals(plain, full, "shares of 1 draw nothing: the unsampled trees whatever the seed");
        assertNotEquals(full, GbtOracleTest.json(m));
        String other = GbtOracleTest.json(new GbtTrainer(data.runner(), data.cols(features), data.col("y"),
                GbtGridTest.BLOCK, features, "y", o, seed + 1).fit(null, null));
        assertNotEquals(other, GbtOracleTest.json(m), "another seed, other samples");
    }

    @Test
    void sampledModelsAreTheSameOnOneTwoAndThreeMembers() throws Exception {
        GbtGridTest g = new GbtGridTest();
        g.tmp = tmp;
        for (boolean logistic : new boolean[] {false, true}) {
            Path csv = g.synthetic(logistic);
            GbtTestData.Local data = GbtGridTest.local(csv);
            List<String> features = List.of("x0", "x1", "x2", "x3");
            GbtOptions o = GbtOptions.of(logistic ? Objective.LOGISTIC : Objective.SQUARED_ERROR).withTrees(8)
                    .withSubsample(0.7).withColsampleBytree(0.75);
            String want = GbtOracleTest.json(new GbtTrainer(data.runner(), data.cols(features), data.col("y"),
                    GbtGridTest.BLOCK, features, "y", o, 5).fit(null, null));
            for (int members = 1; members <= 3; members++) {
                HazelcastInstance[] grid = TestGrids.start(factory, members);
                DatasetCatalog catalog = new DatasetCatalog(grid[0]);
                CsvLoader.load(catalog, csv, "syn", CsvOptions.defaults().withBlockSize(GbtGridTest.BLOCK), null);
                ModelDocument m = FitDriver.fit(grid[0], "syn", "gbt-sampled", new GbtSpec("y", features, o, 5),
                        FitControl.quiet());
                assertEquals(want, GbtOracleTest.json(m), (logistic ? "logistic" : "squared error") + " on "
                        + members + " members");
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> opts = (java.util.Map<String, Object>) m.provenance().get("options");
                assertEquals(0.7, ((Number) opts.get("subsample")).doubleValue());
                assertEquals(0.75, ((Number) opts.get("colsampleBytree")).doubleValue());
                factory.terminateAll();
            }
        }
    }

    @Test
    void heldOutMetricIsWithinFivePercentOfXgboostOverTenSeeds() throws IOException {
        JsonNode or = oracles();
        double sub = or.path("params").path("subsample").asDouble();
        double col = or.path("params").path("colsample_bytree").asDouble();
        for (String name : List.of("breast_cancer", "diabetes")) {
            JsonNode c = or.path("cases").path(name);
            boolean logistic = c.path("objective").asText().equals("logistic");
            GbtTestData.Local train = GbtTestData.local("/oracles/" + c.path("train_file").asText(), 40);
            GbtTestData.Local test = GbtTestData.local("/oracles/" + c.path("test_file").asText(), 40);
            List<String> features = train.featuresBut("target");
            GbtOptions o = GbtOptions.of(logistic ? Objective.LOGISTIC : Objective.SQUARED_ERROR).withSubsample(sub)
                    .withColsampleBytree(col);
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            int seeds = or.path("seeds").size();
            for (int s = 0; s < seeds; s++) {
                ModelDocument m = new GbtTrainer(train.runner(), train.cols(features), train.col("target"), 40,
                        features, "target", o, s).fit(null, null);
                double v = logistic ? GbtTestData.logLoss(m, test, "target") : GbtTestData.rmse(m, test, "target");
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double ours = sum / seeds;
            double xgb = c.path("mean").asDouble();
            System.out.printf("gbt sampling oracle %-14s %s mean of %d seeds: gridlearn %.6f (%.4f … %.4f),"
                            + " XGBoost %s %.6f (%.4f … %.4f), ratio %.4f%n", name, c.path("metric").asText(), seeds,
                    ours, lo, hi, or.path("xgboost").asText(), xgb, c.path("min").asDouble(),
                    c.path("max").asDouble(), ours / xgb);
            assertTrue(ours <= SLACK * xgb, name + ": gridlearn " + ours + " vs XGBoost " + xgb);
        }
    }

    @Test
    void sharesOutOfRangeAreRefusedNamingTheOption() {
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC);
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            OptionException e = assertThrows(OptionException.class, () -> o.withSubsample(bad));
            assertTrue(e.getMessage().contains("subsample"), e.getMessage());
            e = assertThrows(OptionException.class, () -> o.withColsampleBytree(bad));
            assertTrue(e.getMessage().contains("colsampleBytree"), e.getMessage());
        }
    }
}
