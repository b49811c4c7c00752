package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.LocalPassRunner;
import io.gridlearn.stats.ColumnStatsAggregator;
import io.gridlearn.stats.ColumnSummary;
import io.gridlearn.stats.DatasetStatistics;
import io.gridlearn.testing.Oracles;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Removing and replacing blocks: schema bookkeeping, failure atomicity, passes over gapped layouts. */
class DatasetEditorTest {
    private static final List<String> FEATURES = List.of("crim", "rm", "lstat", "ptratio");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void blockIdsParseFormatAndSetAlgebra() {
        BlockIds a = BlockIds.parse(" 9, 3,7-8 ,4,20-22,21");
        assertEquals("3-4,7-9,20-22", a.toString());
        assertEquals(8, a.size());
        assertEquals(3, a.first());
        assertEquals(22, a.last());
        assertTrue(a.contains(8) && a.contains(20) && !a.contains(5) && !a.contains(23) && !a.contains(0));
        assertArrayEquals(new int[] {3, 4, 7, 8, 9, 20, 21, 22}, a.toArray());
        assertEquals("0-2,5-6,10-19", BlockIds.range(0, 20).minus(a).toString());
        assertEquals("3-4,7-9,22", a.minus(BlockIds.parse("20-21")).toString());
        assertEquals("0-9,20-22", a.union(BlockIds.range(0, 7)).toString());
        assertEquals("7-8", a.intersect(BlockIds.parse("5-8")).toString());
        assertEquals(BlockIds.of(9, 3, 4, 8, 7), BlockIds.parse("3-4,7-9"));
        assertTrue(a.containsAll(BlockIds.parse("21,3")));
        assertFalse(a.containsAll(BlockIds.parse("3,5")));
        assertEquals("", BlockIds.empty().toString());
        assertTrue(BlockIds.parse("").isEmpty());
        for (String bad : List.of("x", "3-", "-3", "5-2", "1,,2", "2147483648")) {
            BadInputException e = assertThrows(BadInputException.class, () -> BlockIds.parse(bad), bad);
            assertTrue(e.getMessage().contains("e.g. 3,7-9"), e.getMessage());
        }
    }

