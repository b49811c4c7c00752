package io.gridlearn.glm;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
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
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Predictions of a glm model on the response scale: in the grid (2 members) and locally, the same bits. */
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
        assertThrows(BadInputException.class, () -> GridScoring.evaluateAny(grid[0], m, "g"));
    }
}
