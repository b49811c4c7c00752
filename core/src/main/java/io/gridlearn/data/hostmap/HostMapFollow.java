package io.gridlearn.data.hostmap;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.journal.EventJournalInitialSubscriberState;
import com.hazelcast.internal.journal.EventJournalReader;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.Missing;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code load --from-map … --follow}: converts a host map into a dataset and keeps the dataset equal to the map through
 * the map's event journal, with a {@link JournalFollower} that runs <b>on a member</b> (the owner of the dataset
 * name's partition), so the command or program that started it may exit. It stops when {@link #stop} removes its spec,
 * when the dataset is dropped, or when its member leaves; {@link #start} on the same dataset (while no follower runs)
 * starts it again, re-converting every partition in its first round.
 *
 * <p>The host enables the journal on its map ({@code EventJournalConfig}): without it, following is refused in one
 * line saying what to set. Changes are published at most once per interval; the first round after start also picks
 * up whatever changed while the map was being converted (the journal positions are read before the conversion).
 */
public final class HostMapFollow {
    /** Followers' specs by dataset name. */
    public static final String SPECS_MAP = "gridlearn.follow";
    /** Followers' reports by dataset name. */
    public static final String STATUS_MAP = "gridlearn.follow.status";
    /** The default time between two published changes. */
    public static final long DEFAULT_INTERVAL_MS = 1000;

    private HostMapFollow() {
    }

    /**
     * Converts {@code map} into dataset {@code name} (or takes the dataset of that name if it was built from that
     * map with those paths) and starts following the map.
     *
     * @param hz         a member or client of the grid that holds the map
     * @param map        the host map, with its event journal enabled
     * @param name       the dataset's name
     * @param paths      the attribute paths, one per column
     * @param missing    {@link Missing#ERROR} or {@link Missing#SKIP}, as for {@link HostMapLoader#load}
     * @param blockSize  rows per block at most (for a new dataset)
     * @param intervalMs at least this many milliseconds between two published changes, 10 to 3,600,000
     * @return the dataset's schema as converted (or as found)
     * @throws BadInputException if the map has no event journal, the dataset exists but was not built from that map
     *                           with those paths, or it is followed already
     */
    public static DatasetSchema start(HazelcastInstance hz, String map, String name, List<String> paths, Missing missing,
                                      int blockSize, long intervalMs) {
        if (intervalMs < 10 || intervalMs > 3_600_000) {
            throw new BadInputException("follow: the time between published changes is 10 ms to 1 hour, not "
                    + intervalMs + " ms");
        }
        if (map == null || !HostMapLoader.mapExists(hz, map)) {
            throw new BadInputException("map '" + map + "' does not exist in the grid");
        }
        DatasetSchema.checkName(name);
        long[] sequences = journalPositions(hz, map);
        DatasetCatalog catalog = new DatasetCatalog(hz);
        Optional<DatasetSchema> existing = catalog.find(name);
        IMap<String, FollowSpec> specs = hz.getMap(SPECS_MAP);
        FollowSpec before = specs.get(name);
        if (before != null && running(hz, name, before)) {
            throw new BadInputException("dataset '" + name + "' is followed already (map '" + before.map
                    + "'); stop that first: gridlearn follow --stop " + name);
        }
        DatasetSchema schema;
        if (existing.isPresent()) {
            schema = existing.get();
            if (!schema.source().equals("map:" + map) || !schema.columnNames().equals(paths)) {
                throw new BadInputException("dataset '" + name + "' exists and was not converted from map '" + map
                        + "' with the paths " + paths + "; choose another name or drop it first");
            }
        } else {
            schema = HostMapLoader.load(hz, map, name, paths, missing, blockSize);
        }
        FollowSpec spec = new FollowSpec(map, name, paths.toArray(new String[0]), missing == Missing.SKIP, intervalMs,
                UUID.randomUUID().toString());
        boolean stored = before == null ? specs.putIfAbsent(name, spec) == null : specs.replace(name, before, spec);
        try {
            if (!stored) {
                throw new BadInputException("dataset '" + name + "' was started following by another caller meanwhile");
            }
            Member member = hz.getPartitionService().getPartition(name).getOwner();
            if (member == null) {
                member = hz.getCluster().getMembers().iterator().next();
            }
            hz.getExecutorService(HostMapLoader.EXECUTOR)
                    .submitToMember(new FollowStartTask(spec, sequences, existing.isPresent()), member)
                    .get(1, TimeUnit.MINUTES);
            return schema;
        } catch (RuntimeException | InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            if (stored) {
                specs.remove(name, spec);
            }
            if (existing.isEmpty()) {
                catalog.drop(name); // nothing half-built: the dataset existed only for this follower
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new GridlearnException("starting the follower of map '" + map + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stops following a dataset (the dataset stays as it is); waits up to 10 s for the follower to end.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @return false when it was not followed
     */
    public static boolean stop(HazelcastInstance hz, String dataset) {
        IMap<String, FollowSpec> specs = hz.getMap(SPECS_MAP);
        FollowSpec spec = specs.remove(dataset);
        if (spec == null) {
            return false;
        }
        IMap<String, FollowStatus> statuses = hz.getMap(STATUS_MAP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10) + TimeUnit.MILLISECONDS.toNanos(spec.intervalMs);
        while (System.nanoTime() < deadline) {
            FollowStatus s = statuses.get(dataset);
            if (s == null || !s.token.equals(spec.token)) {
                return true;
            }
            if (!memberPresent(hz, s.member)) {
                statuses.remove(dataset, s);
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    /**
     * The followers' reports, by dataset name.
     *
     * @param hz a member or client of the grid
     * @return every follower's newest status
     */
    public static Map<String, FollowStatus> statuses(HazelcastInstance hz) {
        IMap<String, FollowStatus> statuses = hz.getMap(STATUS_MAP);
        return new TreeMap<>(statuses.getAll(statuses.keySet()));
    }

    /**
     * One follower's newest report.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @return its status, or empty when it is not followed
     */
    public static Optional<FollowStatus> status(HazelcastInstance hz, String dataset) {
        IMap<String, FollowStatus> statuses = hz.getMap(STATUS_MAP);
        return Optional.ofNullable(statuses.get(dataset));
    }

    /**
     * Waits until every write to the map completed before {@code sinceMillis} (this caller's clock, which must agree
     * with the follower's member to a few milliseconds, as on one machine) is in the dataset and its live models.
     *
     * @param hz          a member or client of the grid
     * @param dataset     the followed dataset
     * @param sinceMillis epoch milliseconds
     * @param timeoutMs   how long to wait at most
     * @return the status that shows it
     * @throws GridlearnException on timeout, naming the follower's state
     */
    public static FollowStatus awaitCaughtUp(HazelcastInstance hz, String dataset, long sinceMillis, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        FollowStatus s = null;
        while (System.nanoTime() < deadline) {
            s = status(hz, dataset).orElse(null);
            if (s != null && s.caughtUpTo > sinceMillis) {
                return s;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new GridlearnException("dataset '" + dataset + "' has not caught up with its map within " + timeoutMs
                + " ms" + (s == null ? " (not followed)" : " (" + s.state + (s.message == null ? "" : ": " + s.message) + ")"));
    }

    /** The journal's next position in every partition, or a one-line refusal when the map has no journal. */
    @SuppressWarnings("unchecked")
    static long[] journalPositions(HazelcastInstance hz, String map) {
        EventJournalReader<Object> reader = (EventJournalReader<Object>) hz.getMap(map);
        int partitions = hz.getPartitionService().getPartitions().size();
        List<CompletionStage<EventJournalInitialSubscriberState>> heads = new ArrayList<>(partitions);
        long[] next = new long[partitions];
        for (int q = 0; q < partitions; q++) {
            if (q == 1) {
                // partition 0 alone first: a map without a journal is refused after one member-side error, not one
                // per partition
                next[0] = newest(heads.get(0), map) + 1;
            }
            heads.add(reader.subscribeToEventJournal(q));
        }
        for (int q = partitions == 1 ? 0 : 1; q < partitions; q++) {
            next[q] = newest(heads.get(q), map) + 1;
        }
        return next;
    }

    private static long newest(CompletionStage<EventJournalInitialSubscriberState> head, String map) {
        try {
            return head.toCompletableFuture().get(1, TimeUnit.MINUTES).getNewestSequence();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while reading the event journal of map '" + map + "'", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c == null ? "" : String.valueOf(c.getMessage());
            if (c instanceof UnsupportedOperationException || why.contains("not configured or disabled")) {
                throw new BadInputException("map '" + map + "' has no event journal, which --follow reads: enable it"
                        + " on the members (map config '" + map + "': event-journal enabled, capacity at least 10 × "
                        + "the writes between two published changes; see docs/from-map.md)");
            }
            throw new GridlearnException("reading the event journal of map '" + map + "': " + why, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new GridlearnException("reading the event journal of map '" + map + "' timed out", e);
        }
    }

    /** Whether the follower of {@code spec} reports from a member that is still in the cluster. */
    private static boolean running(HazelcastInstance hz, String dataset, FollowSpec spec) {
        IMap<String, FollowStatus> statuses = hz.getMap(STATUS_MAP);
        FollowStatus s = statuses.get(dataset);
        return s != null && s.token.equals(spec.token) && memberPresent(hz, s.member);
    }

    private static boolean memberPresent(HazelcastInstance hz, String address) {
        for (Member m : hz.getCluster().getMembers()) {
            if (m.getAddress().toString().equals(address)) {
                return true;
            }
        }
        return false;
    }
}
