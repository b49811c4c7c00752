package io.gridlearn;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed API as a Java team uses it: embedded grid, CSV load, fits, local prediction, the model store. */
class GridlearnApiTest {
    private static Gridlearn gl;
    private static Dataset boston;
    private static Dataset iris;

    @BeforeAll
    static void start() {
        gl = Gridlearn.embedded(1);
        boston = gl.loadCsv(Oracles.resource("boston.csv"), "boston", 64);
        iris = gl.loadCsv(Oracles.resource("iris.csv"), "iris", 32);
    }

    @AfterAll
    static void stop() {
        gl.close();
    }

    @Test
    void olsGivesTheStatsmodelsCoefficientsAndTheRuntimesExactModel() {
        Model ols = gl.fit(Linear.ols().target("medv"), boston);
        JsonNode oracle = Oracles.dataset("boston").path("ols");
        assertTrue(relErr(ols.intercept(), oracle.path("intercept").asDouble()) < 1e-10);
        double[] b = ols.coefficients();
        assertEquals(13, b.length);
        for (int j = 0; j < b.length; j++) {
            assertTrue(relErr(b[j], oracle.path("coef").get(j).asDouble()) < 1e-10, ols.features().get(j));
        }
        assertEquals("boston-linear", ols.name());
        assertEquals("linear", ols.algorithm());
        // the facade runs the same code as the trainer: the same parameters, bit for bit
        ModelDocument direct = LinearTrainer.train(gl.hazelcast(), new LinearJob("boston", "medv", null, LinearOptions.ols()));
        assertArrayEquals(direct.coefficients(), ols.coefficients());
        assertEquals(direct.intercept(), ols.intercept());
        assertEquals(ModelJson.write(direct.withNameAndVersion(null, 0).withProvenance(null)),
                ModelJson.write(ols.document().withNameAndVersion(null, 0).withProvenance(null)));
    }

    @Test
    void predictionByFeatureNameEqualsThePredictorOnTheSameRow() {
        Model ridge = gl.fit(Linear.ridge(0.1).target("medv").standardize(true), boston, FitOptions.named("api-ridge"));
        Map<String, Double> row = new LinkedHashMap<>();
        double[] x = new double[ridge.features().size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = 1.5 * j + 0.25;
            row.put(ridge.features().get(j), x[j]);
        }
        row.put("medv", 99.0); // not a feature: ignored
        assertEquals(Predictors.of(ridge.document()).predict(x), ridge.predict(row));
        row.remove("crim");
        BadInputException e = assertThrows(BadInputException.class, () -> ridge.predict(row));
        assertTrue(e.getMessage().startsWith("Model.predict(row): the row has no value for feature 'crim'"), e.getMessage());
    }

    @Test
    void describeEvaluateAndPredictIntoFromJava() {
        var stats = gl.describe(boston);
        JsonNode oracle = Oracles.dataset("boston").path("column_stats");
        assertEquals(oracle.path("columns").size(), stats.size());
        for (int c = 0; c < stats.size(); c++) {
            assertEquals(oracle.path("columns").get(c).asText(), stats.get(c).name());
            assertTrue(relErr(stats.get(c).mean(), oracle.path("mean").get(c).asDouble()) < 1e-10);
        }
        Model ols = gl.fit(Linear.ols().target("medv").solver(Linear.Solver.CHOLESKY), boston, FitOptions.named("api-eval"));
        Map<String, Object> metrics = gl.evaluate(ols, boston);
        assertEquals(ols.metrics().get("train").get("mse"), (Double) metrics.get("mse"), 1e-12 * (Double) metrics.get("mse"));
        Dataset scored = gl.predictInto(ols, boston, "boston-scored");
        assertEquals(boston.rows(), scored.rows());
        assertTrue(scored.columns().contains("prediction"));
    }

