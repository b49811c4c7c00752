package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.OptionException;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --test-fraction} and {@code --early-stopping-rounds}: the held-out rows are the ones
 * {@link RowGrouping} picks (the same rows XGBoost is given in {@code oracles/make_gbt_early_stopping_oracles.py}),
 * they are not fitted, their score after every tree is the model's on them, the fit stops by XGBoost's rule and
 * keeps the trees up to the best round, the held-out metrics are within 5% of XGBoost 1.7.4's, and the model is
 * the same bytes on 1, 2 and 3 members.
 */
class GbtEarlyStoppingTest {
    static final double SLACK = 1.05;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    static JsonNode oracles() throws IOException {
        return Json.mapper().readTree(GbtTestData.path("/oracles/gbt_early_stopping_oracles.json").toFile());
    }

    static GbtOptions options(JsonNode or, JsonNode c) {
        Objective obj = c.path("objective").asText().equals("logistic") ? Objective.LOGISTIC : Objective.SQUARED_ERROR;
        return GbtOptions.of(obj).withTrees(or.path("max_rounds").asInt())
                .withTestFraction(or.path("test_fraction").asDouble())
                .withEarlyStoppingRounds(or.path("early_stopping_rounds").asInt());
    }

    static ModelDocument fit(GbtTestData.Local d, GbtOptions o, long seed) {
        List<String> features = d.featuresBut("target");
        return new GbtTrainer(d.runner(), d.cols(features), d.col("target"), d.blockSize(), features, "target", o,
                seed).fit(null, null);
    }

