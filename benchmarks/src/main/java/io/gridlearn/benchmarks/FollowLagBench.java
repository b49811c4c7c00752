package io.gridlearn.benchmarks;

import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.gridlearn.Gridlearn;
import io.gridlearn.Missing;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.hostmap.FollowStatus;
import io.gridlearn.data.hostmap.HostMapFollow;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LiveModels;
import io.gridlearn.model.ModelStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The lag of {@code load --from-map … --follow}: a host map of n Compact records on real members (loopback), followed
 * with a live linear model; a writer makes {@code rate} puts, updates and removes per second for {@code seconds}; the
 * lag of a write is the time from its completion to the publication of the first change whose round started after it
 * (the follower's status gives each round's start, {@link FollowStatus#lastRead()}, and publication time: every write
 * completed before a round starts is in that round's change, and the live model's version is published before the
 * round's publication time is taken). Prints median, 90th and 99th percentiles and the maximum. Fixed seed.
 *
 * <p>Run: {@code java -cp benchmarks/target/gridlearn-benchmarks.jar io.gridlearn.benchmarks.FollowLagBench
 * [rows] [rate] [seconds] [members] [publishEveryMs]} (defaults 100,000, 1,000, 30, 3, 1,000).
 */
public final class FollowLagBench {
    private FollowLagBench() {
    }

    /**
     * Runs the measurement and prints its figures.
     *
     * @param args rows, writes per second, seconds, members, publish interval in ms
     * @throws Exception when the grid fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int members = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long every = args.length > 4 ? Long.parseLong(args[4]) : 1_000;
        Random rnd = new Random(42);
        try (EmbeddedGrid grid = EmbeddedGrid.start("follow-bench-" + ProcessHandle.current().pid(), members, 0, 1, 5701)) {
            HazelcastInstance hz = grid.first();
            // the host's side: the journal on its map, sized as docs/from-map.md says (10 × writes per round, ≥ 100,000)
            int capacity = (int) Math.max(100_000, 10L * rate * every / 1000);
            hz.getConfig().addMapConfig(new MapConfig("orders")
                    .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(capacity)));
            IMap<Long, GenericRecord> map = hz.getMap("orders");
            Map<Long, GenericRecord> batch = new HashMap<>();
            for (long k = 0; k < n; k++) {
                batch.put(k, record(rnd));
                if (batch.size() == 5_000) {
                    map.putAll(batch);
                    batch.clear();
                }
            }
            map.putAll(batch);
            Gridlearn gl = Gridlearn.on(hz);
            long t0 = System.nanoTime();
            gl.follow("orders", "orders-ds", Missing.ERROR, List.of("x1", "x2", "y"), Duration.ofMillis(every));
            System.out.printf("converted %,d entries on %d members in %.2f s%n", n, members, (System.nanoTime() - t0) / 1e9);
            LiveModels.register(hz, "orders-live", new LinearJob("orders-ds", "y", null,
                    LinearOptions.ols().withSolver("cholesky")));

            ConcurrentLinkedQueue<long[]> rounds = new ConcurrentLinkedQueue<>(); // {lastRead, lastPublished}
            IMap<String, FollowStatus> statuses = hz.getMap(HostMapFollow.STATUS_MAP);
            Object listener = new Listener(rounds);
            java.util.UUID reg = statuses.addEntryListener((com.hazelcast.map.listener.MapListener) listener, "orders-ds", true);

            int ops = rate * seconds;
            long[] done = new long[ops];
            long nextKey = n;
            List<Long> keys = new ArrayList<>();
            for (long k = 0; k < n; k++) {
                keys.add(k);
            }
            long start = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int kind = rnd.nextInt(100);
                if (kind < 15) {
                    map.set(nextKey, record(rnd));
                    keys.add(nextKey++);
                } else if (kind < 30) {
                    int at = rnd.nextInt(keys.size());
                    map.delete(keys.get(at));
                    keys.set(at, keys.get(keys.size() - 1));
                    keys.remove(keys.size() - 1);
                } else {
                    map.set(keys.get(rnd.nextInt(keys.size())), record(rnd));
                }
                done[i] = System.currentTimeMillis();
            }
            double achieved = ops / ((System.nanoTime() - start) / 1e9);
            FollowStatus last = HostMapFollow.awaitCaughtUp(hz, "orders-ds", System.currentTimeMillis(), 120_000);
            Thread.sleep(200); // the listener's last events
            statuses.removeEntryListener(reg);

            List<long[]> r = new ArrayList<>(rounds);
            r.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] lag = new long[ops];
            int j = 0;
            for (int i = 0; i < ops; i++) {
                while (j < r.size() && r.get(j)[0] <= done[i]) {
                    j++;
                }
                lag[i] = j < r.size() ? r.get(j)[1] - done[i] : -1;
            }
            long missing = Arrays.stream(lag).filter(x -> x < 0).count();
            long[] sorted = Arrays.stream(lag).filter(x -> x >= 0).sorted().toArray();
            double roundMs = r.stream().mapToLong(x -> x[1] - x[0]).average().orElse(Double.NaN);
            long rows = new DatasetCatalog(hz).get("orders-ds").rows();
            System.out.printf("%d members, %,d rows, %,d writes at %.0f/s (asked %d/s), publish every %d ms, journal "
                            + "capacity %,d%n", members, n, ops, achieved, rate, every, capacity);
            System.out.printf("changes published %d, model versions %d, heals %d, mean round (read→published) %.0f ms%n",
                    last.changes(), ModelStore.forInstance(hz).current("orders-live").orElseThrow().version(),
                    last.heals(), roundMs);
            System.out.printf("lag put→version: median %d ms, p90 %d ms, p99 %d ms, max %d ms (%d writes unmatched)%n",
                    pct(sorted, 0.5), pct(sorted, 0.9), pct(sorted, 0.99), sorted[sorted.length - 1], missing);
            System.out.printf("after quiet: dataset rows %,d, map size %,d%n", rows, map.size());
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static GenericRecord record(Random rnd) {
        double x1 = rnd.nextDouble() * 100;
        double x2 = rnd.nextInt(50);
        return GenericRecordBuilder.compact("Order").setFloat64("x1", x1).setFloat64("x2", x2)
                .setFloat64("y", 1.5 + 0.25 * x1 - 3 * x2 + rnd.nextGaussian()).build();
    }

    /** Records each round that published a change: its start and its publication time. */
    private static final class Listener implements EntryAddedListener<String, FollowStatus>,
            EntryUpdatedListener<String, FollowStatus> {
        private final ConcurrentLinkedQueue<long[]> rounds;
        private long lastChanges = -1;

        Listener(ConcurrentLinkedQueue<long[]> rounds) {
            this.rounds = rounds;
        }

        @Override
        public void entryAdded(EntryEvent<String, FollowStatus> e) {
            entryUpdated(e);
        }

        @Override
        public synchronized void entryUpdated(EntryEvent<String, FollowStatus> e) {
            FollowStatus s = e.getValue();
            if (s.changes() != lastChanges && s.lastPublished() > 0) {
                lastChanges = s.changes();
                rounds.add(new long[] {s.lastRead(), s.lastPublished()});
            }
        }
    }
}