    @Test
    void kmeansOnIrisFromGivenRowsMatchesTheOracleInertiaAndPredictsClusters() {
        JsonNode oracle = Oracles.dataset("iris").path("kmeans_k3_first_row_of_each_class");
        long[] rows = new long[3];
        for (int c = 0; c < 3; c++) {
            rows[c] = oracle.path("init_rows_0based").get(c).asLong();
        }
        Model km = gl.fit(KMeans.of(3).initRows(rows)
                .features("sepal_length", "sepal_width", "petal_length", "petal_width"), iris);
        assertTrue(relErr(km.metrics().get("train").get("inertia"), oracle.path("inertia").asDouble()) < 1e-10);
        assertEquals(0, rows[0], "the oracle starts cluster 0 from row 0");
        Map<String, Double> row = Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2);
        assertEquals(0.0, km.predict(row), "the first row of iris is in the cluster started from row 0");
    }

    @Test
    void modelStorePublishesVersionsAndKeepsHistory() {
        Model m = gl.fit(NaiveBayes.gaussian(), iris, FitOptions.named("api-nb"));
        assertEquals(1, m.version());
        Model v2 = gl.models().publish("api-nb", m);
        assertEquals(2, v2.version());
        assertEquals("api-nb", gl.models().get("api-nb").name());
        assertEquals(List.of(1L, 2L), gl.models().history("api-nb").stream().map(Model::version).toList());
        assertTrue(gl.models().names().contains("api-nb"));
        assertEquals(ModelJson.write(m.document().withNameAndVersion("api-nb", 2)), v2.toJson());
    }

    @Test
    void aCancelledFitStopsAtACheckpointAndResumesToTheUninterruptedBits() throws Exception {
        Logistic spec = Logistic.of().features("sepal_length", "sepal_width").target("target").l2(0.01);
        Dataset binary = gl.loadCsv(binaryIris(), "iris-binary", 16);
        Model whole = gl.fit(spec, binary, FitOptions.named("api-logistic-whole"));
        assertTrue((Integer) whole.document().summary().get("iteration") >= 3, "needs several iterations");

        CountDownLatch first = new CountDownLatch(1);
        List<Long> seen = new ArrayList<>();
        Fit fit = gl.start(spec, binary, FitOptions.named("api-logistic").onCheckpoint(c -> {
            seen.add(c.version());
            first.countDown();
        }));
        assertTrue(first.await(60, TimeUnit.SECONDS));
        fit.cancel();
        GridlearnException stopped = assertThrows(GridlearnException.class, fit::await);
        assertTrue(stopped.getMessage().contains("cancelled"), stopped.getMessage());
        assertFalse(seen.isEmpty());
        Model resumed = gl.fit(spec, binary, FitOptions.named("api-logistic").resume(true));
        assertArrayEquals(whole.coefficients(), resumed.coefficients());
        assertEquals(whole.intercept(), resumed.intercept());
    }

    private static java.nio.file.Path binaryIris() throws Exception {
        List<String> lines = Files.readAllLines(Oracles.resource("iris.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            if (!l.endsWith(",0")) {
                out.add(l.substring(0, l.length() - 1) + (l.endsWith(",2") ? "1" : "0"));
            }
        }
        java.nio.file.Path f = Files.createTempFile("iris-binary", ".csv");
        f.toFile().deleteOnExit();
        Files.write(f, out);
        return f;
    }

    @Test
    void softmaxOnIrisEqualsTheCommandLinesSpecAndPredictsClasses() {
        Model m = gl.fit(Softmax.of().l2(0.0067).standardize(true), iris, FitOptions.named("api-softmax"));
        assertEquals("softmax", m.algorithm());
        ModelDocument viaCli = io.gridlearn.runtime.FitDriver.fit(gl.hazelcast(), "iris", "api-softmax-cli",
                io.gridlearn.runtime.Learners.forAlgorithm("softmax").spec("softmax", new io.gridlearn.runtime.OptionValues(
                        Map.of("lambda", 0.0067, "standardize", true))), io.gridlearn.runtime.FitControl.quiet());
        assertEquals(ModelJson.write(viaCli.withNameAndVersion(null, 0).withProvenance(null)),
                ModelJson.write(m.document().withNameAndVersion(null, 0).withProvenance(null)));
        assertEquals(viaCli.provenance().get("options"), m.document().provenance().get("options"));
        Map<String, Double> row = Map.of("sepal_length", 6.7, "sepal_width", 3.0, "petal_length", 5.2, "petal_width", 2.3);
        assertEquals(2.0, m.predict(row), "a virginica row");
        assertEquals(1.0, java.util.Arrays.stream(m.probabilities(row)).sum(), 1e-12);
    }

    @Test
    void validationNamesTheJavaMethodAndWhatIsAllowed() {
        BadInputException e = assertThrows(BadInputException.class, () -> Linear.ridge(-1));
        assertEquals("Linear.ridge(lambda): lambda must be a finite number >= 0, was -1.0", e.getMessage());
        e = assertThrows(BadInputException.class, () -> KMeans.of(3).initRows(0, 1));
        assertEquals("KMeans.initRows(rowIds): 2 rows given for k = 3", e.getMessage());
        e = assertThrows(BadInputException.class, () -> Logistic.of().missing(Missing.MEAN));
        assertTrue(e.getMessage().startsWith("Logistic.missing(rule): Missing.MEAN is for the linear family"));
        e = assertThrows(BadInputException.class, () -> gl.fit(Linear.ols().target("price"), boston));
        assertTrue(e.getMessage().startsWith("target: unknown column 'price' in dataset 'boston'"), e.getMessage());
        assertTrue(((OptionException) e).forCommandLine().startsWith("--target: unknown column 'price'"));
        e = assertThrows(BadInputException.class, () -> gl.fit(Linear.ols().missing(Missing.MEAN).folds(3), boston));
        assertTrue(e.getMessage().startsWith("missing mean does not combine with folds"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> gl.dataset("no-such-data"));
        assertTrue(e.getMessage().contains("no-such-data"), e.getMessage());
        assertTrue(new DatasetCatalog(gl.hazelcast()).find("no-such-data").isEmpty());
    }
}
