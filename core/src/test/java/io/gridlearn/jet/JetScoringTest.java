package io.gridlearn.jet;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.jet.Job;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.Dataset;
import io.gridlearn.FitOptions;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import io.gridlearn.PredictionType;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Jet scoring stage on an in-process grid with Jet enabled by gridlearn's member configuration, on 1 and 2
 * members: the journal pipeline ({@link GridlearnJet#journalScoring}) scores every entry of a map of Compact records
 * with exactly the bits {@link Model#predict} gives, follows updates and removes, and once a new model version is
 * published, the changes after it are scored by that version, bit for bit. The scorer itself reads JSON values,
 * gives NaN for a missing input and refuses text naming model, key and path.
 */
class JetScoringTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private record Order(double price, int qty, double y, double y2) {
        GenericRecord record() {
            return GenericRecordBuilder.compact("Order").setFloat64("price", price).setInt32("qty", qty)
                    .setFloat64("y", y).setFloat64("y2", y2).build();
        }

        Map<String, Double> features() {
            return Map.of("price", price, "qty", (double) qty);
        }
    }

    private static Order order(Random rnd) {
        double price = Math.round(rnd.nextDouble() * 10_000) / 100.0;
        int qty = 1 + rnd.nextInt(9);
        return new Order(price, qty, 2 + 0.7 * price - 1.5 * qty + rnd.nextGaussian(),
                -1 + 0.3 * price + 2 * qty + rnd.nextGaussian());
    }

    private HazelcastInstance[] grid(int members) {
        Config c = TestGrids.config();
        c.getMapConfig("orders").getEventJournalConfig().setEnabled(true).setCapacity(100_000);
        HazelcastInstance[] out = new HazelcastInstance[members];
        for (int i = 0; i < members; i++) {
            out[i] = factory.newHazelcastInstance(c);
        }
        return out;
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the sink holds exactly one score per key of {@code want}, each with the bits {@code model} gives. */
    private static void awaitScores(IMap<Long, Double> scores, Map<Long, Order> want, Model model, String what)
            throws InterruptedException {
        await(() -> {
            if (scores.size() != want.size()) {
                return false;
            }
            Map<Long, Double> got = scores.getAll(want.keySet());
            for (Map.Entry<Long, Order> e : want.entrySet()) {
                Double s = got.get(e.getKey());
                if (s == null || Double.doubleToRawLongBits(s)
                        != Double.doubleToRawLongBits(model.predict(e.getValue().features()))) {
                    return false;
                }
            }
            return true;
        }, what);
    }

    @Test
    void journalPipelineScoresEveryChangeWithTheNewestModelVersion() throws InterruptedException {
        for (int members = 1; members <= 2; members++) {
            HazelcastInstance[] grid = grid(members);
            HazelcastInstance hz = grid[0];
            Random rnd = new Random(13 + members);
            IMap<Long, GenericRecord> orders = hz.getMap("orders");
            Map<Long, Order> want = new HashMap<>();
            for (long k = 0; k < 1_000; k++) {
                Order o = order(rnd);
                orders.set(k, o.record());
                want.put(k, o);
            }
            Gridlearn gl = Gridlearn.on(hz);
            Dataset ds = gl.fromMap("orders", "orders-ds", "price", "qty", "y", "y2");
            Model v1 = gl.fit(Linear.ols().target("y").features("price", "qty"), ds, FitOptions.named("orders-model"));
            assertEquals(1, v1.version());

            Job job = hz.getJet().newJob(GridlearnJet.journalScoring("orders", "scores",
                    GridlearnJet.scorer("orders-model", PredictionType.RESPONSE, Duration.ofMillis(20))));
            IMap<Long, Double> scores = hz.getMap("scores");
            awaitScores(scores, want, v1, "the first scores, members " + members);

            // updates, new keys and removes: the sink follows, each score from the entry's latest value
            for (int i = 0; i < 300; i++) {
                long k = rnd.nextInt(1_200);
                if (i % 5 == 0) {
                    orders.delete(k);
                    want.remove(k);
                } else {
                    Order o = order(rnd);
                    orders.set(k, o.record());
                    want.put(k, o);
                }
            }
            awaitScores(scores, want, v1, "the changed scores, members " + members);

            Model v2 = gl.fit(Linear.ols().target("y2").features("price", "qty"), ds, FitOptions.named("orders-model"));
            assertEquals(2, v2.version());
            assertNotEquals(v1.predict(want.values().iterator().next().features()),
                    v2.predict(want.values().iterator().next().features()));
            // each member's scorer takes the new version within its refresh: probe with a key owned by every member
            List<Long> probes = new ArrayList<>();
            for (HazelcastInstance m : grid) {
                long k = 10_000;
                while (!hz.getPartitionService().getPartition(k).getOwner().equals(m.getCluster().getLocalMember())) {
                    k++;
                }
                probes.add(k);
            }
            for (long probe : probes) {
                Order o = order(rnd);
                await(() -> {
                    orders.set(probe, o.record());
                    Double s = scores.get(probe);
                    return s != null && Double.doubleToRawLongBits(s) == Double.doubleToRawLongBits(v2.predict(o.features()));
                }, "version 2 on the member of key " + probe);
                want.put(probe, o);
            }
            for (long k : new ArrayList<>(want.keySet())) {
                Order o = order(rnd);
                orders.set(k, o.record());
                want.put(k, o);
            }
            awaitScores(scores, want, v2, "every later change scored by version 2, members " + members);
            job.cancel();
            // wait for the job to end, so that no processor is still scoring while the members go down
            assertThrows(java.util.concurrent.CancellationException.class, job::join);
            factory.terminateAll();
        }
    }

    @Test
    void scorerReadsJsonPathsGivesNaNForMissingAndRefusesText() {
        HazelcastInstance hz = grid(1)[0];
        Random rnd = new Random(3);
        IMap<Long, GenericRecord> orders = hz.getMap("orders");
        for (long k = 0; k < 200; k++) {
            orders.set(k, order(rnd).record());
        }
        Gridlearn gl = Gridlearn.on(hz);
        Model m = gl.fit(Linear.ols().target("y").features("price", "qty"), gl.fromMap("orders", "o", "price", "qty", "y"),
                FitOptions.named("m"));
        try (JetScorer s = new JetScorer(hz, "m", List.of("item.price", "qty"), PredictionType.RESPONSE, 1_000)) {
            double want = m.predict(Map.of("price", 12.5, "qty", 3.0));
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(
                    s.score(1L, new HazelcastJsonValue("{\"item\":{\"price\":12.5},\"qty\":3}"))));
            assertTrue(Double.isNaN(s.score(2L, new HazelcastJsonValue("{\"item\":{\"price\":null},\"qty\":3}"))));
            BadInputException e = assertThrows(BadInputException.class,
                    () -> s.score(7L, new HazelcastJsonValue("{\"item\":{\"price\":\"cheap\"},\"qty\":3}")));
            assertEquals("model 'm', key 7, path 'item.price': a value of type java.lang.String, not a number or boolean "
                    + "(the model's inputs are numeric)", e.getMessage());
            assertEquals(1, s.version());
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> new JetScorer(hz, "m", List.of("price"), PredictionType.RESPONSE, 1_000));
        assertTrue(e.getMessage().contains("reads price, qty, but the scorer reads the paths price"), e.getMessage());
        assertThrows(BadInputException.class, () -> new JetScorer(hz, "nope", List.of(), PredictionType.RESPONSE, 1_000));
    }
}
