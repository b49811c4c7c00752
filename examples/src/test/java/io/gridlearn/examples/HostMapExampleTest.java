package io.gridlearn.examples;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.map.IMap;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host-map example runs as written: after the application's changes the followed dataset has the map's
 * rows, the live model equals a full Cholesky refit on a fresh conversion of the map bit for bit, and the Jet job
 * has scored every order with one of the model's versions, exactly as {@code Model.predict} does.
 */
class HostMapExampleTest {
    /** Runs the check until it passes, for at most 60 s (the journal job scores asynchronously). */
    private static void eventually(Runnable check) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void theLiveModelEqualsARefitOnTheMapAndEveryOrderIsScored() throws Exception {
        HazelcastInstance hz = HostMapExample.startMember("host-example-" + ProcessHandle.current().pid());
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            Job job = HostMapExample.run(hz, new PrintStream(buffer, true, StandardCharsets.UTF_8));
            List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("5,000 orders converted in place into 'orders-ds'; spend-model v1: "),
                    lines.get(0));

            IMap<Long, HostMapExample.Order> orders = hz.getMap(HostMapExample.MAP);
            Gridlearn gl = Gridlearn.on(hz);
            assertEquals(orders.size(), gl.dataset(HostMapExample.DATASET).rows());
            Model live = gl.models().get(HostMapExample.MODEL);
            assertTrue(live.version() >= 2, "the live model followed the changes: v" + live.version());
            assertTrue(lines.get(1).startsWith(String.format("%,d orders after ", orders.size()))
                    && lines.get(1).contains("spend-model v" + live.version() + ": "), lines.get(1));

            Dataset fresh = gl.fromMap(HostMapExample.MAP, "fresh", HostMapExample.COLUMNS);
            Model refit = gl.fit(Linear.ols().target("spend").solver(Linear.Solver.CHOLESKY), fresh);
            assertEquals(Double.doubleToRawLongBits(refit.intercept()), Double.doubleToRawLongBits(live.intercept()));
            for (int j = 0; j < 3; j++) {
                assertEquals(Double.doubleToRawLongBits(refit.coefficients()[j]),
                        Double.doubleToRawLongBits(live.coefficients()[j]), "coefficient " + j);
            }

            List<Model> versions = gl.models().history(HostMapExample.MODEL);
            IMap<Long, Double> scores = hz.getMap(HostMapExample.SCORES);
            eventually(() -> {
                assertEquals(orders.size(), scores.size(), "one score per order");
                for (Map.Entry<Long, HostMapExample.Order> e : orders.entrySet()) {
                    HostMapExample.Order o = e.getValue();
                    Map<String, Double> row = Map.of("price", o.price(), "qty", (double) o.qty(),
                            "discount", o.discount());
                    Double score = scores.get(e.getKey());
                    assertTrue(score != null && versions.stream().anyMatch(m -> m.predict(row) == score),
                            "order " + e.getKey() + " scored " + score);
                }
            });
            job.cancel();
        } finally {
            hz.shutdown();
        }
    }
}
