package io.gridlearn.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.LivePredictor;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live model follows appends and always equals a full refit; a live predictor picks up new versions. */
class LiveModelTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void appendsKeepTheLiveModelEqualToAFullRefit() throws Exception {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        Path first = tmp.resolve("first.csv");
        Path second = tmp.resolve("second.csv");
        Path third = tmp.resolve("third.csv");
        Files.write(first, lines.subList(0, 301));               // header + rows 0..299
        Files.write(second, concat(lines.get(0), lines.subList(301, 402)));
        Files.write(third, concat(lines.get(0), lines.subList(402, lines.size())));

        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        HazelcastInstance hz = grid[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        io.gridlearn.data.CsvLoader.load(catalog, first, "boston", CsvOptions.defaults().withBlockSize(64), null);
        LinearOptions o = LinearOptions.ols().withSolver("cholesky");
        LinearJob job = new LinearJob("boston", "medv", null, o);
        ModelDocument v1 = LiveModels.register(hz, "live", job);
        assertEquals(1, v1.version());

        try (LivePredictor predictor = new LivePredictor(hz, "live", 10)) {
            double[] x = new double[13];
            java.util.Arrays.fill(x, 1.0);
            assertEquals(Predictors.of(v1).predict(x), predictor.predict(x), 0.0);
            for (Path more : List.of(second, third)) {
                DatasetAppender.Appended a = DatasetAppender.appendCsv(catalog, "boston", more, null);
                List<ModelDocument> updated = LiveModels.onAppend(hz, a);
                assertEquals(1, updated.size());
                ModelDocument live = updated.get(0);
                ModelDocument refit = LinearTrainer.train(hz, job);
                assertArrayEquals(refit.coefficients(), live.coefficients(), 0.0, "live = full refit, bit for bit");
                assertEquals(refit.intercept(), live.intercept(), 0.0);
                assertArrayEquals(refit.standardErrors(), live.standardErrors(), 0.0);
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (predictor.version() != live.version() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertEquals(live.version(), predictor.version(), "the predictor picks up the new version");
                assertEquals(Predictors.of(live).predict(x), predictor.predict(x), 0.0);
            }
        }
        // after both appends the data is the whole Boston table: the statsmodels oracle
        ModelDocument last = io.gridlearn.model.ModelStore.forInstance(hz).get("live");
        JsonNode ols = Oracles.dataset("boston").path("ols");
        assertEquals(506, catalog.get("boston").rows());
        assertTrue(relErr(last.intercept(), ols.path("intercept").asDouble()) < 1e-10);
        for (int j = 0; j < 13; j++) {
            assertTrue(relErr(last.coefficients()[j], ols.path("coef").get(j).asDouble()) < 1e-10);
        }
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> out = new java.util.ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }
}
