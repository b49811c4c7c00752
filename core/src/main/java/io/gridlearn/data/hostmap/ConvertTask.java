package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.StagedBlocks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The second pass of a conversion, on one member over the partitions it owns: reads the entries again, sorted by
 * key, encodes them with the cluster's dictionary into row blocks of at most {@code blockSize} rows, and writes each
 * block, with its rows' source keys, under a block id the caller chose in the same partition. The source rows and
 * the new blocks therefore stay on this member (their backups go where Hazelcast puts backups); only the blocks'
 * ids, row counts and digests go back ({@link ConvertResult}).
 *
 * <p>The first pass fixed each partition's row count; a partition that now has another count, a null where there
 * was none, or a text outside the dictionary means the map changed in between, and fails the conversion.
 *
 * <p><b>Following</b> ({@link JournalFollower}): an expected row count below 0 means "whatever the partition holds
 * now". The partition's ids are then candidates, of which the first ⌈rows / blockSize⌉ are used; when there are
 * too few for some partition, nothing is written and the result says how many each partition needs
 * ({@link ConvertResult#needed}). All partitions are read before any block is written, so that check costs no
 * orphan blocks.
 */
public final class ConvertTask implements Callable<ConvertResult>, IdentifiedDataSerializable, HazelcastInstanceAware {
    private String map;
    private String[] paths;
    private boolean[] categorical;
    private String[][] levels;
    private boolean skip;
    private int blockSize;
    private String blockMap;
    private int[] partitions;
    private int[] partitionKeys;
    private long[] expectedRows;
    private int[][] blockIds;
    private transient HazelcastInstance hz;

    /** For Hazelcast's factory. */
    public ConvertTask() {
    }

    ConvertTask(String map, String[] paths, boolean[] categorical, String[][] levels, boolean skip, int blockSize,
                String blockMap, int[] partitions, int[] partitionKeys, long[] expectedRows, int[][] blockIds) {
        this.map = map;
        this.paths = paths;
        this.categorical = categorical;
        this.levels = levels;
        this.skip = skip;
        this.blockSize = blockSize;
        this.blockMap = blockMap;
        this.partitions = partitions;
        this.partitionKeys = partitionKeys;
        this.expectedRows = expectedRows;
        this.blockIds = blockIds;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    /** A failure the user can fix (the map changed meanwhile, an unreadable value). */
    private static final class Changed extends RuntimeException {
        Changed(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public ConvertResult call() {
        ConvertResult result = new ConvertResult();
        try {
            List<Map<String, Integer>> codes = new ArrayList<>();
            for (String[] l : levels) {
                Map<String, Integer> m = new HashMap<>();
                for (int i = 0; i < l.length; i++) {
                    m.put(l[i], i);
                }
                codes.add(m);
            }
            IMap<Integer, RowBlock> blocks = hz.getMap(blockMap);
            IMap<Integer, SourceKeys> keys = hz.getMap(StagedBlocks.keysMapName(blockMap));
            List<Integer> ids = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            List<Long> digests = new ArrayList<>();
            boolean following = expectedRows.length > 0 && expectedRows[0] < 0;
            int[] needed = new int[partitions.length];
            // a follower's partitions are all read before any block is written (so a short list of ids costs no
            // orphan blocks); a load reads them one at a time, holding one partition's rows at once
            List<List<ProjectedRow>> read = new ArrayList<>();
            if (following) {
                boolean shortOfIds = false;
                for (int i = 0; i < partitions.length; i++) {
                    List<ProjectedRow> rows = readPartition(i);
                    read.add(rows);
                    needed[i] = (rows.size() + blockSize - 1) / blockSize;
                    shortOfIds |= needed[i] > blockIds[i].length;
                }
                if (shortOfIds) {
                    result.needed = needed;
                    result.failure = "more block ids needed";
                    return result;
                }
            }
            for (int i = 0; i < partitions.length; i++) {
                List<ProjectedRow> rows = following ? read.get(i) : readPartition(i);
                if (!following && rows.size() != expectedRows[i]) {
                    throw new Changed("partition " + partitions[i] + " now has " + rows.size() + " "
                            + (skip ? "complete " : "") + "entries, " + expectedRows[i] + " when it was first read");
                }
                needed[i] = (rows.size() + blockSize - 1) / blockSize;
                if (following) {
                    read.set(i, null); // written below: let it go
                }
                int b = 0;
                for (int from = 0; from < rows.size(); from += blockSize, b++) {
                    int n = Math.min(blockSize, rows.size() - from);
                    RowBlock block = encode(blockIds[i][b], rows.subList(from, from + n), codes);
                    byte[][] k = new byte[n][];
                    for (int r = 0; r < n; r++) {
                        k[r] = rows.get(from + r).key();
                    }
                    // the block id was chosen in this partition: both writes are local, only backups travel
                    keys.set(block.blockId(), new SourceKeys(k));
                    blocks.set(block.blockId(), block);
                    ids.add(block.blockId());
                    counts.add(n);
                    digests.add(StagedBlocks.digest(block));
                }
                if (!following && b != blockIds[i].length) {
                    throw new IllegalStateException("partition " + partitions[i] + ": " + b + " blocks for "
                            + blockIds[i].length + " ids");
                }
            }
            result.needed = needed;
            result.blockIds = ids.stream().mapToInt(Integer::intValue).toArray();
            result.rows = counts.stream().mapToInt(Integer::intValue).toArray();
            result.digests = digests.stream().mapToLong(Long::longValue).toArray();
        } catch (Changed e) {
            result.failure = e.getMessage();
            result.badInput = true;
        } catch (RuntimeException e) {
            result.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return result;
    }

    private List<ProjectedRow> readPartition(int i) {
        List<ProjectedRow> rows = PartitionReads.read(hz, map, paths, partitionKeys[i]);
        if (skip) {
            rows.removeIf(r -> !r.complete());
        }
        return rows;
    }

    private RowBlock encode(int id, List<ProjectedRow> rows, List<Map<String, Integer>> codes) {
        int n = rows.size();
        int d = paths.length;
        double[] v = new double[n * d];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < n; r++) {
                ProjectedRow row = rows.get(r);
                byte kind = row.kind(c);
                double x;
                if (kind == ProjectedRow.NULL) {
                    if (!skip) {
                        throw new Changed("the value at key " + PartitionReads.keyText(hz, row.key()) + ", path '"
                                + paths[c] + "' is now null (missing)");
                    }
                    x = Double.NaN; // not reached: skip removed incomplete rows
                } else if (kind == ProjectedRow.UNREADABLE) {
                    throw new Changed("key " + PartitionReads.keyText(hz, row.key()) + ", path '" + paths[c] + "': "
                            + row.text(c));
                } else if (categorical[c]) {
                    Integer code = kind == ProjectedRow.TEXT ? codes.get(c).get(row.text(c)) : null;
                    if (code == null) {
                        throw new Changed("key " + PartitionReads.keyText(hz, row.key()) + ", path '" + paths[c]
                                + "' now holds " + (kind == ProjectedRow.TEXT ? "'" + row.text(c) + "'" : "a number")
                                + ", not one of the column's categories");
                    }
                    x = code;
                } else {
                    if (kind != ProjectedRow.NUMBER) {
                        throw new Changed("key " + PartitionReads.keyText(hz, row.key()) + ", path '" + paths[c]
                                + "' now holds text '" + row.text(c) + "' in a numeric column");
                    }
                    x = row.number(c);
                }
                v[c * n + r] = x;
            }
        }
        return new RowBlock(id, n, d, v);
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.CONVERT_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(map);
        out.writeStringArray(paths);
        out.writeBooleanArray(categorical);
        out.writeInt(levels.length);
        for (String[] l : levels) {
            out.writeStringArray(l);
        }
        out.writeBoolean(skip);
        out.writeInt(blockSize);
        out.writeString(blockMap);
        out.writeIntArray(partitions);
        out.writeIntArray(partitionKeys);
        out.writeLongArray(expectedRows);
        out.writeInt(blockIds.length);
        for (int[] b : blockIds) {
            out.writeIntArray(b);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        map = in.readString();
        paths = in.readStringArray();
        categorical = in.readBooleanArray();
        levels = new String[in.readInt()][];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = in.readStringArray();
        }
        skip = in.readBoolean();
        blockSize = in.readInt();
        blockMap = in.readString();
        partitions = in.readIntArray();
        partitionKeys = in.readIntArray();
        expectedRows = in.readLongArray();
        blockIds = new int[in.readInt()][];
        for (int i = 0; i < blockIds.length; i++) {
            blockIds[i] = in.readIntArray();
        }
    }
}
