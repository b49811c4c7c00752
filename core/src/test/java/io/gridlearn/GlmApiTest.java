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
