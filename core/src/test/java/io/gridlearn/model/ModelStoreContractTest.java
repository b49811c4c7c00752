package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.grid.CpSupport;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same contract for both store implementations. */
class ModelStoreContractTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private ModelStore store(String kind, HazelcastInstance hz) {
        if (kind.equals("cp")) {
            Assumptions.assumeTrue(CpSupport.available(), "this Hazelcast build has no community CP Subsystem");
            return new CpModelStore(hz);
        }
        return new MapModelStore(hz);
    }

    static ModelDocument model(double intercept, String tag) {
        return new ModelDocument(ModelDocument.FORMAT, null, 0, "linear", "y", List.of("x"), intercept,
                new double[] {1.5}, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Map.of("tag", tag), Map.of(), Map.of("createdAt", "now"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cp", "map"})
    void versionsAdvanceByCompareAndSetAndHistoryKeepsThemAll(String kind) {
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        ModelStore store = store(kind, grid[0]);
        ModelStore other = store(kind, grid[1]);
        assertTrue(store.current("m").isEmpty());
        ModelDocument v1 = store.publish("m", 0, model(1, "a"));
        assertEquals(1, v1.version());
        assertEquals("m", v1.name());
        ModelDocument v2 = other.publish("m", 1, model(2, "b"));
        assertEquals(2, v2.version());
        StaleModelException stale = assertThrows(StaleModelException.class, () -> store.publish("m", 1, model(3, "c")));
        assertTrue(stale.getMessage().contains("version 2"), stale.getMessage());
        assertThrows(StaleModelException.class, () -> store.publish("m", 0, model(3, "c")));
        assertEquals(2.0, store.get("m").intercept(), 0.0);
        List<ModelDocument> history = other.history("m");
        assertEquals(List.of(1L, 2L), history.stream().map(ModelDocument::version).toList());
        assertEquals(1.0, history.get(0).intercept(), 0.0);
        assertEquals(List.of("m"), store.names());
        assertThrows(BadInputException.class, () -> store.get("nope"));
        assertThrows(BadInputException.class, () -> store.publish("bad name!", 0, model(1, "x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cp", "map"})
    void concurrentWritersNeverLoseAnUpdateSilently(String kind) throws Exception {
        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        int writers = 4;
        int attempts = 25;
        AtomicInteger won = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Future<?>[] fs = new Future<?>[writers];
            for (int w = 0; w < writers; w++) {
                ModelStore s = store(kind, grid[w % grid.length]);
                int id = w;
                fs[w] = pool.submit(() -> {
                    for (int i = 0; i < attempts; i++) {
                        long seen = s.current("race").map(ModelDocument::version).orElse(0L);
                        try {
                            s.publish("race", seen, model(id * 1000 + i, "w" + id));
                            won.incrementAndGet();
                        } catch (StaleModelException e) {
                            lost.incrementAndGet();
                        }
                    }
                });
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ModelStore s = store(kind, grid[0]);
        assertEquals(writers * attempts, won.get() + lost.get());
        assertEquals(won.get(), s.get("race").version(), "every successful publish is exactly one version");
        List<ModelDocument> history = s.history("race");
        assertEquals(won.get(), history.size(), "every published version is in the history");
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).version());
            distinct.add(history.get(i).intercept());
        }
        assertEquals(won.get(), distinct.size(), "no version overwrote another's content");
    }
}
