package io.gridlearn;

import io.gridlearn.model.ModelJson;
import io.gridlearn.tree.GbtOptions;
import io.gridlearn.tree.GbtSpec;
import io.gridlearn.tree.Objective;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed gbt spec: the same fit as the learner's own spec, probabilities through the facade, validation
 * messages naming the option, and a fit resumed from a shorter one giving the bits of a fresh fit.
 */
class GbtApiTest {
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
        Path file = Path.of(GbtApiTest.class.getResource("/oracles/gbt/breast_cancer_train.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-gbt", 64);
        Model m = gl.fit(Gbt.of(Objective.LOGISTIC).target("target").trees(8).maxDepth(4), d,
                FitOptions.named("api-gbt"));
        Model same = gl.fit(new GbtSpec("target", null, GbtOptions.of(Objective.LOGISTIC).withTrees(8)
                .withMaxDepth(4), 42), d, FitOptions.named("api-gbt-spec"));
        assertEquals(json(same), json(m));
        assertEquals("gbt", m.document().algorithm());
        List<String> lines = Files.readAllLines(file);
        List<String> names = List.of(lines.get(0).split(","));
        for (int i = 1; i <= 20; i++) {
            String[] c = lines.get(i).split(",");
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 0; j < c.length; j++) {
                if (!names.get(j).equals("target")) {
                    row.put(names.get(j), Double.parseDouble(c[j]));
                }
            }
            double[] p = m.probabilities(row);
            assertEquals(1.0, p[0] + p[1], 1e-15);
            assertEquals(p[1] > 0.5 ? 1.0 : 0.0, m.predict(row), "row " + i);
            double margin = m.predict(row, PredictionType.LINK);
            assertEquals(1 / (1 + Math.exp(-margin)), p[1], 1e-15);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        OptionException e = assertThrows(OptionException.class, () -> Gbt.of(Objective.SQUARED_ERROR).eta(2));
        assertEquals("eta must be in (0, 1], was 2.0", e.getMessage());
        e = assertThrows(OptionException.class, () -> Gbt.of(Objective.SQUARED_ERROR).maxBins(1));
        assertEquals("--max-bins must be between 2 and 65535, was 1", e.forCommandLine());
        assertThrows(BadInputException.class, () -> Gbt.of(null));
    }