    @Test
    void schemasWrittenBeforeRemovalsReadAsBlocksZeroToN() throws Exception {
        String legacy = "{\"name\":\"old\",\"mapName\":\"gridlearn.data.old.1234\",\"columns\":[{\"name\":\"a\","
                + "\"kind\":\"NUMERIC\",\"levels\":[]}],\"rows\":25,\"blocks\":3,\"blockSize\":10,"
                + "\"fingerprint\":\"00000000000000ff\",\"source\":\"old.csv\",\"createdAt\":\"2024-01-01T00:00:00Z\"}";
        DatasetSchema s = DatasetCatalog.parse(legacy);
        assertEquals(BlockIds.range(0, 3), s.layout());
        assertEquals(3, s.nextBlock());
        DatasetSchema again = DatasetCatalog.parse(DatasetCatalog.toJson(s));
        assertEquals(s, again);
        assertTrue(DatasetCatalog.toJson(s).contains("\"layout\" : \"0-2\""), DatasetCatalog.toJson(s));
        assertThrows(IllegalArgumentException.class, () -> new DatasetSchema("x", "m", s.columns(), 25, 3, 10, "00",
                "s", "t", BlockIds.parse("0-1"), 3), "layout and block count disagree");
        assertThrows(IllegalArgumentException.class, () -> new DatasetSchema("x", "m", s.columns(), 25, 3, 10, "00",
                "s", "t", BlockIds.parse("0-2"), 2), "next id inside the layout");

        // such a schema in a grid: blocks can be removed from it, and passes read the rest
        HazelcastInstance hz = TestGrids.start(factory, 1)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        for (int b = 0; b < 3; b++) {
            int rows = b < 2 ? 10 : 5;
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                v[r] = b * 10 + r;
            }
            catalog.blocks(s).set(b, new RowBlock(b, rows, 1, v));
        }
        hz.getMap(GridConfigs.DATASETS_MAP).set("old", legacy);
        DatasetChange c = DatasetEditor.removeBlocks(catalog, "old", BlockIds.of(1));
        assertEquals("0,2", c.after().layout().toString());
        assertEquals(15, c.after().rows());
        ColumnSummary a = DatasetStatistics.describe(catalog, "old").columns().get(0);
        assertEquals(15, a.count());
        assertEquals((45 + 20 + 21 + 22 + 23 + 24) / 15.0, a.mean(), 0.0);
    }

    /**
     * After removals, a replacement and an append, statistics and fits over the gapped layout are the same
     * bits on 1, 2 and 3 members, and equal the single-JVM reference over the same blocks.
     */
    @Test
    void changedDatasetsGiveTheSameBitsOnOneTwoThreeMembersAndLocally() throws Exception {
        Path replacement = rows(100, 170);
        Path appended = rows(300, 333);
        DatasetSchema firstSchema = null;
        List<ColumnSummary> firstStats = null;
        ModelDocument firstQr = null;
        String firstKMeans = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance hz = TestGrids.start(factory, members)[0];
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema loaded = TestData.load(catalog, "boston.csv", "b", 50);
            assertEquals("0-10", loaded.layout().toString());
            DatasetChange removed = DatasetEditor.removeBlocks(catalog, "b", BlockIds.parse("2,5-6"));
            assertEquals(150, removed.rowsRemoved());
            DatasetChange replaced = DatasetEditor.replaceCsv(catalog, "b", BlockIds.of(0), replacement, null, c -> { });
            assertEquals("11-12", replaced.added().toString(), "70 rows: a full block and a short one, fresh ids");
            DatasetAppender.Appended a = DatasetAppender.appendCsv(catalog, "b", appended, null);
            assertEquals("13", a.added().toString());
            DatasetSchema s = catalog.get("b");
            assertEquals("1,3-4,7-13", s.layout().toString());
            assertEquals(506 - 200 + 70 + 33, s.rows());
            assertEquals(10, s.blocks());
            assertEquals(14, s.nextBlock());
            assertEquals(new TreeMap<>(catalog.blocks(s)).keySet(), Set.of(1, 3, 4, 7, 8, 9, 10, 11, 12, 13),
                    "removed and replaced blocks are purged");
            assertNotEquals(loaded.fingerprint(), s.fingerprint());

            List<RowBlock> blocks = new ArrayList<>(new TreeMap<>(catalog.blocks(s)).values());
            ColumnStatsAggregator local = new ColumnStatsAggregator();
            for (RowBlock b : blocks) {
                local.accumulate(Map.entry(b.blockId(), b));
            }
            List<ColumnSummary> stats = DatasetStatistics.describe(catalog, "b").columns();
            for (int c = 0; c < stats.size(); c++) {
                assertEquals(local.summary(c, stats.get(c).name()), stats.get(c), "column " + c + " vs the local pass");
            }
            ColumnChoice cols = ColumnChoice.resolve(s, null, FEATURES, false);
            KMeansOptions km = new KMeansOptions(3, 100, 0, "kmeans-parallel", 7);
            String inGrid = ModelJson.write(KMeansTrainer.fit(new GridPassRunner(catalog, s), cols.featureColumns(),
                    cols.features(), km, IterationListener.NONE, null));
            String reference = ModelJson.write(KMeansTrainer.fit(new LocalPassRunner(blocks, s.blockSize()),
                    cols.featureColumns(), cols.features(), km, IterationListener.NONE, null));
            assertEquals(reference, inGrid, "k-means (sampling by row id) vs the local reference");
            LinearOptions split = LinearOptions.ols().withGrouping(new RowGrouping(0.25, 0, 42));
            ModelDocument qr = LinearTrainer.train(hz, new LinearJob("b", "medv", null, split));
            assertEquals(s.rows(), ((Number) qr.provenance().get("rows")).longValue());
            if (firstSchema != null) {
                assertEquals(firstSchema.fingerprint(), s.fingerprint(), "the same changes, the same fingerprint");
                assertEquals(firstSchema.layout(), s.layout());
                assertEquals(firstStats, stats, members + " members");
                assertEquals(firstKMeans, inGrid, members + " members");
                assertArrayEquals(firstQr.coefficients(), qr.coefficients(), 0.0, members + " members");
                assertEquals(firstQr.metrics(), qr.metrics(), "train/test split by row id, " + members + " members");
            }
            firstSchema = s;
            firstStats = stats;
            firstKMeans = inGrid;
            firstQr = qr;
            factory.terminateAll();
        }
    }

    @Test
    void unknownBlocksAndEmptyingADatasetAreRefusedAndChangeNothing() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema s = TestData.load(catalog, "boston.csv", "b", 100);
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> DatasetEditor.removeBlocks(catalog, "b", BlockIds.parse("3,6-8")));
        assertTrue(unknown.getMessage().contains("no blocks 6-8") && unknown.getMessage().contains("0-5"),
                unknown.getMessage());
        assertThrows(BadInputException.class, () -> DatasetEditor.removeBlocks(catalog, "nope", BlockIds.of(0)));
        BadInputException all = assertThrows(BadInputException.class,
                () -> DatasetEditor.removeBlocks(catalog, "b", BlockIds.range(0, 6)));
        assertTrue(all.getMessage().contains("drop"), all.getMessage());
        assertThrows(BadInputException.class, () -> DatasetEditor.replaceCsv(catalog, "b", BlockIds.of(9),
                rows(0, 10), null, c -> { }));
        Path wrongHeader = tmp.resolve("wrong.csv");
        Files.writeString(wrongHeader, "a,b\n1,2\n");
        assertThrows(BadInputException.class, () -> DatasetEditor.replaceCsv(catalog, "b", BlockIds.of(1),
                wrongHeader, null, c -> { }));
        assertEquals(s, catalog.get("b"), "schema untouched");
        assertEquals(6, catalog.blocks(s).size(), "no block deleted or staged");
    }

    @Test
    void aChangeThatLosesToAConflictingChangeLeavesNothingBehind() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema s = TestData.load(catalog, "boston.csv", "b", 100);
        List<RowBlock> replacement = DatasetAppender.readCsv(s, rows(0, 150), null);
        // between staging and publishing, another client removes block 3, which this change replaces
        GridlearnException e = assertThrows(GridlearnException.class, () -> DatasetEditor.commit(catalog, s,
                BlockIds.of(3), replacement, "r.csv",
                () -> DatasetEditor.removeBlocks(catalog, "b", BlockIds.of(3))));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        DatasetSchema now = catalog.get("b");
        assertEquals("0-2,4-5", now.layout().toString(), "only the other client's removal happened");
        assertEquals(506 - 100, now.rows());
        assertEquals(Set.of(0, 1, 2, 4, 5), new HashSet<>(catalog.blocks(now).keySet()), "staged blocks deleted");
        assertEquals(506 - 100, DatasetStatistics.describe(catalog, "b").rows());
    }

    @Test
    void aChangeThatLosesTheCompareAndSetToAnAppendIsPublishedOnTopOfIt() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 2)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema s = TestData.load(catalog, "boston.csv", "b", 100);
        List<RowBlock> replacement = DatasetAppender.readCsv(s, rows(0, 150), null);
        List<RowBlock> more = DatasetAppender.readCsv(s, rows(200, 210), null);
        DatasetChange c = DatasetEditor.commit(catalog, s, BlockIds.of(3), replacement, "r.csv",
                () -> DatasetAppender.appendBlocks(catalog, s, more, "more.csv"));
        // ids 6-7 were reserved by the replacement before the append reserved 8
        assertEquals("6-7", c.added().toString());
        assertEquals("0-2,4-8", c.after().layout().toString());
        assertEquals(506 - 100 + 150 + 10, c.after().rows());
        assertEquals("0-5,8", c.before().layout().toString(), "published on top of the append");
        DatasetEditor.purge(catalog, c);
        assertEquals(c.after().rows(), DatasetStatistics.describe(catalog, "b").rows());
    }

    @Test
    void passesReadOnlyTheSchemasBlocksSoStagedAndUnpurgedBlocksCauseNoRetry() throws Exception {
        HazelcastInstance hz = TestGrids.start(factory, 3)[0];
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema s = TestData.load(catalog, "boston.csv", "b", 64);
        DatasetStatistics.Description before = DatasetStatistics.describe(catalog, "b");
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger passes = Logger.getLogger(Passes.class.getName());
        passes.addHandler(capture);
        try {
            // an append between writing its blocks and publishing its schema: blocks the schema does not name
            List<RowBlock> staged = DatasetAppender.readCsv(s, rows(0, 100), null);
            for (int i = 0; i < staged.size(); i++) {
                RowBlock b = staged.get(i);
                catalog.blocks(s).set(s.nextBlock() + i, new RowBlock(s.nextBlock() + i, b.rows(), b.cols(), b.values()));
            }
            assertEquals(before, DatasetStatistics.describe(catalog, "b"), "staged blocks are not read");
            catalog.blocks(s).delete(s.nextBlock());
            catalog.blocks(s).delete(s.nextBlock() + 1);
            // a removal published but not purged yet: the removed block is still stored
            DatasetChange c = DatasetEditor.commit(catalog, s, BlockIds.of(2), List.of(), "blocks 2", null);
            assertTrue(catalog.blocks(s).containsKey(2));
            DatasetStatistics.Description after = DatasetStatistics.describe(catalog, "b");
            assertEquals(506 - 64, after.rows());
            assertEquals(506 - 64, after.columns().get(0).count(), "the unpurged block is not read");
            assertEquals(BlockIds.parse("0-1,3-7"), after.layout());
            DatasetEditor.purge(catalog, c);
            assertFalse(catalog.blocks(s).containsKey(2));
        } finally {
            passes.removeHandler(capture);
        }
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList(), "no pass was retried");
    }

    @Test
    void concurrentAppendsAndARemovalAllLand() throws Exception {
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        DatasetSchema s = TestData.load(catalog, "boston.csv", "b", 100);
        List<RowBlock> ten = DatasetAppender.readCsv(s, rows(0, 10), null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                DatasetCatalog own = new DatasetCatalog(grid[t % 2]);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        DatasetAppender.appendBlocks(own, s, ten, "ten.csv"); // a stale schema on purpose
                    }
                    return null;
                }));
            }
            done.add(pool.submit(() -> DatasetEditor.removeBlocks(catalog, "b", BlockIds.of(1))));
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        DatasetSchema now = catalog.get("b");
        assertEquals(506 - 100 + 12 * 10, now.rows());
        assertEquals(6 - 1 + 12, now.blocks());
        assertEquals(now.blocks(), catalog.blocks(now).size(), "no orphan, no lost block");
        assertEquals(now.rows(), DatasetStatistics.describe(catalog, "b").rows());
    }

    /** A CSV with boston's header and its data rows {@code from} to {@code to − 1}. */
    private Path rows(int from, int to) throws Exception {
        List<String> lines = Files.readAllLines(Oracles.resource("boston.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(from + 1, to + 1));
        Path p = tmp.resolve("rows-" + from + "-" + to + ".csv");
        Files.write(p, out);
        return p;
    }
}
