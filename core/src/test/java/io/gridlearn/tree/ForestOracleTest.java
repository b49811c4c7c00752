package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality against scikit-learn 1.2.1's {@code RandomForestClassifier}/{@code RandomForestRegressor} with the
 * same settings on the same fixed splits (oracles/forest_oracles.json, written by
 * oracles/make_forest_oracles.py from the splits in oracles/gbt/): the two forests draw different random numbers,
 * so the comparison is of the mean held-out metric over ten seeds on each side (scikit-learn's
 * {@code random_state} 0…9, gridlearn's {@code seed} 0…9). Then the single-JVM reference fit and the grid's fit on
 * 1, 2 and 3 members are the same model JSON, byte for byte, and the grid's {@code evaluate} gives the reference's
 * numbers.
 */
class ForestOracleTest {
    /**
     * Not worse than scikit-learn's mean by more than this ratio. The issue asks for 2%; scikit-learn's own spread
     * over its ten seeds is larger (log loss 0.126 … 0.147, RMSE 54.6 … 57.9 in the oracle file), which is why
     * means are compared.
     */
    static final double SLACK = 1.02;
    static final int SEEDS = 10;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    static JsonNode oracles() {
        try {
            return Json.mapper().readTree(GbtTestData.path("/oracles/forest_oracles.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Case(String name, JsonNode oracle, ForestObjective objective, String metric) {
        String train() {
            return "/oracles/" + oracle.path("train_file").asText();
        }

        String test() {
            return "/oracles/" + oracle.path("test_file").asText();
        }

        String target() {
            return oracle.path("target").asText();
        }

        ForestSpec spec(long seed) {
            return new ForestSpec(target(), null, ForestOptions.of(objective), seed);
        }
    }

    static List<Case> cases() {
        JsonNode cs = oracles().path("cases");
        return List.of(new Case("breast_cancer", cs.path("breast_cancer"), ForestObjective.GINI, "test_logloss"),
                new Case("diabetes", cs.path("diabetes"), ForestObjective.SQUARED_ERROR, "test_rmse"));
    }

    static ModelDocument reference(Case c, long seed) {
        GbtTestData.Local train = GbtTestData.local(c.train(), 40);
        List<String> features = train.featuresBut(c.target());
        return new ForestTrainer(train.runner(), train.cols(features), train.col(c.target()), train.blockSize(),
                features, c.target(), c.spec(seed).options(), seed).fit();
    }

    static double logLoss(ModelDocument m, GbtTestData.Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new ForestLearner().predictor(m);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double p1 = Math.min(Math.max(p.probabilities(x[i])[1], 1e-15), 1 - 1e-15);
            s -= y[i] * Math.log(p1) + (1 - y[i]) * Math.log(1 - p1);
        }
        return s / x.length;
    }

    static double accuracy(ModelDocument m, GbtTestData.Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new ForestLearner().predictor(m);
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += p.predict(x[i]) == y[i] ? 1 : 0;
        }
        return (double) right / x.length;
    }

    static double rmse(ModelDocument m, GbtTestData.Local data, String target) {
        double[] y = new double[data.rows()];
        double[][] x = data.rows(m.features(), target, y);
        RowPredictor p = new ForestLearner().predictor(m);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - p.predict(x[i]);
            s += e * e;
        }
        return Math.sqrt(s / x.length);
    }

    static double heldOut(Case c, ModelDocument m) {
        GbtTestData.Local test = GbtTestData.local(c.test(), 40);
        return c.metric().equals("test_logloss") ? logLoss(m, test, c.target()) : rmse(m, test, c.target());
    }

    static String json(ModelDocument m) {
        return GbtOracleTest.json(m);
    }

    @Test
    void meanHeldOutLossOverTenSeedsIsWithinTwoPercentOfScikitLearns() {
        for (Case c : cases()) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double acc = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                ModelDocument m = reference(c, seed);
                if (seed == 0) {
                    System.out.printf("forest %s: 100 trees, depth %s, %s leaves, %s histogram passes%n", c.name(),
                            m.summary().get("depth"), m.summary().get("leaves"), m.summary().get("histogramPasses"));
                }
                double v = heldOut(c, m);
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (c.objective().classifier()) {
                    acc += accuracy(m, GbtTestData.local(c.test(), 40), c.target());
                }
            }
            double ours = sum / SEEDS;
            double sk = c.oracle().path(c.metric()).asDouble();
            System.out.printf("forest oracle %-14s %s over %d seeds: gridlearn mean %.6f (%.6f … %.6f),"
                    + " scikit-learn %s mean %.6f (%.6f … %.6f), ratio %.4f%s%n", c.name(), c.metric(), SEEDS, ours,
                    lo, hi, oracles().path("sklearn").asText(), sk, c.oracle().path(c.metric() + "_min").asDouble(),
                    c.oracle().path(c.metric() + "_max").asDouble(), ours / sk, c.objective().classifier()
                            ? String.format("; accuracy %.4f vs %.4f", acc / SEEDS,
                            c.oracle().path("test_accuracy").asDouble()) : "");
            assertTrue(ours <= SLACK * sk, c.name() + " " + c.metric() + ": gridlearn " + ours + " vs scikit-learn "
                    + sk);
        }
    }

    /**
     * The model's {@code summary.importance} (mean decrease in impurity) against scikit-learn's
     * {@code feature_importances_}, both averaged over the ten seeds: the forests draw different random numbers and
     * split on different candidates (bins against midpoints), so the check is loose: the importances sum to 1, the
     * three most important features of scikit-learn's are among gridlearn's five, and the L1 distance of the two
     * vectors (at most 2) is below 0.2.
     */
    @Test
    void featureImportanceIsScikitLearnsMeanDecreaseInImpurity() {
        for (Case c : cases()) {
            JsonNode sk = c.oracle().path("feature_importances");
            int d = sk.size();
            double[] ours = new double[d];
            for (long seed = 0; seed < SEEDS; seed++) {
                double[] imp = (double[]) reference(c, seed).summary().get("importance");
                assertEquals(d, imp.length);
                double total = 0;
                for (int j = 0; j < d; j++) {
                    assertTrue(imp[j] >= 0, "importance " + j + ": " + imp[j]);
                    total += imp[j];
                    ours[j] += imp[j] / SEEDS;
                }
                assertEquals(1.0, total, 1e-12, "importances sum to 1");
            }
            double l1 = 0;
            for (int j = 0; j < d; j++) {
                l1 += Math.abs(ours[j] - sk.path(j).asDouble());
            }
            List<Integer> skTop = top(d, j -> sk.path(j).asDouble(), 3);
            List<Integer> ourTop = top(d, j -> ours[j], 5);
            System.out.printf("forest importance %-14s L1 distance to scikit-learn %.4f; scikit-learn's top 3 %s,"
                    + " gridlearn's top 5 %s%n", c.name(), l1, skTop, ourTop);
            assertTrue(ourTop.containsAll(skTop), c.name() + ": scikit-learn's top 3 " + skTop + " in gridlearn's"
                    + " top 5 " + ourTop);
            assertTrue(l1 < 0.2, c.name() + ": L1 distance " + l1);
        }
    }

    private static List<Integer> top(int d, java.util.function.IntToDoubleFunction v, int k) {
        return java.util.stream.IntStream.range(0, d).boxed()
                .sorted((a, b) -> Double.compare(v.applyAsDouble(b), v.applyAsDouble(a))).limit(k).toList();
    }

    @Test
    void gridModelIsTheReferenceOnOneTwoAndThreeMembers() {
        List<Case> cases = cases();
        Map<String, String> reference = new LinkedHashMap<>();
        Map<String, Double> referenceMetric = new LinkedHashMap<>();
        for (Case c : cases) {
            ModelDocument m = reference(c, 42);
            reference.put(c.name(), json(m));
            referenceMetric.put(c.name(), heldOut(c, m));
        }
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            for (Case c : cases) {
                CsvLoader.load(catalog, GbtTestData.path(c.train()), c.name(), CsvOptions.defaults().withBlockSize(40),
                        null);
                CsvLoader.load(catalog, GbtTestData.path(c.test()), c.name() + "-test",
                        CsvOptions.defaults().withBlockSize(40), null);
                ModelDocument m = FitDriver.fit(grid[0], c.name(), "rf-" + c.name().replace('_', '-'), c.spec(42),
                        FitControl.quiet());
                assertEquals(reference.get(c.name()), json(m), c.name() + " on " + members + " members");
                Map<String, Object> ev = GridScoring.evaluateAny(grid[0], m, c.name() + "-test");
                double got = ((Number) ev.get(c.metric().equals("test_logloss") ? "logLoss" : "rmse")).doubleValue();
                double want = referenceMetric.get(c.name());
                assertTrue(Math.abs(got - want) <= 1e-12 * want, c.name() + " evaluate on " + members
                        + " members: " + got + " vs the reference's " + want);
            }
            factory.terminateAll();
        }
    }
}
