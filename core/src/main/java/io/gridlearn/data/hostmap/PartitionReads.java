package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a member reads one partition of a host map: a query limited to that partition
 * ({@link Predicates#partitionPredicate}) with a {@link RowProjection}. Hazelcast runs a partition query on the
 * partition's owner; a task runs it for the partitions its own member owns, so the entries are read, projected and
 * returned without leaving the member. The rows come back sorted by serialized key, which makes everything built
 * from them independent of the map's internal iteration order (and so of migrations and member count).
 */
final class PartitionReads {
    private PartitionReads() {
    }

    /**
     * The projected rows of one partition, sorted by serialized key.
     *
     * @param hz           the member
     * @param map          the host map's name
     * @param paths        the attribute paths
     * @param partitionKey a key of that partition (an {@code Integer}, hashed the way the block keys are)
     * @return the partition's rows
     */
    static List<ProjectedRow> read(HazelcastInstance hz, String map, String[] paths, int partitionKey) {
        IMap<Object, Object> m = hz.getMap(map);
        Collection<ProjectedRow> rows = m.project(new RowProjection(paths),
                Predicates.partitionPredicate(partitionKey, Predicates.alwaysTrue()));
        List<ProjectedRow> sorted = new ArrayList<>(rows);
        sorted.sort(ProjectedRow::compareKeys);
        return sorted;
    }

    /** A serialized key as text, for messages; the key's class must be on the member (keys usually are plain). */
    static String keyText(HazelcastInstance hz, byte[] key) {
        try {
            SerializationService ss = ((SerializationServiceSupport) hz).getSerializationService();
            return String.valueOf((Object) ss.toObject(new HeapData(key)));
        } catch (RuntimeException e) {
            return "(a key this member cannot read: " + e.getMessage() + ")";
        }
    }
}
