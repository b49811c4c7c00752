package io.gridlearn.glm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.LocalScoring;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predictions of glm models on the response and link scales: in the grid and locally, the same bits. */
class GlmPredictGridTest {
    @TempDir
    Path tmp;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void gridAndLocalPredictionsAreIdenticalMeans() throws Exception {
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        Path file = GlmTestData.path("/oracles/glm/gamma_inverse.csv");
        CsvLoader.load(catalog, file, "g", CsvOptions.defaults().withBlockSize(128), null);
        ModelDocument m = FitDriver.fit(grid[0], "g", "g-glm", new GlmSpec("y", List.of("u1", "u2", "x3"),
                GlmOptions.of(Family.GAMMA), 42), FitControl.quiet());
        DatasetSchema scored = GridScoring.predictInto(grid[0], m, "g", "g-pred");
        List<Double> inGrid = new ArrayList<>();
        for (RowBlock b : new TreeMap<Integer, RowBlock>(catalog.blocks(scored)).values()) {
            for (int r = 0; r < b.rows(); r++) {
                inGrid.add(b.get(r, 0));
            }
        }
        Path out = tmp.resolve("pred.csv");
        LocalScoring.scoreCsv(m, file, out);
        List<String> lines = Files.readAllLines(out);
        List<String> data = Files.readAllLines(file);
        assertEquals(data.size() - 1, inGrid.size());
        assertEquals(lines.size() - 1, inGrid.size());
        for (int i = 0; i < inGrid.size(); i++) {
            String line = lines.get(i + 1);
            double local = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            assertEquals(local, inGrid.get(i), 0.0, "row " + i);
            String[] c = data.get(i + 1).split(",");
            double eta = m.intercept() + m.coefficients()[0] * Double.parseDouble(c[0])
                    + m.coefficients()[1] * Double.parseDouble(c[1]) + m.coefficients()[2] * Double.parseDouble(c[2]);
            assertEquals(1.0 / eta, local, 1e-14 / eta, "the mean response, row " + i);
        }
        Map<String, Object> ev = GridScoring.evaluateAny(grid[0], m, "g");
        assertEquals(((Number) m.summary().get("deviance")).doubleValue(), ((Number) ev.get("deviance")).doubleValue(),
                1e-12 * ((Number) m.summary().get("deviance")).doubleValue(), "evaluate on the training rows");
    }

    /**
     * A Poisson model with an offset, in the grid on 1, 2 and 3 members and locally, on both scales: the same bits
     * everywhere, η = b₀ + x·b + offset and μ = e^η computed here; data without the offset column is refused.
     */
    @Test
    void anOffsetModelPredictsOnBothScalesFromTheOffsetColumnEverywhere() throws Exception {
        Path file = GlmTestData.path("/oracles/glm/poisson_offset.csv");
        GlmTestData.Local local = GlmTestData.local(file, 250);
        List<String> f = List.of("x1", "x2", "x3");
        GlmOptions o = GlmOptions.of(Family.POISSON).withOffset("logexp");
        ModelDocument m = new GlmTrainer(local.runner(), local.cols(f), local.col("y"), -1, local.col("logexp"), f, "y",
                local.names(), o).fit(null, null);
        List<String> data = Files.readAllLines(file);
        Map<PredictionType, List<Double>> locally = new EnumMap<>(PredictionType.class);
        for (PredictionType t : PredictionType.values()) {
            Path out = tmp.resolve("pred-" + t.id() + ".csv");
            LocalScoring.scoreCsv(m, file, out, t);
            List<String> lines = Files.readAllLines(out);
            assertEquals(data.size(), lines.size());
            List<Double> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                values.add(Double.parseDouble(line));
            }
            locally.put(t, values);
        }
        for (int i = 0; i < data.size() - 1; i++) {
            String[] c = data.get(i + 1).split(",");
            double eta = m.intercept() + m.coefficients()[0] * Double.parseDouble(c[0])
                    + m.coefficients()[1] * Double.parseDouble(c[1]) + m.coefficients()[2] * Double.parseDouble(c[2])
                    + Double.parseDouble(c[3]);
            assertEquals(eta, locally.get(PredictionType.LINK).get(i), 1e-14 * (1 + Math.abs(eta)), "η, row " + i);
            assertEquals(Math.exp(eta), locally.get(PredictionType.RESPONSE).get(i), 1e-13 * Math.exp(eta),
                    "μ, row " + i);
        }
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            CsvLoader.load(catalog, file, "po", CsvOptions.defaults().withBlockSize(128), null);
            for (PredictionType t : PredictionType.values()) {
                DatasetSchema scored = GridScoring.predictInto(grid[0], m, "po", "po-" + t.id(), t);
                List<Double> inGrid = new ArrayList<>();
                for (RowBlock b : new TreeMap<Integer, RowBlock>(catalog.blocks(scored)).values()) {
                    for (int r = 0; r < b.rows(); r++) {
                        inGrid.add(b.get(r, 0));
                    }
                }
                assertEquals(locally.get(t), inGrid, t + " on " + members + " members: the local bits");
            }
            Path noOffset = tmp.resolve("no-offset.csv");
            List<String> cut = new ArrayList<>();
            for (String line : data) {
                String[] c = line.split(",");
                cut.add(c[0] + "," + c[1] + "," + c[2] + "," + c[4]);
            }
            Files.write(noOffset, cut);
            CsvLoader.load(catalog, noOffset, "cut", CsvOptions.defaults(), null);
            BadInputException e = assertThrows(BadInputException.class,
                    () -> GridScoring.predictInto(grid[0], m, "cut", "cut-pred", PredictionType.RESPONSE));
            assertTrue(e.getMessage().startsWith("dataset 'cut' has no column 'logexp' that the model needs"),
                    e.getMessage());
            assertTrue(catalog.find("cut-pred").isEmpty(), "nothing is written");
            factory.terminateAll();
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> LocalScoring.scoreCsv(m, tmp.resolve("no-offset.csv"), tmp.resolve("x.csv")));
        assertTrue(e.getMessage().startsWith("no-offset.csv has no column 'logexp' that the model needs"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.csv")) || Files.exists(tmp.resolve("x.csv.part")), "nothing written");
    }
}
