package io.gridlearn.data;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * What one JVM gathered in a pass run by {@link MemberPasses}: the merge of its working copies of the pass's
 * aggregator (null when it added no block), the ids of the blocks added to them (ascending), and whether a copy
 * failed mid-block (then the pass is not accepted).
 */
public final class PoolShare implements IdentifiedDataSerializable {
    private int[] blocks;
    private boolean broken;
    private BlockPassAggregator<?> aggregator;

    /** For deserialization. */
    public PoolShare() {
    }

    /**
     * @param blocks     the ids of the blocks added, ascending
     * @param broken     whether a working copy failed mid-block
     * @param aggregator the merged working copies, or null for none
     */
    PoolShare(int[] blocks, boolean broken, BlockPassAggregator<?> aggregator) {
        this.blocks = blocks;
        this.broken = broken;
        this.aggregator = aggregator;
    }

    /**
     * The ids of the blocks added.
     *
     * @return ascending block ids (the array itself)
     */
    int[] blocks() {
        return blocks;
    }

    /**
     * Whether a working copy failed mid-block.
     *
     * @return true when this share must not be used
     */
    boolean broken() {
        return broken;
    }

    /**
     * The merged working copies.
     *
     * @return the aggregator, or null when no block was added
     */
    BlockPassAggregator<?> aggregator() {
        return aggregator;
    }

    @Override
    public int getFactoryId() {
        return DatasetSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DatasetSerializerHook.POOL_SHARE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(blocks);
        out.writeBoolean(broken);
        out.writeObject(aggregator);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        blocks = in.readIntArray();
        broken = in.readBoolean();
        aggregator = in.readObject();
    }
}
