package io.gridlearn;

import io.gridlearn.glm.Family;
import io.gridlearn.glm.Link;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed GLM spec: the same fit as the command line's, validation messages naming the method. */
class GlmApiTest {
    private static Gridlearn gl;

    @BeforeAll
    static void start() {
        gl = Gridlearn.embedded(1);
    }

    @AfterAll
    static void stop() {
        gl.close();
    }

    @Test
    void aTypedSpecFitsAsStatsmodels() throws Exception {
        Path file = Path.of(GlmApiTest.class.getResource("/oracles/glm/gamma_log.csv").toURI());
        Dataset d = gl.loadCsv(file, "gamma-log", 128);
        Model m = gl.fit(Glm.of(Family.GAMMA).link(Link.LOG).target("y").features("x1", "x2", "x3"), d,
                FitOptions.named("api-glm"));
        var expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(GlmApiTest.class.getResource("/oracles/glm_oracles.json")).path("cases").path("gamma_log");
        assertEquals(expected.path("params").get(1).asDouble(), m.coefficients()[0],
                1e-8 * Math.abs(expected.path("params").get(1).asDouble()));
        assertEquals("gamma", m.document().extension("family"));
        assertEquals("log", m.document().extension("link"));
        assertEquals("glm", m.document().algorithm());
    }

    /**
     * The facade's predictions of an offset model: {@code Model.predict(row)} and {@code predict(row, LINK)} as
     * x·b + offset and its exponential computed here from the coefficients, {@code predictInto} on both scales the
     * same bits row by row, {@code evaluate} the deviance statsmodels reports for the training data
     * (glm_oracles.json); a row without the offset and a link scale the model lacks refused naming the method.
     */
    @Test
    void anOffsetModelPredictsOnBothScalesAndEvaluatesThroughTheFacade() throws Exception {
        Path file = Path.of(GlmApiTest.class.getResource("/oracles/glm/poisson_offset.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-offset", 128);
        Model m = gl.fit(Glm.of(Family.POISSON).offset("logexp").target("y").features("x1", "x2", "x3"), d,
                FitOptions.named("api-offset-glm"));
        var expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(GlmApiTest.class.getResource("/oracles/glm_oracles.json")).path("cases").path("poisson_offset");
        java.util.Map<String, Object> ev = gl.evaluate(m, d);
        double deviance = expected.path("deviance").asDouble();
        assertEquals(deviance, ((Number) ev.get("deviance")).doubleValue(), 1e-9 * deviance);
        assertEquals(deviance / 2000, ((Number) ev.get("meanDeviance")).doubleValue(), 1e-9 * deviance / 2000);
        assertEquals(2000L, ev.get("rows"));

        Dataset link = gl.predictInto(m, d, "api-offset-link", PredictionType.LINK);
        Dataset response = gl.predictInto(m, d, "api-offset-response", PredictionType.RESPONSE);
        io.gridlearn.data.DatasetCatalog catalog = new io.gridlearn.data.DatasetCatalog(gl.hazelcast());
        java.util.List<Double> etas = column(catalog, link.name());
        java.util.List<Double> mus = column(catalog, response.name());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        for (int i = 0; i < etas.size(); i++) {
            String[] c = lines.get(i + 1).split(",");
            java.util.Map<String, Double> row = java.util.Map.of("x1", Double.parseDouble(c[0]), "x2",
                    Double.parseDouble(c[1]), "x3", Double.parseDouble(c[2]), "logexp", Double.parseDouble(c[3]));
            double hand = m.intercept() + m.coefficients()[0] * row.get("x1") + m.coefficients()[1] * row.get("x2")
                    + m.coefficients()[2] * row.get("x3") + row.get("logexp");
            double eta = m.predict(row, PredictionType.LINK);
            assertEquals(hand, eta, 1e-13 * (1 + Math.abs(hand)), "x·b + offset, row " + i);
            assertEquals(eta, etas.get(i), 0.0, "predictInto(LINK) has the bits of predict(row, LINK), row " + i);
            assertEquals(Math.exp(eta), m.predict(row), 0.0, "μ = exp of the same η bits, row " + i);
            assertEquals(m.predict(row), m.predict(row, PredictionType.RESPONSE), 0.0);
            assertEquals(m.predict(row), mus.get(i), 0.0, "predictInto(RESPONSE), row " + i);
        }

        BadInputException e = assertThrows(BadInputException.class,
                () -> m.predict(java.util.Map.of("x1", 0.1, "x2", 0.2, "x3", 1.0)));
        assertTrue(e.getMessage().startsWith("Model.predict(row): the row has no value for 'logexp', which the model"
                + " needs: the offset"), e.getMessage());
        Model km = gl.fit(KMeans.of(2).seed(1).features("x1", "x2"), d, FitOptions.named("api-offset-km"));
        e = assertThrows(BadInputException.class,
                () -> km.predict(java.util.Map.of("x1", 0.1, "x2", 0.2), PredictionType.LINK));
        assertEquals("Model.predict(row, type): type link does not apply to a kmeans model: it has no link scale (no"
                + " single linear predictor η whose inverse link is the prediction); predict it with type response,"
                + " the default", e.getMessage());
        e = assertThrows(BadInputException.class, () -> gl.predictInto(km, d, "never", PredictionType.LINK));
        assertTrue(e.getMessage().startsWith("Gridlearn.predictInto(model, data, into, type): type link does not"
                + " apply to a kmeans model"), e.getMessage());
        assertTrue(catalog.find("never").isEmpty());
    }

    private static java.util.List<Double> column(io.gridlearn.data.DatasetCatalog catalog, String name) {
        var schema = catalog.get(name);
        java.util.List<Double> v = new java.util.ArrayList<>();
        for (io.gridlearn.data.RowBlock b : new java.util.TreeMap<>(catalog.blocks(schema)).values()) {
            for (int r = 0; r < b.rows(); r++) {
                v.add(b.get(r, 0));
            }
        }
        return v;
    }

    @Test
    void validationNamesTheMethod() {
        BadInputException e = assertThrows(BadInputException.class, () -> Glm.of(Family.POISSON).variancePower(1.5));
        assertEquals("Glm.variancePower(p): only for Family.TWEEDIE, this is Family.POISSON", e.getMessage());
        e = assertThrows(BadInputException.class, () -> Glm.of(Family.NEGATIVE_BINOMIAL).nbAlpha(0));
        assertTrue(e.getMessage().startsWith("Glm.nbAlpha(alpha): alpha must be a finite number > 0"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Glm.of(null));
        assertTrue(e.getMessage().startsWith("Glm.of(family)"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Glm.of(Family.GAMMA).link(Link.POWER));
        assertTrue(e.getMessage().contains("powerLink(q)"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Glm.of(Family.GAMMA).penalty(-1, 0));
        assertTrue(e.getMessage().startsWith("Glm.penalty(lambda, alpha): lambda"), e.getMessage());
        Glm a = Glm.of(Family.TWEEDIE);
        Glm b = a.variancePower(1.2);
        assertEquals(1.5, a.options().variancePower(), "immutable: the default is kept");
        assertEquals(1.2, b.options().variancePower());
        assertEquals(Link.LOG, b.options().link());
    }
}
