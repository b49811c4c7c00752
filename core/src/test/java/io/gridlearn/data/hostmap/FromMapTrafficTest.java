package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.collectors.MetricsCollector;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.test.Accessors;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.grid.EmbeddedGrid;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bytes the members send each other during a conversion, counted by Hazelcast's own networking metrics
 * ({@code tcp.outputThread.bytesTransceived}: every byte written to each member's connections, published by each
 * connection to its IO thread's counter about once a second), on three real
 * members over loopback, with the driver a member (so no client traffic is counted). Without backups the
 * conversion's traffic is the tasks, their O(partitions + blocks) results and cluster chatter: it does not grow with
 * the rows. With one backup the new blocks and source keys are replicated too, reported apart as the difference.
 */
@org.junit.jupiter.api.Tag("slow")
class FromMapTrafficTest {
    private static long sent(EmbeddedGrid grid) {
        long[] total = {0};
        for (HazelcastInstance m : grid.members()) {
            Accessors.getNode(m).nodeEngine.getMetricsRegistry().collect(new MetricsCollector() {
                @Override
                public void collectLong(MetricDescriptor d, long v) {
                    if ("tcp.outputThread.bytesTransceived".equals(d.prefix() + "." + d.metric())) {
                        total[0] += v;
                    }
                }

                @Override
                public void collectDouble(MetricDescriptor d, double v) {
                }

                @Override
                public void collectException(MetricDescriptor d, Exception e) {
                }

                @Override
                public void collectNoValue(MetricDescriptor d) {
                }
            });
        }
        return total[0];
    }

    /** Member-to-member bytes of converting {@code n} Compact orders (5 columns) on 3 members. */
    private static long[] measure(int n, int backups, int port) throws InterruptedException {
        try (EmbeddedGrid grid = EmbeddedGrid.start("traffic-" + UUID.randomUUID().toString().substring(0, 8), 3, 0,
                backups, port)) {
            HazelcastInstance hz = grid.first();
            IMap<Long, GenericRecord> orders = hz.getMap("orders");
            Random rnd = new Random(1);
            Map<Long, GenericRecord> batch = new HashMap<>();
            for (long k = 0; k < n; k++) {
                batch.put(k, GenericRecordBuilder.compact("Order").setFloat64("price", rnd.nextDouble() * 100)
                        .setInt32("qty", rnd.nextInt(20)).setBoolean("express", rnd.nextBoolean())
                        .setGenericRecord("customer", GenericRecordBuilder.compact("Customer")
                                .setString("segment", "s" + rnd.nextInt(5)).build())
                        .setFloat64("y", rnd.nextGaussian()).build());
                if (batch.size() == 10_000) {
                    orders.putAll(batch);
                    batch.clear();
                }
            }
            orders.putAll(batch);
            // each connection publishes its byte count to its IO thread's counter about once a second: wait before
            // and after, so both readings include every byte written until then
            Thread.sleep(2500);
            long before = sent(grid);
            long t0 = System.nanoTime();
            Dataset d = Gridlearn.on(hz).fromMap("orders", "orders-ds", "price", "qty", "express", "customer.segment", "y");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(2500);
            long bytes = sent(grid) - before;
            assertEquals(n, d.rows());
            System.out.printf("from-map traffic: n=%d backups=%d blocks=%d member-to-member bytes=%d (%.2f per row) "
                    + "conversion %d ms%n", n, backups, d.blocks(), bytes, (double) bytes / n, ms);
            return new long[] {bytes, d.blocks()};
        }
    }

    @Test
    void withoutBackupsTheConversionSendsNoRowsBetweenMembers() throws InterruptedException {
        long[] small = measure(20_000, 0, 6101);
        long[] large = measure(200_000, 0, 6121);
        long[] replicated = measure(200_000, 1, 6141);
        // ten times the rows: the same blocks count (one per partition), and traffic that does not follow n
        assertEquals(small[1], large[1]);
        assertTrue(large[0] < 2 * small[0] + 65_536, "traffic grew with n: " + small[0] + " -> " + large[0]);
        // a single copy of the 200,000 rows' values alone is 200,000 × 5 × 8 = 8 MB: none of it travelled ...
        assertTrue(large[0] < 200_000L * 5 * 8 / 20, "conversion sent " + large[0] + " bytes");
        // ... until backups replicate the new blocks and keys, reported apart
        assertTrue(replicated[0] > 200_000L * 5 * 8, "the backups replicate the blocks: " + replicated[0]);
        System.out.printf("from-map backup replication of 200,000 rows: %d bytes%n", replicated[0] - large[0]);
    }
}
