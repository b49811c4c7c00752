package io.gridlearn.data.hostmap;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.internal.journal.EventJournalInitialSubscriberState;
import com.hazelcast.internal.journal.EventJournalReader;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import io.gridlearn.BadInputException;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetEditor;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.StagedBlocks;
import io.gridlearn.runtime.LiveModelsOf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a dataset built from a host map equal to the map, on the member it was started on (one thread per followed
 * dataset). Every round, at most once per {@link FollowSpec#intervalMs}:
 * <ol>
 *   <li><b>Journal</b>: for every partition, the event journal's newest sequence
 *       ({@link EventJournalReader#subscribeToEventJournal}). A partition whose journal moved since the last round
 *       has had puts, updates or removes. If its oldest retained event is newer than the first one this follower had
 *       not yet seen, events were overwritten before the round saw them — an <b>overrun</b>; a journal that restarted
 *       below the follower's position (its member lost) counts the same. Either way the round re-converts <em>every</em>
 *       partition (the heal is a full re-conversion) and counts it in {@link FollowStatus#heals()}.</li>
 *   <li><b>Re-convert the changed partitions</b> with {@link ConvertTask} on their owners, exactly as a load does
 *       (rows sorted by serialized key, cut into blocks of the dataset's block size, written with their source keys
 *       under fresh ids in the same partition), so no row leaves its member. An update therefore takes the entry's old
 *       row out (its partition's old blocks leave) and puts the new row in (the new blocks hold the value read now),
 *       and after any sequence of changes a partition's blocks hold what a fresh conversion of it would hold.</li>
 *   <li><b>Publish</b> one change: the changed partitions' old blocks out, their new blocks in
 *       ({@link DatasetEditor#publishWritten}); then the live models absorb it ({@link LiveModelsOf#onChange}: exact
 *       moments, so a live linear model equals a full {@code cholesky} refit bit for bit), then the old blocks and
 *       their source keys are deleted.</li>
 * </ol>
 * A round that cannot be applied (a null on a path with {@code --missing error}, a text outside a categorical
 * column's dictionary, a lost member) publishes nothing, keeps its partitions pending and says why in the status
 * ({@link FollowStatus#STALLED}); the next round tries again. Nothing is skipped.
 *
 * <p>Block ids are reserved in chunks ({@link DatasetCatalog#reserveBlockIds}) and kept per partition until used, so
 * ids are spent at the rate blocks are written, not at the rate ids are scanned for one of the right partition.
 */
final class JournalFollower implements Runnable {
    private static final Map<String, JournalFollower> RUNNING = new ConcurrentHashMap<>();
    private static final int ATTEMPTS = 4;

    private final HazelcastInstance hz;
    private final FollowSpec spec;
    private final long[] next;
    private final boolean[] dirty;
    private final int partitions;
    private final int[] routing;
    private final Map<Integer, ArrayDeque<Integer>> pool = new HashMap<>();
    private final Map<Integer, Integer> partitionOf = new HashMap<>();
    private final FollowStatus status;
    private volatile boolean stopped;

    private JournalFollower(HazelcastInstance hz, FollowSpec spec, long[] sequences, boolean all) {
        this.hz = hz;
        this.spec = spec;
        this.partitions = hz.getPartitionService().getPartitions().size();
        if (sequences.length != partitions) {
            throw new IllegalArgumentException(sequences.length + " journal positions for " + partitions + " partitions");
        }
        this.next = sequences.clone();
        this.dirty = new boolean[partitions];
        java.util.Arrays.fill(dirty, all);
        int[][] first = HostMapLoader.keysPerPartition(hz.getPartitionService(), partitions, new int[partitions]);
        this.routing = new int[partitions];
        for (int q = 0; q < partitions; q++) {
            routing[q] = first[q][0];
        }
        this.status = new FollowStatus(spec.token, hz.getCluster().getLocalMember().getAddress().toString());
    }

    /** Starts a follower on this member (replacing one of an older start of the same dataset here). */
    static void start(HazelcastInstance hz, FollowSpec spec, long[] sequences, boolean all) {
        JournalFollower f = new JournalFollower(hz, spec, sequences, all);
        JournalFollower before = RUNNING.put(key(hz, spec.dataset), f);
        if (before != null) {
            before.stopped = true;
        }
        f.writeStatus();
        Thread t = new Thread(f, "gridlearn-follow-" + spec.dataset);
        t.setDaemon(true);
        t.start();
    }

    /** Whether a follower of {@code dataset} runs on this member (tests). */
    static boolean runsHere(HazelcastInstance hz, String dataset) {
        return RUNNING.containsKey(key(hz, dataset));
    }

    private static String key(HazelcastInstance hz, String dataset) {
        return hz.getName() + "/" + dataset;
    }

    @Override
    public void run() {
        try {
            long due = 0;
            while (true) {
                while (System.currentTimeMillis() < due) {
                    if (!alive()) {
                        return;
                    }
                    Thread.sleep(Math.min(20, Math.max(1, due - System.currentTimeMillis())));
                }
                if (!alive() || !stillOurs()) {
                    return;
                }
                long start = System.currentTimeMillis();
                due = start + spec.intervalMs;
                round(start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (alive()) {
                status.state = FollowStatus.STALLED;
                status.message = "the follower ended: " + e;
                writeStatus();
            }
        } finally {
            RUNNING.remove(key(hz, spec.dataset), this);
        }
    }

    private boolean alive() {
        return !stopped && hz.getLifecycleService().isRunning();
    }

    /**
     * Whether this follower's spec is still the stored one and its dataset exists; if not (stopped, restarted
     * elsewhere, dataset dropped) it removes what is its own and ends.
     */
    private boolean stillOurs() {
        IMap<String, FollowSpec> specs = hz.getMap(HostMapFollow.SPECS_MAP);
        IMap<String, FollowStatus> statuses = hz.getMap(HostMapFollow.STATUS_MAP);
        FollowSpec now = specs.get(spec.dataset);
        boolean ours = now != null && now.token.equals(spec.token);
        boolean exists = new DatasetCatalog(hz).find(spec.dataset).isPresent();
        if (ours && exists) {
            return true;
        }
        if (ours) {
            specs.remove(spec.dataset, now); // the dataset was dropped: following ends with it
        }
        FollowStatus last = statuses.get(spec.dataset);
        if (last != null && last.token.equals(spec.token)) {
            statuses.remove(spec.dataset, last);
        }
        return false;
    }

    /** One round: journal, re-conversion of the changed partitions, one published change. */
    private void round(long start) {
        status.message = null;
        try {
            pollJournal();
            boolean any = false;
            for (boolean d : dirty) {
                any |= d;
            }
            if (any) {
                apply(start);
            }
            status.state = FollowStatus.FOLLOWING;
            status.caughtUpTo = start;
        } catch (BadInputException e) {
            status.state = FollowStatus.STALLED;
            status.message = (status.message == null ? "" : status.message + "; ") + e.getMessage();
        } catch (RuntimeException e) {
            status.state = FollowStatus.STALLED;
            status.message = (status.message == null ? "" : status.message + "; ") + "retrying: " + e.getMessage();
        }
        writeStatus();
    }

    private void writeStatus() {
        IMap<String, FollowStatus> statuses = hz.getMap(HostMapFollow.STATUS_MAP);
        statuses.set(spec.dataset, status.copy());
    }

    /** Marks the partitions whose journal moved; an overrun or a restarted journal marks every partition. */
    @SuppressWarnings("unchecked")
    private void pollJournal() {
        EventJournalReader<Object> reader = (EventJournalReader<Object>) hz.getMap(spec.map);
        List<CompletionStage<EventJournalInitialSubscriberState>> heads = new ArrayList<>(partitions);
        for (int q = 0; q < partitions; q++) {
            heads.add(reader.subscribeToEventJournal(q));
        }
        String lost = null;
        for (int q = 0; q < partitions; q++) {
            EventJournalInitialSubscriberState s;
            try {
                s = heads.get(q).toCompletableFuture().get(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.gridlearn.GridlearnException("interrupted while reading the journal of map '" + spec.map + "'");
            } catch (Exception e) {
                throw new io.gridlearn.GridlearnException("reading the event journal of map '" + spec.map
                        + "', partition " + q + ": " + e.getMessage(), e);
            }
            long newest = s.getNewestSequence();
            long oldest = s.getOldestSequence();
            if (newest + 1 == next[q]) {
                continue;
            }
            if (lost == null && (oldest > next[q] || newest + 1 < next[q])) {
                lost = oldest > next[q]
                        ? "journal of map '" + spec.map + "' overrun in partition " + q + ": events " + next[q] + " to "
                        + (oldest - 1) + " were overwritten unread"
                        : "journal of map '" + spec.map + "' in partition " + q + " restarted at " + (newest + 1)
                        + " below " + next[q] + " (its member lost?)";
            }
            dirty[q] = true;
            next[q] = newest + 1;
        }
        if (lost != null) {
            java.util.Arrays.fill(dirty, true);
            status.heals++;
            status.message = lost + "; healed by re-converting every partition";
        }
    }

    /** Re-converts the dirty partitions and publishes the change; the dirty marks stay if it fails. */
    private void apply(long start) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(spec.dataset);
        PartitionService ps = hz.getPartitionService();
        // the blocks the dirty partitions hold now, and how many ids to offer each (one more than it has)
        List<Integer> removeIds = new ArrayList<>();
        int[] need = new int[partitions];
        for (int id : schema.layout().toArray()) {
            int q = partitionOf.computeIfAbsent(id, i -> ps.getPartition(i).getPartitionId());
            if (dirty[q]) {
                removeIds.add(id);
                need[q]++;
            }
        }
        for (int q = 0; q < partitions; q++) {
            need[q] = dirty[q] ? need[q] + 1 : 0;
        }
        int blockSize = schema.blockSize();
        boolean[] categorical = new boolean[spec.paths.length];
        String[][] levels = new String[spec.paths.length][];
        for (int c = 0; c < spec.paths.length; c++) {
            ColumnSpec col = schema.columns().get(c);
            categorical[c] = col.kind() == ColumnKind.CATEGORICAL;
            levels[c] = col.levels().toArray(new String[0]);
        }
        IMap<Integer, RowBlock> blocks = catalog.blocks(schema);
        IMap<Integer, SourceKeys> keys = hz.getMap(StagedBlocks.keysMapName(schema.mapName()));
        for (int attempt = 1; ; attempt++) {
            int[][] offered = new int[partitions][];
            for (int q = 0; q < partitions; q++) {
                offered[q] = need[q] == 0 ? null : take(catalog, schema, q, need[q]);
            }
            TreeMap<Integer, long[]> written = new TreeMap<>(); // id -> {rows, digest}
            boolean[] untouched = new boolean[partitions]; // partitions of a task that wrote nothing (short of ids)
            boolean shortOfIds = false;
            boolean published = false;
            try {
                Map<Member, Future<ConvertResult>> tasks = new LinkedHashMap<>();
                Map<Member, int[]> taskParts = new LinkedHashMap<>();
                IExecutorService executor = hz.getExecutorService(HostMapLoader.EXECUTOR);
                for (Map.Entry<Member, List<Integer>> e : owners(ps, need).entrySet()) {
                    int[] parts = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                    int[] routes = java.util.Arrays.stream(parts).map(q -> routing[q]).toArray();
                    long[] any = new long[parts.length];
                    java.util.Arrays.fill(any, -1);
                    int[][] ids = java.util.Arrays.stream(parts).mapToObj(q -> offered[q]).toArray(int[][]::new);
                    taskParts.put(e.getKey(), parts);
                    tasks.put(e.getKey(), executor.submitToMember(new ConvertTask(spec.map, spec.paths, categorical,
                            levels, spec.skip, blockSize, schema.mapName(), parts, routes, any, ids), e.getKey()));
                }
                String failure = null;
                boolean badInput = false;
                for (Map.Entry<Member, Future<ConvertResult>> e : tasks.entrySet()) {
                    ConvertResult r = e.getValue().get(5, TimeUnit.MINUTES);
                    for (int i = 0; i < r.blockIds.length; i++) {
                        written.put(r.blockIds[i], new long[] {r.rows[i], r.digests[i]});
                    }
                    if (r.failure != null && r.needed.length > 0 && r.blockIds.length == 0 && !r.badInput) {
                        int[] parts = taskParts.get(e.getKey());
                        for (int i = 0; i < parts.length; i++) {
                            need[parts[i]] = Math.max(need[parts[i]], r.needed[i] + 1);
                            untouched[parts[i]] = true;
                        }
                        shortOfIds = true;
                    } else if (r.failure != null && failure == null) {
                        failure = "map '" + spec.map + "' on member " + e.getKey().getAddress() + ": " + r.failure;
                        badInput = r.badInput;
                    }
                }
                if (failure != null) {
                    throw badInput ? new BadInputException(failure) : new io.gridlearn.GridlearnException(failure);
                }
                if (!shortOfIds) {
                    int[] ids = written.keySet().stream().mapToInt(Integer::intValue).toArray();
                    int[] rows = written.values().stream().mapToInt(v -> (int) v[0]).toArray();
                    long[] digests = written.values().stream().mapToLong(v -> v[1]).toArray();
                    BlockIds remove = BlockIds.of(removeIds.stream().mapToInt(Integer::intValue).toArray());
                    if (ids.length > 0 || !remove.isEmpty()) {
                        DatasetChange change = DatasetEditor.publishWritten(catalog, schema, remove, ids, rows, digests);
                        published = true;
                        java.util.Arrays.fill(dirty, false);
                        status.changes++;
                        status.rows = change.after().rows();
                        status.lastRead = start;
                        try {
                            LiveModelsOf.onChange(hz, change);
                        } catch (RuntimeException e) {
                            status.message = "live models: " + e.getMessage();
                        } finally {
                            DatasetEditor.purge(catalog, change);
                            change.removed().forEach(id -> {
                                keys.delete(id);
                                partitionOf.remove(id);
                            });
                        }
                        status.lastPublished = System.currentTimeMillis();
                    } else {
                        java.util.Arrays.fill(dirty, false); // partitions empty before and after
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.gridlearn.GridlearnException("interrupted");
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new io.gridlearn.GridlearnException("re-converting map '" + spec.map + "': " + e.getMessage(), e);
            } finally {
                // ids a task may have written to stay unused and their blocks are deleted unless published; ids
                // offered to a task that wrote nothing (short of ids), or left over by a published one, are kept
                for (int q = 0; q < partitions; q++) {
                    if (offered[q] == null) {
                        continue;
                    }
                    for (int id : offered[q]) {
                        if (untouched[q] || (published && !written.containsKey(id))) {
                            pool.get(q).addFirst(id);
                        } else if (!published) {
                            blocks.delete(id);
                            keys.delete(id);
                            partitionOf.remove(id);
                        }
                    }
                }
            }
            if (!shortOfIds) {
                return;
            }
            if (attempt == ATTEMPTS) {
                throw new io.gridlearn.GridlearnException("map '" + spec.map + "' kept growing faster than block ids"
                        + " were offered; retrying next round");
            }
        }
    }

    /** {@code n} reserved, unused ids of partition {@code q}, reserving more (in chunks) when the pool runs short. */
    private int[] take(DatasetCatalog catalog, DatasetSchema schema, int q, int n) {
        ArrayDeque<Integer> mine = pool.computeIfAbsent(q, k -> new ArrayDeque<>());
        PartitionService ps = hz.getPartitionService();
        while (mine.size() < n) {
            int chunk = Math.max(64, 2 * partitions);
            int first = catalog.reserveBlockIds(schema, chunk);
            for (int id = first; id < first + chunk; id++) {
                int p = ps.getPartition(id).getPartitionId();
                partitionOf.put(id, p);
                pool.computeIfAbsent(p, k -> new ArrayDeque<>()).addLast(id);
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = mine.pollFirst();
        }
        return out;
    }

    /** The partitions with {@code need > 0} by their owner now; unowned ones go to this member. */
    private Map<Member, List<Integer>> owners(PartitionService ps, int[] need) {
        Map<Member, List<Integer>> byOwner = new LinkedHashMap<>();
        for (Partition part : ps.getPartitions()) {
            int q = part.getPartitionId();
            if (need[q] > 0) {
                Member owner = part.getOwner() == null ? hz.getCluster().getLocalMember() : part.getOwner();
                byOwner.computeIfAbsent(owner, m -> new ArrayList<>()).add(q);
            }
        }
        return byOwner;
    }
}
