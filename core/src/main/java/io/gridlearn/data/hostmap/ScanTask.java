package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The first pass of a conversion, on one member over the partitions it owns: reads every entry's paths
 * ({@link PartitionReads}) and returns only counts, example keys and distinct texts ({@link ScanResult}), from
 * which the caller decides each column's kind, the one category dictionary of the cluster and how many blocks each
 * partition needs.
 */
public final class ScanTask implements Callable<ScanResult>, IdentifiedDataSerializable, HazelcastInstanceAware {
    private String map;
    private String[] paths;
    private int[] partitions;
    private int[] partitionKeys;
    private transient HazelcastInstance hz;

    /** For Hazelcast's factory. */
    public ScanTask() {
    }

    ScanTask(String map, String[] paths, int[] partitions, int[] partitionKeys) {
        this.map = map;
        this.paths = paths;
        this.partitions = partitions;
        this.partitionKeys = partitionKeys;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hz = hazelcastInstance;
    }

    @Override
    public ScanResult call() {
        ScanResult result = new ScanResult();
        try {
            result.partitions = partitions.clone();
            result.rows = new long[partitions.length];
            result.complete = new long[partitions.length];
            result.columns = new ColumnTally[paths.length];
            for (int c = 0; c < paths.length; c++) {
                result.columns[c] = new ColumnTally();
            }
            for (int i = 0; i < partitions.length; i++) {
                int partition = partitions[i];
                List<ProjectedRow> rows = PartitionReads.read(hz, map, paths, partitionKeys[i]);
                result.rows[i] = rows.size();
                for (ProjectedRow row : rows) {
                    if (row.complete()) {
                        result.complete[i]++;
                    }
                    for (int c = 0; c < paths.length; c++) {
                        result.columns[c].add(row, c, partition, () -> row.keyText() != null ? row.keyText()
                                : PartitionReads.keyText(hz, row.key()));
                    }
                }
            }
        } catch (RuntimeException e) {
            result.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return result;
    }

    @Override
    public int getFactoryId() {
        return HostMapSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return HostMapSerializerHook.SCAN_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(map);
        out.writeStringArray(paths);
        out.writeIntArray(partitions);
        out.writeIntArray(partitionKeys);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        map = in.readString();
        paths = in.readStringArray();
        partitions = in.readIntArray();
        partitionKeys = in.readIntArray();
    }
}
