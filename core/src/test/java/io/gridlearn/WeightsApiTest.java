package io.gridlearn;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.Learners;
import io.gridlearn.runtime.OptionValues;
import io.gridlearn.testing.WeightsData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade's {@code weights(column)} on Linear, KMeans, NaiveBayes, Logistic and Softmax: the same model as the command line's
 * spec with {@code weights}, statsmodels' weighted OLS, and validation that names the Java method.
 */
class WeightsApiTest {
    private static Gridlearn gl;
    private static Dataset boston;
    private static Dataset iris;

    @BeforeAll
    static void start() {
        gl = Gridlearn.embedded(1);
        boston = gl.loadCsv(WeightsData.boston(), "boston-w", 64);
        iris = gl.loadCsv(WeightsData.iris(), "iris-w", 32);
    }

    @AfterAll
    static void stop() {
        gl.close();
    }

    /** The command line's spec of the same fit, through the runtime. */
    private static ModelDocument viaCommandLine(String algorithm, String dataset, String name,
                                                Map<String, Object> options) {
        return FitDriver.fit(gl.hazelcast(), dataset, name, Learners.forAlgorithm(algorithm)
                .spec(algorithm, new OptionValues(options)), FitControl.quiet());
    }

    private static String parameters(ModelDocument m) {
        return ModelJson.write(m.withNameAndVersion(null, 0).withProvenance(null));
    }

    @Test
    void weightsGiveTheCommandLinesModels() {
        Model ols = gl.fit(Linear.ols().target("medv").weights("w"), boston, FitOptions.named("api-wls"));
        JsonNode o = WeightsData.oracle("boston_ols");
        assertTrue(relErr(ols.intercept(), o.path("params").get(0).asDouble()) < 1e-9);
        for (int j = 0; j < 13; j++) {
            assertTrue(relErr(ols.coefficients()[j], o.path("params").get(j + 1).asDouble()) < 1e-9, "coef " + j);
        }
        assertEquals("w", ols.document().extension("weights"));
        assertEquals(parameters(viaCommandLine("linear", "boston-w", "cli-wls",
                Map.of("target", "medv", "weights", "w"))), parameters(ols.document()));

        Model nb = gl.fit(NaiveBayes.gaussian().target("target").weights("w"), iris, FitOptions.named("api-nb"));
        assertEquals(parameters(viaCommandLine("naive-bayes", "iris-w", "cli-nb",
                Map.of("target", "target", "weights", "w"))), parameters(nb.document()));

        List<String> f = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        Model km = gl.fit(KMeans.of(3).features(f.toArray(new String[0])).weights("w").seed(3), iris,
                FitOptions.named("api-km"));
        assertEquals(parameters(viaCommandLine("kmeans", "iris-w", "cli-km",
                Map.of("k", 3, "features", f, "weights", "w", "seed", 3L))), parameters(km.document()));
        assertEquals("w", km.document().extension("weights"));

        Dataset bc = gl.loadCsv(WeightsData.breastCancer(), "bc-w", 50);
        JsonNode logit = WeightsData.logisticOracle("breast_cancer_logit_mean10");
        List<String> mean10 = new java.util.ArrayList<>();
        logit.get("features").forEach(n -> mean10.add(n.asText()));
        Model lr = gl.fit(Logistic.of().target("target").features(mean10.toArray(new String[0])).weights("w"), bc,
                FitOptions.named("api-logit"));
        assertTrue(relErr(lr.intercept(), logit.get("intercept").asDouble()) < 1e-9, "statsmodels' Logit");
        assertEquals("w", lr.document().extension("weights"));
        assertEquals(parameters(viaCommandLine("logistic", "bc-w", "cli-logit",
                Map.of("target", "target", "features", mean10, "weights", "w"))), parameters(lr.document()));
        Model sm = gl.fit(Softmax.of().target("target").features(f.toArray(new String[0])).l2(1e-2).weights("w"),
                iris, FitOptions.named("api-softmax"));
        assertEquals(parameters(viaCommandLine("softmax", "iris-w", "cli-softmax",
                Map.of("target", "target", "features", f, "lambda", 1e-2, "weights", "w"))), parameters(sm.document()));
    }

    @Test
    void validationNamesTheJavaMethod() {
        BadInputException e = assertThrows(BadInputException.class, () -> Linear.ols().weights(null));
        assertEquals("Linear.weights(column): column must be given, was null", e.getMessage());
        e = assertThrows(BadInputException.class, () -> KMeans.of(2).weights(null));
        assertEquals("KMeans.weights(column): column must be given, was null", e.getMessage());
        e = assertThrows(BadInputException.class, () -> NaiveBayes.gaussian().weights(null));
        assertEquals("NaiveBayes.weights(column): column must be given, was null", e.getMessage());
        e = assertThrows(BadInputException.class, () -> Logistic.of().weights(null));
        assertEquals("Logistic.weights(column): column must be given, was null", e.getMessage());
        e = assertThrows(BadInputException.class, () -> Softmax.of().weights(null));
        assertEquals("Softmax.weights(column): column must be given, was null", e.getMessage());
        e = assertThrows(BadInputException.class, () -> gl.fit(Linear.ols().target("medv").weights("wt"), boston));
        assertTrue(e.getMessage().startsWith("weights: unknown column 'wt' in dataset 'boston-w'"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> gl.fit(Linear.ols().target("medv").features("rm", "w").weights("w"), boston));
        assertTrue(e.getMessage().contains("is the weight column"), e.getMessage());
    }
}
