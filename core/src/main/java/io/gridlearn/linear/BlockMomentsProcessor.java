package io.gridlearn.linear;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;

import java.io.IOException;
import java.util.Map;

/**
 * The first pass of the linear family over a few named blocks: each block's {@link LinearPassAggregator},
 * computed on the block's owner and sent back on its own. A live model's update after an append reads only the
 * new blocks; {@code IMap.executeOnKeys} reaches exactly their partitions, where an aggregation with a key
 * predicate would visit every partition of the map. The driver combines the per-block aggregators exactly, so
 * the moments are the same bits as an aggregation over the same blocks. Read-only: no backup operation.
 */
public final class BlockMomentsProcessor
        implements EntryProcessor<Integer, RowBlock, LinearPassAggregator>, ReadOnly, IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** An empty aggregator with the pass's settings, copied for every block. */
    private LinearPassAggregator prototype;

    /** An empty processor, for deserialization. */
    public BlockMomentsProcessor() {
    }

    /** @param prototype an empty aggregator with the pass's settings (it is copied for every block) */
    public BlockMomentsProcessor(LinearPassAggregator prototype) {
        if (prototype.computesRFactors()) {
            // R factors are grouped by partition, which needs the member's instance; this path is for moments only
            throw new IllegalArgumentException("BlockMomentsProcessor computes moments only, not R factors");
        }
        this.prototype = prototype;
    }

    @Override
    public LinearPassAggregator process(Map.Entry<Integer, RowBlock> entry) {
        if (entry.getValue() == null) {
            return null;
        }
        LinearPassAggregator a = prototype.emptyCopy();
        a.accumulate(entry);
        return a;
    }

    @Override
    public EntryProcessor<Integer, RowBlock, LinearPassAggregator> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.BLOCK_MOMENTS_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(prototype);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        prototype = in.readObject();
    }
}
