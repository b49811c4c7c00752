package io.gridlearn.data.hostmap;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.Missing;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.StagedBlocks;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Gridlearn.follow}: after random puts, updates and removes the followed dataset equals the map (rows as a
 * multiset, hence exact column sums) and a live linear model equals, bit for bit, a full {@code cholesky} refit on it
 * and on a fresh conversion of the map; a journal overrun is detected and healed; following is refused without a
 * journal, stalls (and says why) on a row it cannot represent, and ends when stopped or dropped.
 */
class FollowTest {
    private static final String[] PATHS = {"x1", "x2", "y"};

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private HazelcastInstance[] grid(int members, int journalCapacity) {
        Config c = TestGrids.config();
        if (journalCapacity > 0) {
            c.getMapConfig("orders").getEventJournalConfig().setEnabled(true).setCapacity(journalCapacity);
        }
        HazelcastInstance[] out = new HazelcastInstance[members];
        for (int i = 0; i < members; i++) {
            out[i] = factory.newHazelcastInstance(c);
        }
        return out;
    }

    private static GenericRecord record(double[] v) {
        return GenericRecordBuilder.compact("Order").setNullableFloat64("x1", Double.isNaN(v[0]) ? null : v[0])
                .setFloat64("x2", v[1]).setFloat64("y", v[2]).build();
    }

    private static double[] draw(Random rnd) {
        double x1 = Math.round(rnd.nextDouble() * 10_000) / 100.0;
        double x2 = rnd.nextInt(50);
        return new double[] {x1, x2, 1.5 + 0.25 * x1 - 3 * x2 + rnd.nextGaussian()};
    }

    /** {@code ops} random puts of new keys, updates and removes, mirrored in {@code mirror}. */
    private static void churn(IMap<Long, GenericRecord> map, Map<Long, double[]> mirror, Random rnd, int ops,
                              long[] nextKey) {
        List<Long> keys = new ArrayList<>(mirror.keySet());
        for (int i = 0; i < ops; i++) {
            int kind = rnd.nextInt(10);
            if (kind < 3 || keys.size() < 10) {
                long k = nextKey[0]++;
                double[] v = draw(rnd);
                map.set(k, record(v));
                mirror.put(k, v);
                keys.add(k);
            } else if (kind < 7) {
                long k = keys.get(rnd.nextInt(keys.size()));
                double[] v = draw(rnd);
                map.set(k, record(v));
                mirror.put(k, v);
            } else {
                int at = rnd.nextInt(keys.size());
                long k = keys.get(at);
                keys.set(at, keys.get(keys.size() - 1));
                keys.remove(keys.size() - 1);
                map.delete(k);
                mirror.remove(k);
            }
        }
    }

