package io.gridlearn.data;

import java.util.function.IntUnaryOperator;

/**
 * A pass whose merge order depends on the Hazelcast partition of each block (the QR pass, whose R factors are
 * folded per partition, then over partitions: {@code io.gridlearn.linear.RFactorGroups}). In a grid, members
 * give it their own partition service; a single-JVM reference runner must give it the block → partition map of
 * the cluster it is compared with. That map is a function of the partition count alone ({@link BlockPartitions}),
 * so such a pass has the same bits on any number of members <em>for one partition count</em>.
 */
public interface PartitionedPass {
    /**
     * Sets the partition of each block id (not serialized).
     *
     * @param partitionOfBlock block id → partition id
     */
    void usePartitions(IntUnaryOperator partitionOfBlock);
}
