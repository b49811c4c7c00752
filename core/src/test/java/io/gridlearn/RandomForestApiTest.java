package io.gridlearn;

import io.gridlearn.model.ModelJson;
import io.gridlearn.tree.ForestObjective;
import io.gridlearn.tree.ForestOptions;
import io.gridlearn.tree.ForestSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed random-forest spec ({@link RandomForest}): the same fit as the learner's own spec, class
 * probabilities through the facade, no link scale, and validation messages naming the option.
 */
class RandomForestApiTest {
    private static Gridlearn gl;

    @BeforeAll
    static void start() {
        gl = Gridlearn.embedded(2);
    }

    @AfterAll
    static void stop() {
        gl.close();
    }

    private static String json(Model m) {
        return ModelJson.write(m.document().withNameAndVersion(null, 0).withProvenance(null));
    }

    @Test
    void aTypedSpecFitsAsTheLearnersSpecAndGivesProbabilities() throws Exception {
        Path file = Path.of(RandomForestApiTest.class.getResource("/oracles/gbt/breast_cancer_train.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-rf", 64);
        Model m = gl.fit(RandomForest.of(ForestObjective.GINI).target("target").trees(10).maxDepth(6).seed(3), d,
                FitOptions.named("api-rf"));
        Model same = gl.fit(new ForestSpec("target", null, ForestOptions.of(ForestObjective.GINI).withTrees(10)
                .withMaxDepth(6), 3), d, FitOptions.named("api-rf-spec"));
        assertEquals(json(same), json(m));
        assertEquals("random-forest", m.document().algorithm());
        List<String> lines = Files.readAllLines(file);
        List<String> names = List.of(lines.get(0).split(","));
        boolean between = false;
        for (int i = 1; i <= 40; i++) {
            String[] c = lines.get(i).split(",");
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < c.length; j++) {
                if (!names.get(j).equals("target")) {
                    row.put(names.get(j), Double.parseDouble(c[j]));
                }
            }
            double[] p = m.probabilities(row);
            assertEquals(2, p.length);
            assertEquals(1.0, p[0] + p[1], 1e-15);
            assertTrue(p[1] >= 0 && p[1] <= 1, "a share of the trees' class-1 leaves: " + p[1]);
            between |= p[1] > 0 && p[1] < 1;
            assertEquals(p[1] > 0.5 ? 1.0 : 0.0, m.predict(row), "row " + i);
            BadInputException noLink = assertThrows(BadInputException.class,
                    () -> m.predict(row, PredictionType.LINK), "no link scale");
            assertTrue(noLink.getMessage().contains("random-forest"), noLink.getMessage());
        }
        assertTrue(between, "averaged trees give probabilities, not only 0 and 1");
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        OptionException e = assertThrows(OptionException.class,
                () -> RandomForest.of(ForestObjective.SQUARED_ERROR).maxFeatures(0));
        assertEquals("--max-features must be >= 1, was 0", e.forCommandLine());
        e = assertThrows(OptionException.class, () -> RandomForest.of(ForestObjective.GINI).trees(0));
        assertEquals("--trees must be between 1 and 100000, was 0", e.forCommandLine());
        assertThrows(BadInputException.class, () -> RandomForest.of(null));
    }
}
