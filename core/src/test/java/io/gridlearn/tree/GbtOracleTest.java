package io.gridlearn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accuracy against XGBoost 1.7.4 {@code hist} with the same settings (oracles/gbt_oracles.json, written by
 * oracles/make_gbt_oracles.py on the fixed splits in oracles/gbt/): the held-out log loss (breast cancer,
 * logistic) and RMSE (diabetes, squared error) of the default fit are not worse than XGBoost's by more than 5%;
 * so is the multiclass log loss of a softmax fit on iris against {@code multi:softprob}
 * (oracles/gbt_softmax_oracles.json, oracles/make_gbt_softmax_oracles.py), whose accuracy is also not below
 * XGBoost's by more than one held-out row.
 * The single-JVM reference fit and the grid's fit on 1, 2 and 3 members are the same model JSON, byte for byte,
 * and the grid's {@code evaluate} of it on the held-out rows gives the reference's numbers.
 */
class GbtOracleTest {
    /** The target: not worse than XGBoost by more than 5%. */
    static final double SLACK = 1.05;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    record Case(String name, JsonNode oracle, GbtSpec spec, String metric) {
        String train() {
            return "/oracles/" + oracle.path("train_file").asText();
        }

        String test() {
            return "/oracles/" + oracle.path("test_file").asText();
        }

        String target() {
            return oracle.path("target").asText();
        }
    }

    static List<Case> cases() {
        JsonNode cs = GbtTestData.oracles().path("cases");
        JsonNode bc = cs.path("breast_cancer");
        JsonNode db = cs.path("diabetes");
        JsonNode iris = GbtTestData.softmaxOracles().path("cases").path("iris");
        return List.of(
                new Case("iris", iris, new GbtSpec("target", null, GbtOptions.of(Objective.SOFTMAX), 42),
                        "test_logloss"),
                new Case("breast_cancer", bc, new GbtSpec("target", null, GbtOptions.of(Objective.LOGISTIC), 42),
                        "test_logloss"),
                new Case("diabetes", db, new GbtSpec("target", null, GbtOptions.of(Objective.SQUARED_ERROR), 42),
                        "test_rmse"));
    }

    static ModelDocument reference(Case c) {
        GbtTestData.Local train = GbtTestData.local(c.train(), 40);
        List<String> features = train.featuresBut(c.target());
        return new GbtTrainer(train.runner(), train.cols(features), train.col(c.target()), features, c.target(),
                c.spec().options()).fit(null, null);
    }

    static double heldOut(Case c, ModelDocument m) {
        GbtTestData.Local test = GbtTestData.local(c.test(), 40);
        return c.metric().equals("test_logloss") ? GbtTestData.logLoss(m, test, c.target())
                : GbtTestData.rmse(m, test, c.target());
    }

    static String json(ModelDocument m) {
        return ModelJson.write(m.withNameAndVersion(null, 0).withProvenance(null));
    }

    @Test
    void heldOutLossIsWithinFivePercentOfXgboost() {
        for (Case c : cases()) {
            ModelDocument m = reference(c);
            double ours = heldOut(c, m);
            double xgb = c.oracle().path(c.metric()).asDouble();
            System.out.printf("gbt oracle %-14s %s: gridlearn %.6f, XGBoost %s %.6f, ratio %.4f%n", c.name(),
                    c.metric(), ours, GbtTestData.oracles().path("xgboost").asText(), xgb, ours / xgb);
            assertTrue(ours <= SLACK * xgb, c.name() + " " + c.metric() + ": gridlearn " + ours + " vs XGBoost " + xgb);
        }
    }

    /**
     * Softmax on iris: 100 rounds of three trees, K classes in the JSON, probabilities summing to 1, and a held-out
     * accuracy not below XGBoost's by more than one of its 30 rows.
     */
    @Test
    void softmaxIsRoundsOfOneTreePerClassAndClassifiesIris() {
        Case c = cases().get(0);
        ModelDocument m = reference(c);
        assertEquals(List.of(0, 1, 2), m.classes());
        assertEquals(c.oracle().path("trees").asInt(), GbtModel.trees(m, m.features().size()).size(),
                "XGBoost's tree count: rounds x classes");
        assertEquals(100, ((Number) m.summary().get("rounds")).intValue());
        GbtTestData.Local test = GbtTestData.local(c.test(), 40);
        double acc = GbtTestData.accuracy(m, test, c.target());
        double xgbAcc = c.oracle().path("test_accuracy").asDouble();
        System.out.printf("gbt softmax iris accuracy: gridlearn %.4f, XGBoost %.4f%n", acc, xgbAcc);
        assertTrue(acc >= xgbAcc - 1.0 / test.rows() - 1e-12, "accuracy " + acc + " vs XGBoost " + xgbAcc);
        double[] y = new double[test.rows()];
        for (double[] x : test.rows(m.features(), c.target(), y)) {
            double[] p = new GbtLearner().predictor(m).probabilities(x);
            assertEquals(3, p.length);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        }
    }

    @Test
    void gridModelIsTheReferenceOnOneTwoAndThreeMembers() {
        List<Case> cases = cases();
        Map<String, String> reference = new LinkedHashMap<>();
        Map<String, Double> referenceMetric = new LinkedHashMap<>();
        for (Case c : cases) {
            ModelDocument m = reference(c);
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
                ModelDocument m = FitDriver.fit(grid[0], c.name(), "gbt-" + c.name().replace('_', '-'), c.spec(),
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
