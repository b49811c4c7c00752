package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Which Hazelcast partition a block lives in: the partition of its key (the block id, an {@code Integer}) in the
 * dataset's {@code IMap}. That is the hash of the serialized key modulo the cluster's partition count, so it is
 * the same on every member and client of a cluster and does not change when partitions migrate; a partition always
 * lives wholly on one member.
 */
public final class BlockPartitions {
    private BlockPartitions() {
    }

    /**
     * The partition of each block id, by {@code hz}'s partition service (a member's or a client's).
     *
     * @param hz a member or client of the cluster
     * @return block id → partition id, in {@code [0, partitionCount)}
     */
    public static IntUnaryOperator of(HazelcastInstance hz) {
        PartitionService ps = hz.getPartitionService();
        return id -> ps.getPartition(id).getPartitionId();
    }

    /**
     * The number of live blocks of {@code layout} in each partition that holds any: O(blocks) look-ups.
     *
     * @param layout      the live block ids ({@link DatasetSchema#layout()})
     * @param partitionOf block id → partition id ({@link #of})
     * @return partition id → number of live blocks in it; partitions holding none are absent
     */
    public static Map<Integer, Integer> liveBlocksPerPartition(BlockIds layout, IntUnaryOperator partitionOf) {
        Map<Integer, Integer> counts = new HashMap<>();
        layout.forEach(id -> counts.merge(partitionOf.applyAsInt(id), 1, Integer::sum));
        return counts;
    }
}
