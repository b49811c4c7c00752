package io.gridlearn.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetEditor;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.LivePredictor;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.model.Predictors;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** A CSV with boston's header and its data rows {@code from} to {@code to − 1}. */
    private Path rows(int from, int to) throws Exception {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        Path p = tmp.resolve("rows-" + from + "-" + to + ".csv");
        Files.write(p, concat(lines.get(0), lines.subList(from + 1, to + 1)));
        return p;
    }

    /** The live model must equal a full cholesky refit on the current data, bit for bit. */
    private static void assertEqualsRefit(HazelcastInstance hz, LinearJob job, ModelDocument live, String what) {
        ModelDocument refit = LinearTrainer.train(hz, job);
        assertArrayEquals(refit.coefficients(), live.coefficients(), 0.0, what + ": coefficients");
        assertEquals(refit.intercept(), live.intercept(), 0.0, what + ": intercept");
        assertArrayEquals(refit.standardErrors(), live.standardErrors(), 0.0, what + ": standard errors");
        assertEquals(refit.summary().get("rss"), live.summary().get("rss"), what + ": rss");
        assertEquals(((Number) refit.provenance().get("rows")).longValue(),
                ((Number) live.provenance().get("rows")).longValue(), what + ": rows");
    }

    /**
     * Removal subtracts the removed blocks' exact moments, replacement subtracts and adds, and after any
     * sequence (remove, append, replace, remove) the live model equals a full refit bit for bit — the same
     * bits on 1, 2 and 3 members.
     */
    @Test
    void removalsAndReplacementsKeepTheLiveModelEqualToAFullRefitOnOneTwoThreeMembers() throws Exception {
        Path appended = rows(0, 60);
        Path replacement = rows(200, 290);
        List<double[]> first = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance hz = TestGrids.start(factory, members)[0];
            DatasetCatalog catalog = new DatasetCatalog(hz);
            io.gridlearn.data.CsvLoader.load(catalog, Oracles.resource("boston.csv"), "boston",
                    CsvOptions.defaults().withBlockSize(40), null);
            LinearJob job = new LinearJob("boston", "medv", null, LinearOptions.ols().withSolver("cholesky"));
            LiveModels.register(hz, "live", job);
            List<double[]> seen = new ArrayList<>();

            DatasetChange removed = DatasetEditor.removeBlocks(catalog, "boston", BlockIds.parse("1,4-6"),
                    c -> assertEquals(1, LiveModels.onChange(hz, c).size()));
            ModelDocument m = ModelStore.forInstance(hz).get("live");
            assertEquals(506 - 160, ((Number) m.metrics().get("train").get("rows")).intValue());
            assertEquals("incremental", m.summary().get("liveUpdate"));
            assertEquals(removed.after().layout().toString(), m.summary().get("coveredBlocks"));
            assertEqualsRefit(hz, job, m, members + " members, after a removal");
            seen.add(m.coefficients());

            List<ModelDocument> a = LiveModels.onAppend(hz, DatasetAppender.appendCsv(catalog, "boston", appended, null));
            assertEqualsRefit(hz, job, a.get(0), members + " members, remove then append");
            seen.add(a.get(0).coefficients());

            List<ModelDocument> replaced = new ArrayList<>();
            DatasetEditor.replaceCsv(catalog, "boston", BlockIds.parse("0,13"), replacement, null,
                    c -> replaced.addAll(LiveModels.onChange(hz, c)));
            assertEquals("incremental", replaced.get(0).summary().get("liveUpdate"));
            assertEqualsRefit(hz, job, replaced.get(0), members + " members, after a replacement");
            seen.add(replaced.get(0).coefficients());

            // removing a block that was appended, and one from the load
            DatasetChange last = DatasetEditor.removeBlocks(catalog, "boston", BlockIds.parse("2,14"),
                    c -> LiveModels.onChange(hz, c));
            assertEquals("3,7-12,15-17", last.after().layout().toString());
            ModelDocument end = ModelStore.forInstance(hz).get("live");
            assertEquals(5, end.version(), "registered, then one version per change");
            assertEqualsRefit(hz, job, end, members + " members, after the last removal");
            seen.add(end.coefficients());
            if (first != null) {
                for (int i = 0; i < seen.size(); i++) {
                    assertArrayEquals(first.get(i), seen.get(i), 0.0, members + " members, step " + i);
                }
            }
            first = seen;
            factory.terminateAll();
        }
    }

    /**
     * A removal whose live update never ran (the process died after publishing the schema, and the removed
     * blocks are purged): the next update cannot subtract them, falls back to one full pass, and still
     * equals the refit. Nothing is subtracted twice when the same change is reported twice.
     */
    @Test
    void aMissedUpdateHealsWithAFullPassAndARepeatedOneChangesNothing() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        io.gridlearn.data.CsvLoader.load(catalog, Oracles.resource("boston.csv"), "boston",
                CsvOptions.defaults().withBlockSize(64), null);
        LinearJob job = new LinearJob("boston", "medv", List.of("crim", "rm", "lstat"), LinearOptions.ols()
                .withSolver("cholesky"));
        LiveModels.register(hz, "live", job);
        DatasetChange missed = DatasetEditor.removeBlocks(catalog, "boston", BlockIds.of(3)); // no live update
        DatasetAppender.Appended more = DatasetAppender.appendCsv(catalog, "boston", rows(0, 30), null);
        List<ModelDocument> healed = LiveModels.onAppend(hz, more);
        assertEquals("full pass", healed.get(0).summary().get("liveUpdate"));
        assertEqualsRefit(hz, job, healed.get(0), "after a missed removal");
        assertEquals(List.of(), LiveModels.onChange(hz, missed), "already up to date: no version, no subtraction");
        assertEquals(List.of(), LiveModels.onAppend(hz, more));
        assertEqualsRefit(hz, job, ModelStore.forInstance(hz).get("live"), "after repeated notifications");
        assertEquals(healed.get(0).version(), ModelStore.forInstance(hz).get("live").version());
    }

    @Test
    void droppingTheDatasetStopsItsLiveModelsOnly() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 1)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        io.gridlearn.data.CsvLoader.load(catalog, Oracles.resource("boston.csv"), "boston",
                CsvOptions.defaults().withBlockSize(64), null);
        io.gridlearn.data.CsvLoader.load(catalog, Oracles.resource("boston.csv"), "other",
                CsvOptions.defaults().withBlockSize(64), null);
        LiveModels.register(hz, "a", new LinearJob("boston", "medv", List.of("rm"), LinearOptions.ols()));
        LiveModels.register(hz, "b", new LinearJob("other", "medv", List.of("rm"), LinearOptions.ols()));
        catalog.drop("boston");
        assertEquals(List.of("a"), LiveModels.unregisterDataset(hz, "boston"));
        assertEquals(List.of(), LiveModels.unregisterDataset(hz, "boston"), "nothing left to stop");
        assertEquals(java.util.Set.of("b"), hz.getMap(LiveModels.LIVE_MAP).keySet(), "the other dataset's model stays");
        assertEquals(1, ModelStore.forInstance(hz).get("a").version(), "the published version stays in the store");
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> out = new java.util.ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }
}
