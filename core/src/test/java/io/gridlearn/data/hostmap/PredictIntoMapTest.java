package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import io.gridlearn.PredictionType;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Gridlearn.predictIntoMap} ({@code predict --into-map}): on 1, 2 and 3 members, every entry of a host map
 * gets, under its own key in the target map, the prediction {@link Model#predict} gives for its values, bit for
 * bit, and every prediction is held by the member that holds the source entry; datasets not built from a map, the
 * source map itself and gridlearn's own maps are refused before anything is written.
 */
class PredictIntoMapTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private record Row(long key, double price, int qty, double y) {
    }

    private static List<Row> rows(int n) {
        Random rnd = new Random(5);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double price = Math.round(rnd.nextDouble() * 10_000) / 100.0;
            int qty = 1 + rnd.nextInt(9);
            out.add(new Row(500L + 3L * i, price, qty, 2 + 0.7 * price - 1.5 * qty + rnd.nextGaussian()));
        }
        return out;
    }

    @Test
    void everyEntryGetsItsPredictionUnderItsOwnKeyOnItsOwnMember() throws IOException {
        List<Row> rows = rows(2500);
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            HazelcastInstance hz = grid[members - 1];
            IMap<Long, HazelcastJsonValue> orders = hz.getMap("orders");
            for (Row r : rows) {
                orders.set(r.key(), new HazelcastJsonValue(String.format(Locale.ROOT,
                        "{\"price\":%s,\"qty\":%d,\"y\":%s}", r.price(), r.qty(), r.y())));
            }
            Gridlearn gl = Gridlearn.on(hz);
            Dataset ds = gl.fromMap("orders", "orders-ds", "price", "qty", "y");
            Model model = gl.fit(Linear.ols().target("y").features("price", "qty"), ds);

            assertEquals(rows.size(), gl.predictIntoMap(model, ds, "scores", PredictionType.RESPONSE));
            IMap<Long, Double> scores = hz.getMap("scores");
            assertEquals(rows.size(), scores.size());
            for (Row r : rows) {
                double want = model.predict(Map.of("price", r.price(), "qty", (double) r.qty()));
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(scores.get(r.key())),
                        "key " + r.key() + ", members " + members);
            }
            long owned = 0;
            for (HazelcastInstance m : grid) {
                IMap<Long, Double> local = m.getMap("scores");
                for (Long k : local.localKeySet()) {
                    assertTrue(m.getMap("orders").localKeySet().contains(k), "prediction of " + k + " on its entry's member");
                    owned++;
                }
            }
            assertEquals(rows.size(), owned);

            Path csv = tmp.resolve("orders-" + members + ".csv");
            List<String> lines = new ArrayList<>(List.of("price,qty,y"));
            rows.forEach(r -> lines.add(r.price() + "," + r.qty() + "," + r.y()));
            Files.write(csv, lines);
            Dataset fromCsv = gl.loadCsv(csv, "orders-csv");
            BadInputException e = assertThrows(BadInputException.class,
                    () -> gl.predictIntoMap(model, fromCsv, "scores-csv", PredictionType.RESPONSE));
            assertTrue(e.getMessage().contains("not built from a host map"), e.getMessage());
            e = assertThrows(BadInputException.class,
                    () -> gl.predictIntoMap(model, ds, "orders", PredictionType.RESPONSE));
            assertTrue(e.getMessage().contains("the map dataset 'orders-ds' was built from"), e.getMessage());
            e = assertThrows(BadInputException.class,
                    () -> gl.predictIntoMap(model, ds, "gridlearn.models", PredictionType.RESPONSE));
            assertTrue(e.getMessage().contains("gridlearn's own maps"), e.getMessage());
            assertEquals(0, hz.getMap("scores-csv").size());
            assertFalse(orders.values().stream().anyMatch(v -> v == null), "the source map is untouched");
            assertEquals(rows.size(), orders.size());
            factory.terminateAll();
        }
    }
}