    static double[] scores(ModelDocument m) {
        Object s = m.summary().get("testScores");
        if (s instanceof double[] a) {
            return a;
        }
        return ((List<?>) s).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    static int integer(ModelDocument m, String key) {
        return ((Number) m.summary().get(key)).intValue();
    }

    @Test
    void heldOutMetricsAreWithinFivePercentOfXgboostsEarlyStopping() throws IOException {
        JsonNode or = oracles();
        for (String name : List.of("breast_cancer", "diabetes")) {
            JsonNode c = or.path("cases").path(name);
            GbtTestData.Local train = GbtTestData.local("/oracles/" + c.path("train_file").asText(), 40);
            GbtTestData.Local test = GbtTestData.local("/oracles/" + c.path("test_file").asText(), 40);
            RowGrouping g = new RowGrouping(or.path("test_fraction").asDouble(), 0, or.path("seed").asLong());
            int held = 0;
            for (long id = 0; id < train.rows(); id++) {
                held += g.group(id) == g.testGroup() ? 1 : 0;
            }
            assertEquals(c.path("rows_held_out").asInt(), held, name + ": the script held out the same rows");
            GbtOptions o = options(or, c);
            ModelDocument m = fit(train, o, or.path("seed").asLong());
            boolean logistic = o.objective() == Objective.LOGISTIC;
            double best = ((Number) m.summary().get("bestScore")).doubleValue();
            double outside = logistic ? GbtTestData.logLoss(m, test, "target") : GbtTestData.rmse(m, test, "target");
            double xBest = c.path("best_score").asDouble();
            double xTest = c.path("test_metric_at_best").asDouble();
            System.out.printf("gbt early stopping %-14s %s: gridlearn best round %d of %d fitted, held out %.6f,"
                            + " test file %.6f; XGBoost %s best round %d of %d, held out %.6f, test file %.6f;"
                            + " ratios %.4f %.4f%n", name, c.path("metric").asText(), integer(m, "bestIteration"),
                    integer(m, "treesFitted"), best, outside, or.path("xgboost").asText(),
                    c.path("best_iteration").asInt(), c.path("rounds_fitted").asInt(), xBest, xTest, best / xBest,
                    outside / xTest);
            assertTrue(best <= SLACK * xBest, name + " held out: " + best + " vs XGBoost " + xBest);
            assertTrue(outside <= SLACK * xTest, name + " test file: " + outside + " vs XGBoost " + xTest);
        }
    }

    @Test
    void theFitStopsByXgboostsRuleAndKeepsTheTreesUpToTheBestRound() throws Exception {
        GbtTestData.Local train = GbtTestData.local("/oracles/gbt/breast_cancer_train.csv", 40);
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC).withTrees(100).withTestFraction(0.25)
                .withEarlyStoppingRounds(5);
        ModelDocument m = fit(train, o, 42);
        double[] s = scores(m);
        int best = integer(m, "bestIteration");
        int fitted = integer(m, "treesFitted");
        assertEquals(fitted, s.length, "one held-out score per tree fitted");
        int want = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] < s[want]) {
                want = i;
            }
        }
        assertEquals(want, best, "the first strictly lowest score");
        assertTrue(fitted < 100, "it stopped early: " + fitted);
        assertEquals(best + 5 + 1, fitted, "stopped 5 rounds after the best");
        assertEquals(best + 1, integer(m, "trees"), "the trees up to the best round are kept");
        assertEquals(Boolean.TRUE, m.summary().get("stoppedEarly"));
        assertEquals("logloss", m.summary().get("testMetric"));

        // the kept trees are the first trees of a fit that does not stop, with the same held-out share
        ModelDocument all = fit(train, o.withEarlyStoppingRounds(0).withTrees(fitted), 42);
        List<?> allTrees = (List<?>) all.extension("trees");
        List<?> kept = (List<?>) m.extension("trees");
        assertEquals(fitted, allTrees.size());
        assertEquals(Json.mapper().writeValueAsString(allTrees.subList(0, best + 1)),
                Json.mapper().writeValueAsString(kept), "a prefix of the full fit");
        assertEquals(java.util.Arrays.toString(s), java.util.Arrays.toString(scores(all)), "the same scores");

        // the best score is the kept model's log loss on the held-out rows
        RowGrouping g = new RowGrouping(0.25, 0, 42);
        RowPredictor p = new GbtLearner().predictor(m);
        double[] y = new double[train.rows()];
        double[][] x = train.rows(m.features(), "target", y);
        double loss = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (g.group(i) == g.testGroup()) {
                double p1 = Math.min(Math.max(p.probabilities(x[i])[1], 1e-16), 1 - 1e-16);
                loss -= y[i] * Math.log(p1) + (1 - y[i]) * Math.log(1 - p1);
                n++;
            }
        }
        assertEquals(loss / n, s[best], 1e-12, "held-out log loss of the kept model");
    }

    @Test
    void heldOutRowsAreNotFitted() throws Exception {
        GbtTestData.Local train = GbtTestData.local("/oracles/gbt/diabetes_train.csv", 40);
        GbtOptions o = GbtOptions.of(Objective.SQUARED_ERROR).withTrees(10).withTestFraction(0.3);
        ModelDocument m = fit(train, o, 7);
        // the same rows with every held-out label and feature changed
        RowGrouping g = new RowGrouping(0.3, 0, 7);
        List<io.gridlearn.data.RowBlock> changed = new ArrayList<>();
        for (io.gridlearn.data.RowBlock b : train.blocks()) {
            double[] v = b.values().clone();
            for (int r = 0; r < b.rows(); r++) {
                if (g.group((long) b.blockId() * 40 + r) == g.testGroup()) {
                    for (int c = 0; c < train.names().size(); c++) {
                        v[b.columnOffset(c) + r] = 1e6 + r;
                    }
                }
            }
            changed.add(new io.gridlearn.data.RowBlock(b.blockId(), b.rows(), train.names().size(), v));
        }
        ModelDocument other = fit(new GbtTestData.Local(train.names(), changed, 40), o, 7);
        assertEquals(GbtWeightsTest.trees(m), GbtWeightsTest.trees(other),
                "the held-out rows change no tree");
        assertNotEquals(java.util.Arrays.toString(scores(m)), java.util.Arrays.toString(scores(other)),
                "but their scores");
        assertEquals(10, scores(m).length);
        assertEquals("rmse", m.summary().get("testMetric"));
        ModelDocument everyRow = fit(train, o.withTestFraction(0), 7);
        assertNotEquals(GbtWeightsTest.trees(everyRow), GbtWeightsTest.trees(m));
    }

    @Test
    void earlyStoppedModelsAreTheSameOnOneTwoAndThreeMembers() throws Exception {
        JsonNode or = oracles();
        JsonNode c = or.path("cases").path("breast_cancer");
        GbtOptions o = options(or, c).withSubsample(0.9);
        java.nio.file.Path csv = GbtTestData.path("/oracles/" + c.path("train_file").asText());
        String want = GbtOracleTest.json(fit(GbtTestData.local("/oracles/" + c.path("train_file").asText(), 40), o,
                42));
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            CsvLoader.load(catalog, csv, "bc", CsvOptions.defaults().withBlockSize(40), null);
            ModelDocument m = FitDriver.fit(grid[0], "bc", "gbt-early", new GbtSpec("target", null, o, 42),
                    FitControl.quiet());
            assertEquals(want, GbtOracleTest.json(m), members + " members");
            factory.terminateAll();
        }
    }

    @Test
    void earlyStoppingNeedsAHeldOutShare() {
        OptionException e = assertThrows(OptionException.class, () -> GbtOptions.of(Objective.LOGISTIC)
                .withEarlyStoppingRounds(5).checked());
        assertTrue(e.getMessage().contains("earlyStoppingRounds needs a held-out share"), e.getMessage());
        assertThrows(OptionException.class, () -> GbtOptions.of(Objective.LOGISTIC).withTestFraction(1));
        assertThrows(OptionException.class, () -> GbtOptions.of(Objective.LOGISTIC).withEarlyStoppingRounds(-1));
    }
}