    @Test
    void aFitResumedFromFewerTreesIsTheFreshFit() throws Exception {
        Path file = Path.of(GbtApiTest.class.getResource("/oracles/gbt/diabetes_train.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-gbt-resume", 50);
        Gbt spec = Gbt.of(Objective.SQUARED_ERROR).target("target").maxDepth(3);
        Model fresh = gl.fit(spec.trees(12), d, FitOptions.named("gbt-fresh"));
        List<Integer> seen = new java.util.ArrayList<>();
        Model shorter = gl.fit(spec.trees(5), d, FitOptions.named("gbt-resumed")
                .onCheckpoint(c -> seen.add(((Number) c.document().summary().get("trees")).intValue())));
        assertEquals(List.of(1, 2, 3, 4, 5), seen, "a checkpoint after every tree");
        assertNotEquals(json(fresh), json(shorter));
        Model resumed = gl.fit(spec.trees(12), d, FitOptions.named("gbt-resumed").resume(true));
        assertEquals(json(fresh), json(resumed), "resumed from 5 trees to 12: the fresh fit's bits");
        BadInputException e = assertThrows(BadInputException.class, () -> gl.fit(spec.trees(14).eta(0.1), d,
                FitOptions.named("gbt-resumed").resume(true)));
        assertTrue(e.getMessage().contains("cannot resume: the checkpoint was fit with eta 0.3, this fit asks for 0.1"),
                e.getMessage());
    }

    @Test
    void aSampledFitResumesToTheFreshFitAndRefusesOtherShares() throws Exception {
        Path file = Path.of(GbtApiTest.class.getResource("/oracles/gbt/diabetes_train.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-gbt-sampled", 50);
        Gbt spec = Gbt.of(Objective.SQUARED_ERROR).target("target").maxDepth(3).subsample(0.7).colsampleBytree(0.5)
                .seed(11);
        Model fresh = gl.fit(spec.trees(9), d, FitOptions.named("gbt-sampled-fresh"));
        Model same = gl.fit(new GbtSpec("target", null, GbtOptions.of(Objective.SQUARED_ERROR).withMaxDepth(3)
                .withSubsample(0.7).withColsampleBytree(0.5).withTrees(9), 11), d, FitOptions.named("gbt-sampled-spec"));
        assertEquals(json(fresh), json(same), "the facade is the learner's spec");
        gl.fit(spec.trees(4), d, FitOptions.named("gbt-sampled"));
        Model resumed = gl.fit(spec.trees(9), d, FitOptions.named("gbt-sampled").resume(true));
        assertEquals(json(fresh), json(resumed), "resumed from 4 sampled trees to 9: the fresh fit's bits");
        BadInputException e = assertThrows(BadInputException.class, () -> gl.fit(spec.trees(10).subsample(0.5), d,
                FitOptions.named("gbt-sampled").resume(true)));
        assertTrue(e.getMessage().contains("cannot resume: the checkpoint was fit with subsample 0.7, this fit asks"
                + " for 0.5"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> gl.fit(spec.trees(10).seed(12), d,
                FitOptions.named("gbt-sampled").resume(true)));
        assertTrue(e.getMessage().contains("seed 11, this fit asks for 12"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> gl.fit(spec.trees(10).subsample(1).colsampleBytree(1), d,
                FitOptions.named("gbt-sampled").resume(true)));
        assertTrue(e.getMessage().contains("subsample 0.7, this fit asks for 1.0"), e.getMessage());
    }

    @Test
    void aSoftmaxFitCheckpointsPerRoundResumesAndStopsEarlyByRounds() throws Exception {
        Path file = Path.of(GbtApiTest.class.getResource("/oracles/gbt/iris_train.csv").toURI());
        Dataset d = gl.loadCsv(file, "api-gbt-iris", 32);
        Gbt spec = Gbt.of(Objective.SOFTMAX).target("target").maxDepth(3).subsample(0.8).seed(4);
        Model fresh = gl.fit(spec.trees(6), d, FitOptions.named("gbt-sm-fresh"));
        assertEquals(18, ((Number) fresh.document().summary().get("trees")).intValue(), "6 rounds of 3 trees");
        List<Integer> seen = new java.util.ArrayList<>();
        gl.fit(spec.trees(2), d, FitOptions.named("gbt-sm-resumed")
                .onCheckpoint(c -> seen.add(((Number) c.document().summary().get("trees")).intValue())));
        assertEquals(List.of(3, 6), seen, "a checkpoint after every round of one tree per class");
        Model resumed = gl.fit(spec.trees(6), d, FitOptions.named("gbt-sm-resumed").resume(true));
        assertEquals(json(fresh), json(resumed), "resumed from 2 rounds to 6: the fresh fit's bits");

        Map<String, Double> row = Map.of("sepal_length", 6.0, "sepal_width", 2.9, "petal_length", 4.5,
                "petal_width", 1.5);
        double[] p = fresh.probabilities(row);
        assertEquals(3, p.length);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        int argmax = p[1] >= p[0] && p[1] >= p[2] ? 1 : p[2] > p[0] ? 2 : 0;
        assertEquals(argmax, fresh.predict(row), 0.0, "the class of the largest probability");

        Model es = gl.fit(Gbt.of(Objective.SOFTMAX).target("target").maxDepth(3).testFraction(0.3)
                .earlyStoppingRounds(3).trees(60), d, FitOptions.named("gbt-sm-es"));
        Map<String, Object> s = es.document().summary();
        assertEquals("mlogloss", s.get("testMetric"));
        int best = ((Number) s.get("bestIteration")).intValue();
        int fitted = ((Number) s.get("treesFitted")).intValue();
        assertEquals(3 * (best + 1), ((Number) s.get("trees")).intValue(), "the rounds up to the best, 3 trees each");
        assertEquals(fitted, io.gridlearn.report.ReportCharts.summaryVector(es.document(), "testScores").length,
                "one held-out score per round");
        assertTrue(fitted - best <= 4 || fitted == 60, "stops 3 rounds after the best: " + s);
    }
}
