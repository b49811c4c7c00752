package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code load --from-map} as a user scripts it against a running grid that holds a host map of JSON documents:
 * the dataset, a fit on it, {@code --missing skip}, and one-line refusals with exit status 2 that leave no dataset.
 */
class FromMapCliTest {
    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMember() {
        clusterName = "frommap-" + UUID.randomUUID().toString().substring(0, 8);
        com.hazelcast.config.Config config = GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 6161, true, List.of("127.0.0.1:6161"), 0, 1));
        // the host's journal, which --follow reads (map "orders" has none)
        config.getMapConfig("live-orders").getEventJournalConfig().setEnabled(true).setCapacity(100_000);
        member = Hazelcast.newHazelcastInstance(config);
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        IMap<Integer, HazelcastJsonValue> orders = member.getMap("orders");
        for (int i = 0; i < 400; i++) {
            String price = i == 17 ? "null" : String.format(Locale.ROOT, "%.2f", 10 + (i * 37 % 101) / 4.0);
            orders.set(i, new HazelcastJsonValue(String.format(Locale.ROOT,
                    "{\"price\":%s,\"qty\":%d,\"customer\":{\"segment\":\"%s\"},\"y\":%d}",
                    price, 1 + i % 7, i % 3 == 0 ? "smb" : "retail", 2 * i % 11)));
        }
    }

    @AfterAll
    static void stopMember() {
        member.getLifecycleService().terminate();
    }

    private static Cli.Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    private static void refused(String expected, String... args) {
        Cli.Run r = client(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err() + " should contain " + expected);
        Cli.Run list = client("datasets", "--json");
        assertEquals(0, list.exit(), list.err());
        assertFalse(list.out().contains("orders-ds"), "nothing left behind: " + list.out());
    }

    @Test
    void loadFromAMapThenFit() throws IOException {
        Cli.Run load = client("load", "--from-map", "orders", "--columns", "price,qty,customer.segment,y",
                "--name", "orders-ds", "--missing", "skip", "--json");
        assertEquals(0, load.exit(), load.err());
        JsonNode j = load.json();
        assertEquals(399, j.path("rows").asInt());
        assertEquals("[\"price\",\"qty\",\"customer.segment\",\"y\"]", j.path("columns").toString());
        Cli.Run describe = client("describe", "orders-ds", "--json");
        assertEquals(0, describe.exit(), describe.err());
        // the same rows from a CSV (row 17 left out, as skip does)
        List<String> lines = new ArrayList<>(List.of("price,qty,y"));
        for (int i = 0; i < 400; i++) {
            if (i != 17) {
                lines.add(String.format(Locale.ROOT, "%.2f", 10 + (i * 37 % 101) / 4.0) + "," + (1 + i % 7) + "," + (2 * i % 11));
            }
        }
        Path csv = tmp.resolve("orders.csv");
        Files.write(csv, lines);
        Cli.Run fromMap = client("fit", "linear", "--data", "orders-ds", "--target", "y", "--features", "price,qty",
                "--solver", "cholesky", "--name", "orders-model", "--json");
        assertEquals(0, fromMap.exit(), fromMap.err());
        Cli.Run fromCsv = client("fit", "linear", "--csv", csv.toString(), "--target", "y", "--solver", "cholesky", "--json");
        assertEquals(0, fromCsv.exit(), fromCsv.err());
        double[] a = {fromMap.json().path("intercept").asDouble(), fromMap.json().path("coefficients").get(0).asDouble()};
        double[] b = {fromCsv.json().path("intercept").asDouble(), fromCsv.json().path("coefficients").get(0).asDouble()};
        assertEquals(b[0], a[0], 1e-12 * Math.abs(b[0]));
        assertEquals(b[1], a[1], 1e-12 * Math.abs(b[1]));

        // predictions back into a map of the host, under the host's keys
        Cli.Run both = client("predict", "--model", "orders-model", "--data", "orders-ds", "--into", "x",
                "--into-map", "orders-scores");
        assertEquals(2, both.exit(), both.err());
        Cli.Run scored = client("predict", "--model", "orders-model", "--data", "orders-ds", "--into-map",
                "orders-scores", "--json");
        assertEquals(0, scored.exit(), scored.err());
        assertEquals(399, scored.json().path("rows").asInt());
        IMap<Integer, Double> scores = member.getMap("orders-scores");
        assertEquals(399, scores.size());
        assertNull(scores.get(17), "the entry left out by --missing skip has no prediction");
        double c2 = fromMap.json().path("coefficients").get(1).asDouble();
        for (int i : new int[] {0, 5, 399}) {
            double price = Double.parseDouble(String.format(Locale.ROOT, "%.2f", 10 + (i * 37 % 101) / 4.0));
            double want = a[0] + a[1] * price + c2 * (1 + i % 7);
            assertEquals(want, scores.get(i), 1e-12 * Math.abs(want), "key " + i);
        }
        Cli.Run loadCsv = client("load", csv.toString(), "--name", "orders-csv");
        assertEquals(0, loadCsv.exit(), loadCsv.err());
        Cli.Run notFromMap = client("predict", "--model", "orders-model", "--data", "orders-csv", "--into-map", "s2");
        assertEquals(2, notFromMap.exit(), notFromMap.err());
        assertTrue(notFromMap.err().contains("not built from a host map"), notFromMap.err());
        assertEquals(0, member.getMap("s2").size());
        assertEquals(0, client("drop", "orders-csv").exit());
        assertEquals(0, client("drop", "orders-ds").exit());
    }

    @Test
    void followKeepsTheDatasetEqualToTheMapAfterTheCommandEnds() {
        IMap<Integer, HazelcastJsonValue> live = member.getMap("live-orders");
        for (int i = 0; i < 100; i++) {
            live.set(i, new HazelcastJsonValue("{\"price\":" + (i + 0.5) + ",\"y\":" + (2 * i) + "}"));
        }
        Cli.Run load = client("load", "--from-map", "live-orders", "--columns", "price,y", "--name", "live-ds",
                "--follow", "--publish-every", "100", "--json");
        assertEquals(0, load.exit(), load.err());
        assertEquals(100, load.json().path("rows").asInt());
        assertEquals("live-orders", load.json().path("following").asText());
        // the command has ended; the follower runs on the member
        for (int i = 100; i < 150; i++) {
            live.set(i, new HazelcastJsonValue("{\"price\":" + i + ",\"y\":1}"));
        }
        live.delete(3);
        io.gridlearn.data.hostmap.HostMapFollow.awaitCaughtUp(member, "live-ds", System.currentTimeMillis(), 30_000);
        Cli.Run describe = client("describe", "live-ds", "--json");
        assertEquals(0, describe.exit(), describe.err());
        assertEquals(149, describe.json().path("rows").asInt(), describe.out());
        Cli.Run list = client("follow", "--json");
        assertEquals(0, list.exit(), list.err());
        assertEquals("live-ds", list.json().path("following").get(0).path("dataset").asText(), list.out());
        assertEquals("following", list.json().path("following").get(0).path("state").asText(), list.out());

        Cli.Run stop = client("follow", "--stop", "live-ds");
        assertEquals(0, stop.exit(), stop.err());
        Cli.Run again = client("follow", "--stop", "live-ds");
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("dataset 'live-ds' is not followed"), again.err());
        assertEquals(0, client("drop", "live-ds").exit());
    }

    @Test
    void badInputIsOneLineWithExitTwoAndLeavesNothing() {
        refused("map 'orders' has no event journal, which --follow reads",
                "load", "--from-map", "orders", "--columns", "qty", "--name", "orders-ds", "--follow");
        refused("--follow goes with --from-map", "load", "x.csv", "--follow", "--name", "orders-ds");
        refused("--publish-every goes with --follow",
                "load", "--from-map", "orders", "--columns", "qty", "--name", "orders-ds", "--publish-every", "50");
        refused("map 'orders', key 17, path 'price': the value is null",
                "load", "--from-map", "orders", "--columns", "price,qty", "--name", "orders-ds");
        refused("map 'orders', path 'customer.sgement': no entry has a value there",
                "load", "--from-map", "orders", "--columns", "qty,customer.sgement", "--name", "orders-ds");
        refused("map 'nosuch' does not exist in the grid",
                "load", "--from-map", "nosuch", "--columns", "qty", "--name", "orders-ds");
        refused("--missing is error or skip, was 'mean'",
                "load", "--from-map", "orders", "--columns", "qty", "--missing", "mean", "--name", "orders-ds");
        refused("give the attribute paths to read with --columns",
                "load", "--from-map", "orders", "--name", "orders-ds");
        refused("give a CSV file or --from-map MAP, not both",
                "load", "x.csv", "--from-map", "orders", "--columns", "qty", "--name", "orders-ds");
        refused("--columns goes with --from-map", "load", "x.csv", "--columns", "qty", "--name", "orders-ds");
        refused("give a CSV file or --from-map MAP", "load", "--name", "orders-ds");
    }
}
