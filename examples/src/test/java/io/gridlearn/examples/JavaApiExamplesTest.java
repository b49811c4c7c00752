package io.gridlearn.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.Model;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API examples run as written and print the statsmodels coefficients for Boston. */
class JavaApiExamplesTest {
    private static final Path DATA = Path.of("data"); // examples/data, the module's folder when Maven runs tests

    private static void assertStatsmodelsOls(JsonNode model) {
        JsonNode ols = Oracles.dataset("boston").path("ols");
        assertTrue(relErr(model.path("intercept").asDouble(), ols.path("intercept").asDouble()) < 1e-10);
        assertEquals(13, model.path("coefficients").size());
        for (int j = 0; j < 13; j++) {
            assertTrue(relErr(model.path("coefficients").get(j).asDouble(), ols.path("coef").get(j).asDouble()) < 1e-10);
            assertTrue(relErr(model.path("standardErrors").get(j).asDouble(), ols.path("std_err").get(j).asDouble()) < 1e-10);
        }
    }

    @Test
    void embeddedExamplePrintsTheStatsmodelsCoefficients() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        JavaApiExample.run(DATA, 1, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode model = new ObjectMapper().readTree(String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 3)));
        assertEquals("boston-linear", model.path("name").asText());
        assertStatsmodelsOls(model);
        double[] b = new double[13];
        for (int j = 0; j < 13; j++) {
            b[j] = model.path("coefficients").get(j).asDouble();
        }
        double expected = Math.fma(b[12], 10.0, Math.fma(b[5], 6.0, model.path("intercept").asDouble()));
        assertEquals(String.format("predicted medv for rm = 6, lstat = 10, every other feature 0: %.6f", expected),
                lines[lines.length - 3]);
        assertTrue(lines[lines.length - 2].startsWith("k-means on 150 iris rows: inertia "), lines[lines.length - 2]);
        assertEquals("published boston-ols version 1", lines[lines.length - 1]);
    }

    @Test
    void thinClientExampleFitsThroughAClientOnRealMembers() throws Exception {
        String cluster = "thin-example-" + ProcessHandle.current().pid();
        try (EmbeddedGrid grid = EmbeddedGrid.start(cluster, 2, 0, 1, 5981)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            Model m = ThinClientExample.run(grid.addresses(), cluster, DATA.resolve("boston.csv"),
                    new PrintStream(buffer, true, StandardCharsets.UTF_8));
            assertStatsmodelsOls(new ObjectMapper().readTree(buffer.toString(StandardCharsets.UTF_8)));
            HazelcastInstance member = grid.first();
            assertEquals(List.of(), io.gridlearn.Gridlearn.on(member).datasets(), "the example drops its dataset");
            assertEquals(m.toJson(), io.gridlearn.Gridlearn.on(member).models().get(m.name()).toJson());
        }
    }
}