    private static Map<Long, double[]> fill(IMap<Long, GenericRecord> map, int n, Random rnd, long[] nextKey) {
        Map<Long, double[]> mirror = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long k = nextKey[0]++;
            double[] v = draw(rnd);
            map.set(k, record(v));
            mirror.put(k, v);
        }
        return mirror;
    }

    /** The dataset equals the map: the same keys, each once, in its own partition, with its row; exact sums. */
    private static void assertEqualsMap(HazelcastInstance hz, String dataset, Map<Long, double[]> mirror) {
        DatasetSchema s = new DatasetCatalog(hz).get(dataset);
        assertEquals(mirror.size(), s.rows(), "row count");
        IMap<Integer, RowBlock> blocks = new DatasetCatalog(hz).blocks(s);
        IMap<Integer, SourceKeys> keys = hz.getMap(StagedBlocks.keysMapName(s.mapName()));
        var ss = ((SerializationServiceSupport) hz).getSerializationService();
        PartitionService ps = hz.getPartitionService();
        Set<Long> seen = new HashSet<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int id : s.layout().toArray()) {
            RowBlock b = blocks.get(id);
            SourceKeys k = keys.get(id);
            assertEquals(b.rows(), k.size(), "block " + id);
            for (int r = 0; r < b.rows(); r++) {
                Long key = ss.toObject(new HeapData(k.key(r)));
                assertTrue(seen.add(key), "key " + key + " twice");
                assertEquals(ps.getPartition(id).getPartitionId(), ps.getPartition(key).getPartitionId(), "key " + key);
                double[] row = {b.get(r, 0), b.get(r, 1), b.get(r, 2)};
                assertArrayEquals(mirror.get(key), row, 0.0, "key " + key);
                for (int c = 0; c < 3; c++) {
                    sums[c] = sums[c].add(new BigDecimal(row[c]));
                }
            }
        }
        assertEquals(mirror.keySet(), seen);
        for (int c = 0; c < 3; c++) {
            BigDecimal expected = BigDecimal.ZERO;
            for (double[] v : mirror.values()) {
                expected = expected.add(new BigDecimal(v[c]));
            }
            assertEquals(0, expected.compareTo(sums[c]), "exact sum of " + PATHS[c]);
        }
    }

    private static void assertBitIdentical(ModelDocument expected, ModelDocument actual) {
        assertEquals(Double.doubleToRawLongBits(expected.intercept()), Double.doubleToRawLongBits(actual.intercept()),
                "intercept");
        assertEquals(expected.coefficients().length, actual.coefficients().length);
        for (int i = 0; i < expected.coefficients().length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected.coefficients()[i]),
                    Double.doubleToRawLongBits(actual.coefficients()[i]), "coefficient " + i);
        }
    }

    private static LinearJob job(String dataset) {
        return new LinearJob(dataset, "y", null, LinearOptions.ols().withSolver("cholesky"));
    }

    @Test
    void tenThousandChangesLaterTheLiveModelEqualsAFullRefitOnTheMap() {
        HazelcastInstance[] grid = grid(2, 100_000);
        HazelcastInstance hz = grid[1];
        IMap<Long, GenericRecord> map = hz.getMap("orders");
        Random rnd = new Random(5);
        long[] nextKey = {1000};
        Map<Long, double[]> mirror = fill(map, 3000, rnd, nextKey);
        Gridlearn gl = Gridlearn.on(hz);
        long interval = 100;
        long started = System.currentTimeMillis();
        Dataset ds = gl.follow("orders", "orders-ds", Missing.ERROR, List.of(PATHS), Duration.ofMillis(interval));
        assertEquals(3000, ds.rows());
        ModelDocument v1 = LiveModels.register(hz, "live", job("orders-ds"));
        assertEquals(1, v1.version());

        churn(map, mirror, rnd, 10_000, nextKey);
        long quiet = System.currentTimeMillis();
        FollowStatus status = HostMapFollow.awaitCaughtUp(hz, "orders-ds", quiet, 60_000);
        long elapsed = System.currentTimeMillis() - started;

        assertEquals(FollowStatus.FOLLOWING, status.state(), String.valueOf(status.message()));
        assertEquals(0, status.heals(), "a journal of 100,000 events is not overrun here");
        assertTrue(status.changes() >= 1);
        // at most one change per interval (+1: the first round may come right after the start)
        assertTrue(status.changes() <= elapsed / interval + 1, status.changes() + " changes in " + elapsed + " ms");
        assertEqualsMap(hz, "orders-ds", mirror);

        ModelDocument live = ModelStore.forInstance(hz).current("live").orElseThrow();
        assertTrue(live.version() >= 2);
        assertTrue(live.version() <= status.changes() + 1, "one version per published change at most");
        ModelDocument refit = LinearTrainer.train(hz, job("orders-ds"));
        assertBitIdentical(refit, live);
        // a fresh conversion of the map holds the same blocks (content), so the same bits again
        gl.fromMap("orders", "fresh", PATHS);
        assertBitIdentical(LinearTrainer.train(hz, job("fresh")), live);
    }

    @Test
    void anOverrunJournalIsDetectedAndHealedByAFullReconversion() {
        HazelcastInstance[] grid = grid(2, 46); // 2 events per partition (23 partitions)
        HazelcastInstance hz = grid[0];
        IMap<Long, GenericRecord> map = hz.getMap("orders");
        Random rnd = new Random(9);
        long[] nextKey = {0};
        Map<Long, double[]> mirror = fill(map, 500, rnd, nextKey);
        Gridlearn gl = Gridlearn.on(hz);
        gl.follow("orders", "orders-ds", Missing.ERROR, List.of(PATHS), Duration.ofMillis(400));
        LiveModels.register(hz, "live", job("orders-ds"));
        HostMapFollow.awaitCaughtUp(hz, "orders-ds", System.currentTimeMillis(), 30_000);

        churn(map, mirror, rnd, 2000, nextKey); // far more than 2 events per partition within one round
        FollowStatus status = HostMapFollow.awaitCaughtUp(hz, "orders-ds", System.currentTimeMillis(), 60_000);

        assertTrue(status.heals() >= 1, "overrun detected");
        assertEqualsMap(hz, "orders-ds", mirror);
        assertBitIdentical(LinearTrainer.train(hz, job("orders-ds")),
                ModelStore.forInstance(hz).current("live").orElseThrow());
    }

    @Test
    void aMapWithoutJournalIsRefusedAndNothingIsLeftBehind() {
        HazelcastInstance hz = grid(1, 0)[0];
        IMap<Long, GenericRecord> map = hz.getMap("orders");
        fill(map, 50, new Random(1), new long[] {0});
        BadInputException e = assertThrows(BadInputException.class,
                () -> Gridlearn.on(hz).follow("orders", "orders-ds", PATHS));
        assertTrue(e.getMessage().startsWith("map 'orders' has no event journal"), e.getMessage());
        assertTrue(new DatasetCatalog(hz).find("orders-ds").isEmpty());
        assertTrue(HostMapFollow.statuses(hz).isEmpty());
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> Gridlearn.on(hz).follow("nothing", "d", PATHS));
        assertEquals("map 'nothing' does not exist in the grid", unknown.getMessage());
    }

    @Test
    void aRowThatCannotBeRepresentedStallsTheFollowerUntilTheMapIsFixed() throws InterruptedException {
        HazelcastInstance hz = grid(1, 10_000)[0];
        IMap<Long, GenericRecord> map = hz.getMap("orders");
        Random rnd = new Random(3);
        long[] nextKey = {0};
        Map<Long, double[]> mirror = fill(map, 200, rnd, nextKey);
        Gridlearn gl = Gridlearn.on(hz);
        gl.follow("orders", "orders-ds", Missing.ERROR, List.of(PATHS), Duration.ofMillis(50));
        map.set(7L, record(new double[] {Double.NaN, 1, 2}));
        long deadline = System.currentTimeMillis() + 30_000;
        FollowStatus s;
        do {
            Thread.sleep(5);
            s = HostMapFollow.status(hz, "orders-ds").orElseThrow();
        } while (!s.state().equals(FollowStatus.STALLED) && System.currentTimeMillis() < deadline);
        assertEquals(FollowStatus.STALLED, s.state());
        assertTrue(s.message().contains("key 7, path 'x1'"), s.message());
        assertEquals(200, new DatasetCatalog(hz).get("orders-ds").rows(), "nothing published while stalled");

        double[] fixed = {1, 2, 3};
        map.set(7L, record(fixed));
        mirror.put(7L, fixed);
        HostMapFollow.awaitCaughtUp(hz, "orders-ds", System.currentTimeMillis(), 30_000);
        assertEqualsMap(hz, "orders-ds", mirror);
    }

    @Test
    void stoppingOrDroppingEndsTheFollowerAndFollowingAgainResumes() throws InterruptedException {
        HazelcastInstance[] grid = grid(2, 10_000);
        HazelcastInstance hz = grid[0];
        IMap<Long, GenericRecord> map = hz.getMap("orders");
        Random rnd = new Random(4);
        long[] nextKey = {0};
        Map<Long, double[]> mirror = fill(map, 300, rnd, nextKey);
        Gridlearn gl = Gridlearn.on(hz);
        gl.follow("orders", "orders-ds", Missing.ERROR, List.of(PATHS), Duration.ofMillis(50));
        BadInputException twice = assertThrows(BadInputException.class,
                () -> gl.follow("orders", "orders-ds", PATHS));
        assertTrue(twice.getMessage().contains("is followed already"), twice.getMessage());

        assertTrue(gl.stopFollowing("orders-ds"));
        assertFalse(gl.stopFollowing("orders-ds"));
        waitUntilNoFollower(grid, "orders-ds");
        assertTrue(HostMapFollow.status(hz, "orders-ds").isEmpty());
        churn(map, mirror, rnd, 100, nextKey);
        Thread.sleep(300);
        assertEquals(300, new DatasetCatalog(hz).get("orders-ds").rows(), "a stopped follower changes nothing");

        // following the existing dataset again re-converts every partition in its first round
        gl.follow("orders", "orders-ds", Missing.ERROR, List.of(PATHS), Duration.ofMillis(50));
        HostMapFollow.awaitCaughtUp(hz, "orders-ds", System.currentTimeMillis(), 30_000);
        assertEqualsMap(hz, "orders-ds", mirror);
        BadInputException other = assertThrows(BadInputException.class,
                () -> gl.follow("orders", "orders-ds", Missing.ERROR, List.of("x1", "y"), Duration.ofMillis(50)));
        assertTrue(other.getMessage().contains("is followed already"), other.getMessage());

        assertTrue(new DatasetCatalog(hz).drop("orders-ds"));
        waitUntilNoFollower(grid, "orders-ds");
        assertTrue(HostMapFollow.statuses(hz).isEmpty());
        assertTrue(((IMap<?, ?>) hz.getMap(HostMapFollow.SPECS_MAP)).isEmpty());
    }

    private static void waitUntilNoFollower(HazelcastInstance[] grid, String dataset) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (Arrays.stream(grid).anyMatch(m -> JournalFollower.runsHere(m, dataset))) {
            assertTrue(System.currentTimeMillis() < deadline, "the follower did not end");
            Thread.sleep(10);
        }
    }
}
