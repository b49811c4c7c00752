package io.gridlearn.data.hostmap;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.Missing;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.StagedBlocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code load --from-map}: a dataset from a host's own {@code IMap}, converted by the members that own its entries.
 *
 * <ol>
 *   <li><b>Plan</b> (caller): for every partition, the smallest {@code Integer} keys that hash into it. Block ids are
 *       {@code Integer} keys of the dataset's block map, so a block under such an id lives in that partition.</li>
 *   <li><b>Scan</b> ({@link ScanTask}, on each member for the partitions the caller saw it own): counts per partition,
 *       and per path the kinds of values, example keys and the distinct texts. The caller decides each column's kind
 *       (numbers and booleans: numeric; texts and enums: categorical; both: an error), the category dictionary (the
 *       union of every member's texts, sorted: one dictionary for the cluster, the same on any member count), the
 *       missing-value errors, and how many blocks each partition needs.</li>
 *   <li><b>Convert</b> ({@link ConvertTask}, same members and partitions): each partition's rows, sorted by
 *       serialized key, cut into blocks written under that partition's ids, with their source keys
 *       ({@link SourceKeys}) beside them.</li>
 *   <li><b>Publish</b> ({@link StagedBlocks#publish}): the schema appears only once the grid holds every block; any
 *       failure destroys what was written.</li>
 * </ol>
 *
 * What crosses the network besides the backups of the new blocks: the tasks, their results (O(partitions + blocks +
 * distinct texts)) and the queries a member sends to itself. A partition that migrates between the plan and its pass
 * is still read and written correctly (the query and the writes go to its owner), only no longer locally.
 */
public final class HostMapLoader {
    /** The executor the conversion tasks run on (Hazelcast's default executor configuration). */
    public static final String EXECUTOR = "gridlearn.hostmap";

    private HostMapLoader() {
    }

    /**
     * Converts {@code map}'s entries into a new dataset whose columns are {@code paths}, named as the paths are.
     *
     * @param hz        a member or client of the grid that holds the map
     * @param map       the host map's name
     * @param name      the new dataset's name
     * @param paths     attribute paths, as Hazelcast's predicates read them ({@code price}, {@code customer.segment})
     * @param missing   {@link Missing#ERROR} (a null value fails the load, naming map, key and path) or
     *                  {@link Missing#SKIP} (rows with a null value are left out)
     * @param blockSize rows per block at most
     * @return the published schema
     */
    public static DatasetSchema load(HazelcastInstance hz, String map, String name, List<String> paths, Missing missing,
                                     int blockSize) {
        String[] p = checkPaths(map, paths);
        if (missing == null || missing == Missing.MEAN) {
            throw new BadInputException("load --from-map: --missing is error or skip, not "
                    + (missing == null ? "null" : missing.id()));
        }
        DatasetSchema.checkName(name);
        if (!mapExists(hz, map)) {
            throw new BadInputException("map '" + map + "' does not exist in the grid");
        }
        boolean skip = missing == Missing.SKIP;
        PartitionService ps = hz.getPartitionService();
        int partitionCount = ps.getPartitions().size();
        Map<Member, List<Integer>> byOwner = owners(hz, ps);
        IExecutorService executor = hz.getExecutorService(EXECUTOR);

        // scan
        int[][] firstKeys = keysPerPartition(ps, partitionCount, new int[partitionCount]);
        long[] rows = new long[partitionCount];
        long[] complete = new long[partitionCount];
        ColumnTally[] tally = new ColumnTally[p.length];
        for (int c = 0; c < p.length; c++) {
            tally[c] = new ColumnTally();
        }
        Map<Member, Future<ScanResult>> scans = new LinkedHashMap<>();
        for (Map.Entry<Member, List<Integer>> e : byOwner.entrySet()) {
            int[] parts = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] keys = Arrays.stream(parts).map(q -> firstKeys[q][0]).toArray();
            scans.put(e.getKey(), executor.submitToMember(new ScanTask(map, p, parts, keys), e.getKey()));
        }
        for (Map.Entry<Member, Future<ScanResult>> e : scans.entrySet()) {
            ScanResult r = await(e.getValue(), map, e.getKey());
            if (r.failure != null) {
                throw new GridlearnException("reading map '" + map + "' on member " + e.getKey().getAddress() + " failed: "
                        + r.failure);
            }
            for (int i = 0; i < r.partitions.length; i++) {
                rows[r.partitions[i]] = r.rows[i];
                complete[r.partitions[i]] = r.complete[i];
            }
            for (int c = 0; c < p.length; c++) {
                tally[c].merge(r.columns[c]);
            }
        }
        long total = Arrays.stream(rows).sum();
        if (total == 0) {
            throw new BadInputException("map '" + map + "' has no entries");
        }
        List<ColumnSpec> columns = columns(map, p, tally, skip);
        long[] kept = skip ? complete : rows;
        long keptRows = Arrays.stream(kept).sum();
        if (keptRows == 0) {
            throw new BadInputException("map '" + map + "': every one of its " + total
                    + " entries has a null value on one of the paths (--missing skip left no rows)");
        }

        // plan the blocks: partition q gets ceil(kept[q] / blockSize) ids, all in partition q
        int[] need = new int[partitionCount];
        for (int q = 0; q < partitionCount; q++) {
            long b = (kept[q] + blockSize - 1) / blockSize;
            if (b > Integer.MAX_VALUE / 2) {
                throw new BadInputException("map '" + map + "': partition " + q + " needs " + b + " blocks; use a larger block size");
            }
            need[q] = (int) b;
        }
        int[][] ids = keysPerPartition(ps, partitionCount, need);

        // convert
        StagedBlocks staged = new DatasetCatalog(hz).stage(name, blockSize);
        try {
            boolean[] categorical = new boolean[p.length];
            String[][] levels = new String[p.length][];
            for (int c = 0; c < p.length; c++) {
                categorical[c] = columns.get(c).kind() == ColumnKind.CATEGORICAL;
                levels[c] = columns.get(c).levels().toArray(new String[0]);
            }
            Map<Member, Future<ConvertResult>> converts = new LinkedHashMap<>();
            for (Map.Entry<Member, List<Integer>> e : byOwner.entrySet()) {
                int[] parts = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                int[] keys = Arrays.stream(parts).map(q -> firstKeys[q][0]).toArray();
                long[] expected = Arrays.stream(parts).mapToLong(q -> kept[q]).toArray();
                int[][] blockIds = Arrays.stream(parts).mapToObj(q -> Arrays.copyOf(ids[q], need[q])).toArray(int[][]::new);
                converts.put(e.getKey(), executor.submitToMember(new ConvertTask(map, p, categorical, levels, skip,
                        blockSize, staged.mapName(), parts, keys, expected, blockIds), e.getKey()));
            }
            TreeMap<Integer, Long> digests = new TreeMap<>();
            long written = 0;
            for (Map.Entry<Member, Future<ConvertResult>> e : converts.entrySet()) {
                ConvertResult r = await(e.getValue(), map, e.getKey());
                if (r.failure != null) {
                    String msg = "map '" + map + "' on member " + e.getKey().getAddress() + ": " + r.failure;
                    throw r.badInput
                            ? new BadInputException(msg + " (the map changed during the conversion? retry when it is quiet)")
                            : new GridlearnException("converting " + msg);
                }
                for (int i = 0; i < r.blockIds.length; i++) {
                    digests.put(r.blockIds[i], r.digests[i]);
                    written += r.rows[i];
                }
            }
            if (written != keptRows) {
                throw new GridlearnException("map '" + map + "': the members wrote " + written + " rows of " + keptRows);
            }
            int[] layout = digests.keySet().stream().mapToInt(Integer::intValue).toArray();
            long[] d = digests.values().stream().mapToLong(Long::longValue).toArray();
            return staged.publish(columns, BlockIds.of(layout), keptRows, d, "map:" + map);
        } catch (RuntimeException | Error e) {
            staged.abort();
            throw e;
        }
    }

    private static String[] checkPaths(String map, List<String> paths) {
        if (map == null || map.isBlank()) {
            throw new BadInputException("load --from-map: give the name of a map");
        }
        if (paths == null || paths.isEmpty()) {
            throw new BadInputException("load --from-map " + map + ": give at least one attribute path with --columns");
        }
        Set<String> seen = new HashSet<>();
        for (String path : paths) {
            if (path == null || path.isBlank() || !path.strip().equals(path)) {
                throw new BadInputException("load --from-map " + map + ": attribute path '" + path
                        + "' is empty or has spaces around it");
            }
            if (!seen.add(path)) {
                throw new BadInputException("load --from-map " + map + ": attribute path '" + path + "' is given twice");
            }
        }
        return paths.toArray(new String[0]);
    }

    /** The columns' kinds and dictionaries, or the first problem (paths in order) as one clear message. */
    private static List<ColumnSpec> columns(String map, String[] paths, ColumnTally[] tally, boolean skip) {
        List<ColumnSpec> out = new ArrayList<>();
        for (int c = 0; c < paths.length; c++) {
            ColumnTally t = tally[c];
            String at = "map '" + map + "', ";
            if (t.unreadable > 0) {
                throw new BadInputException(at + "key " + t.badKey + ", path '" + paths[c] + "': cannot read " + t.badWhy);
            }
            if (t.numbers == 0 && t.texts == 0) {
                throw new BadInputException(at + "path '" + paths[c] + "': no entry has a value there (" + t.nulls
                        + " entries read, every one null or without that attribute); paths are read as Hazelcast's "
                        + "predicates read them, e.g. price or customer.segment");
            }
            if (t.numbers > 0 && t.texts > 0) {
                throw new BadInputException(at + "path '" + paths[c] + "': key " + t.numberKey + " has a number and key "
                        + t.textKey + " the text '" + t.textSample + "'; a column is numeric (numbers, booleans) or "
                        + "categorical (strings, enums), not both");
            }
            if (t.nulls > 0 && !skip) {
                throw new BadInputException(at + "key " + t.nullKey + ", path '" + paths[c] + "': the value is null ("
                        + t.nulls + " entries have none there); use --missing skip to leave such entries out");
            }
            out.add(t.texts > 0
                    ? new ColumnSpec(paths[c], ColumnKind.CATEGORICAL, new ArrayList<>(new TreeSet<>(t.levels)))
                    : new ColumnSpec(paths[c], ColumnKind.NUMERIC, List.of()));
        }
        return out;
    }

    /** Partitions by their owner as this caller sees them now; unowned ones go to the first member. */
    private static Map<Member, List<Integer>> owners(HazelcastInstance hz, PartitionService ps) {
        Map<Member, List<Integer>> byOwner = new LinkedHashMap<>();
        Member first = hz.getCluster().getMembers().iterator().next();
        for (Partition part : ps.getPartitions()) {
            Member owner = part.getOwner() == null ? first : part.getOwner();
            byOwner.computeIfAbsent(owner, m -> new ArrayList<>()).add(part.getPartitionId());
        }
        byOwner.values().forEach(l -> l.sort(Integer::compare));
        return byOwner;
    }

    /**
     * For every partition q, the smallest {@code max(1, need[q])} non-negative {@code Integer}s whose partition is q,
     * ascending: the partition's block ids (and its first one the key that routes a query there). Depends only on the
     * partition count, so it is the same on every member count.
     */
    static int[][] keysPerPartition(PartitionService ps, int partitionCount, int[] need) {
        int[][] out = new int[partitionCount][];
        int[] filled = new int[partitionCount];
        int open = 0;
        for (int q = 0; q < partitionCount; q++) {
            out[q] = new int[Math.max(1, need[q])];
            open++;
        }
        for (int i = 0; open > 0; i++) {
            if (i < 0) {
                throw new GridlearnException("ran out of block ids");
            }
            int q = ps.getPartition(i).getPartitionId();
            if (filled[q] < out[q].length) {
                out[q][filled[q]++] = i;
                if (filled[q] == out[q].length) {
                    open--;
                }
            }
        }
        return out;
    }

    static boolean mapExists(HazelcastInstance hz, String map) {
        for (DistributedObject o : hz.getDistributedObjects()) {
            if (o instanceof IMap<?, ?> && o.getName().equals(map)) {
                return true;
            }
        }
        return false;
    }

    private static <T> T await(Future<T> f, String map, Member member) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while converting map '" + map + "'", e);
        } catch (ExecutionException e) {
            throw new GridlearnException("converting map '" + map + "' on member " + member.getAddress() + " failed: "
                    + e.getCause(), e.getCause());
        }
    }

}
